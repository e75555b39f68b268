import type { TEventAggregate, TEventGroupKey } from "@kt/contract";
import type { TGroupPartialRow, THistogramRow } from "./event-groups.repository";
import { addToHistogram, percentile, type THistogram } from "./latency-histogram";

type TAccumulator = {
  keys: (string | null)[];
  counts: Record<
    | "requests"
    | "promptTokens"
    | "completionTokens"
    | "cachedTokens"
    | "unpriced"
    | "blocked"
    | "escalated"
    | "redacted"
    | "errors",
    number
  >;
  costNanos: bigint;
  latencySum: number;
  histogram: THistogram;
};

/** A numeric(…, 9) string as an exact count of nano-dollars. */
export function toNanos(decimal: string): bigint {
  const negative = decimal.startsWith("-");
  const [whole, fraction = ""] = decimal.replace("-", "").split(".");
  const nanos = BigInt(whole || "0") * 1_000_000_000n + BigInt((fraction + "000000000").slice(0, 9));
  return negative ? -nanos : nanos;
}

export const nanosToUsd = (nanos: bigint) => Number(nanos) / 1e9;

/** Sums the partial aggregates of every slice per group (exactly, for tokens and cost) and derives rates and percentiles. */
export function mergeGroups(
  parts: { rows: TGroupPartialRow[]; histogram: THistogramRow[] }[],
): (TEventAggregate & { keys: (string | null)[] })[] {
  const groups = new Map<string, TAccumulator>();
  const get = (keys: (string | null)[]) => {
    const id = JSON.stringify(keys);
    let acc = groups.get(id);
    if (!acc) {
      acc = {
        keys,
        counts: {
          requests: 0,
          promptTokens: 0,
          completionTokens: 0,
          cachedTokens: 0,
          unpriced: 0,
          blocked: 0,
          escalated: 0,
          redacted: 0,
          errors: 0,
        },
        costNanos: 0n,
        latencySum: 0,
        histogram: new Map(),
      };
      groups.set(id, acc);
    }
    return acc;
  };
  for (const part of parts) {
    for (const r of part.rows) {
      const acc = get(r.keys);
      acc.counts.requests += Number(r.requests);
      acc.counts.promptTokens += Number(r.prompt_tokens);
      acc.counts.completionTokens += Number(r.completion_tokens);
      acc.counts.cachedTokens += Number(r.cached_tokens);
      acc.counts.unpriced += Number(r.unpriced);
      acc.counts.blocked += Number(r.blocked);
      acc.counts.escalated += Number(r.escalated);
      acc.counts.redacted += Number(r.redacted);
      acc.counts.errors += Number(r.errors);
      acc.costNanos += toNanos(String(r.cost_usd));
      acc.latencySum += Number(r.latency_sum_ms);
    }
    for (const h of part.histogram) addToHistogram(get(h.keys).histogram, Number(h.bucket), Number(h.count));
  }
  return [...groups.values()]
    .filter((g) => g.counts.requests > 0)
    .map((g) => ({ keys: g.keys, ...aggregateOf(g) }));
}

function aggregateOf(g: TAccumulator): TEventAggregate {
  const n = g.counts.requests;
  return {
    requests: n,
    promptTokens: g.counts.promptTokens,
    completionTokens: g.counts.completionTokens,
    cachedTokens: g.counts.cachedTokens,
    costUsd: nanosToUsd(g.costNanos),
    unpricedRequests: g.counts.unpriced,
    blocked: g.counts.blocked,
    escalated: g.counts.escalated,
    redacted: g.counts.redacted,
    errors: g.counts.errors,
    blockRate: n ? g.counts.blocked / n : 0,
    escalationRate: n ? g.counts.escalated / n : 0,
    avgLatencyMs: n ? g.latencySum / n : null,
    p50LatencyMs: percentile(g.histogram, 0.5),
    p95LatencyMs: percentile(g.histogram, 0.95),
  };
}

/** Time keys ascending first (series read left to right), then busiest first, then by key. */
export function sortGroups<T extends { keys: (string | null)[]; requests: number }>(
  groups: T[],
  groupBy: TEventGroupKey[],
): T[] {
  const timeIdx = groupBy.map((k, i) => (k === "day" || k === "hour" ? i : -1)).filter((i) => i >= 0);
  return groups.sort((a, b) => {
    for (const i of timeIdx) {
      const c = String(a.keys[i]).localeCompare(String(b.keys[i]));
      if (c !== 0) return c;
    }
    if (a.requests !== b.requests) return b.requests - a.requests;
    return JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys));
  });
}
