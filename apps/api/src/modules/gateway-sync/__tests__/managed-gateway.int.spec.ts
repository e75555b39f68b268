import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { seedTestDemoGateway, startManagedGateway, type ManagedGatewayProcess } from "../../../test/managed-gateway";
import type { DemoGatewaySeed } from "../../gateways/demo-gateway.seed";
import { createTeam } from "../../gateways/__tests__/control-plane.fixtures";

/** Polls until `check` holds; the test's own timeout bounds it (no timing assertion here). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
}

/**
 * The demo wiring end to end: the seeded demo gateway runs as `kt gateway run --control-plane …` against this
 * API, serves the demo key, and follows revocations and new config versions without a restart.
 */
// A gateway process started from sources: generous budgets for a busy machine, no timing assertions.
describe("managed gateway on the demo seed", { timeout: 120_000 }, () => {
  let api: TestApi;
  let org: TestOrg;
  let seed: DemoGatewaySeed;
  let gateway: ManagedGatewayProcess;
  let url: string;
  let teamId: string;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "managed");
    const team = await createTeam(org, "Platform");
    teamId = team.id;
    seed = await seedTestDemoGateway(api, org, team.id);
    gateway = await startManagedGateway(api.url, seed.credential);
    url = gateway.url;
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await api?.close();
  });

  const chat = (key: string, model = "gpt-4o-mini") =>
    fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ model, messages: [{ role: "user", content: "Say hello" }] }),
    });

  it("serves the demo key with the demo team policy", async () => {
    const res = await chat(seed.key.secret);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).choices[0].message.content).toEqual(expect.any(String));
    expect((await chat("kt_gk_not-a-key")).status).toBe(401);
  });

  it("stops a revoked key without a restart", async () => {
    const issued = (await org.as.admin.post("/v1/gateway-keys", { name: "short-lived", teamId, gatewayId: seed.id })).body;
    await eventually(async () => (await chat(issued.secret)).status === 200);
    expect((await org.as.admin.post(`/v1/gateway-keys/${issued.id}/revoke`)).status).toBe(200);
    await eventually(async () => (await chat(issued.secret)).status === 401);
    expect((await chat(seed.key.secret)).status).toBe(200);
  });

  it("applies a new config version without a restart", async () => {
    const config = (await org.as.admin.get(`/v1/policy-configs/${seed.policyConfig.id}`)).body;
    const narrowed = config.current.source.replace(/models: \[[^\]]*\]/, "models: [gpt-4o]");
    const saved = await org.as.admin.post(`/v1/policy-configs/${seed.policyConfig.id}/versions`, { yaml: narrowed, message: "gpt-4o only" });
    expect(saved.status).toBe(201);
    await eventually(async () => (await chat(seed.key.secret, "gpt-4o-mini")).status === 403);
    expect((await chat(seed.key.secret, "gpt-4o")).status).toBe(200);
  });
});
