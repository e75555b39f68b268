import { ZEventPage } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { seedTestDemoGateway, startManagedGateway, type ManagedGatewayProcess } from "../../../test/managed-gateway";
import type { DemoGatewaySeed } from "../../gateways/demo-gateway.seed";
import { createTeam } from "./telemetry-fixtures";

const VISIBLE_WITHIN_MS = 5_000;

/** A real `kt gateway run --control-plane` process in front of the demo provider, shipping to this API. */
describe("an event sent by a running gateway", { timeout: 120_000 }, () => {
  let api: TestApi;
  let org: TestOrg;
  let seed: DemoGatewaySeed;
  let gateway: ManagedGatewayProcess;
  let url: string;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "running-gw");
    const team = await createTeam(org, "Platform");
    seed = await seedTestDemoGateway(api, org, team.id);
    gateway = await startManagedGateway(api.url, seed.credential);
    url = gateway.url;
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await api?.close();
  });

  it("shows up in GET /v1/events within 5 s, with its gateway, user, tokens and cost", async () => {
    const user = `dev-${Date.now()}@example.test`;
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${seed.key.secret}`,
        "content-type": "application/json",
        "x-kt-user": user,
      },
      body: JSON.stringify({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "Summarise our release notes" }],
      }),
    });
    expect(res.status).toBe(200);
    const answered = Date.now();
    let found = null;
    while (!found && Date.now() - answered < VISIBLE_WITHIN_MS) {
      const page = ZEventPage.parse(
        (await org.as.viewer.get(`/v1/events?since=10m&user=${encodeURIComponent(user)}`)).body,
      );
      found = page.items[0] ?? null;
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found, `not visible ${VISIBLE_WITHIN_MS} ms after the gateway answered`).not.toBeNull();
    expect(found).toMatchObject({ gatewayId: seed.id, user, model: "gpt-4o-mini", status: "success" });
    expect(found!.promptTokens).toBeGreaterThan(0);
  });
});
