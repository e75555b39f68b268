/**
 * The SQL that rolls events up, shared by the fold (from the queued rows of new events) and the rebuild (from all of
 * an org's stored events), so the two cannot drift. A source is any table or CTE with the event columns and org_id.
 * Rows are produced sorted by org and key, so writers that meet on rollup rows lock them in one order.
 */
export type TRollup = {
  table: string;
  keys: string[];
  from?: (source: string) => string;
  /** Blocked, escalated, redacted and errored counts as measures (the rollup has no action or status column). */
  outcomeCounts?: boolean;
  /**
   * A daily rollup: rows for closed UTC days only, built from this hourly rollup table when a day closes (see the
   * daily_rollups_watermark migration); from events, only events of closed days go in.
   */
  closedFrom?: string;
};

const KEY_SQL: Record<string, string> = {
  hour: "date_trunc('hour', s.ts, 'UTC')",
  day: "(s.ts AT TIME ZONE 'UTC')::date",
  kind: "k.kind",
  policy: "k.policy",
};

/** Most events trigger no policy: they are left out before the lateral join, which would yield no row for them. */
const POLICY_KEYS = (source: string) =>
  `(SELECT * FROM ${source} src WHERE cardinality(src.triggered_policies) + cardinality(src.policy_keys) > 0) s
    CROSS JOIN LATERAL (SELECT 'name' AS kind, unnest(s.triggered_policies) AS policy UNION ALL SELECT 'key', unnest(s.policy_keys)) k`;

const DIMENSIONS = ["team_id", "gateway_id", "provider", "model", "action", "status"];
const POLICY_DIMENSIONS = [...DIMENSIONS, "kind", "policy"];
const USER_DIMENSIONS = ["team_id", "gateway_id", "end_user"];

export const ROLLUPS = {
  hourly: {
    table: "telemetry.event_rollups_hourly",
    keys: ["hour", "team_id", "gateway_id", "provider", "model", "end_user", "action", "status"],
  },
  nouser: { table: "telemetry.event_rollups_hourly_nouser", keys: ["hour", ...DIMENSIONS] },
  daily: {
    table: "telemetry.event_rollups_daily",
    keys: ["day", ...DIMENSIONS],
    closedFrom: "telemetry.event_rollups_hourly_nouser",
  },
  policies: {
    table: "telemetry.policy_rollups_hourly",
    keys: ["hour", ...POLICY_DIMENSIONS],
    from: POLICY_KEYS,
  },
  policiesDaily: {
    table: "telemetry.policy_rollups_daily",
    keys: ["day", ...POLICY_DIMENSIONS],
    from: POLICY_KEYS,
    closedFrom: "telemetry.policy_rollups_hourly",
  },
  userHourly: {
    table: "telemetry.user_rollups_hourly",
    keys: ["hour", ...USER_DIMENSIONS],
    outcomeCounts: true,
  },
  userDaily: {
    table: "telemetry.user_rollups_daily",
    keys: ["day", ...USER_DIMENSIONS],
    outcomeCounts: true,
    closedFrom: "telemetry.user_rollups_hourly",
  },
} satisfies Record<string, TRollup>;

/** The first UTC day that is still open: daily rollups hold the days before it. */
const OPEN_FROM = "(SELECT open_from FROM telemetry.daily_rollups_watermark)";

/**
 * What every writer of rollups other than the fold runs first in its transaction: no day closes until it commits (see
 * closeDays in rollup-fold.ts).
 */
export const HOLD_OPEN_DAYS_SQL = "SELECT open_from FROM telemetry.daily_rollups_watermark FOR SHARE";

/** The rows of `source` on closed days, the only ones a daily rollup takes from events. */
const onClosedDays = (source: string) =>
  `(SELECT * FROM ${source} c WHERE c.ts < ${OPEN_FROM}::timestamp AT TIME ZONE 'UTC')`;

/**
 * Adding to a histogram appends the new (bucket, count) entries, which readers sum by bucket anyway; only a row whose
 * array grew past 256 entries (the hot rows every fold touches) is compacted, so most upserts never merge arrays.
 */
const HIST_APPEND = `CASE WHEN cardinality(t.latency_hist) + cardinality(excluded.latency_hist) > 256
  THEN telemetry.hist_add(t.latency_hist, excluded.latency_hist) ELSE t.latency_hist || excluded.latency_hist END`;

