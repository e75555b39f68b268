import type { TEventGroupKey } from "@kt/contract";
import type { TResolvedFilters } from "./event-filters";

export type TGroupSource =
  | "events"
  | "rollups"
  | "rollups_nouser"
  | "rollups_daily"
  | "user_hourly"
  | "user_daily"
  | "policy_names"
  | "policy_names_daily"
  | "policy_keys"
  | "policy_keys_daily";
export type TGroupSlice = { source: TGroupSource; from: Date; to: Date };
export type TGroupPlan = { slices: TGroupSlice[]; usesRollups: boolean };

/** The hourly rollup that answers exactly, and its daily form for whole days (null: there is none). */
export type TRollupChoice = { hourly: TGroupSource; daily: TGroupSource | null };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const floorTo = (d: Date, unit: number) => new Date(Math.floor(d.getTime() / unit) * unit);
const ceilTo = (d: Date, unit: number) => new Date(Math.ceil(d.getTime() / unit) * unit);

/** What the narrow per-user rollups (time × team × gateway × user) can group by. */
const USER_ROLLUP_KEYS: ReadonlySet<TEventGroupKey> = new Set(["user", "team", "gateway", "day", "hour"]);

/**
 * Which rollup can answer these filters and keys exactly, if any. The policy rollups have no user column, and they
 * can serve either grouping by policy name or one policy filter, not both (that would count pairs of policies).
 * Anything about users goes to the narrow per-user rollups when it needs no provider, model, action or status
 * column, else to the per-user hourly rollup, which has them all.
 */
export function rollupFor(f: TResolvedFilters, groupBy: TEventGroupKey[]): TRollupChoice | null {
  const usesUser = groupBy.includes("user") || f.users !== undefined;
  const groupsPolicy = groupBy.includes("policy");
  const filtersPolicy = f.policies !== undefined;
  if (groupsPolicy && filtersPolicy) return null;
  if ((groupsPolicy || filtersPolicy) && usesUser) return null;
  if (filtersPolicy && f.policies!.length !== 1) return null;
  if (groupsPolicy) return { hourly: "policy_names", daily: "policy_names_daily" };
  if (filtersPolicy) return { hourly: "policy_keys", daily: "policy_keys_daily" };
  if (!usesUser) return { hourly: "rollups_nouser", daily: "rollups_daily" };
  const narrow =
    groupBy.every((k) => USER_ROLLUP_KEYS.has(k)) &&
    [f.providers, f.models, f.actions, f.statuses].every((v) => v === undefined);
  return narrow ? { hourly: "user_hourly", daily: "user_daily" } : { hourly: "rollups", daily: null };
}

/**
 * Whole UTC days come from a daily rollup where one can answer, whole hours from an hourly rollup, and the partial
 * hours at either end from raw events: exact for any since/until, while 30-day ranges read a few thousand daily rows
 * and never more than two hours of raw events. Daily rollups hold closed days only: days from `openFrom` (the daily
 * rollups' watermark, midnight UTC) on come from the hourly one.
 */
export function planGroups(f: TResolvedFilters, groupBy: TEventGroupKey[], openFrom: Date): TGroupPlan {
  const rollup = rollupFor(f, groupBy);
  const start = ceilTo(f.since, HOUR_MS);
  const end = floorTo(f.until, HOUR_MS);
  if (!rollup || start.getTime() >= end.getTime()) {
    return { slices: [{ source: "events", from: f.since, to: f.until }], usesRollups: false };
  }
  const slices: TGroupSlice[] = [];
  const add = (source: TGroupSource, from: Date, to: Date) => from < to && slices.push({ source, from, to });
  add("events", f.since, start);
  const dayStart = ceilTo(start, DAY_MS);
  const dayEnd = new Date(Math.min(floorTo(end, DAY_MS).getTime(), floorTo(openFrom, DAY_MS).getTime()));
  if (rollup.daily && !groupBy.includes("hour") && dayStart < dayEnd) {
    add(rollup.hourly, start, dayStart);
    add(rollup.daily, dayStart, dayEnd);
    add(rollup.hourly, dayEnd, end);
  } else {
    add(rollup.hourly, start, end);
  }
  add("events", end, f.until);
  return { slices, usesRollups: true };
}
