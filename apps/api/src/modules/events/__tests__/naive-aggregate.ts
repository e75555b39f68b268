import type { TEventGroupKey } from "@kt/contract";
import pg from "pg";

/**
 * The reference for group_by: a straightforward aggregate over raw events, written independently of the API's
 * query builder (policies read from the stored decisions JSON, not from the precomputed arrays).
 */
export type TNaiveFilters = {
  since: string;
  until: string;
  gatewayIds?: string[];
  teamIds?: string[];
  providers?: string[];
  models?: string[];
  users?: string[];
  policies?: string[];
  actions?: string[];
  statuses?: string[];
};

export type TNaiveGroup = {
  key: Record<string, string | null>;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  costUsd: number;
  unpricedRequests: number;
  blocked: number;
  escalated: number;
  errors: number;
  latencies: number[];
};

const EXPR: Record<TEventGroupKey, string> = {
  gateway: "gateway_id::text",
  team: "team_id::text",
  provider: "provider",
  model: "model",
  user: "end_user",
  action: "action",
  policy: "pol",
  day: `to_char(date_trunc('day', ts AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
  hour: `to_char(date_trunc('hour', ts AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
};

export async function naiveAggregate(
  url: string,
  orgId: string,
  f: TNaiveFilters,
  groupBy: TEventGroupKey[],
): Promise<TNaiveGroup[]> {
  const values: unknown[] = [orgId, f.since, f.until];
  const where = ["org_id = $1", "ts >= $2", "ts < $3"];
  const list = (col: string, v?: string[]) => {
    if (!v) return;
    values.push(v);
    where.push(`${col} = ANY($${values.length})`);
  };
  list("gateway_id::text", f.gatewayIds);
  list("team_id::text", f.teamIds);
  list("provider", f.providers);
  list("model", f.models);
  list("end_user", f.users);
  list("action", f.actions);
  list("status", f.statuses);
  if (f.policies) {
    values.push(f.policies);
    where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(decisions) d WHERE (d->>'triggered')::boolean
      AND (d->>'policy' = ANY($${values.length}) OR d->>'type' = ANY($${values.length})))`);
  }
  const policyJoin = groupBy.includes("policy")
    ? `CROSS JOIN LATERAL (SELECT DISTINCT d->>'policy' AS pol FROM jsonb_array_elements(decisions) d WHERE (d->>'triggered')::boolean) p`
    : "";
  const keys = groupBy.map((k) => `${EXPR[k]} AS "${k}"`);
  const sql = `SELECT ${[
    ...keys,
    `count(*) AS requests, sum(prompt_tokens) AS pt, sum(completion_tokens) AS ct, sum(cached_tokens) AS cached,
      COALESCE(sum(cost_usd), 0)::text AS cost, count(*) FILTER (WHERE cost_usd IS NULL) AS unpriced,
      count(*) FILTER (WHERE action = 'blocked') AS blocked, count(*) FILTER (WHERE action = 'escalated') AS escalated,
      count(*) FILTER (WHERE status = 'error') AS errors, array_agg(latency_ms) AS latencies`,
  ].join(", ")}
    FROM telemetry.events ${policyJoin} WHERE ${where.join(" AND ")}
    ${groupBy.length ? `GROUP BY ${groupBy.map((_, i) => i + 1).join(", ")}` : ""}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(sql, values);
    return rows
      .filter((r) => Number(r.requests) > 0)
      .map((r) => ({
        key: Object.fromEntries(groupBy.map((k) => [k, r[k] ?? null])),
        requests: Number(r.requests),
        promptTokens: Number(r.pt),
        completionTokens: Number(r.ct),
        cachedTokens: Number(r.cached),
        costUsd: Number(r.cost),
        unpricedRequests: Number(r.unpriced),
        blocked: Number(r.blocked),
        escalated: Number(r.escalated),
        errors: Number(r.errors),
        latencies: r.latencies.map(Number),
      }));
  } finally {
    await client.end();
  }
}

/** Nearest-rank percentile, the definition the API's histogram estimates. */
export function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}
