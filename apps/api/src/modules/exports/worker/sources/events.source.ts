import { eventWhere } from "./event-filters.sql";
import type { ExportSource } from "./export-source";

/** One row per gateway event, with the fields and names `GET /v1/events` returns. */
export const eventsSource: ExportSource = {
  columns: [
    { name: "id", kind: "text" },
    { name: "ts", kind: "time" },
    { name: "receivedAt", kind: "time" },
    { name: "gatewayId", kind: "text" },
    { name: "gatewayName", kind: "text" },
    { name: "teamId", kind: "text" },
    { name: "teamName", kind: "text" },
    { name: "keyId", kind: "text" },
    { name: "user", kind: "text" },
    { name: "provider", kind: "text" },
    { name: "model", kind: "text" },
    { name: "stream", kind: "bool" },
    { name: "promptTokens", kind: "integer" },
    { name: "completionTokens", kind: "integer" },
    { name: "cachedTokens", kind: "integer" },
    { name: "tokensEstimated", kind: "bool" },
    { name: "costUsd", kind: "decimal" },
    { name: "priceUnknown", kind: "bool" },
    { name: "latencyMs", kind: "float" },
    { name: "policyLatencyMs", kind: "float" },
    { name: "status", kind: "text" },
    { name: "httpStatus", kind: "integer" },
    { name: "action", kind: "text" },
    { name: "triggeredPolicies", kind: "json" },
    { name: "blockedBy", kind: "json" },
    { name: "decisions", kind: "json" },
    { name: "promptRedacted", kind: "text" },
    { name: "promptHash", kind: "text" },
    { name: "error", kind: "text" },
    { name: "configVersion", kind: "integer" },
  ],
  base: (spec) => {
    const { where, params } = eventWhere(spec);
    return {
      sql: `SELECT e.id, e.ts, e.received_at AS "receivedAt", e.gateway_id AS "gatewayId", g.name AS "gatewayName",
                   e.team_id AS "teamId", tm.name AS "teamName", e.key_id AS "keyId", e.end_user AS "user", e.provider, e.model,
                   e.stream, e.prompt_tokens AS "promptTokens", e.completion_tokens AS "completionTokens",
                   e.cached_tokens AS "cachedTokens", e.tokens_estimated AS "tokensEstimated", e.cost_usd AS "costUsd",
                   (e.cost_usd IS NULL) AS "priceUnknown", e.latency_ms AS "latencyMs", e.policy_latency_ms AS "policyLatencyMs",
                   e.status, e.http_status AS "httpStatus", e.action, to_jsonb(e.triggered_policies) AS "triggeredPolicies",
                   CASE WHEN e.blocked_by IS NULL THEN NULL
                        ELSE jsonb_build_object('policy', e.blocked_by, 'reason', coalesce(e.blocked_reason, '')) END AS "blockedBy",
                   e.decisions, e.prompt_redacted AS "promptRedacted", e.prompt_hash AS "promptHash", e.error,
                   e.config_version AS "configVersion"
              FROM telemetry.events e
              LEFT JOIN gateways g ON g.id = e.gateway_id AND g."orgId" = $1
              LEFT JOIN teams tm ON tm.id = e.team_id AND tm."orgId" = $1
             WHERE ${where}`,
      params,
    };
  },
  orderBy: ["ts", "id"],
};
