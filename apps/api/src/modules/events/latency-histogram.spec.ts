import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latencyBucket, percentiles, type THistogramPart } from "./latency-histogram";

function exactNearestRank(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

/** The values as histogram parts the way slices deliver them: split anywhere, buckets repeated across parts. */
function partsOf(values: number[], splits: number[]): THistogramPart[] {
  const cuts = [...new Set(splits.map((s) => Math.floor(s * values.length)))].sort((a, b) => a - b);
  const parts: THistogramPart[] = [];
  let from = 0;
  for (const to of [...cuts, values.length]) {
    const counts = new Map<number, number>();
    for (const v of values.slice(from, to))
      counts.set(latencyBucket(v), (counts.get(latencyBucket(v)) ?? 0) + 1);
    parts.push({ buckets: [...counts.keys()], counts: [...counts.values()] });
    from = to;
  }
  return parts;
}

describe("latency histogram", () => {
  it("estimates nearest-rank percentiles within 4 % (or 0.05 ms), however the histogram is split into parts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 120_000, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        (values, splits) => {
          const ps = [0.01, 0.5, 0.95, 1];
          const estimates = percentiles(partsOf(values, splits), ps);
          ps.forEach((p, i) => {
            const exact = exactNearestRank(values, p);
            expect(Math.abs(estimates[i]! - exact)).toBeLessThanOrEqual(exact * 0.04 + 0.05);
          });
        },
      ),
    );
  });

  it("has no percentile for an empty histogram, and leaves nothing behind for the next one", () => {
    expect(percentiles([], [0.5, 0.95])).toEqual([null, null]);
    expect(percentiles([{ buckets: [], counts: [] }], [0.5])).toEqual([null]);
    percentiles([{ buckets: [150], counts: [1000] }], [0.5]);
    expect(percentiles([{ buckets: [10], counts: [1] }], [0.5, 1])).toEqual([
      percentiles([{ buckets: [10], counts: [3] }], [0.5])[0],
      percentiles([{ buckets: [10], counts: [3] }], [1])[0],
    ]);
  });
});
