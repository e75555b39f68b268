import type { TEventRecord, TPolicyDecision } from "@kt/contract";
import type { TEventRow } from "./events.repository";

export type TNames = { gateways: Map<string, string>; teams: Map<string, string> };

/** A telemetry.events row as the API shows it. */
export function toEventRecord(row: TEventRow, names: TNames): TEventRecord {
  return {
    id: row.id,
    ts: new Date(row.ts).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
    gatewayId: row.gateway_id,
    gatewayName: row.gateway_id ? (names.gateways.get(row.gateway_id) ?? null) : null,
    teamId: row.team_id,
    teamName: row.team_id ? (names.teams.get(row.team_id) ?? null) : null,
    keyId: row.key_id,
    user: row.end_user,
    provider: row.provider,
    model: row.model,
    stream: row.stream,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    cachedTokens: row.cached_tokens,
    tokensEstimated: row.tokens_estimated,
    costUsd: row.cost_usd === null ? null : Number(row.cost_usd),
    priceUnknown: row.cost_usd === null,
    latencyMs: row.latency_ms,
    policyLatencyMs: row.policy_latency_ms,
    status: row.status as TEventRecord["status"],
    httpStatus: row.http_status,
    action: row.action as TEventRecord["action"],
    triggeredPolicies: row.triggered_policies,
    blockedBy: row.blocked_by ? { policy: row.blocked_by, reason: row.blocked_reason ?? "" } : null,
    decisions: row.decisions as TPolicyDecision[],
    promptRedacted: row.prompt_redacted,
    promptHash: row.prompt_hash,
    error: row.error,
    configVersion: row.config_version,
  };
}

export function encodeCursor(row: Pick<TEventRow, "ts_us" | "id">): string {
  return Buffer.from(`${row.ts_us}.${row.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { tsMicros: string; id: string } | null {
  const m = /^(\d{1,20})\.([0-9a-f-]{36})$/i.exec(Buffer.from(cursor, "base64url").toString());
  return m ? { tsMicros: m[1], id: m[2] } : null;
}

/** The instant a UUIDv7 carries (its first 48 bits, ms since the epoch); null for other versions. */
export function uuidv7Time(id: string): Date | null {
  if (id[14] !== "7") return null;
  return new Date(parseInt(id.replace(/-/g, "").slice(0, 12), 16));
}
