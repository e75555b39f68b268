/**
 * Rebuilds one org's rollups, daily users and team spend from its raw events ($1 = org id), in SQL: for seeding
 * large synthetic data sets and as a repair tool. Produces exactly what ingest builds incrementally (a test holds
 * the two to each other).
 */
const MEASURES = `sum(n) AS requests, sum(pt) AS prompt_tokens, sum(ct) AS completion_tokens, sum(cached) AS cached_tokens,
  sum(cost) AS cost_usd, sum(unpriced) AS unpriced, sum(lat) AS latency_sum_ms, array_agg((b::bigint << 32) | n ORDER BY b) AS latency_hist`;
const PER_BUCKET = `telemetry.latency_bucket(e.latency_ms) AS b, count(*) AS n, sum(e.prompt_tokens) AS pt, sum(e.completion_tokens) AS ct,
  sum(e.cached_tokens) AS cached, COALESCE(sum(e.cost_usd), 0) AS cost, count(*) FILTER (WHERE e.cost_usd IS NULL) AS unpriced, sum(e.latency_ms) AS lat`;
const MEASURE_COLUMNS = "requests, prompt_tokens, completion_tokens, cached_tokens, cost_usd, unpriced, latency_sum_ms, latency_hist";

function rollup(table: string, keys: string[], from = "telemetry.events e"): string {
  const n = keys.length;
  const inner = keys
    .map((k) => (k === "hour" ? "date_trunc('hour', e.ts, 'UTC') AS hour" : k === "day" ? "(e.ts AT TIME ZONE 'UTC')::date AS day" : k.includes(".") ? k : `e.${k}`))
    .join(", ");
  const names = keys.map((k) => k.split(".").pop()!.split(" AS ").pop()!);
  return `INSERT INTO ${table} (org_id, ${names.join(", ")}, ${MEASURE_COLUMNS})
    SELECT $1::uuid, ${names.join(", ")}, ${MEASURES}
    FROM (SELECT ${inner}, ${PER_BUCKET} FROM ${from} WHERE e.org_id = $1::uuid GROUP BY ${Array.from({ length: n + 1 }, (_, i) => i + 1).join(", ")}) x
    GROUP BY ${names.join(", ")}`;
}

const DIMS = ["hour", "team_id", "gateway_id", "provider", "model", "action", "status"];

export const REBUILD_ROLLUPS_SQL: string[] = [
  "DELETE FROM telemetry.event_rollups_hourly WHERE org_id = $1::uuid",
  "DELETE FROM telemetry.event_rollups_hourly_nouser WHERE org_id = $1::uuid",
  "DELETE FROM telemetry.event_rollups_daily WHERE org_id = $1::uuid",
  "DELETE FROM telemetry.policy_rollups_hourly WHERE org_id = $1::uuid",
  "DELETE FROM telemetry.active_users_daily WHERE org_id = $1::uuid",
  "DELETE FROM telemetry.team_spend WHERE org_id = $1::uuid",
  rollup("telemetry.event_rollups_hourly", [...DIMS, "end_user"]),
  rollup("telemetry.event_rollups_hourly_nouser", DIMS),
  rollup("telemetry.event_rollups_daily", ["day", ...DIMS.slice(1)]),
  rollup("telemetry.policy_rollups_hourly", [...DIMS, "k.kind", "k.policy"],
    `telemetry.events e CROSS JOIN LATERAL (SELECT 'name' AS kind, unnest(e.triggered_policies) AS policy UNION ALL SELECT 'key', unnest(e.policy_keys)) k`),
  `INSERT INTO telemetry.active_users_daily (org_id, day, team_id, end_user, requests)
   SELECT $1::uuid, (ts AT TIME ZONE 'UTC')::date, team_id, end_user, count(*) FROM telemetry.events
   WHERE org_id = $1::uuid AND end_user IS NOT NULL GROUP BY 2, 3, 4`,
  `INSERT INTO telemetry.team_spend (org_id, team_id, period, spent_usd, unpriced)
   SELECT $1::uuid, team_id, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM'), COALESCE(sum(cost_usd), 0), count(*) FILTER (WHERE cost_usd IS NULL)
   FROM telemetry.events WHERE org_id = $1::uuid AND team_id IS NOT NULL GROUP BY 2, 3`,
];
