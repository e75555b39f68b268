import type { TEventAggregate, TEventGroupKey } from "@kt/contract";
import type { TGroupPartialRow, THistogramRow } from "./event-groups.repository";
import { percentiles, type THistogramPart } from "./latency-histogram";

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
  /** The group's histogram as the slices gave it, summed only when its percentiles are read. */
  histogram: THistogramPart[];
};

/** A numeric(…, 9) string as an exact count of nano-dollars. */
export function toNanos(decimal: string): bigint {
  const dot = decimal.indexOf(".");
  // Sums of numeric(…, 9) columns print exactly nine decimals: one BigInt of the digits.
  if (dot >= 0 && decimal.length - dot === 10) return BigInt(decimal.slice(0, dot) + decimal.slice(dot + 1));
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
  // Nested maps by key value: no key string built per row (tens of thousands per request), and null stays apart
  // from any text.
  const index = new Map<string | null, unknown>();
  const groups: TAccumulator[] = [];
  const get = (keys: (string | null)[]) => {
    let level = index;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = level.get(keys[i]) as Map<string | null, unknown> | undefined;
      if (!next) level.set(keys[i], (next = new Map()));
      level = next;
    }
    const last = keys.length ? keys[keys.length - 1] : null;
    let acc = level.get(last) as TAccumulator | undefined;
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
        histogram: [],
      };
      level.set(last, acc);
      groups.push(acc);
    }
    return acc;
  };
  for (const part of parts) {
    for (const r of part.rows) {
      const acc = get(r.keys);
      acc.counts.requests += r.requests;
      acc.counts.promptTokens += r.prompt_tokens;
      acc.counts.completionTokens += r.completion_tokens;
      acc.counts.cachedTokens += r.cached_tokens;
      acc.counts.unpriced += r.unpriced;
      acc.counts.blocked += r.blocked;
      acc.counts.escalated += r.escalated;
      acc.counts.redacted += r.redacted;
      acc.counts.errors += r.errors;
      acc.costNanos += toNanos(r.cost_usd);
      acc.latencySum += Number(r.latency_sum_ms);
    }
    for (const h of part.histogram) get(h.keys).histogram.push(h);
  }
  return groups.filter((g) => g.counts.requests > 0).map((g) => ({ keys: g.keys, ...aggregateOf(g) }));
}

function latencyPercentiles(h: THistogramPart[]): {
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
} {
  const [p50LatencyMs, p95LatencyMs] = percentiles(h, [0.5, 0.95]);
  return { p50LatencyMs, p95LatencyMs };
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
    ...latencyPercentiles(g.histogram),
  };
}

const collator = new Intl.Collator();

/** Time keys ascending first (series read left to right), then busiest first, then by key. */
export function sortGroups<T extends { keys: (string | null)[]; requests: number }>(
  groups: T[],
  groupBy: TEventGroupKey[],
): T[] {
  const timeIdx = groupBy.map((k, i) => (k === "day" || k === "hour" ? i : -1)).filter((i) => i >= 0);
  // Sort keys computed once per group, not once per comparison (thousands of user groups tie on requests).
  const sortable = groups.map((g) => ({
    g,
    times: timeIdx.map((i) => String(g.keys[i])),
    id: JSON.stringify(g.keys),
  }));
  sortable.sort((a, b) => {
    for (let t = 0; t < a.times.length; t++) {
      const c = collator.compare(a.times[t], b.times[t]);
      if (c !== 0) return c;
    }
    if (a.g.requests !== b.g.requests) return b.g.requests - a.g.requests;
    return collator.compare(a.id, b.id);
  });
  return sortable.map((s) => s.g);
}
