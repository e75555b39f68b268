import { ZEventGroups, type TEventGroupKey } from "@kt/contract";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { naiveAggregate } from "../../events/__tests__/naive-aggregate";
import { rebuildRollups, rollupSnapshot } from "../../events/__tests__/rollup-snapshot";
import {
  createGateway,
  createTeam,
  eventually,
  gatewayEvent,
  type TestGateway,
} from "../../events/__tests__/telemetry-fixtures";
import { HOLD_OPEN_DAYS_SQL } from "../../events/rollup-sql";
import { TelemetryPool } from "../../events/telemetry-pool";
import { IngestRepository } from "../ingest.repository";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FOLD_LOCK = "SELECT pg_advisory_lock(hashtextextended('telemetry:rollup-fold', 0))";
const FOLD_UNLOCK = "SELECT pg_advisory_unlock(hashtextextended('telemetry:rollup-fold', 0))";
const DAILY_TABLES = [
  "telemetry.event_rollups_daily",
  "telemetry.policy_rollups_daily",
  "telemetry.user_rollups_daily",
];

describe("daily rollups hold closed days; the first fold of a day closes the days before it", () => {
  let api: TestApi;
  let org: TestOrg;
  let pool: TelemetryPool;
  let gateway: TestGateway;
  const now = Date.now();
  const today = new Date(Math.floor(now / DAY) * DAY);
  const threeDaysAgo = new Date(today.getTime() - 3 * DAY);
  const since = new Date(threeDaysAgo.getTime() - 6 * HOUR).toISOString();
  const until = new Date(now).toISOString();

  const openFrom = async () =>
    (await pool.pool.query("SELECT open_from::text AS d FROM telemetry.daily_rollups_watermark")).rows[0]
      .d as string;
  const dailyRows = async () => {
    let n = 0;
    for (const t of DAILY_TABLES)
      n += Number(
        (await pool.pool.query(`SELECT count(*) AS n FROM ${t} WHERE org_id = $1`, [org.orgId])).rows[0].n,
      );
    return n;
  };
  /** group_by through the API equals the naive aggregate over raw events, for a few groupings over the range. */
  const expectGroupsExact = async () => {
    const groupings: TEventGroupKey[][] = [["day", "team"], ["user"], ["policy"], ["model", "action"]];
    for (const groupBy of groupings) {
      const res = await org.as.finance.get(
        `/v1/events?since=${since}&until=${until}&group_by=${groupBy.join(",")}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const got = ZEventGroups.parse(res.body).groups;
      const want = await naiveAggregate(api.env.DATABASE_URL, org.orgId, { since, until }, groupBy);
      const summary = (g: {
        key: Record<string, string | null>;
        requests: number;
        promptTokens: number;
        costUsd: number;
      }) =>
        `${JSON.stringify(groupBy.map((k) => g.key[k]))} ${g.requests} ${g.promptTokens} ${g.costUsd.toFixed(6)}`;
      expect(got.map(summary).sort(), groupBy.join(",")).toEqual(want.map(summary).sort());
    }
  };

  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "close");
    pool = api.app.get(TelemetryPool);
    const team = await createTeam(org, "Close");
    gateway = await createGateway(api, org, { teamId: team.id, name: "close-gw" });
    // Events over the last three and a half days, some of them flagged by a policy.
    const events = Array.from({ length: 240 }, (_, i) =>
      gatewayEvent({
        ts: new Date(now - 60_000 - i * 21 * 60_000).toISOString(),
        endUser: ["ana", "bo", "chen"][i % 3],
        model: i % 2 ? "gpt-4o-mini" : "gpt-4o",
        promptTokens: 100 + i,
        latencyMs: 20 + ((i * 53) % 900),
        action: i % 5 ? "allowed" : "redacted",
        decisions:
          i % 5
            ? []
            : [
                {
                  policy: "pii",
                  type: "pii-detector",
                  stage: "request",
                  action: "redact",
                  triggered: true,
                  latencyUs: 4,
                  details: {},
                },
              ],
      }),
    );
    const res = await gateway.api.post("/v1/ingest/events", { events });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
  afterAll(() => api?.close());

  it("reads open days from the hourly rollups, then closes them into daily rows equal to a rebuild from events", async () => {
    // Past days arrived late (after they closed): the fold wrote their daily rows, which a rebuild reproduces.
    const incremental = await rollupSnapshot(pool, org.orgId);
    await rebuildRollups(pool, org.orgId);
    expect(await rollupSnapshot(pool, org.orgId)).toEqual(incremental);
    await expectGroupsExact();

    // Hold off every fold (the sweep included), reopen the last three days and drop their daily rows: group_by must
    // still be exact, from the hourly rollups.
    const lock: pg.PoolClient = await pool.pool.connect();
    try {
      await lock.query(FOLD_LOCK);
      await pool.pool.query("UPDATE telemetry.daily_rollups_watermark SET open_from = $1::date", [
        threeDaysAgo.toISOString().slice(0, 10),
      ]);
      for (const t of DAILY_TABLES)
        await pool.pool.query(`DELETE FROM ${t} WHERE org_id = $1 AND day >= $2::date`, [
          org.orgId,
          threeDaysAgo.toISOString().slice(0, 10),
        ]);
      // As every writer of rollups does, so no group_by slice read before is reused.
      await pool.pool.query(
        "UPDATE telemetry.rollup_versions SET version = nextval('telemetry.rollup_version_seq') WHERE org_id = $1",
        [org.orgId],
      );
      const left = await dailyRows();
      await expectGroupsExact();
      expect(await dailyRows()).toBe(left);
    } finally {
      await lock.query(FOLD_UNLOCK);
      lock.release();
    }

    // While another writer of rollups (a price recompute) holds the watermark, a fold skips the close instead of
    // waiting for it, and stays exact.
    const writer: pg.PoolClient = await pool.pool.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(HOLD_OPEN_DAYS_SQL);
      await api.app.get(IngestRepository).fold();
      expect(await openFrom()).toBe(threeDaysAgo.toISOString().slice(0, 10));
      await expectGroupsExact();
      await writer.query("COMMIT");
    } finally {
      writer.release();
    }

    // The next fold closes them: the watermark moves to today and the daily rows are back, built from the hourly ones.
    await api.app.get(IngestRepository).fold();
    await eventually(
      async () => ((await openFrom()) === today.toISOString().slice(0, 10) ? true : undefined),
      5_000,
    );
    const closed = await rollupSnapshot(pool, org.orgId);
    await rebuildRollups(pool, org.orgId);
    expect(await rollupSnapshot(pool, org.orgId)).toEqual(closed);
    expect(closed["telemetry.user_rollups_daily"].length).toBeGreaterThan(0);
    await expectGroupsExact();
  });
});
