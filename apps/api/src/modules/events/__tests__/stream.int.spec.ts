import { ZEventRecord, type TEventRecord } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createGateway, gatewayEvent, type TestGateway } from "./telemetry-fixtures";

type Tail = { events: TEventRecord[]; ready: Promise<void>; close: () => void; log: string[] };

/** Reads `GET /v1/events/stream` as an SSE client would. */
function tail(baseUrl: string, token: string, query = ""): Tail {
  const controller = new AbortController();
  const events: TEventRecord[] = [];
  const log: string[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  void (async () => {
    const res = await fetch(`${baseUrl}/v1/events/stream${query}`, {
      headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
      signal: controller.signal,
    });
    log.push(`status ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      log.push(`chunk ${JSON.stringify(decoder.decode(chunk).slice(0, 120))}`);
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (type === "ready") markReady();
        if (type === "event" && data) events.push(ZEventRecord.parse(JSON.parse(data)));
      }
    }
    log.push("ended");
  })().catch((e: Error) => log.push(`error ${e.message}`));
  return { events, ready, close: () => controller.abort(), log };
}

const waitFor = async (cond: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("GET /v1/events/stream", () => {
  let api: TestApi;
  let second: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let gw: TestGateway;
  beforeAll(async () => {
    api = await startApi();
    // A second API instance on the same Redis: the tail works whichever instance ingested.
    second = await startApi({ REDIS_PREFIX: api.env.REDIS_PREFIX });
    [org, other] = await Promise.all([createOrg(api, "sse"), createOrg(api, "sse-other")]);
    gw = await createGateway(api, org, { name: "edge-1" });
  });
  afterAll(async () => {
    await second?.close();
    await api?.close();
  });

  it("streams new events that pass the filters, across API instances, and nothing of other orgs", async () => {
    const blockedOnly = tail(second.url, org.as.viewer.token!, "?action=block");
    const everything = tail(api.url, org.as.viewer.token!);
    const theirs = tail(api.url, other.as.admin.token!);
    onTestFinished(() => [blockedOnly, everything, theirs].forEach((t) => t.close()));
    const ready = (t: Tail, name: string) =>
      Promise.race([
        t.ready,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`${name} never subscribed: ${t.log.join("; ")}`)), 10_000),
        ),
      ]);
    await Promise.all([
      ready(blockedOnly, "second instance tail"),
      ready(everything, "first instance tail"),
      ready(theirs, "other org tail"),
    ]);
    const allowed = gatewayEvent({ action: "allowed" });
    const blocked = gatewayEvent({
      action: "blocked",
      status: "blocked",
      httpStatus: 400,
      blockedBy: { policy: "inj", reason: "instruction override" },
    });
    await gw.api.post("/v1/ingest/events", { events: [allowed, blocked] });
    await waitFor(() => everything.events.length >= 2 && blockedOnly.events.length >= 1);
    expect(everything.events.map((e) => e.id)).toEqual([allowed.id, blocked.id]);
    expect(blockedOnly.events.map((e) => e.id)).toEqual([blocked.id]);
    expect(blockedOnly.events[0]).toMatchObject({ gatewayName: "edge-1", blockedBy: { policy: "inj" } });
    // A replay is not news.
    await gw.api.post("/v1/ingest/events", { events: [allowed] });
    await new Promise((r) => setTimeout(r, 300));
    expect(everything.events).toHaveLength(2);
    expect(theirs.events).toEqual([]);
  }, 60_000);

  it("needs a signed-in caller and valid filters", async () => {
    expect((await fetch(`${api.url}/v1/events/stream`)).status).toBe(401);
    const bad = await fetch(`${api.url}/v1/events/stream?action=nope`, {
      headers: { authorization: `Bearer ${org.as.viewer.token}` },
    });
    expect(bad.status).toBe(400);
  });
});
