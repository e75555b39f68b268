import { Injectable } from "@nestjs/common";
import type { TEventGroupKey } from "@kt/contract";
import { filterConditions, SqlParams, type TResolvedFilters } from "./event-filters";
import { GroupHistogramCache } from "./group-histogram-cache";
import type { TGroupSlice } from "./group-plan";
import { TelemetryPool } from "./telemetry-pool";

/** Partial aggregates of one group from one slice; numbers that must stay exact arrive as strings. */
export type TGroupPartialRow = {
  keys: (string | null)[];
  requests: string;
  prompt_tokens: string;
  completion_tokens: string;
  cached_tokens: string;
  cost_usd: string;
  unpriced: string;
  blocked: string;
  escalated: string;
  redacted: string;
  errors: string;
  latency_sum_ms: number;
};
export type THistogramRow = { keys: (string | null)[]; bucket: number; count: string };

/** Where each slice source lives; how its table is shaped is in the sets below. */
const TABLES: Record<string, string> = {
  events: "telemetry.events",
  rollups: "telemetry.event_rollups_hourly",
  rollups_nouser: "telemetry.event_rollups_hourly_nouser",
  rollups_daily: "telemetry.event_rollups_daily",
  user_hourly: "telemetry.user_rollups_hourly",
  user_daily: "telemetry.user_rollups_daily",
  policy_names: "telemetry.policy_rollups_hourly",
  policy_keys: "telemetry.policy_rollups_hourly",
  policy_names_daily: "telemetry.policy_rollups_daily",
  policy_keys_daily: "telemetry.policy_rollups_daily",
};
/** Keyed by UTC day (a `day` date column) instead of `hour`. */
const DAILY = new Set(["rollups_daily", "user_daily", "policy_names_daily", "policy_keys_daily"]);
/** Have an end_user column. */
const WITH_USER = new Set(["events", "rollups", "user_hourly", "user_daily"]);
/** The narrow per-user rollups: no action or status column, outcome counts as measures instead. */
const OUTCOME_MEASURES = new Set(["user_hourly", "user_daily"]);
const POLICY_NAMES = new Set(["policy_names", "policy_names_daily"]);
const POLICY_KEYS = new Set(["policy_keys", "policy_keys_daily"]);

const ISO_SECOND = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/**
 * What a slice groups by for a key: time keys as raw instants (truncated, not yet formatted), so the expensive
 * formatting runs once per group in the outer query instead of once per row or histogram entry.
 */
function groupExpression(key: TEventGroupKey, raw: boolean, daily: boolean): string {
  const a = raw ? "e" : "r";
  const time = raw ? "e.ts" : "r.hour";
  if (daily && key === "day") return "r.day";
  if (daily && key === "hour") throw new Error("the daily rollup cannot group by hour");
  switch (key) {
    case "gateway":
      return `${a}.gateway_id`;
    case "team":
      return `${a}.team_id`;
    case "provider":
      return `${a}.provider`;
    case "model":
      return `${a}.model`;
    case "user":
      return `${a}.end_user`;
    case "action":
      return `${a}.action`;
    case "policy":
      return raw ? "p.policy" : "r.policy";
    case "day":
      return `date_trunc('day', ${time}, 'UTC')`;
    case "hour":
      return raw ? `date_trunc('hour', e.ts, 'UTC')` : "r.hour";
  }
}

/** The group key as the API shows it, from the grouped column `g<i>`: ids and names as text, times as ISO UTC. */
function keyOutput(key: TEventGroupKey, i: number, daily: boolean): string {
  if (key === "day" && daily) return `to_char(g${i}, 'YYYY-MM-DD"T00:00:00Z"') AS k${i}`;
  if (key === "day" || key === "hour") return `to_char(g${i} AT TIME ZONE 'UTC', ${ISO_SECOND}) AS k${i}`;
  return `g${i}::text AS k${i}`;
}

export type TSliceOptions = {
  /** Read the latency histograms (p50/p95). They cost most of a rollup query; callers that show no percentiles skip them. */
  latency: boolean;
};

