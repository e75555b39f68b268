import { describe, expect, it } from "vitest";
import { GroupHistogramCache } from "./group-histogram-cache";

const rows = [
  { keys: ["gpt-4o"], requests: "10", latency_sum_ms: 1234.5 },
  { keys: [null], requests: "3", latency_sum_ms: 12 },
];
const histogram = [{ keys: ["gpt-4o"], bucket: 80, count: "10" }];

describe("GroupHistogramCache", () => {
  it("gives the stored histogram back only while every group's count and latency sum are unchanged", () => {
    const cache = new GroupHistogramCache();
    cache.set("q", GroupHistogramCache.fingerprint(rows), histogram);
    expect(cache.has("q")).toBe(true);
    expect(cache.get("q", GroupHistogramCache.fingerprint([...rows].reverse()))).toBe(histogram);
    // The same float sum added in another order.
    const reordered = [{ ...rows[0], latency_sum_ms: 1234.5000000003 }, rows[1]];
    expect(cache.get("q", GroupHistogramCache.fingerprint(reordered))).toBe(histogram);
    const oneMore = [{ ...rows[0], requests: "11" }, rows[1]];
    expect(cache.get("q", GroupHistogramCache.fingerprint(oneMore))).toBeUndefined();
    const otherLatency = [{ ...rows[0], latency_sum_ms: 1234.75 }, rows[1]];
    expect(cache.get("q", GroupHistogramCache.fingerprint(otherLatency))).toBeUndefined();
    expect(cache.get("q", GroupHistogramCache.fingerprint(rows.slice(0, 1)))).toBeUndefined();
    expect(cache.get("other", GroupHistogramCache.fingerprint(rows))).toBeUndefined();
  });
});