/** Each measure: its inner aggregate over source rows (per key and latency bucket), summed again per key. */
const MEASURES: [string, string][] = [
  ["requests", "count(*)"],
  ["prompt_tokens", "sum(s.prompt_tokens)"],
  ["completion_tokens", "sum(s.completion_tokens)"],
  ["cached_tokens", "sum(s.cached_tokens)"],
  ["cost_usd", "COALESCE(sum(s.cost_usd), 0)"],
  ["unpriced", "count(*) FILTER (WHERE s.cost_usd IS NULL)"],
  ["latency_sum_ms", "sum(s.latency_ms)"],
];
const OUTCOME_MEASURES: [string, string][] = [
  ["blocked", "count(*) FILTER (WHERE s.action = 'blocked')"],
  ["escalated", "count(*) FILTER (WHERE s.action = 'escalated')"],
  ["redacted", "count(*) FILTER (WHERE s.action = 'redacted')"],
  ["errors", "count(*) FILTER (WHERE s.status = 'error')"],
];

const measuresOf = (r: TRollup) => (r.outcomeCounts ? [...MEASURES, ...OUTCOME_MEASURES] : MEASURES);

/**
 * INSERT … SELECT of one rollup's rows from `source`; `upsert` adds to existing rows. A histogram's entries are in no
 * particular order (readers sum them by bucket): an ordered array_agg would rule out hash aggregation in PostgreSQL
 * 15, and sorting every source row by all the keys took most of a fold's time.
 */
export function rollupInsert(r: TRollup, source: string, upsert: boolean): string {
  const measures = measuresOf(r);
  const keys = ["org_id", ...r.keys];
  const keyExprs = keys.map((k) => `${KEY_SQL[k] ?? `s.${k}`} AS ${k}`);
  const rows = r.closedFrom ? onClosedDays(source) : source;
  const from = r.from ? r.from(rows) : `${rows} s`;
  const names = [...measures.map(([m]) => m), "latency_hist"];
  const upsertSql = upsert
    ? `ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${names
        .map((m) =>
          m === "latency_hist" ? `latency_hist = ${HIST_APPEND}` : `${m} = t.${m} + excluded.${m}`,
        )
        .join(", ")}`
    : "";
  return `INSERT INTO ${r.table} AS t (${keys.join(", ")}, ${names.join(", ")})
    SELECT ${keys.join(", ")}, ${measures.map(([m]) => `sum(${m})`).join(", ")}, array_agg((b::bigint << 32) | requests)
    FROM (
      SELECT ${keyExprs.join(", ")}, telemetry.latency_bucket(s.latency_ms) AS b, ${measures.map(([m, agg]) => `${agg} AS ${m}`).join(", ")}
      FROM ${from}
      GROUP BY ${Array.from({ length: keys.length + 1 }, (_, i) => i + 1).join(", ")}
    ) x
    GROUP BY ${keys.join(", ")}
    ORDER BY ${keys.join(", ")}
    ${upsertSql}`;
}

/**
 * The close of the UTC days [$1, $2): each daily rollup's rows for those days, rebuilt from its hourly rollup (for the
 * orgs of public.orgs, so the hourly tables are read by their (org_id, …, hour) index). Run by the fold that moved the
 * watermark past them.
 */
export const CLOSE_DAYS_SQL: string[] = Object.values(ROLLUPS).flatMap((r: TRollup) => {
  if (!r.closedFrom) return [];
  const dims = r.keys.slice(1);
  const measures = measuresOf(r).map(([m]) => m);
  const inRange = `h.hour >= $1::date::timestamp AT TIME ZONE 'UTC' AND h.hour < $2::date::timestamp AT TIME ZONE 'UTC'`;
  // The policy rollups' indexes lead with (org_id, kind, …): naming both kinds lets a scan per org use them.
  const kinds = (t: string) => (r.keys.includes("kind") ? ` AND ${t}.kind IN ('name', 'key')` : "");
  return [
    `DELETE FROM ${r.table} d USING public.orgs o
      WHERE d.org_id = o.id${kinds("d")} AND d.day >= $1::date AND d.day < $2::date`,
    `INSERT INTO ${r.table} (org_id, day, ${dims.join(", ")}, ${measures.join(", ")}, latency_hist)
      SELECT h.org_id, (h.hour AT TIME ZONE 'UTC')::date, ${dims.map((k) => `h.${k}`).join(", ")},
        ${measures.map((m) => `sum(h.${m})`).join(", ")}, telemetry.hist_add(telemetry.hist_concat(h.latency_hist), '{}')
      FROM public.orgs o JOIN ${r.closedFrom} h ON h.org_id = o.id${kinds("h")} AND ${inRange}
      GROUP BY h.org_id, 2, ${dims.map((k) => `h.${k}`).join(", ")}`,
  ];
});

