import { ZEventGroups, ZEventPage, ZEventRecord, ZIngestResponse } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createGateway, createTeam, eventually, gatewayEvent, type TestGateway } from "./telemetry-fixtures";

describe("ingest and events", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let gw: TestGateway;
  let team: { id: string; name: string };
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "ev"), createOrg(api, "ev-other")]);
    team = await createTeam(org, "Payments");
    gw = await createGateway(api, org, { teamId: team.id, name: "prod-gw" });
  });
  afterAll(() => api?.close());

  it("shows an ingested event in GET /v1/events within 5 s, with the cost computed by the API", async () => {
    const sent = gatewayEvent({ endUser: "alice", costUsd: 123 });
    const sentAt = Date.now();
    const ack = await gw.api.post("/v1/ingest/events", { events: [sent] });
    expect(ack.status).toBe(200);
    expect(ZIngestResponse.parse(ack.body)).toEqual({ accepted: 1, duplicates: 0 });
    const found = await eventually(async () => {
      const res = await org.as.viewer.get("/v1/events?since=1h&limit=5");
      return ZEventPage.parse(res.body).items.find((e) => e.id === sent.id);
    }, 5_000);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(found).toMatchObject({
      gatewayId: gw.id,
      gatewayName: "prod-gw",
      teamId: team.id,
      teamName: "Payments",
      user: "alice",
      priceUnknown: false,
    });
    // gpt-4o-mini list price: 0.15 in, 0.6 out per million tokens; the gateway's own figure is not trusted.
    expect(found.costUsd).toBeCloseTo((120 * 0.15 + 80 * 0.6) / 1e6, 12);
    const one = await org.as.viewer.get(`/v1/events/${sent.id}`);
    expect(ZEventRecord.parse(one.body).id).toBe(sent.id);
  });

  it("is idempotent: a replayed batch changes nothing", async () => {
    const batch = { events: [gatewayEvent({ endUser: "replay" }), gatewayEvent({ endUser: "replay" })] };
    expect((await gw.api.post("/v1/ingest/events", batch)).body).toEqual({ accepted: 2, duplicates: 0 });
    const before = await org.as.admin.get("/v1/events?since=1h&user=replay&group_by=user");
    expect((await gw.api.post("/v1/ingest/events", batch)).body).toEqual({ accepted: 0, duplicates: 2 });
    expect(
      (await gw.api.post("/v1/ingest/events", { events: [batch.events[0], batch.events[0]] })).body,
    ).toEqual({ accepted: 0, duplicates: 2 });
    const after = await org.as.admin.get("/v1/events?since=1h&user=replay&group_by=user");
    expect(ZEventGroups.parse(after.body).groups).toEqual(before.body.groups);
    expect(after.body.groups[0].requests).toBe(2);
    const listed = await org.as.admin.get("/v1/events?since=1h&user=replay");
    expect(listed.body.items).toHaveLength(2);
  });

  it("marks a model with no known price as price unknown, never zero", async () => {
    const e = gatewayEvent({ provider: "openai", model: "in-house-llm-7b", endUser: "pricing" });
    await gw.api.post("/v1/ingest/events", { events: [e] });
    const got = (await org.as.admin.get(`/v1/events/${e.id}`)).body;
    expect(got).toMatchObject({ costUsd: null, priceUnknown: true });
    const grouped = ZEventGroups.parse(
      (await org.as.admin.get("/v1/events?since=1h&user=pricing&group_by=model")).body,
    );
    expect(grouped.groups[0]).toMatchObject({
      key: { model: "in-house-llm-7b" },
      costUsd: 0,
      unpricedRequests: 1,
    });
  });

  it("pages newest first with a cursor", async () => {
    const base = Date.now() - 60_000;
    const events = Array.from({ length: 7 }, (_, i) =>
      gatewayEvent({ ts: new Date(base + i * 1000).toISOString(), endUser: "pager" }),
    );
    await gw.api.post("/v1/ingest/events", { events });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: unknown } = await org.as.admin.get(
        `/v1/events?since=1h&user=pager&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const page = ZEventPage.parse(res.body);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(events.map((e) => e.id).reverse());
  });

  it("refuses bad batches and bad queries with a 4xx naming what to fix", async () => {
    const bad = await gw.api.post("/v1/ingest/events", { events: [{ ...gatewayEvent(), id: "nope" }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toContain("events.0.id");
    expect((await gw.api.post("/v1/ingest/events", { events: [] })).status).toBe(400);
    expect((await org.as.admin.get("/v1/events?since=yesterday")).body.error.message).toContain("since");
    expect((await org.as.admin.get("/v1/events?group_by=colour")).status).toBe(400);
    expect((await org.as.admin.get("/v1/events?gateway=no-such-gw")).body.error.message).toContain(
      'No gateway named "no-such-gw"',
    );
    expect((await org.as.admin.get("/v1/events?cursor=garbage")).status).toBe(400);
  });

  it("authenticates ingest by gateway credential only, and keeps orgs apart", async () => {
    expect((await org.as.admin.post("/v1/ingest/events", { events: [gatewayEvent()] })).status).toBe(401);
    const forged = gatewayEvent({ orgId: other.orgId, endUser: "forged" });
    await gw.api.post("/v1/ingest/events", { events: [forged] });
    expect((await other.as.admin.get(`/v1/events/${forged.id}`)).status).toBe(404);
    expect((await other.as.admin.get("/v1/events?since=1h")).body.items).toEqual([]);
    expect((await org.as.admin.get(`/v1/events/${forged.id}`)).status).toBe(200);
    expect((await org.as.admin.get("/v1/events/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
