import { REBUILD_ROLLUPS_SQL } from "../maintenance/rollup-rebuild";
import { HOLD_OPEN_DAYS_SQL, ROLLUP_TABLES } from "../rollup-sql";
import type { TelemetryPool } from "../telemetry-pool";

const TABLES = [...ROLLUP_TABLES, "telemetry.active_users_daily", "telemetry.team_spend"];

/** Sums a histogram's (bucket << 32 | count) entries by bucket: ingest appends entries, the rebuild writes them merged. */
function histogram(values: string[]): string[] {
  const sums = new Map<bigint, bigint>();
  for (const v of values.map(BigInt)) sums.set(v >> 32n, (sums.get(v >> 32n) ?? 0n) + (v & 0xffffffffn));
  return [...sums.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([b, c]) => `${b}:${c}`);
}

/** Every rollup row of an org (all rollups, daily users, team spend), comparable across ingest and a rebuild. */
export async function rollupSnapshot(pool: TelemetryPool, orgId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const { rows } = await pool.pool.query(`SELECT * FROM ${table} WHERE org_id = $1`, [orgId]);
    out[table] = rows
      .map((r) =>
        JSON.stringify(
          {
            ...r,
            updated_at: undefined,
            latency_hist: r.latency_hist ? histogram(r.latency_hist) : undefined,
          },
          (_k, v) => (v instanceof Date ? v.toISOString() : v),
        ),
      )
      .sort();
  }
  return out;
}

/** Rebuilds an org's rollups from its raw events (what they must equal). */
export async function rebuildRollups(pool: TelemetryPool, orgId: string): Promise<void> {
  await pool.transaction(async (client) => {
    await client.query(HOLD_OPEN_DAYS_SQL);
    for (const sql of REBUILD_ROLLUPS_SQL) await client.query(sql, [orgId]);
  });
}
