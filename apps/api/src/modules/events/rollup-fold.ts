import type pg from "pg";
import {
  activeUsersInsert,
  CLOSE_DAYS_SQL,
  CLOSE_DAYS_VERSIONS_SQL,
  rollupInsert,
  ROLLUPS,
  rollupVersionsBump,
  teamSpendInsert,
} from "./rollup-sql";

/** A team whose monthly spend a fold added to (what budget alerts re-check). */
export type TSpendTouched = { orgId: string; teamId: string; period: string };
export type TFoldResult = { folded: number; spend: TSpendTouched[] };

/**
 * One statement: takes the queued rows of the orgs `orgs` selects, adds them to every rollup, daily users and team
 * spend, and releases the budget reservations their events settle. Deleting the queued rows in the same transaction
 * makes it exactly once.
 */
function foldSql(orgs: string): string {
  return `WITH q AS (DELETE FROM telemetry.rollup_queue WHERE org_id ${orgs} RETURNING *),
    ${Object.entries(ROLLUPS)
      .map(([name, r]) => `${name} AS (${rollupInsert(r, "q", true)} RETURNING 1)`)
      .join(",\n    ")},
    users AS (${activeUsersInsert("q", true)} RETURNING 1),
    versions AS (${rollupVersionsBump("q")} RETURNING 1),
    spend AS (${teamSpendInsert("q", true)} RETURNING org_id, team_id, period),
    released AS (DELETE FROM telemetry.budget_reservations r USING q WHERE r.org_id = q.org_id AND r.event_id = q.event_id RETURNING 1)
    SELECT (SELECT count(*) FROM q)::int AS folded,
      COALESCE((SELECT json_agg(json_build_object('orgId', org_id, 'teamId', team_id, 'period', period)) FROM spend), '[]') AS spend`;
}

const FOLD_ORGS_SQL = foldSql("= ANY($1::uuid[])");

/** Folds one org's queue, for a caller that holds the org's exclusive price lock (so no other fold runs for it). */
export const FOLD_ORG_SQL = foldSql("= $1::uuid");

/**
 * Folds every queued row, in the caller's transaction. One fold at a time (a transaction-scoped advisory lock), and
 * only for orgs whose shared price lock it holds, so a price change never sees a row half-way between queue and
 * rollups. Orgs are locked in sorted order.
 */
export async function foldRollupQueue(client: pg.ClientBase): Promise<TFoldResult> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('telemetry:rollup-fold', 0))");
  await closeDays(client);
  const { rows } = await client.query<{ org_id: string }>(
    "SELECT DISTINCT org_id FROM telemetry.rollup_queue ORDER BY 1",
  );
  if (rows.length === 0) return { folded: 0, spend: [] };
  const orgs = rows.map((r) => r.org_id);
  await client.query(
    "SELECT pg_advisory_xact_lock_shared(hashtextextended('prices:' || o::text, 0)) FROM unnest($1::uuid[]) AS o",
    [orgs],
  );
  // A busy fold holds tens of thousands of queued rows: keep them and the sorts in memory, never in temp files.
  await client.query("SET LOCAL work_mem = '64MB'");
  const result = await client.query<TFoldResult>({
    name: "kt-rollup-fold",
    text: FOLD_ORGS_SQL,
    values: [orgs],
  });
  return result.rows[0];
}

/**
 * Closes the UTC days before today that are still open (the first fold after midnight does): moves the watermark,
 * then builds their daily rollups from the hourly ones. Only folds run this (one at a time, under the fold lock).
 * Every other writer of rollups (price recomputes, rebuilds) holds the watermark row FOR SHARE from before its price
 * lock to its commit. While one does, the close is skipped rather than waited for (that would hold up every fold, and
 * new FOR SHARE lockers do not queue behind a waiting UPDATE): a later fold closes the days, and until then readers take
 * them from the hourly rollups. Once this transaction has the row, no other writer starts until it commits, so no
 * hourly row of a closed day is written while its daily rows are built but left out of them.
 */
export async function closeDays(client: pg.ClientBase): Promise<void> {
  // Locks the row only when a day is due (rows the WHERE filters out are not locked), so most folds write nothing.
  const { rows } = await client.query<{ open_from: string; today: string }>(
    `SELECT open_from::text, (now() AT TIME ZONE 'UTC')::date::text AS today FROM telemetry.daily_rollups_watermark
     WHERE open_from < (now() AT TIME ZONE 'UTC')::date FOR UPDATE SKIP LOCKED`,
  );
  if (!rows.length) return;
  const range = [rows[0].open_from, rows[0].today];
  await client.query("UPDATE telemetry.daily_rollups_watermark SET open_from = $1::date", [range[1]]);
  for (const sql of CLOSE_DAYS_SQL) await client.query(sql, range);
  await client.query(CLOSE_DAYS_VERSIONS_SQL, range);
}
