import type { TEventGroupKey } from "@kt/contract";
import type { TResolvedFilters } from "./event-filters";

export type TGroupSource = "events" | "rollups" | "rollups_nouser" | "policy_names" | "policy_keys";
export type TGroupSlice = { source: TGroupSource; from: Date; to: Date };
export type TGroupPlan = { slices: TGroupSlice[]; usesRollups: boolean };

const HOUR_MS = 3_600_000;
const floorHour = (d: Date) => new Date(Math.floor(d.getTime() / HOUR_MS) * HOUR_MS);
const ceilHour = (d: Date) => new Date(Math.ceil(d.getTime() / HOUR_MS) * HOUR_MS);

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
 * Whole hours come from a rollup; the partial hours at either end of the range come from raw events, so the
 * answer is exact for any since/until while dashboards never scan more than two hours of raw events.
 */
export function planGroups(f: TResolvedFilters, groupBy: TEventGroupKey[]): TGroupPlan {
  const rollup = rollupFor(f, groupBy);
  const start = ceilHour(f.since);
  const end = floorHour(f.until);
  if (!rollup || start.getTime() >= end.getTime()) {
    return { slices: [{ source: "events", from: f.since, to: f.until }], usesRollups: false };
  }
  const slices: TGroupSlice[] = [];
  if (f.since < start) slices.push({ source: "events", from: f.since, to: start });
  slices.push({ source: rollup, from: start, to: end });
  if (end < f.until) slices.push({ source: "events", from: end, to: f.until });
  return { slices, usesRollups: true };
}
