import { ZDashboardSummary, ZEventGroups, type TPolicyDecision } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import {
  createGateway,
  createTeam,
  gatewayEvent,
  type TestGateway,
} from "../../events/__tests__/telemetry-fixtures";

const decision = (
  policy: string,
  type: TPolicyDecision["type"],
  action: TPolicyDecision["action"],
): TPolicyDecision => ({
  policy,
  type,
  stage: "request",
  action,
  triggered: true,
  latencyUs: 8,
  details: {},
});

describe("GET /v1/dashboard/summary", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let gws: TestGateway[];
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "dash"), createOrg(api, "dash-other")]);
    const team = await createTeam(org, "Core");
    gws = [
      await createGateway(api, org, { teamId: team.id, name: "gw-live" }),
      await createGateway(api, org, { name: "gw-quiet" }),
      await createGateway(api, org, { name: "gw-new" }),
    ];
    await api.db.gateway.update({ where: { id: gws[0].id }, data: { lastHeartbeatAt: new Date() } });
    await api.db.gateway.update({
      where: { id: gws[1].id },
      data: { lastHeartbeatAt: new Date(Date.now() - 10 * 60_000) },
    });
    const t = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await gws[0].api.post("/v1/ingest/events", {
      events: [
        gatewayEvent({
          ts: t(5),
          endUser: "a",
          decisions: [decision("pii", "pii-detector", "redact")],
          action: "redacted",
        }),
        gatewayEvent({
          ts: t(90),
          endUser: "b",
          decisions: [decision("inj", "prompt-injection", "block")],
          action: "blocked",
          status: "blocked",
        }),
        gatewayEvent({ ts: t(200), endUser: "a", model: "gpt-4o" }),
        gatewayEvent({ ts: t(60 * 30), endUser: "c" }),
      ],
    });
    await gws[1].api.post("/v1/ingest/events", {
      events: [
        gatewayEvent({
          ts: t(30),
          endUser: "d",
          decisions: [decision("pii", "pii-detector", "redact")],
          action: "redacted",
        }),
      ],
    });
  });
  afterAll(() => api?.close());

  it("summarises requests, users, policy trigger rates, spend and gateways by health", async () => {
    const s = ZDashboardSummary.parse((await org.as.viewer.get("/v1/dashboard/summary?since=24h")).body);
    expect(s.totals).toMatchObject({ requests: 4, blocked: 1, redacted: 2 });
    expect(s.activeUsers).toBe(3);
    expect(s.policies.sort((a, b) => a.policy.localeCompare(b.policy))).toEqual([
      { policy: "inj", triggered: 1, rate: 0.25, blocked: 1 },
      { policy: "pii", triggered: 2, rate: 0.5, blocked: 0 },
    ]);
    const byName = Object.fromEntries(s.gateways.map((g) => [g.name, g]));
    expect(byName["gw-live"]).toMatchObject({ health: "healthy", requests: 3 });
    expect(byName["gw-quiet"]).toMatchObject({ health: "offline", requests: 1 });
    expect(byName["gw-new"]).toMatchObject({ health: "never", requests: 0 });
    expect(s.gatewaysByHealth).toEqual({ healthy: 1, stale: 0, offline: 1, never: 1 });
    expect(s.series.reduce((n, p) => n + p.requests, 0)).toBe(4);
    const grouped = ZEventGroups.parse(
      (await org.as.viewer.get(`/v1/events?since=${s.since}&until=${s.until}&group_by=action`)).body,
    );
    expect(s.totals.costUsd).toBeCloseTo(
      grouped.groups.reduce((c, g) => c + g.costUsd, 0),
      9,
    );
    const week = ZDashboardSummary.parse(
      (await org.as.finance.get("/v1/dashboard/summary?since=7d&gateway=gw-live")).body,
    );
    expect(week).toMatchObject({ totals: { requests: 4 }, activeUsers: 3 });
    expect(week.gateways.map((g) => g.name)).toEqual(["gw-live"]);
    expect(
      ZDashboardSummary.parse((await org.as.finance.get("/v1/dashboard/summary?since=7d")).body).activeUsers,
    ).toBe(4);
    expect(
      ZDashboardSummary.parse((await org.as.finance.get("/v1/dashboard/summary?since=10m")).body).activeUsers,
    ).toBe(1);
  });

  it("shows another org nothing of ours, and refuses bad ranges", async () => {
    const s = ZDashboardSummary.parse((await other.as.admin.get("/v1/dashboard/summary?since=7d")).body);
    expect(s).toMatchObject({ totals: { requests: 0 }, activeUsers: 0, gateways: [], policies: [] });
    expect(
      (await other.as.admin.get(`/v1/dashboard/summary?gateway=${gws[0].id}`)).body.totals.requests,
    ).toBe(0);
    expect((await org.as.admin.get("/v1/dashboard/summary?since=1h&until=2h")).status).toBe(400);
  });
});
