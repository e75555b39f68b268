/** Event filters after names were resolved to ids and time specs to instants. Empty arrays match nothing. */
export type TResolvedFilters = {
  orgId: string;
  since: Date;
  until: Date;
  gatewayIds?: string[];
  teamIds?: string[];
  providers?: string[];
  models?: string[];
  users?: string[];
  /** Matches events where a policy with this name or type triggered. */
  policies?: string[];
  actions?: string[];
  statuses?: string[];
};

/** Positional parameters for a hand-written query. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast = ""): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

export type TFilterTarget = {
  alias: string;
  timeColumn: string;
  /** The table has an end_user column. */
  hasUser: boolean;
  /** The table has policy_keys (raw events); rollups filter policies by choosing the policy rollup instead. */
  hasPolicyKeys: boolean;
  /** The time column is a date (UTC day), compared with the days of `from` and `to`. */
  timeIsDate?: boolean;
};

/** SQL conditions (joined with AND) for the filters on one table, between `from` and `to`. */
export function filterConditions(
  p: SqlParams,
  f: TResolvedFilters,
  t: TFilterTarget,
  from: Date,
  to: Date,
): string {
  const a = t.alias;
  const bound = (d: Date) =>
    t.timeIsDate ? p.add(d.toISOString().slice(0, 10), "::date") : p.add(d, "::timestamptz");
  const c = [
    `${a}.org_id = ${p.add(f.orgId, "::uuid")}`,
    `${a}.${t.timeColumn} >= ${bound(from)}`,
    `${a}.${t.timeColumn} < ${bound(to)}`,
  ];
  const any = (column: string, values: string[] | undefined, cast: string) => {
    if (values) c.push(`${a}.${column} = ANY(${p.add(values, cast)})`);
  };
  any("gateway_id", f.gatewayIds, "::uuid[]");
  any("team_id", f.teamIds, "::uuid[]");
  any("provider", f.providers, "::text[]");
  any("model", f.models, "::text[]");
  any("action", f.actions, "::text[]");
  any("status", f.statuses, "::text[]");
  if (f.users) {
    if (!t.hasUser) throw new Error("user filter on a table without end_user");
    any("end_user", f.users, "::text[]");
  }
  if (f.policies) {
    if (!t.hasPolicyKeys) throw new Error("policy filter on a table without policy_keys");
    c.push(`${a}.policy_keys && ${p.add(f.policies, "::text[]")}`);
  }
  return c.join(" AND ");
}
