import { ZDashboardSummary } from "@kt/contract";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import {
  createGateway,
  createTeam,
  gatewayEvent,
  type TestGateway,
} from "../../events/__tests__/telemetry-fixtures";

const HOUR = 3_600_000;
const USERS = ["ana", "bo", "chen", "dee", "eli", "fay", "gus", null];

/** The summary's numbers as a naive SQL query over the raw events computes them. */
async function naiveSummary(
  url: string,
  orgId: string,
  f: { since: string; until: string; teamId?: string; gatewayId?: string },
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const values: unknown[] = [orgId, f.since, f.until];
    const where = ["org_id = $1", "ts >= $2", "ts < $3"];
    if (f.teamId) where.push(`team_id = $${values.push(f.teamId)}`);
    if (f.gatewayId) where.push(`gateway_id = $${values.push(f.gatewayId)}`);
    const w = where.join(" AND ");
    const totals = await c.query(
      `SELECT count(*)::int AS requests, count(DISTINCT end_user)::int AS users,
        count(*) FILTER (WHERE action = 'blocked')::int AS blocked FROM telemetry.events WHERE ${w}`,
      values,
    );
    const gateways = await c.query(
      `SELECT gateway_id::text AS id, count(*)::int AS n FROM telemetry.events WHERE ${w} GROUP BY 1`,
      values,
    );
    const policies = await c.query(
      `SELECT p AS policy, count(*)::int AS n FROM telemetry.events, unnest(triggered_policies) p WHERE ${w} GROUP BY 1`,
      values,
    );
    return {
      ...(totals.rows[0] as { requests: number; users: number; blocked: number }),
      gateways: new Map(gateways.rows.map((r) => [r.id as string, r.n as number])),
      policies: new Map(policies.rows.map((r) => [r.policy as string, r.n as number])),
    };
  } finally {
    await c.end();
  }
}

describe("GET /v1/dashboard/summary equals a naive SQL aggregate", () => {
  let api: TestApi;
  let org: TestOrg;
  let gateways: TestGateway[];
  let teams: { id: string; name: string }[];
  const now = Date.now();
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "dash-prop");
    teams = [await createTeam(org, "Red"), await createTeam(org, "Blue")];
    gateways = [
      await createGateway(api, org, { teamId: teams[0].id, name: "gw-red" }),
      await createGateway(api, org, { teamId: teams[1].id, name: "gw-blue" }),
      await createGateway(api, org, { name: "gw-any" }),
    ];
    // Users active on some days only, so partial days at a range's ends hold users the whole days do not.
    const events = fc
      .sample(
        fc.record({
          age: fc.integer({ min: 60_000, max: 100 * HOUR }),
          user: fc.constantFrom(...USERS),
          gw: fc.integer({ min: 0, max: 2 }),
          blocked: fc.boolean(),
          pii: fc.boolean(),
        }),
        { numRuns: 900, seed: 20261123 },
      )
      .map((r) => ({
        gw: r.gw,
        event: gatewayEvent({
          ts: new Date(now - r.age).toISOString(),
          endUser: r.user === "gus" && r.age < 50 * HOUR ? null : r.user,
          teamId: r.gw < 2 ? teams[r.gw].id : r.age % 2 ? teams[0].id : null,
          action: r.blocked ? "blocked" : r.pii ? "redacted" : "allowed",
          status: r.blocked ? "blocked" : "success",
          decisions: r.pii
            ? [
                {
                  policy: "pii",
                  type: "pii-detector",
                  stage: "request",
                  action: "redact",
                  triggered: true,
                  latencyUs: 5,
                  details: {},
                },
              ]
            : [],
        }),
      }));
    for (const gw of [0, 1, 2]) {
      const res = await gateways[gw].api.post("/v1/ingest/events", {
        events: events.filter((e) => e.gw === gw).map((e) => e.event),
      });
      expect(res.status).toBe(200);
    }
  }, 120_000);
  afterAll(() => api?.close());

  it("for ranges within a day and across whole days, with and without team and gateway filters", async () => {
    const query = fc.record({
      sinceAgo: fc.integer({ min: 0, max: 100 * HOUR }),
      span: fc.integer({ min: 60_000, max: 100 * HOUR }),
      alignDays: fc.boolean(),
      team: fc.option(fc.integer({ min: 0, max: 1 })),
      gateway: fc.option(fc.integer({ min: 0, max: 2 })),
    });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        let since = now - q.sinceAgo - HOUR;
        let until = Math.min(since + q.span, now);
        if (q.alignDays) since = Math.floor(since / (24 * HOUR)) * 24 * HOUR;
        if (until <= since) until = since + 60_000;
        const f = {
          since: new Date(since).toISOString(),
          until: new Date(until).toISOString(),
          teamId: q.team === null ? undefined : teams[q.team].id,
          gatewayId: q.gateway === null ? undefined : gateways[q.gateway].id,
        };
        const params = new URLSearchParams({ since: f.since, until: f.until });
        if (f.teamId) params.set("team", f.teamId);
        if (f.gatewayId) params.set("gateway", f.gatewayId);
        const res = await org.as.finance.get(`/v1/dashboard/summary?${params}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const got = ZDashboardSummary.parse(res.body);
        const want = await naiveSummary(api.env.DATABASE_URL, org.orgId, f);
        expect({
          requests: got.totals.requests,
          blocked: got.totals.blocked,
          users: got.activeUsers,
        }).toEqual({
          requests: want.requests,
          blocked: want.blocked,
          users: want.users,
        });
        expect(got.series.reduce((n, p) => n + p.requests, 0)).toBe(want.requests);
        for (const g of got.gateways) expect(g.requests).toBe(want.gateways.get(g.id) ?? 0);
        expect(new Map(got.policies.map((p) => [p.policy, p.triggered]))).toEqual(want.policies);
        if (want.requests > 0) expect(got.totals.p50LatencyMs).not.toBeNull();
      }),
      { numRuns: 60, seed: Number(process.env.KT_PROPERTY_SEED ?? Date.now() % 2 ** 31) },
    );
  }, 240_000);
});
