import { addToHistogram, encodeHistogram, latencyBucket, type THistogram } from "../events/latency-histogram";
import { toNanos } from "../events/group-merge";
import type { TEventRowInput } from "./event-rows";

/** An inserted event with the cost the database computed. */
export type TInsertedEvent = TEventRowInput & { cost_usd: string | null };

type TMeasures = {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  costNanos: bigint;
  unpriced: number;
  latency_sum_ms: number;
  hist: THistogram;
};

export type TRollupRow = Record<string, unknown> & { cost_usd: string; latency_hist: string[] };

const HOUR_MS = 3_600_000;
const hourOf = (ts: string) => new Date(Math.floor(Date.parse(ts) / HOUR_MS) * HOUR_MS).toISOString();
export const dayOf = (ts: string) => ts.slice(0, 10);
export const periodOf = (ts: string) => ts.slice(0, 7);

function nanosToDecimal(n: bigint): string {
  const sign = n < 0n ? "-" : "";
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 1_000_000_000n}.${(abs % 1_000_000_000n).toString().padStart(9, "0")}`;
}

/** Sums events per key (sorted, so concurrent batches lock rollup rows in the same order). */
function rollUp(events: TInsertedEvent[], keyOf: (e: TInsertedEvent) => Record<string, unknown>[]): TRollupRow[] {
  const groups = new Map<string, { key: Record<string, unknown>; m: TMeasures }>();
  for (const e of events) {
    for (const key of keyOf(e)) {
      const id = JSON.stringify(key);
      let g = groups.get(id);
      if (!g) {
        g = { key, m: { requests: 0, prompt_tokens: 0, completion_tokens: 0, cached_tokens: 0, costNanos: 0n, unpriced: 0, latency_sum_ms: 0, hist: new Map() } };
        groups.set(id, g);
      }
      g.m.requests += 1;
      g.m.prompt_tokens += e.prompt_tokens;
      g.m.completion_tokens += e.completion_tokens;
      g.m.cached_tokens += e.cached_tokens;
      if (e.cost_usd === null) g.m.unpriced += 1;
      else g.m.costNanos += toNanos(e.cost_usd);
      g.m.latency_sum_ms += e.latency_ms;
      addToHistogram(g.m.hist, latencyBucket(e.latency_ms));
    }
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, { key, m }]) => ({
      ...key,
      requests: m.requests,
      prompt_tokens: m.prompt_tokens,
      completion_tokens: m.completion_tokens,
      cached_tokens: m.cached_tokens,
      cost_usd: nanosToDecimal(m.costNanos),
      unpriced: m.unpriced,
      latency_sum_ms: m.latency_sum_ms,
      latency_hist: encodeHistogram(m.hist),
    }));
}

const dims = (e: TInsertedEvent) => ({
  hour: hourOf(e.ts),
  team_id: e.team_id,
  gateway_id: e.gateway_id,
  provider: e.provider,
  model: e.model,
  action: e.action,
  status: e.status,
});

/** The deltas one batch adds to each rollup table and to team spend. */
export function rollupDeltas(events: TInsertedEvent[]) {
  return {
    hourly: rollUp(events, (e) => [{ ...dims(e), end_user: e.end_user }]),
    nouser: rollUp(events, (e) => [dims(e)]),
    daily: rollUp(events, (e) => {
      const { hour: _hour, ...rest } = dims(e);
      return [{ ...rest, day: dayOf(e.ts) }];
    }),
    policies: rollUp(events, (e) => [
      ...e.triggered_policies.map((policy) => ({ ...dims(e), kind: "name", policy })),
      ...e.policy_keys.map((policy) => ({ ...dims(e), kind: "key", policy })),
    ]),
    activeUsers: rollUp(events, (e) => (e.end_user ? [{ day: dayOf(e.ts), team_id: e.team_id, end_user: e.end_user }] : [])),
    spend: rollUp(events, (e) => (e.team_id ? [{ team_id: e.team_id, period: periodOf(e.ts) }] : [])),
  };
}
