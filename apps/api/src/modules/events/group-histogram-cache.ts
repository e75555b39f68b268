import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/** One histogram row as a slice query returns it. */
type THistogramRow = { keys: (string | null)[]; bucket: number; count: string };

/** Histogram rows kept at most, over all entries (a 30-day hour series is about 36 k). */
const MAX_ROWS = 2_000_000;

/**
 * Latency histograms of rollup slices, reused while the slice's groups are unchanged. Merging histograms is most of
 * a rollup query's cost, while the sums beside them are cheap, so each query reads the sums and reuses the
 * histograms when every group's event count and latency sum are what they were when the histograms were read.
 * That is exact: rollups only change by events added (each one raises its group's count), by price changes (cost
 * only, never latency) and by retention deleting whole old days (lowering counts), so a group whose count and
 * latency sum (to 0.01 ms) both came back equal holds the same events, unless deletions and late arrivals in the
 * same group matched in number and in total latency between two reads.
 */
export class GroupHistogramCache {
  private readonly entries = new LRUCache<string, { fingerprint: string; rows: THistogramRow[] }>({
    maxSize: MAX_ROWS,
    sizeCalculation: (v) => Math.max(1, v.rows.length),
  });

  /** The fingerprint of a slice's groups: key, event count and latency sum of each, in a fixed order. */
  static fingerprint(
    rows: { keys: (string | null)[]; requests: string; latency_sum_ms: number | string }[],
  ): string {
    // Float sums come back in whatever order PostgreSQL added the rows (differing in the last bits between runs),
    // so the latency sum counts to the hundredth of a millisecond.
    const lines = rows
      .map((r) => `${JSON.stringify(r.keys)}\t${r.requests}\t${Number(r.latency_sum_ms).toFixed(2)}`)
      .sort();
    return createHash("sha256").update(lines.join("\n")).digest("base64");
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The histogram rows stored under `key`, if its groups still have this fingerprint. */
  get(key: string, fingerprint: string): THistogramRow[] | undefined {
    const hit = this.entries.get(key);
    return hit && hit.fingerprint === fingerprint ? hit.rows : undefined;
  }

  set(key: string, fingerprint: string, rows: THistogramRow[]): void {
    if (rows.length <= MAX_ROWS / 4) this.entries.set(key, { fingerprint, rows });
  }
}
