import {
  ZBudget,
  ZBudgetReservation,
  ZGatewayBudgetStatus,
  ZNormalizedPolicyConfig,
  ZNotificationPage,
  ZWebhookCreated,
} from "@kt/contract";
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import {
  createGateway,
  createTeam,
  eventually,
  gatewayEvent,
  type TestGateway,
} from "../../events/__tests__/telemetry-fixtures";

// gpt-4o list price: $2.50 in, $10 out per million tokens.
const PROMPT = 20_000;
const COMPLETION = 5_000;
const CALL_COST = (PROMPT * 2.5 + COMPLETION * 10) / 1e6; // $0.10
const PROMPT_COST = (PROMPT * 2.5) / 1e6; // $0.05

type Delivery = { headers: Record<string, string | string[] | undefined>; body: string };

/** A webhook receiver: a real HTTP server on loopback recording what it gets. */
async function receiver(): Promise<{ url: string; deliveries: Delivery[]; close: () => Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as import("node:net").AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/kt`,
    deliveries,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * 50 clients call concurrently through two gateways, each acting as a gateway does: reserve the estimated cost,
 * wait for the "provider", then send the event. Returns what was admitted and the most calls ever in flight.
 */
async function drive(gateways: TestGateway[], teamId: string, estimate: number) {
  let inFlight = 0;
  let maxInFlight = 0;
  let admitted = 0;
  const client = async (n: number) => {
    const gw = gateways[n % gateways.length];
    for (;;) {
      const eventId = uuidv7();
      const r = await gw.api.post("/v1/gateway/budget/reserve", {
        teamId,
        eventId,
        estimatedCostUsd: estimate,
      });
      const reservation = ZBudgetReservation.parse(r.body);
      if (!reservation.granted) return;
      admitted++;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((done) => setTimeout(done, 5 + Math.random() * 25));
      const event = {
        ...gatewayEvent({ model: "gpt-4o", teamId, promptTokens: PROMPT, completionTokens: COMPLETION }),
        id: eventId,
      };
      const ack = await gw.api.post("/v1/ingest/events", { events: [event] });
      inFlight--;
      expect(ack.body).toEqual({ accepted: 1, duplicates: 0 });
    }
  };
  await Promise.all(Array.from({ length: 50 }, (_, n) => client(n)));
  return { admitted, maxInFlight };
}

describe("budgets: central enforcement across gateways, alerts once per threshold", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "bud"), createOrg(api, "bud-other")]);
    hook = await receiver();
  });
  afterAll(async () => {
    await api?.close();
    await hook?.close();
  });

  it("50 concurrent clients through two gateways never push spend past the limit when estimates hold", async () => {
    const team = await createTeam(org, "Search");
    const gateways = [
      await createGateway(api, org, { teamId: team.id }),
      await createGateway(api, org, { teamId: team.id }),
    ];
    const created = await org.as.admin.post("/v1/webhooks", { url: hook.url, events: ["budget.threshold"] });
    expect(created.status).toBe(201);
    const { secret } = ZWebhookCreated.parse(created.body);
    expect((await org.as.admin.put(`/v1/budgets/${team.id}`, { monthlyLimitUsd: 1 })).status).toBe(200);

    const { admitted } = await drive(gateways, team.id, CALL_COST);
    const budget = ZBudget.parse((await org.as.finance.get(`/v1/budgets/${team.id}`)).body);
    expect(budget.spentUsd).toBeLessThanOrEqual(1 + 1e-9);
    expect(budget.spentUsd).toBeGreaterThan(1 - CALL_COST - 1e-9);
    expect(admitted).toBe(Math.round(1 / CALL_COST));
    expect(budget.reservedUsd).toBe(0);
    const status = ZGatewayBudgetStatus.parse(
      (await gateways[1].api.get(`/v1/gateway/budget?teamId=${team.id}`)).body,
    );
    expect(status).toMatchObject({ teamId: team.id, limitUsd: 1 });
    expect(status.spentUsd).toBeCloseTo(budget.spentUsd, 9);

    // Alerts: 50, 80 and 100 % each fired once, in the feed and to the signed webhook.
    const feed = await eventually(async () => {
      const page = ZNotificationPage.parse((await org.as.viewer.get("/v1/notifications")).body);
      const alerts = page.items.filter((n) => n.kind === "budget.threshold" && n.data?.teamId === team.id);
      return alerts.length >= 3 ? alerts : undefined;
    });
    expect(feed.map((n) => n.data?.threshold).sort()).toEqual([100, 50, 80]);
    const deliveries = await eventually(async () =>
      hook.deliveries.length >= 3 ? hook.deliveries : undefined,
    );
    for (const d of deliveries) {
      const [t, v1] = String(d.headers["x-kt-signature"])
        .split(",")
        .map((p) => p.split("=")[1]);
      expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${d.body}`).digest("hex"));
    }
    expect(deliveries.map((d) => JSON.parse(d.body).data.threshold).sort()).toEqual([100, 50, 80]);
    expect(budget.alertsFired).toEqual([50, 80, 100]);
    // More spend in the same month fires nothing new.
    await gateways[0].api.post("/v1/ingest/events", {
      events: [gatewayEvent({ model: "gpt-4o", teamId: team.id, promptTokens: PROMPT })],
    });
    await new Promise((r) => setTimeout(r, 300));
    const again = ZNotificationPage.parse((await org.as.viewer.get("/v1/notifications?limit=200")).body);
    expect(
      again.items.filter((n) => n.kind === "budget.threshold" && n.data?.teamId === team.id),
    ).toHaveLength(3);
    expect(hook.deliveries).toHaveLength(3);
  });

  it("overruns the limit by at most what calls in flight cost beyond their estimates", async () => {
    const team = await createTeam(org, "Ads");
    const gateways = [await createGateway(api, org), await createGateway(api, org)];
    await org.as.admin.put(`/v1/budgets/${team.id}`, { monthlyLimitUsd: 2 });
    // The gateway knows the prompt's cost before the call, not the completion's.
    const { maxInFlight } = await drive(gateways, team.id, PROMPT_COST);
    const budget = ZBudget.parse((await org.as.admin.get(`/v1/budgets/${team.id}`)).body);
    expect(budget.spentUsd).toBeGreaterThan(2 - CALL_COST);
    expect(budget.spentUsd).toBeLessThanOrEqual(2 + maxInFlight * (CALL_COST - PROMPT_COST) + 1e-9);
  });

  it("takes the lower of the API budget and the team's cost_limit policy, and lets only admins set budgets", async () => {
    const team = await createTeam(org, "Legal");
    expect((await org.as.manager.get(`/v1/budgets/${team.id}`)).status).toBe(404); // not one of the manager's teams
    expect(ZBudget.parse((await org.as.admin.get(`/v1/budgets/${team.id}`)).body)).toMatchObject({
      limitUsd: null,
      spentUsd: 0,
      percentUsed: null,
    });
    // A cost_limit policy in a config owned by the team sets a limit of its own.
    const normalized = ZNormalizedPolicyConfig.parse({
      name: "legal-policy",
      policies: [
        { name: "team-budget", type: "cost_limit", monthlyLimitUsd: 20, action: "block", enabled: true },
      ],
    });
    const config = await api.db.policyConfig.create({
      data: { orgId: org.orgId, name: "legal-policy", teamId: team.id },
    });
    const version = await api.db.policyConfigVersion.create({
      data: {
        orgId: org.orgId,
        configId: config.id,
        number: 1,
        source: "policies: []",
        normalized,
        contentHash: "x",
        authorLabel: "test",
      },
    });
    await api.db.policyConfig.update({ where: { id: config.id }, data: { currentVersionId: version.id } });
    expect(ZBudget.parse((await org.as.admin.get(`/v1/budgets/${team.id}`)).body)).toMatchObject({
      limitUsd: 20,
      policyLimitUsd: 20,
      apiLimitUsd: null,
    });
    for (const role of ["manager", "finance", "viewer"] as const) {
      expect((await org.as[role].put(`/v1/budgets/${team.id}`, { monthlyLimitUsd: 5 })).status).toBe(403);
    }
    expect((await org.as.admin.put(`/v1/budgets/${team.id}`, { monthlyLimitUsd: -1 })).status).toBe(400);
    const set = ZBudget.parse(
      (await org.as.admin.put(`/v1/budgets/${team.id}`, { monthlyLimitUsd: 50 })).body,
    );
    expect(set).toMatchObject({ limitUsd: 20, apiLimitUsd: 50, policyLimitUsd: 20 });
    expect(
      ZBudget.parse((await org.as.admin.put(`/v1/budgets/${team.id}`, { monthlyLimitUsd: 8 })).body).limitUsd,
    ).toBe(8);
    const audit = await api.db.auditEntry.findMany({
      where: { orgId: org.orgId, resourceId: team.id, action: "budget.set" },
    });
    expect(audit).toHaveLength(2);
    const removed = ZBudget.parse((await org.as.admin.delete(`/v1/budgets/${team.id}`)).body);
    expect(removed).toMatchObject({ limitUsd: 20, apiLimitUsd: null });
    expect((await org.as.admin.delete(`/v1/budgets/${team.id}`)).status).toBe(404);
    const list = (await org.as.finance.get("/v1/budgets")).body;
    expect(list.items.map((b: { teamName: string }) => b.teamName)).toEqual(
      expect.arrayContaining(["Legal", "Search", "Ads"]),
    );
  });

  it("answers 404 for another org's teams on every budget route, for users and gateways", async () => {
    const theirs = await createTeam(other, "Theirs");
    const ours = await createGateway(api, org);
    expect((await org.as.admin.get(`/v1/budgets/${theirs.id}`)).status).toBe(404);
    expect((await org.as.admin.put(`/v1/budgets/${theirs.id}`, { monthlyLimitUsd: 1 })).status).toBe(404);
    expect((await org.as.admin.delete(`/v1/budgets/${theirs.id}`)).status).toBe(404);
    expect((await ours.api.get(`/v1/gateway/budget?teamId=${theirs.id}`)).status).toBe(404);
    expect(
      (
        await ours.api.post("/v1/gateway/budget/reserve", {
          teamId: theirs.id,
          eventId: uuidv7(),
          estimatedCostUsd: 0,
        })
      ).status,
    ).toBe(404);
    expect((await org.as.admin.get("/v1/gateway/budget?teamId=" + theirs.id)).status).toBe(401);
    expect((await ours.api.get("/v1/gateway/budget?teamId=not-a-uuid")).status).toBe(400);
  });
});
