import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addToHistogram, latencyBucket, percentile, type THistogram } from "./latency-histogram";

function exactNearestRank(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

describe("latency histogram", () => {
  it("estimates nearest-rank percentiles within 4 % (or 0.05 ms)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 120_000, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.95),
        (values, p) => {
          const h: THistogram = new Map();
          for (const v of values) addToHistogram(h, latencyBucket(v));
          const exact = exactNearestRank(values, p);
          expect(Math.abs(percentile(h, p)! - exact)).toBeLessThanOrEqual(exact * 0.04 + 0.05);
        },
      ),
    );
  });

  it("has no percentile for an empty histogram", () => {
    expect(percentile(new Map(), 0.5)).toBeNull();
  });
});
