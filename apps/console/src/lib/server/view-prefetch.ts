import {
  BUDGET_ROUTES,
  can,
  EVENT_ROUTES,
  ZBudgetList,
  ZDashboardSummary,
  ZEventGroups,
  ZPriceList,
  ZTeamList,
  type TEventGroupKey,
  type TMe,
} from "@kt/contract";
import { orgKey } from "@/hooks/query-keys";
import { bucketFor, rangeFromParams, rangeToQuery, type TRangePreset } from "@/lib/time-range";
import type { TPrefetch } from "./prefetch";

export type TSearchParams = Record<string, string | string[] | undefined>;

/** The range and team as `useRangeAndTeam` reads them; null for a custom range, whose days are in the browser's zone. */
function viewQuery(searchParams: TSearchParams, fallback: TRangePreset) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(searchParams)) if (typeof v === "string") params.set(k, v);
  const range = rangeFromParams(params, fallback);
  if (range.kind === "custom") return null;
  const team = params.get("team") ?? undefined;
  return { query: { ...rangeToQuery(range), ...(team ? { team } : {}) }, bucket: bucketFor(range) };
}

/** Keys as in `useGroupEvents`; the call as in `groupEvents`. */
function eventGroups(orgId: string, query: Record<string, string>, groupBy: TEventGroupKey[]): TPrefetch {
  return {
    key: orgKey(orgId, "event-groups", { ...query, groupBy }),
    path: EVENT_ROUTES.list,
    query: { ...query, group_by: groupBy.join(",") },
    schema: ZEventGroups,
  };
}

function shared(me: TMe): TPrefetch[] {
  const orgId = me.org.id;
  const out: TPrefetch[] = [{ key: orgKey(orgId, "team-options"), path: "/v1/teams", schema: ZTeamList }];
  if (can(me.role, "costs:read"))
    out.push({ key: orgKey(orgId, "budgets"), path: BUDGET_ROUTES.list, schema: ZBudgetList });
  return out;
}

/** What the Dashboard asks for first (see DashboardView and its panels). */
export function dashboardPrefetch(me: TMe, searchParams: TSearchParams): TPrefetch[] {
  const view = viewQuery(searchParams, "24h");
  if (!view || !can(me.role, "dashboard:read")) return [];
  const orgId = me.org.id;
  return [
    {
      key: orgKey(orgId, "dashboard-summary", view.query),
      path: "/v1/dashboard/summary",
      query: view.query,
      schema: ZDashboardSummary,
    },
    eventGroups(orgId, view.query, [view.bucket, "action"]),
    ...shared(me),
  ];
}

/** What the Cost Center asks for first (see CostCenterView and its panels). */
export function costCenterPrefetch(me: TMe, searchParams: TSearchParams): TPrefetch[] {
  const view = viewQuery(searchParams, "30d");
  if (!view || !can(me.role, "costs:read")) return [];
  const orgId = me.org.id;
  return [
    eventGroups(orgId, view.query, [view.bucket, "team"]),
    eventGroups(orgId, view.query, ["team"]),
    { key: orgKey(orgId, "prices"), path: "/v1/prices", schema: ZPriceList },
    ...shared(me),
  ];
}
