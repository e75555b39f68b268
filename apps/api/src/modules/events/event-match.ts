import type { TEventRecord } from "@kt/contract";
import type { TResolvedFilters } from "./event-filters";

/** Whether a live event passes the filters (the SSE tail applies in memory what queries apply in SQL). */
export function matchesFilters(
  e: TEventRecord,
  f: Omit<TResolvedFilters, "since" | "until">,
  policyKeys: string[],
): boolean {
  const within = (values: string[] | undefined, v: string | null) =>
    values === undefined || (v !== null && values.includes(v));
  if (!within(f.gatewayIds, e.gatewayId)) return false;
  if (!within(f.teamIds, e.teamId)) return false;
  if (!within(f.providers, e.provider)) return false;
  if (!within(f.models, e.model)) return false;
  if (!within(f.users, e.user)) return false;
  if (!within(f.actions, e.action)) return false;
  if (!within(f.statuses, e.status)) return false;
  if (f.policies && !f.policies.some((p) => policyKeys.includes(p))) return false;
  return true;
}

/** The names and types of the policies that triggered on an event (what `policy=` matches). */
export function policyKeysOf(e: TEventRecord): string[] {
  return [...new Set(e.decisions.filter((d) => d.triggered).flatMap((d) => [d.policy, d.type]))];
}
