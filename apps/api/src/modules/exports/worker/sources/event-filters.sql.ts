import { filterConditions, SqlParams, type TResolvedFilters } from "../../../events/event-filters";
import type { ExportSpec } from "./export-source";

/**
 * The WHERE clause for the spec's events (aliased `e`), built by the same function as `GET /v1/events`, so an
 * export holds exactly the events that query lists. `$1` is the org id.
 */
export function eventWhere(spec: ExportSpec): { where: string; params: unknown[] } {
  const f = spec.filters;
  const resolved: TResolvedFilters = {
    orgId: spec.orgId,
    since: spec.since,
    until: spec.until,
    gatewayIds: spec.gatewayIds,
    teamIds: spec.teamIds,
    providers: f.provider,
    models: f.model,
    users: f.user,
    policies: f.policy,
    actions: f.action,
    statuses: f.status,
  };
  const params = new SqlParams();
  const where = filterConditions(params, resolved, { alias: "e", timeColumn: "ts", hasUser: true, hasPolicyKeys: true }, spec.since, spec.until);
  return { where, params: params.values };
}
