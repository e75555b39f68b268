import type { TEventGroupKey } from "@kt/contract";
import { describe, expect, it } from "vitest";
import type { TResolvedFilters } from "./event-filters";
import { planGroups } from "./group-plan";

const until = new Date("2026-11-23T15:20:00Z");
const since = new Date(until.getTime() - 30 * 86_400_000);
const base: TResolvedFilters = { orgId: "00000000-0000-4000-8000-000000000001", since, until };
/** The daily rollups' watermark as it usually is: today (the day of `until`) still open. */
const today = new Date("2026-11-23T00:00:00Z");
const sources = (f: Partial<TResolvedFilters>, groupBy: TEventGroupKey[], openFrom = today) =>
  planGroups({ ...base, ...f }, groupBy, openFrom).slices.map((s) => s.source);

describe("planGroups", () => {
  it("serves users from the narrow per-user rollups: whole days daily, whole hours hourly, edges raw", () => {
    expect(sources({}, ["user"])).toEqual(["events", "user_hourly", "user_daily", "user_hourly", "events"]);
    expect(sources({ teamIds: ["t"], users: ["ana"] }, ["gateway", "day"])).toContain("user_daily");
    expect(sources({}, ["user", "hour"])).toEqual(["events", "user_hourly", "events"]);
  });

  it("falls back to the per-user hourly rollup when users meet a provider, model, action or status", () => {
    expect(sources({}, ["user", "model"])).toEqual(["events", "rollups", "events"]);
    expect(sources({ actions: ["blocked"] }, ["user"])).toEqual(["events", "rollups", "events"]);
    expect(sources({ users: ["ana"], statuses: ["error"] }, ["team"])).toEqual([
      "events",
      "rollups",
      "events",
    ]);
  });

  it("serves policies from the daily policy rollup for whole days", () => {
    expect(sources({}, ["policy"])).toEqual([
      "events",
      "policy_names",
      "policy_names_daily",
      "policy_names",
      "events",
    ]);
    expect(sources({ policies: ["pii"] }, ["model"])).toContain("policy_keys_daily");
    expect(sources({ policies: ["pii"] }, ["hour"])).toEqual(["events", "policy_keys", "events"]);
  });

  it("reads days the daily rollups do not hold yet (from the watermark on) from the hourly rollup", () => {
    const threeDaysAgo = new Date(today.getTime() - 3 * 86_400_000);
    const slices = planGroups(base, ["team"], threeDaysAgo).slices;
    expect(slices.map((s) => s.source)).toEqual([
      "events",
      "rollups_nouser",
      "rollups_daily",
      "rollups_nouser",
      "events",
    ]);
    expect(slices[2].to).toEqual(threeDaysAgo);
    expect(slices[3]).toMatchObject({ from: threeDaysAgo, to: new Date("2026-11-23T15:00:00Z") });
    // Every day still open: no daily slice at all.
    expect(sources({}, ["team"], new Date(since.getTime() - 86_400_000))).toEqual([
      "events",
      "rollups_nouser",
      "events",
    ]);
  });

  it("tiles the range exactly, with no gap or overlap", () => {
    for (const openFrom of [today, new Date("2026-11-10T00:00:00Z"), new Date("2026-10-01T00:00:00Z")]) {
      const slices = planGroups(base, ["user"], openFrom).slices;
      expect(slices[0].from).toEqual(since);
      expect(slices.at(-1)!.to).toEqual(until);
      for (let i = 1; i < slices.length; i++) expect(slices[i].from).toEqual(slices[i - 1].to);
    }
  });
});
