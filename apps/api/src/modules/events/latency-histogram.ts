/**
 * Latency sketches: a sparse log-bucket histogram, bucket k covering [1.08^k − 1, 1.08^(k+1) − 1) ms, stored in
 * PostgreSQL as bigint (bucket << 32 | count). Same formula as telemetry.latency_bucket(); an estimate is the
 * bucket's midpoint, within about 4 % of the exact value (0.04 ms below 1 ms).
 */
export const HISTOGRAM_BASE = 1.08;
export const HISTOGRAM_MAX_BUCKET = 199;
const LOG_BASE = Math.log(HISTOGRAM_BASE);

/** Part of a histogram (one group's buckets from one slice): bucket numbers and their counts, in any order. */
export type THistogramPart = { buckets: ArrayLike<number>; counts: ArrayLike<number> };

export function latencyBucket(ms: number): number {
  const k = Math.floor(Math.log(1 + Math.max(ms, 0)) / LOG_BASE);
  return Math.min(HISTOGRAM_MAX_BUCKET, Math.max(0, k));
}

/** Summed into one dense array per call: a few hundred additions, where per-bucket maps cost a map entry each. */
const scratch = new Float64Array(HISTOGRAM_MAX_BUCKET + 1);

/**
 * Nearest-rank percentiles (ascending p in 0..1) of the histogram the parts add up to, each as the midpoint of the
 * bucket holding that rank; null for an empty histogram.
 */
export function percentiles(parts: readonly THistogramPart[], ps: readonly number[]): (number | null)[] {
  scratch.fill(0);
  let total = 0;
  for (const { buckets, counts } of parts) {
    for (let i = 0; i < buckets.length; i++) {
      scratch[buckets[i]] += counts[i];
      total += counts[i];
    }
  }
  const out: (number | null)[] = ps.map(() => null);
  if (total === 0) return out;
  let seen = 0;
  let next = 0;
  for (let k = 0; k <= HISTOGRAM_MAX_BUCKET && next < ps.length; k++) {
    seen += scratch[k];
    while (next < ps.length && seen >= Math.max(1, Math.ceil(ps[next] * total)))
      out[next++] = bucketMidpoint(k);
  }
  return out;
}

export function bucketMidpoint(k: number): number {
  const lo = HISTOGRAM_BASE ** k - 1;
  const hi = HISTOGRAM_BASE ** (k + 1) - 1;
  return Math.round(((lo + hi) / 2) * 1000) / 1000;
}
