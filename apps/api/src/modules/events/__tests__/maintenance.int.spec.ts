import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbService } from "../../../common/db/db.module";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { TelemetryMaintenanceHandler } from "../maintenance/telemetry-maintenance.handler";
import { TelemetryMaintenanceRepository } from "../maintenance/telemetry-maintenance.repository";
import { TelemetryPool } from "../telemetry-pool";
import { rebuildRollups, rollupSnapshot } from "./rollup-snapshot";
import { createGateway, gatewayEvent } from "./telemetry-fixtures";

const DAY = 86_400_000;

describe("telemetry maintenance", () => {
  let api: TestApi;
  let org: TestOrg;
  let keeper: TestOrg;
  let handler: TelemetryMaintenanceHandler;
  let pool: TelemetryPool;
  beforeAll(async () => {
    api = await startApi();
    [org, keeper] = await Promise.all([createOrg(api, "ret"), createOrg(api, "keep")]);
    pool = api.app.get(TelemetryPool);
    handler = new TelemetryMaintenanceHandler(
      api.app.get(DbService),
      new TelemetryMaintenanceRepository(pool),
    );
  });
  afterAll(() => api?.close());

  const count = async (orgId: string, table = "telemetry.events") =>
    Number(
      (await pool.pool.query(`SELECT count(*) AS n FROM ${table} WHERE org_id = $1`, [orgId])).rows[0].n,
    );

  it("creates partitions a week ahead, drops days past every org's retention, and trims shorter org retention by hour", async () => {
    await api.db.org.update({ where: { id: org.orgId }, data: { retentionDays: 3 } });
    const gw = await createGateway(api, org);
    const kgw = await createGateway(api, keeper);
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
    // 600 days back is past the longest retention (400 days by default): that day's partition goes for everyone.
    await gw.api.post("/v1/ingest/events", {
      events: [gatewayEvent({ ts: at(1) }), gatewayEvent({ ts: at(5) }), gatewayEvent({ ts: at(600) })],
    });
    await kgw.api.post("/v1/ingest/events", {
      events: [gatewayEvent({ ts: at(5) }), gatewayEvent({ ts: at(600) })],
    });
    const oldPartition = `events_p${at(600).slice(0, 10).replace(/-/g, "")}`;
    expect(
      (await pool.pool.query("SELECT to_regclass($1) AS t", [`telemetry.${oldPartition}`])).rows[0].t,
    ).not.toBeNull();

    const result = await handler.run(new Date(now));
    expect(result.dropped).toContain(oldPartition);
    const ahead = `telemetry.events_p${new Date(now + 7 * DAY).toISOString().slice(0, 10).replace(/-/g, "")}`;
    expect((await pool.pool.query("SELECT to_regclass($1) AS t", [ahead])).rows[0].t).not.toBeNull();
    expect(await count(org.orgId)).toBe(1);
    expect(await count(keeper.orgId)).toBe(1);
    const rolled = await pool.pool.query(
      "SELECT sum(requests)::int AS n FROM telemetry.event_rollups_hourly_nouser WHERE org_id = $1",
      [org.orgId],
    );
    expect(rolled.rows[0].n).toBe(1);
    expect(
      (await org.as.admin.get("/v1/events?since=30d&group_by=day")).body.groups.reduce(
        (n: number, g: { requests: number }) => n + g.requests,
        0,
      ),
    ).toBe(1);
  });

  it("rebuilds from raw events exactly the rollups ingest keeps incrementally", async () => {
    const gw = await createGateway(api, keeper, { name: "rebuild" });
    const decisions = [
      {
        policy: "pii",
        type: "pii-detector" as const,
        stage: "request" as const,
        action: "redact" as const,
        triggered: true,
        latencyUs: 1,
        details: {},
      },
    ];
    const now = Date.now();
    const events = Array.from({ length: 300 }, (_, i) =>
      gatewayEvent({
        // Over the last 32 hours: yesterday is a closed day, so the daily rollups get rows too.
        ts: new Date(now - i * 388_000).toISOString(),
        endUser: `u${i % 7}`,
        latencyMs: (i * 37) % 900,
        teamId: null,
        decisions: i % 3 ? [] : decisions,
        model: i % 5 ? "gpt-4o" : "mystery",
      }),
    );
    for (let i = 0; i < events.length; i += 50)
      await gw.api.post("/v1/ingest/events", { events: events.slice(i, i + 50) });
    const snapshot = () => rollupSnapshot(pool, keeper.orgId);
    const incremental = await snapshot();
    // Every rollup is covered (these events have no team, so there is no team spend).
    for (const table of Object.keys(incremental).filter((t) => t !== "telemetry.team_spend"))
      expect(incremental[table].length, table).toBeGreaterThan(0);
    expect(incremental["telemetry.event_rollups_hourly"].length).toBeGreaterThan(10);
    await rebuildRollups(pool, keeper.orgId);
    expect(await snapshot()).toEqual(incremental);
  });
});
