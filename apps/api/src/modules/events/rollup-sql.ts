/**
 * The SQL that rolls events up, shared by ingest (from the rows an INSERT just returned) and the rebuild (from all
 * of an org's stored events), so the two cannot drift. `$1` is the org id. Rows are produced sorted by key, so
 * concurrent batches lock rollup rows in one order.
 */
type TRollup = { table: string; keys: string[]; from?: (source: string) => string };

const KEY_SQL: Record<string, string> = {
  hour: "date_trunc('hour', s.ts, 'UTC')",
  day: "(s.ts AT TIME ZONE 'UTC')::date",
  kind: "k.kind",
  policy: "k.policy",
};

const POLICY_KEYS = (source: string) =>
  `${source} s CROSS JOIN LATERAL (SELECT 'name' AS kind, unnest(s.triggered_policies) AS policy UNION ALL SELECT 'key', unnest(s.policy_keys)) k`;

export const ROLLUPS = {
  hourly: {
    table: "telemetry.event_rollups_hourly",
    keys: ["hour", "team_id", "gateway_id", "provider", "model", "end_user", "action", "status"],
  },
  nouser: {
    table: "telemetry.event_rollups_hourly_nouser",
    keys: ["hour", "team_id", "gateway_id", "provider", "model", "action", "status"],
  },
  daily: {
    table: "telemetry.event_rollups_daily",
    keys: ["day", "team_id", "gateway_id", "provider", "model", "action", "status"],
  },
  policies: {
    table: "telemetry.policy_rollups_hourly",
    keys: ["hour", "team_id", "gateway_id", "provider", "model", "action", "status", "kind", "policy"],
    from: POLICY_KEYS,
  },
} satisfies Record<string, TRollup>;

/**
 * Adding to a histogram appends the new (bucket, count) entries, which readers sum by bucket anyway; only a row whose
 * array grew past 256 entries (the hot rows every batch touches) is compacted, so most upserts never merge arrays.
 */
const HIST_APPEND = `CASE WHEN cardinality(t.latency_hist) + cardinality(excluded.latency_hist) > 256
  THEN telemetry.hist_add(t.latency_hist, excluded.latency_hist) ELSE t.latency_hist || excluded.latency_hist END`;

const MEASURES = [
  "requests",
  "prompt_tokens",
  "completion_tokens",
  "cached_tokens",
  "cost_usd",
  "unpriced",
  "latency_sum_ms",
  "latency_hist",
];

/** INSERT … SELECT of one rollup's rows from `source` (a table or CTE of event rows); `upsert` adds to existing rows. */
export function rollupInsert(r: TRollup, source: string, upsert: boolean): string {
  const n = r.keys.length;
  const keyExprs = r.keys.map((k) => `${KEY_SQL[k] ?? `s.${k}`} AS ${k}`);
  const from = r.from ? r.from(source) : `${source} s`;
  const upsertSql = upsert
    ? `ON CONFLICT (org_id, ${r.keys.join(", ")}) DO UPDATE SET ${MEASURES.map((m) =>
        m === "latency_hist" ? `latency_hist = ${HIST_APPEND}` : `${m} = t.${m} + excluded.${m}`,
      ).join(", ")}`
    : "";
  return `INSERT INTO ${r.table} AS t (org_id, ${r.keys.join(", ")}, ${MEASURES.join(", ")})
    SELECT $1::uuid, ${r.keys.join(", ")}, sum(n), sum(pt), sum(ct), sum(cached), sum(cost), sum(unpriced), sum(lat), array_agg((b::bigint << 32) | n ORDER BY b)
    FROM (
      SELECT ${keyExprs.join(", ")}, telemetry.latency_bucket(s.latency_ms) AS b, count(*) AS n, sum(s.prompt_tokens) AS pt,
        sum(s.completion_tokens) AS ct, sum(s.cached_tokens) AS cached, COALESCE(sum(s.cost_usd), 0) AS cost,
        count(*) FILTER (WHERE s.cost_usd IS NULL) AS unpriced, sum(s.latency_ms) AS lat
      FROM ${from}
      GROUP BY ${Array.from({ length: n + 1 }, (_, i) => i + 1).join(", ")}
    ) x
    GROUP BY ${r.keys.join(", ")}
    ORDER BY ${r.keys.join(", ")}
    ${upsertSql}`;
}

export function activeUsersInsert(source: string, upsert: boolean): string {
  return `INSERT INTO telemetry.active_users_daily AS t (org_id, day, team_id, end_user, requests)
    SELECT $1::uuid, (s.ts AT TIME ZONE 'UTC')::date AS day, s.team_id, s.end_user, count(*) FROM ${source} s
    WHERE s.end_user IS NOT NULL GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ${upsert ? "ON CONFLICT (org_id, day, team_id, end_user) DO UPDATE SET requests = t.requests + excluded.requests" : ""}`;
}

export function teamSpendInsert(source: string, upsert: boolean): string {
  return `INSERT INTO telemetry.team_spend AS t (org_id, team_id, period, spent_usd, unpriced)
    SELECT $1::uuid, s.team_id, to_char(s.ts AT TIME ZONE 'UTC', 'YYYY-MM') AS period, COALESCE(sum(s.cost_usd), 0), count(*) FILTER (WHERE s.cost_usd IS NULL)
    FROM ${source} s WHERE s.team_id IS NOT NULL GROUP BY 2, 3 ORDER BY 2, 3
    ${upsert ? "ON CONFLICT (org_id, team_id, period) DO UPDATE SET spent_usd = t.spent_usd + excluded.spent_usd, unpriced = t.unpriced + excluded.unpriced, updated_at = now()" : ""}`;
}
