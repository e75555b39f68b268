import type { TEventGroupKey } from "@kt/contract";
import type { TResolvedFilters } from "./event-filters";

export type TGroupSource =
  "events" | "rollups" | "rollups_nouser" | "rollups_daily" | "policy_names" | "policy_keys";
export type TGroupSlice = { source: TGroupSource; from: Date; to: Date };
export type TGroupPlan = { slices: TGroupSlice[]; usesRollups: boolean };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const floorTo = (d: Date, unit: number) => new Date(Math.floor(d.getTime() / unit) * unit);
const ceilTo = (d: Date, unit: number) => new Date(Math.ceil(d.getTime() / unit) * unit);

/**
 * Which rollup can answer these filters and keys exactly, if any. The policy rollup has no user column, and it
 * can serve either grouping by policy name or one policy filter, not both (that would count pairs of policies).
 */
export function rollupFor(f: TResolvedFilters, groupBy: TEventGroupKey[]): TGroupSource | null {
  const usesUser = groupBy.includes("user") || f.users !== undefined;
  const groupsPolicy = groupBy.includes("policy");
  const filtersPolicy = f.policies !== undefined;
  if (groupsPolicy && filtersPolicy) return null;
  if ((groupsPolicy || filtersPolicy) && usesUser) return null;
  if (filtersPolicy && f.policies!.length !== 1) return null;
  if (groupsPolicy) return "policy_names";
  if (filtersPolicy) return "policy_keys";
  return usesUser ? "rollups" : "rollups_nouser";
}

/**
 * Whole UTC days come from the daily rollup where it can answer, whole hours from an hourly rollup, and the
 * partial hours at either end from raw events: exact for any since/until, while 30-day dashboards read a few
 * thousand daily rows and never more than two hours of raw events.
 */
export function planGroups(f: TResolvedFilters, groupBy: TEventGroupKey[]): TGroupPlan {
  const rollup = rollupFor(f, groupBy);
  const start = ceilTo(f.since, HOUR_MS);
  const end = floorTo(f.until, HOUR_MS);
  if (!rollup || start.getTime() >= end.getTime()) {
    return { slices: [{ source: "events", from: f.since, to: f.until }], usesRollups: false };
  }
  const slices: TGroupSlice[] = [];
  const add = (source: TGroupSource, from: Date, to: Date) => from < to && slices.push({ source, from, to });
  add("events", f.since, start);
  const [dayStart, dayEnd] = [ceilTo(start, DAY_MS), floorTo(end, DAY_MS)];
  if (rollup === "rollups_nouser" && !groupBy.includes("hour") && dayStart < dayEnd) {
    add(rollup, start, dayStart);
    add("rollups_daily", dayStart, dayEnd);
    add(rollup, dayEnd, end);
  } else {
    add(rollup, start, end);
  }
  add("events", end, f.until);
  return { slices, usesRollups: true };
}
