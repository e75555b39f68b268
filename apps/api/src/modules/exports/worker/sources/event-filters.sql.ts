import type { ExportSpec } from "./export-source";

/**
 * The WHERE clause for events (aliased `e`) of one org in the spec's time range, with its event filters, as
 * `GET /v1/events` applies them: each filter matches any of its values; gateway and team take ids or names;
 * policy matches a triggered policy's name or type. `$1` is the org id.
 */
export function eventWhere(spec: ExportSpec): { where: string; params: unknown[] } {
  const params: unknown[] = [spec.orgId, spec.since, spec.until];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = ["e.org_id = $1", "e.ts >= $2", "e.ts < $3"];
  const f = spec.filters;
  if (f.gateway?.length) {
    const p = param(f.gateway);
    conditions.push(`e.gateway_id IN (SELECT g.id FROM gateways g WHERE g."orgId" = $1 AND (g.id::text = ANY(${p}::text[]) OR g.name = ANY(${p}::text[])))`);
  }
  if (f.team?.length) {
    const p = param(f.team);
    conditions.push(`e.team_id IN (SELECT tm.id FROM teams tm WHERE tm."orgId" = $1 AND (tm.id::text = ANY(${p}::text[]) OR tm.name = ANY(${p}::text[])))`);
  }
  if (f.provider?.length) conditions.push(`e.provider = ANY(${param(f.provider)}::text[])`);
  if (f.model?.length) conditions.push(`e.model = ANY(${param(f.model)}::text[])`);
  if (f.user?.length) conditions.push(`e.end_user = ANY(${param(f.user)}::text[])`);
  if (f.policy?.length) conditions.push(`e.policy_keys && ${param(f.policy)}::text[]`);
  if (f.action?.length) conditions.push(`e.action = ANY(${param(f.action)}::text[])`);
  if (f.status?.length) conditions.push(`e.status = ANY(${param(f.status)}::text[])`);
  return { where: conditions.join(" AND "), params };
}