/** The only place group_by reads the telemetry tables: one aggregate query and one histogram query per slice. */
@Injectable()
export class EventGroupsRepository {
  private readonly histograms = new GroupHistogramCache();

  constructor(private readonly telemetry: TelemetryPool) {}

  async slice(
    f: TResolvedFilters,
    groupBy: TEventGroupKey[],
    slice: TGroupSlice,
    options: TSliceOptions = { latency: true },
  ): Promise<{ rows: TGroupPartialRow[]; histogram: THistogramRow[] }> {
    const raw = slice.source === "events";
    const p = new SqlParams();
    const filters = POLICY_KEYS.has(slice.source) ? { ...f, policies: undefined } : f;
    const daily = DAILY.has(slice.source);
    let where = filterConditions(
      p,
      filters,
      {
        alias: raw ? "e" : "r",
        timeColumn: raw ? "ts" : daily ? "day" : "hour",
        hasUser: WITH_USER.has(slice.source),
        hasPolicyKeys: raw,
        timeIsDate: daily,
      },
      slice.from,
      slice.to,
    );
    if (POLICY_NAMES.has(slice.source)) where += ` AND r.kind = 'name'`;
    if (POLICY_KEYS.has(slice.source)) where += ` AND r.kind = 'key' AND r.policy = ${p.add(f.policies![0])}`;

    const groups = groupBy.map((k, i) => `${groupExpression(k, raw, daily)} AS g${i}`);
    const outputs = groupBy.map((k, i) => keyOutput(k, i, daily));
    const positions = groupBy.map((_, i) => i + 1);
    const groupClause = (n: number) =>
      n ? `GROUP BY ${Array.from({ length: n }, (_, i) => i + 1).join(", ")}` : "";
    const from = raw
      ? `telemetry.events e${groupBy.includes("policy") ? " CROSS JOIN LATERAL unnest(e.triggered_policies) AS p(policy)" : ""}`
      : `${TABLES[slice.source]} r`;
    const sumsSql = `SELECT ${[...outputs, "s.*"].join(", ")} FROM (
      SELECT ${[...groups, raw ? RAW_SUMS : OUTCOME_MEASURES.has(slice.source) ? USER_ROLLUP_SUMS : ROLLUP_SUMS].join(", ")} FROM ${from} WHERE ${where} ${groupClause(groupBy.length)}
    ) s`;
    // The histogram's unnest() sits in the select list (a ProjectSet), about twice as fast as a lateral join to it.
    const histSql = raw
      ? `SELECT ${[...outputs, "h.bucket", "h.count"].join(", ")} FROM (
          SELECT ${[...groups, "telemetry.latency_bucket(e.latency_ms) AS bucket", "count(*) AS count"].join(", ")}
          FROM ${from} WHERE ${where} ${groupClause(groupBy.length + 1)}
        ) h`
      : `SELECT ${[...outputs, "h.bucket", "h.count"].join(", ")} FROM (
          SELECT ${[...positions.map((i) => `g${i - 1}`), "(v >> 32)::int AS bucket", "sum(v & 4294967295) AS count"].join(", ")}
          FROM (SELECT ${[...groups, "unnest(r.latency_hist) AS v"].join(", ")} FROM ${from} WHERE ${where}) u
          ${groupClause(groupBy.length + 1)}
        ) h`;
    const keysOf = (row: Record<string, unknown>) =>
      groupBy.map((_, i) => (row[`k${i}`] as string | null) ?? null);
    const sumsOf = (result: { rows: Record<string, unknown>[] }) =>
      result.rows
        // Without group keys an empty slice still yields one all-zero row: not a group.
        .filter((r) => groupBy.length > 0 || Number(r.requests) > 0)
        .map((r) => ({ ...r, keys: keysOf(r) }) as TGroupPartialRow);
    const readHistogram = async () =>
      (await this.telemetry.pool.query(histSql, p.values)).rows.map((r): THistogramRow => ({
        keys: keysOf(r),
        bucket: r.bucket,
        count: r.count,
      }));
    if (!options.latency)
      return { rows: sumsOf(await this.telemetry.pool.query(sumsSql, p.values)), histogram: [] };
    if (raw) {
      const [sums, histogram] = await Promise.all([
        this.telemetry.pool.query(sumsSql, p.values),
        readHistogram(),
      ]);
      return { rows: sumsOf(sums), histogram };
    }
    // Rollup slices: histograms reused while the groups are unchanged (see GroupHistogramCache).
    // The slice's own bounds, not the request's since/until (which move with every "last 30 days" request).
    const { since: _since, until: _until, ...scope } = filters;
    const cacheKey = JSON.stringify([slice.source, slice.from, slice.to, groupBy, scope]);
    if (this.histograms.has(cacheKey)) {
      const rows = sumsOf(await this.telemetry.pool.query(sumsSql, p.values));
      const fingerprint = GroupHistogramCache.fingerprint(rows);
      const cached = this.histograms.get(cacheKey, fingerprint);
      if (cached) return { rows, histogram: cached };
      const histogram = await readHistogram();
      this.histograms.set(cacheKey, fingerprint, histogram);
      return { rows, histogram };
    }
    const [sums, histogram] = await Promise.all([
      this.telemetry.pool.query(sumsSql, p.values),
      readHistogram(),
    ]);
    const rows = sumsOf(sums);
    this.histograms.set(cacheKey, GroupHistogramCache.fingerprint(rows), histogram);
    return { rows, histogram };
  }
}