/** Gives the closed days [$1, $2) new rollup versions (their group_by slices now come from the daily rollups). */
export const CLOSE_DAYS_VERSIONS_SQL = rollupVersionsBump(
  `(SELECT d.org_id, d.day::timestamp AT TIME ZONE 'UTC' AS ts FROM public.orgs o
    JOIN telemetry.event_rollups_daily d ON d.org_id = o.id AND d.day >= $1::date AND d.day < $2::date)`,
);

export function activeUsersInsert(source: string, upsert: boolean): string {
  return `INSERT INTO telemetry.active_users_daily AS t (org_id, day, team_id, end_user, requests)
    SELECT s.org_id, (s.ts AT TIME ZONE 'UTC')::date AS day, s.team_id, s.end_user, count(*) FROM ${source} s
    WHERE s.end_user IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ${upsert ? "ON CONFLICT (org_id, day, team_id, end_user) DO UPDATE SET requests = t.requests + excluded.requests" : ""}`;
}

/**
 * Gives every (org, UTC day) of `source`'s rows a new rollup version (see the rollup_versions migration): part of every
 * statement that changes rollup rows, so a cached read of those days is never reused.
 */
export function rollupVersionsBump(source: string): string {
  return `INSERT INTO telemetry.rollup_versions AS v (org_id, day, version)
    SELECT org_id, day, nextval('telemetry.rollup_version_seq')
    FROM (SELECT DISTINCT s.org_id, (s.ts AT TIME ZONE 'UTC')::date AS day FROM ${source} s ORDER BY 1, 2) d
    ON CONFLICT (org_id, day) DO UPDATE SET version = excluded.version`;
}

/** Team spend per month; with `upsert`, RETURNING names the rows that grew (for budget alert checks). */
export function teamSpendInsert(source: string, upsert: boolean): string {
  return `INSERT INTO telemetry.team_spend AS t (org_id, team_id, period, spent_usd, unpriced)
    SELECT s.org_id, s.team_id, to_char(s.ts AT TIME ZONE 'UTC', 'YYYY-MM') AS period, COALESCE(sum(s.cost_usd), 0), count(*) FILTER (WHERE s.cost_usd IS NULL)
    FROM ${source} s WHERE s.team_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ${upsert ? "ON CONFLICT (org_id, team_id, period) DO UPDATE SET spent_usd = t.spent_usd + excluded.spent_usd, unpriced = t.unpriced + excluded.unpriced, updated_at = now()" : ""}`;
}

/**
 * An UPDATE adding cost differences to one rollup's rows, for a price change of one model ($1 org, $2 provider,
 * $3 model): `changed` holds the changed events (rollup columns, `dc` the cost difference, `du` the unpriced one).
 */
export function rollupCostDelta(r: TRollup, changed: string): string {
  const [time, ...rest] = r.keys;
  const dims = rest.filter((k) => k !== "provider" && k !== "model");
  const byModel = rest.includes("model") ? "r.provider = $2 AND r.model = $3 AND " : "";
  const from = r.from ? r.from(changed) : `${changed} s`;
  return `UPDATE ${r.table} r SET cost_usd = r.cost_usd + d.dc, unpriced = r.unpriced + d.du
    FROM (SELECT ${KEY_SQL[time]} AS t, ${dims.map((k) => `${KEY_SQL[k] ?? `s.${k}`} AS ${k}`).join(", ")}, sum(s.dc) AS dc, sum(s.du) AS du
          FROM ${from} GROUP BY ${dims.map((_, i) => i + 2).join(", ")}, 1) d
    WHERE r.org_id = $1::uuid AND ${byModel}r.${time} = d.t AND ${dims.map((k) => `r.${k} IS NOT DISTINCT FROM d.${k}`).join(" AND ")}
    RETURNING 1`;
}

/** Every table the rollups of an org's events live in (what retention and the rebuild clear). */
export const ROLLUP_TABLES = Object.values(ROLLUPS).map((r) => r.table);
