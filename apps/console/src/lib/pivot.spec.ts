import type { TEventGroup } from "@kt/contract";
import { describe, expect, it } from "vitest";
import { bucketStarts, pivotGroups } from "./pivot";

function group(key: Record<string, string | null>, requests: number, labels: Record<string, string> = {}): TEventGroup {
  return {
    key,
    labels,
    requests,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    costUsd: requests / 10,
    unpricedRequests: 0,
    blocked: 0,
    escalated: 0,
    redacted: 0,
    errors: 0,
    blockRate: 0,
    escalationRate: 0,
    avgLatencyMs: null,
    p50LatencyMs: null,
    p95LatencyMs: null,
  };
}

describe("pivotGroups", () => {
  it("fills quiet buckets with zeros and keeps fixed series in order", () => {
    const p = pivotGroups({
      groups: [
        group({ hour: "2026-05-01T10:00:00.000Z", action: "blocked" }, 2),
        group({ hour: "2026-05-01T12:00:00.000Z", action: "allowed" }, 5),
      ],
      bucket: "hour",
      seriesKey: "action",
      value: (g) => g.requests,
      since: "2026-05-01T10:30:00Z",
      until: "2026-05-01T13:00:00Z",
      fixedSeries: ["allowed", "redacted", "blocked", "escalated"],
    });
    expect(p.series).toEqual(["allowed", "redacted", "blocked", "escalated"]);
    expect(p.rows.map((r) => [r.ts, r.allowed, r.blocked])).toEqual([
      ["2026-05-01T10:00:00.000Z", 0, 2],
      ["2026-05-01T11:00:00.000Z", 0, 0],
      ["2026-05-01T12:00:00.000Z", 5, 0],
    ]);
  });

  it("keeps the top series by value, uses labels for ids, and sums the rest into Other", () => {
    const day = "2026-05-01T00:00:00.000Z";
    const p = pivotGroups({
      groups: [
        group({ day, team: "t1" }, 10, { team: "Payments" }),
        group({ day, team: "t2" }, 5, { team: "Search" }),
        group({ day, team: "t3" }, 1, { team: "Ops" }),
        group({ day, team: null }, 2),
      ],
      bucket: "day",
      seriesKey: "team",
      value: (g) => g.costUsd,
      since: day,
      until: "2026-05-02T00:00:00.000Z",
      top: 2,
    });
    expect(p.series).toEqual(["Payments", "Search", "Other"]);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({ Payments: 1, Search: 0.5, Other: 0.30000000000000004 });
  });

  it("lists bucket starts aligned to UTC", () => {
    expect(bucketStarts("2026-05-01T05:00:00Z", "2026-05-03T01:00:00Z", "day")).toEqual([
      "2026-05-01T00:00:00.000Z",
      "2026-05-02T00:00:00.000Z",
      "2026-05-03T00:00:00.000Z",
    ]);
  });
});
