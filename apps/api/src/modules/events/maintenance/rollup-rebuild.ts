import { activeUsersInsert, rollupInsert, ROLLUPS, teamSpendInsert } from "../rollup-sql";

/**
 * Rebuilds one org's rollups, daily users and team spend from its raw events ($1 = org id): for seeding large
 * synthetic data sets and as a repair tool. The same SQL as ingest's (rollup-sql.ts), over every stored event.
 */
const EVENTS = "(SELECT * FROM telemetry.events WHERE org_id = $1::uuid)";

export const REBUILD_ROLLUPS_SQL: string[] = [
  ...Object.values(ROLLUPS).map((r) => `DELETE FROM ${r.table} WHERE org_id = $1::uuid`),
  "DELETE FROM telemetry.active_users_daily WHERE org_id = $1::uuid",
  "DELETE FROM telemetry.team_spend WHERE org_id = $1::uuid",
  ...Object.values(ROLLUPS).map((r) => rollupInsert(r, EVENTS, false)),
  activeUsersInsert(EVENTS, false),
  teamSpendInsert(EVENTS, false),
];
