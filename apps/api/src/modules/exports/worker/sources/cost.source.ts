import { eventWhere } from "./event-filters.sql";
import type { ExportSource } from "./export-source";

/**
 * Spend aggregated by UTC day, team, user, provider and model, from the events themselves so that every
 * filter applies and partial hours at the range's edges are exact. Unpriced events count apart, never as 0.
 */
export const costSource: ExportSource = {
  columns: [
    { name: "day", kind: "text" },
    { name: "teamId", kind: "text" },
    { name: "teamName", kind: "text" },
    { name: "user", kind: "text" },
    { name: "provider", kind: "text" },
    { name: "model", kind: "text" },
    { name: "requests", kind: "integer" },
    { name: "promptTokens", kind: "integer" },
    { name: "completionTokens", kind: "integer" },
    { name: "cachedTokens", kind: "integer" },
    { name: "costUsd", kind: "decimal" },
    { name: "unpricedRequests", kind: "integer" },
  ],
  base: (spec) => {
    const { where, params } = eventWhere(spec);
    return {
      sql: `SELECT to_char(date_trunc('day', e.ts AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, e.team_id AS "teamId",
                   max(tm.name) AS "teamName", e.end_user AS "user", e.provider, e.model, count(*) AS requests,
                   sum(e.prompt_tokens) AS "promptTokens", sum(e.completion_tokens) AS "completionTokens",
                   sum(e.cached_tokens) AS "cachedTokens", coalesce(sum(e.cost_usd), 0) AS "costUsd",
                   count(*) FILTER (WHERE e.cost_usd IS NULL) AS "unpricedRequests"
              FROM telemetry.events e
              LEFT JOIN teams tm ON tm.id = e.team_id AND tm."orgId" = $1
             WHERE ${where}
             GROUP BY 1, e.team_id, e.end_user, e.provider, e.model`,
      params,
    };
  },
  orderBy: ["day", "teamId", "user", "provider", "model"],
};
