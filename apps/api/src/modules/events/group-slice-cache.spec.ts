import { describe, expect, it } from "vitest";
import { GroupSliceCache, type TSliceResult } from "./group-slice-cache";

const result = {
  rows: [{ keys: ["gpt-4o"], requests: 10, latency_sum_ms: 1234.5 }],
  histogram: [{ keys: ["gpt-4o"], buckets: [80], counts: [10] }],
} as unknown as TSliceResult;

describe("GroupSliceCache", () => {
  it("gives a stored slice back only under the same key and the same day versions", () => {
    const cache = new GroupSliceCache();
    cache.set("q", "2026-12-01:7,2026-12-02:9", result);
    expect(cache.get("q", "2026-12-01:7,2026-12-02:9")).toBe(result);
    expect(cache.get("q", "2026-12-01:7,2026-12-02:10")).toBeUndefined();
    expect(cache.get("q", "2026-12-02:9")).toBeUndefined();
    expect(cache.get("other", "2026-12-01:7,2026-12-02:9")).toBeUndefined();
    cache.set("q", "2026-12-01:7,2026-12-02:10", result);
    expect(cache.get("q", "2026-12-01:7,2026-12-02:9")).toBeUndefined();
  });
});
