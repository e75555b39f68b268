import { ZEventPage } from "@kt/contract";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startFakeOpenAi, type FakeOpenAi } from "../../../test/fake-openai";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { startManagedGateway, type ManagedGatewayProcess } from "../../../test/managed-gateway";
import {
  addressOf,
  allowModels,
  chat,
  eventually,
  fakeProviderYaml,
  gatewayHealth,
  PROVIDER_ENV,
  registerManagedGateway,
  storedEventCounts,
  takeDown,
} from "./managed-gateway.fixtures";

/** After the API returns, the gateway's shipper retries within its 10 s backoff; generous for a busy machine. */
const DELIVERED_WITHIN_MS = 45_000;
const PII_POLICY = `  - name: pii
    type: pii-detector
    action: redact
    enabled: true
`;

/**
 * The API goes away and comes back at the same URL while real gateway processes keep serving: every event a
 * gateway acknowledged (answered 2xx) is stored exactly once, even when the gateway itself was killed with SIGKILL.
 */
describe("events across an API outage", { timeout: 120_000 }, () => {
  let api: TestApi;
  let org: TestOrg;
  let provider: FakeOpenAi;
  let setup: Awaited<ReturnType<typeof registerManagedGateway>>;
  const gateways: ManagedGatewayProcess[] = [];
  /** Where the API was while it is down, to start it again there. */
  let down: ReturnType<typeof addressOf> | null = null;

  beforeAll(async () => {
    [api, provider] = await Promise.all([startApi(), startFakeOpenAi()]);
    org = await createOrg(api, "outage");
    const yaml = fakeProviderYaml(provider.url, allowModels(["gpt-4o-mini"]) + PII_POLICY);
    setup = await registerManagedGateway(org, { label: "outage", yaml });
  }, 120_000);
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.stop()));
    if (down) await bringApiBack(); // a failed test must not leave the next one without an API
  });
  afterAll(async () => {
    await Promise.all([down ? null : api?.close(), provider?.close()]);
  });

  const startGateway = async (options: { stateDir?: string; fsync?: boolean } = {}) => {
    const gateway = await startManagedGateway(api.url, setup.gateway.credential, {
      ...options,
      env: PROVIDER_ENV,
    });
    gateways.push(gateway);
    onTestFailed(() =>
      console.error(`${gateway.logFile}:\n${readFileSync(gateway.logFile, "utf8").slice(-3000)}`),
    );
    return gateway;
  };
  const takeApiDown = async () => {
    down = addressOf(api);
    await takeDown(api);
  };
  /** The API again at the same URL (and Redis prefix), as after a restart or a network outage. */
  const bringApiBack = async () => {
    api = await startApi(down!);
    down = null;
  };
  const marker = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.test`;

  it("keeps events on disk while the API is down and delivers each once when it returns", async () => {
    const gateway = await startGateway();
    await takeApiDown();

    const user = marker("outage");
    const acked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await chat(gateway.url, setup.key.secret, { user, content: `question ${i}` });
      expect(res.status).toBe(200);
      acked.push(res.headers.get("x-kt-event-id")!);
    }
    expect((await gatewayHealth(gateway.url)).spoolDepth).toBeGreaterThanOrEqual(5);

    await bringApiBack();
    await eventually(
      "the spooled events delivered",
      DELIVERED_WITHIN_MS,
      async () => (await gatewayHealth(gateway.url)).spoolDepth === 0,
    );
    const stored = await storedEventCounts(api, org.orgId, user);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(acked.map((id) => [id, 1])));
    const page = ZEventPage.parse(
      (await org.as.viewer.get(`/v1/events?since=10m&user=${encodeURIComponent(user)}`)).body,
    );
    expect(page.items.map((e) => e.id).sort()).toEqual([...acked].sort());
  });

  it.each([
    { durability: "write", fsync: false },
    { durability: "fsync", fsync: true },
  ])(
    "stores every acknowledged event exactly once after a SIGKILL under load while the API is down ($durability)",
    async ({ durability, fsync }) => {
      const first = await startGateway({ fsync });
      await takeApiDown();

      const user = marker(`kill-${durability}`);
      const acked = new Set<string>();
      const agent = new Agent({ connections: 16 });
      let stopped = false;
      const worker = async () => {
        while (!stopped) {
          try {
            const res = await request(`${first.url}/v1/chat/completions`, {
              method: "POST",
              dispatcher: agent,
              headers: {
                authorization: `Bearer ${setup.key.secret}`,
                "content-type": "application/json",
                "x-kt-user": user,
              },
              body: JSON.stringify({
                model: "gpt-4o-mini",
                messages: [{ role: "user", content: "mail me at a@b.example" }],
              }),
            });
            await res.body.text();
            const id = res.headers["x-kt-event-id"];
            if (res.statusCode === 200 && typeof id === "string") acked.add(id);
          } catch {
            // A request cut by the kill was never acknowledged.
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      // Killed mid-load: requests are in flight and events are being written when the process dies.
      await eventually("a few hundred calls answered", 60_000, () => acked.size >= 300);
      first.process.kill("SIGKILL");
      await new Promise((r) =>
        first.process.exitCode === null && first.process.signalCode === null
          ? first.process.once("exit", r)
          : r(null),
      );
      stopped = true;
      await Promise.all(workers);
      await agent.close();

      // The gateway comes back first, from its last synced config (the API is still down), then the API.
      const second = await startGateway({ stateDir: first.stateDir, fsync });
      await bringApiBack();
      await eventually("every acknowledged event stored", DELIVERED_WITHIN_MS, async () => {
        const stored = await storedEventCounts(api, org.orgId, user);
        return [...acked].every((id) => stored.has(id));
      });
      await eventually(
        "the spool drained",
        DELIVERED_WITHIN_MS,
        async () => (await gatewayHealth(second.url)).spoolDepth === 0,
      );

      const stored = await storedEventCounts(api, org.orgId, user);
      expect([...acked].filter((id) => !stored.has(id))).toEqual([]);
      expect([...stored].filter(([, n]) => n !== 1)).toEqual([]);
      // Written but not yet answered when killed: stored too, which is allowed (never acknowledged, never lost).
      expect(stored.size).toBeGreaterThanOrEqual(acked.size);
      expect(stored.size - acked.size).toBeLessThanOrEqual(16);
      console.log(`SIGKILL (${durability}): ${acked.size} acknowledged, ${stored.size} stored once each`);
    },
  );
});
