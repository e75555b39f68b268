import type { TGatewayEvent } from "@kt/contract";
import type { GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { ratesFor, type TPriceOverride, type TRates } from "../prices/price-book";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (v: string | null) => (v && UUID.test(v) ? v.toLowerCase() : null);

/** One event as ingest stores it (sent to PostgreSQL as an array of its fields: ingest.repository.ts). */
export type TEventRowInput = {
  id: string;
  ts: string;
  gateway_id: string;
  team_id: string | null;
  key_id: string | null;
  end_user: string | null;
  provider: string | null;
  model: string;
  stream: boolean;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  tokens_estimated: boolean;
  reported_cost_usd: number | null;
  rate_in: number | null;
  rate_out: number | null;
  rate_cached: number | null;
  latency_ms: number;
  policy_latency_ms: number;
  status: string;
  http_status: number;
  action: string;
  triggered_policies: string[];
  policy_keys: string[];
  blocked_by: string | null;
  blocked_reason: string | null;
  decisions: unknown[];
  prompt_redacted: string | null;
  prompt_hash: string | null;
  error: string | null;
  config_version: number | null;
};

/**
 * Maps gateway events to rows. The org and gateway come from the credential, never from the event; a team or key
 * id that is not a UUID is dropped (the gateway's own team then applies). The first of several copies of an id wins.
 */
export function toEventRows(
  events: TGatewayEvent[],
  gateway: GatewayCaller,
  overrides: TPriceOverride[],
): TEventRowInput[] {
  const seen = new Set<string>();
  // A batch holds a handful of models: look each one's rates up once.
  const rateCache = new Map<string, TRates | null>();
  const rows: TEventRowInput[] = [];
  for (const e of events) {
    const id = e.id.toLowerCase();
    if (seen.has(id)) continue;
    seen.add(id);
    const rateKey = `${e.provider}\u0000${e.model}`;
    let rates = rateCache.get(rateKey);
    if (rates === undefined) rateCache.set(rateKey, (rates = ratesFor(overrides, e.provider, e.model)));
    const policies = policiesOf(e.decisions);
    rows.push({
      id,
      ts: new Date(e.ts).toISOString(),
      gateway_id: gateway.gatewayId,
      team_id: uuidOrNull(e.teamId) ?? gateway.teamId,
      key_id: uuidOrNull(e.keyId),
      end_user: e.endUser,
      provider: e.provider,
      model: e.model,
      stream: e.stream,
      prompt_tokens: e.promptTokens,
      completion_tokens: e.completionTokens,
      cached_tokens: e.cachedTokens,
      tokens_estimated: e.tokensEstimated,
      reported_cost_usd: e.costUsd,
      rate_in: rates?.input ?? null,
      rate_out: rates?.output ?? null,
      rate_cached: rates?.cached ?? null,
      latency_ms: e.latencyMs,
      policy_latency_ms: e.policyLatencyMs,
      status: e.status,
      http_status: e.httpStatus,
      action: e.action,
      triggered_policies: policies.names,
      policy_keys: policies.keys,
      blocked_by: e.blockedBy?.policy ?? null,
      blocked_reason: e.blockedBy?.reason ?? null,
      decisions: e.decisions,
      prompt_redacted: e.promptRedacted,
      prompt_hash: e.promptHash,
      error: e.error,
      config_version: e.configVersion,
    });
  }
  return rows;
}

const NO_POLICIES = { names: [] as string[], keys: [] as string[] };

/** Distinct names of the triggered policies, and their distinct names and types together (what `policy=` matches). */
function policiesOf(decisions: TGatewayEvent["decisions"]): { names: string[]; keys: string[] } {
  if (!decisions.some((d) => d.triggered)) return NO_POLICIES;
  const names = new Set<string>();
  const keys = new Set<string>();
  for (const d of decisions) {
    if (!d.triggered) continue;
    names.add(d.policy);
    keys.add(d.policy).add(d.type);
  }
  return { names: [...names], keys: [...keys] };
}
