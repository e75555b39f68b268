import { describe, expect, it } from "vitest";
import { bucketFor, rangeFromParams, rangeToParams, rangeToQuery } from "./time-range";

describe("time ranges in the URL", () => {
  it("reads a preset and falls back on anything else", () => {
    expect(rangeFromParams(new URLSearchParams("range=90d"), "7d")).toEqual({ kind: "preset", preset: "90d" });
    expect(rangeFromParams(new URLSearchParams("range=2y"), "7d")).toEqual({ kind: "preset", preset: "7d" });
    expect(rangeFromParams(new URLSearchParams("range=custom&from=2026-05-02&to=2026-05-01"), "24h")).toEqual({
      kind: "preset",
      preset: "24h",
    });
  });

  it("round-trips a custom range and sends whole local days to the API", () => {
    const range = rangeFromParams(new URLSearchParams("range=custom&from=2026-05-01&to=2026-05-03"), "7d");
    expect(rangeToParams(range)).toEqual({ range: "custom", from: "2026-05-01", to: "2026-05-03" });
    const q = rangeToQuery(range);
    expect(new Date(q.until!).getTime() - new Date(q.since).getTime()).toBe(3 * 86_400_000);
    expect(bucketFor(range)).toBe("day");
  });

  it("keeps presets as durations and picks hourly points for a day", () => {
    expect(rangeToQuery({ kind: "preset", preset: "24h" })).toEqual({ since: "24h" });
    expect(bucketFor({ kind: "preset", preset: "24h" })).toBe("hour");
    expect(bucketFor({ kind: "preset", preset: "30d" })).toBe("day");
  });
});
