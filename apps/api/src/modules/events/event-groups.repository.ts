import { Injectable } from "@nestjs/common";
import type { TEventGroupKey } from "@kt/contract";
import { filterConditions, SqlParams, type TResolvedFilters } from "./event-filters";
import { GroupSliceCache, type TSliceResult } from "./group-slice-cache";
import type { TGroupSlice } from "./group-plan";
import { TelemetryPool } from "./telemetry-pool";

/** Partial aggregates of one group from one slice; counts are exact as numbers, the cost as a decimal string. */
export type TGroupPartialRow = {
  keys: (string | null)[];
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  cost_usd: string;
  unpriced: number;
  blocked: number;
  escalated: number;
  redacted: number;
  errors: number;
  latency_sum_ms: number;
};
const MEASURES = [
  "requests",
  "prompt_tokens",
  "completion_tokens",
  "cached_tokens",
  "cost_usd",
  "unpriced",
  "blocked",
  "escalated",
  "redacted",
  "errors",
  "latency_sum_ms",
] as const;
/** One group's latency histogram from one slice: parallel arrays of bucket and count. */
export type THistogramRow = { keys: (string | null)[]; buckets: number[]; counts: number[] };

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
  private readonly cache = new GroupSliceCache();

  constructor(private readonly telemetry: TelemetryPool) {}

  /**
   * Every slice of a plan. The rollup versions of all their days are read in one query, before any rollup slice
   * (see GroupSliceCache); raw slices do not wait for it.
   */
  async slices(
    f: TResolvedFilters,
    groupBy: TEventGroupKey[],
    slices: TGroupSlice[],
    options: TSliceOptions = { latency: true },
  ): Promise<TSliceResult[]> {
    const rollupSlices = slices.filter((s) => s.source !== "events");
    const versions = rollupSlices.length
      ? this.dayVersions(
          f.orgId,
          new Date(Math.min(...rollupSlices.map((s) => s.from.getTime()))),
          new Date(Math.max(...rollupSlices.map((s) => s.to.getTime()))),
        )
      : Promise.resolve(new Map<string, string>());
    return Promise.all(
      slices.map(async (s) =>
        this.slice(f, groupBy, s, options, s.source === "events" ? "" : versionsOf(await versions, s)),
      ),
    );
  }

  private async slice(
    f: TResolvedFilters,
    groupBy: TEventGroupKey[],
    slice: TGroupSlice,
    options: TSliceOptions,
    versions: string,
  ): Promise<TSliceResult> {
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
    // Each query answers with one row holding its groups as a JSON array: JSON.parse builds thousands of groups
    // several times faster than the driver parses as many rows (most of a 30-day group by user was row parsing).
    const asJson = (sql: string) => `SELECT COALESCE(json_agg(t), '[]') AS rows FROM (${sql}) t`;
    const measures = MEASURES.map((m) => (m === "cost_usd" ? "s.cost_usd::text AS cost_usd" : `s.${m}`));
    const sumsSql = asJson(`SELECT ${[...outputs, ...measures].join(", ")} FROM (
      SELECT ${[...groups, raw ? RAW_SUMS : OUTCOME_MEASURES.has(slice.source) ? USER_ROLLUP_SUMS : ROLLUP_SUMS].join(", ")} FROM ${from} WHERE ${where} ${groupClause(groupBy.length)}
    ) s`);
    // Grouped by key and bucket, then one row per group with its buckets and counts as arrays: a 30-day group by
    // user yields 5,000 rows instead of a quarter of a million, which the API would otherwise parse and key one by one.
    const bucketed = raw
      ? `SELECT ${[...groups, "telemetry.latency_bucket(e.latency_ms) AS bucket", "count(*) AS count"].join(", ")}
          FROM ${from} WHERE ${where} ${groupClause(groupBy.length + 1)}`
      : // The histogram's unnest() sits in the select list (a ProjectSet), about twice as fast as a lateral join to it.
        `SELECT ${[...positions.map((i) => `g${i - 1}`), "(v >> 32)::int AS bucket", "sum(v & 4294967295) AS count"].join(", ")}
          FROM (SELECT ${[...groups, "unnest(r.latency_hist) AS v"].join(", ")} FROM ${from} WHERE ${where}) u
          ${groupClause(groupBy.length + 1)}`;
    const histSql = asJson(`SELECT ${[...outputs, "h.buckets", "h.counts"].join(", ")} FROM (
        SELECT ${[...positions.map((i) => `g${i - 1}`), "array_agg(b.bucket) AS buckets", "array_agg(b.count::float8) AS counts"].join(", ")}
        FROM (${bucketed}) b ${groupClause(groupBy.length)}
      ) h`);
    const keysOf = (row: Record<string, unknown>) =>
      groupBy.map((_, i) => (row[`k${i}`] as string | null) ?? null);
    const groupsOf = (result: { rows: { rows: Record<string, unknown>[] }[] }) => result.rows[0].rows;
    const sumsOf = (result: { rows: { rows: Record<string, unknown>[] }[] }) =>
      groupsOf(result)
        // Without group keys an empty slice still yields one all-zero row: not a group.
        .filter((r) => groupBy.length > 0 || Number(r.requests) > 0)
        .map((r) => Object.assign(r, { keys: keysOf(r) }) as unknown as TGroupPartialRow);
    const readHistogram = async () =>
      groupsOf(await this.telemetry.pool.query(histSql, p.values))
        // Without group keys an empty slice still yields one row, of nulls: no histogram.
        .filter((r) => r.buckets !== null)
        .map((r) => Object.assign(r, { keys: keysOf(r) }) as unknown as THistogramRow);
    const read = async (): Promise<TSliceResult> => {
      if (!options.latency)
        return { rows: sumsOf(await this.telemetry.pool.query(sumsSql, p.values)), histogram: [] };
      const [sums, histogram] = await Promise.all([
        this.telemetry.pool.query(sumsSql, p.values),
        readHistogram(),
      ]);
      return { rows: sumsOf(sums), histogram };
    };
    if (raw) return read();
    // Rollup slices are reused while their days are unchanged (see GroupSliceCache). The key holds the slice's own
    // bounds, not the request's since/until (which move with every "last 30 days" request).
    const { since: _since, until: _until, ...scope } = filters;
    const key = JSON.stringify([slice.source, slice.from, slice.to, groupBy, scope, options.latency]);
    const cached = this.cache.get(key, versions);
    if (cached) return cached;
    const result = await read();
    this.cache.set(key, versions, result);
    return result;
  }

  /**
   * The first UTC day the daily rollups do not hold yet (midnight UTC). It only moves forward, and a day read from the
   * hourly rollups is as exact as from the daily ones, so a value read a moment before a close is still right.
   */
  async dailyOpenFrom(): Promise<Date> {
    const { rows } = await this.telemetry.pool.query<{ open_from: string }>(
      "SELECT open_from::text FROM telemetry.daily_rollups_watermark",
    );
    return new Date(`${rows[0].open_from}T00:00:00Z`);
  }

  /** The rollup version of each UTC day from `from` to `to` that has one. */
  private async dayVersions(orgId: string, from: Date, to: Date): Promise<Map<string, string>> {
    const { rows } = await this.telemetry.pool.query<{ day: string; version: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, version::text AS version
       FROM telemetry.rollup_versions WHERE org_id = $1::uuid AND day >= $2::date AND day <= $3::date`,
      [orgId, utcDay(from), lastUtcDay(to)],
    );
    return new Map(rows.map((r) => [r.day, r.version]));
  }
}

const DAY_MS = 86_400_000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);
/** The UTC day of the last instant before `to` (slices end exclusively). */
const lastUtcDay = (to: Date) => utcDay(new Date(to.getTime() - 1));

/** The versions of a slice's days as one string: equal only while none of those days was written. */
function versionsOf(versions: Map<string, string>, slice: TGroupSlice): string {
  const days: string[] = [];
  const last = lastUtcDay(slice.to);
  for (let t = Math.floor(slice.from.getTime() / DAY_MS) * DAY_MS; ; t += DAY_MS) {
    const day = utcDay(new Date(t));
    days.push(`${day}:${versions.get(day) ?? ""}`);
    if (day >= last) break;
  }
  return days.join(",");
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
