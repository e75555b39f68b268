import { LRUCache } from "lru-cache";
import type { TGroupPartialRow, THistogramRow } from "./event-groups.repository";

export type TSliceResult = { rows: TGroupPartialRow[]; histogram: THistogramRow[] };

/** Groups plus (bucket, count) pairs kept at most, over all entries (a 30-day hour series holds about 36 k pairs). */
const MAX_SIZE = 2_000_000;

/**
 * Results of rollup slices, reused while the rollup versions of the slice's days are what they were before it was
 * read (telemetry.rollup_versions: every write to a day's rollups gives the day a version never used before). The
 * versions are read before the slice, so a write landing in between makes the stored result newer than its
 * versions, never older: the next read sees other versions and reads again.
 */
export class GroupSliceCache {
  private readonly entries = new LRUCache<string, { versions: string; result: TSliceResult }>({
    maxSize: MAX_SIZE,
  });

  /** The result stored under `key`, if the slice's days still have these versions. */
  get(key: string, versions: string): TSliceResult | undefined {
    const hit = this.entries.get(key);
    return hit && hit.versions === versions ? hit.result : undefined;
  }

  set(key: string, versions: string, result: TSliceResult): void {
    const size = sizeOf(result);
    if (size <= MAX_SIZE / 4) this.entries.set(key, { versions, result }, { size });
  }
}

function sizeOf(result: TSliceResult): number {
  let n = result.rows.length;
  for (const h of result.histogram) n += h.buckets.length;
  return Math.max(1, n);
}
