import {
  activeUsersInsert,
  ROLLUP_TABLES,
  rollupInsert,
  ROLLUPS,
  rollupVersionsBump,
  teamSpendInsert,
} from "../rollup-sql";

/**
 * Rebuilds one org's rollups, daily users and team spend from its raw events ($1 = org id): for seeding large
 * synthetic data sets and as a repair tool. The same SQL as the fold's (rollup-sql.ts), over every stored event; the
 * org's queued events are stored events too, so their queue entries go. Run the statements in one transaction after
 * HOLD_OPEN_DAYS_SQL, so no day closes half-way through (its daily rows are written for closed days only).
 */
const EVENTS = "(SELECT * FROM telemetry.events WHERE org_id = $1::uuid)";

export const REBUILD_ROLLUPS_SQL: string[] = [
  "DELETE FROM telemetry.rollup_queue WHERE org_id = $1::uuid",
  ...ROLLUP_TABLES.map((table) => `DELETE FROM ${table} WHERE org_id = $1::uuid`),
  "DELETE FROM telemetry.active_users_daily WHERE org_id = $1::uuid",
  "DELETE FROM telemetry.team_spend WHERE org_id = $1::uuid",
  "DELETE FROM telemetry.rollup_versions WHERE org_id = $1::uuid",
  ...Object.values(ROLLUPS).map((r) => rollupInsert(r, EVENTS, false)),
  activeUsersInsert(EVENTS, false),
  teamSpendInsert(EVENTS, false),
  rollupVersionsBump(EVENTS),
];