const RAW_SUMS = `count(*) AS requests, COALESCE(sum(e.prompt_tokens), 0) AS prompt_tokens,
  COALESCE(sum(e.completion_tokens), 0) AS completion_tokens, COALESCE(sum(e.cached_tokens), 0) AS cached_tokens,
  COALESCE(sum(e.cost_usd), 0) AS cost_usd, count(*) FILTER (WHERE e.cost_usd IS NULL) AS unpriced,
  count(*) FILTER (WHERE e.action = 'blocked') AS blocked, count(*) FILTER (WHERE e.action = 'escalated') AS escalated,
  count(*) FILTER (WHERE e.action = 'redacted') AS redacted, count(*) FILTER (WHERE e.status = 'error') AS errors,
  COALESCE(sum(e.latency_ms), 0) AS latency_sum_ms`;

const ROLLUP_SUMS = `COALESCE(sum(r.requests), 0) AS requests, COALESCE(sum(r.prompt_tokens), 0) AS prompt_tokens,
  COALESCE(sum(r.completion_tokens), 0) AS completion_tokens, COALESCE(sum(r.cached_tokens), 0) AS cached_tokens,
  COALESCE(sum(r.cost_usd), 0) AS cost_usd, COALESCE(sum(r.unpriced), 0) AS unpriced,
  COALESCE(sum(r.requests) FILTER (WHERE r.action = 'blocked'), 0) AS blocked,
  COALESCE(sum(r.requests) FILTER (WHERE r.action = 'escalated'), 0) AS escalated,
  COALESCE(sum(r.requests) FILTER (WHERE r.action = 'redacted'), 0) AS redacted,
  COALESCE(sum(r.requests) FILTER (WHERE r.status = 'error'), 0) AS errors, COALESCE(sum(r.latency_sum_ms), 0) AS latency_sum_ms`;

const USER_ROLLUP_SUMS = `COALESCE(sum(r.requests), 0) AS requests, COALESCE(sum(r.prompt_tokens), 0) AS prompt_tokens,
  COALESCE(sum(r.completion_tokens), 0) AS completion_tokens, COALESCE(sum(r.cached_tokens), 0) AS cached_tokens,
  COALESCE(sum(r.cost_usd), 0) AS cost_usd, COALESCE(sum(r.unpriced), 0) AS unpriced,
  COALESCE(sum(r.blocked), 0) AS blocked, COALESCE(sum(r.escalated), 0) AS escalated,
  COALESCE(sum(r.redacted), 0) AS redacted, COALESCE(sum(r.errors), 0) AS errors,
  COALESCE(sum(r.latency_sum_ms), 0) AS latency_sum_ms`;
