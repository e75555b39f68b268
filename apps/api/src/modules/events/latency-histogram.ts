/**
 * Latency sketches: a sparse log-bucket histogram, bucket k covering [1.08^k − 1, 1.08^(k+1) − 1) ms, stored in
 * PostgreSQL as bigint (bucket << 32 | count). Same formula as telemetry.latency_bucket(); an estimate is the
 * bucket's midpoint, within about 4 % of the exact value (0.04 ms below 1 ms).
 */
export const HISTOGRAM_BASE = 1.08;
export const HISTOGRAM_MAX_BUCKET = 199;
const LOG_BASE = Math.log(HISTOGRAM_BASE);

export type THistogram = Map<number, number>;

export function latencyBucket(ms: number): number {
  const k = Math.floor(Math.log(1 + Math.max(ms, 0)) / LOG_BASE);
  return Math.min(HISTOGRAM_MAX_BUCKET, Math.max(0, k));
}

export function addToHistogram(h: THistogram, bucket: number, count = 1): void {
  h.set(bucket, (h.get(bucket) ?? 0) + count);
}

/** Nearest-rank percentile (p in 0..1) of a histogram, as the midpoint of the bucket holding that rank. */
export function percentile(h: THistogram, p: number): number | null {
  let total = 0;
  for (const c of h.values()) total += c;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [k, c] of [...h.entries()].sort((a, b) => a[0] - b[0])) {
    seen += c;
    if (seen >= rank) return bucketMidpoint(k);
  }
  return null;
}

export function bucketMidpoint(k: number): number {
  const lo = HISTOGRAM_BASE ** k - 1;
  const hi = HISTOGRAM_BASE ** (k + 1) - 1;
  return Math.round(((lo + hi) / 2) * 1000) / 1000;
}
