import { Injectable } from "@nestjs/common";
import type { OrgDb } from "@kt/db";
import { filterConditions, SqlParams, type TResolvedFilters } from "../events/event-filters";
import { TelemetryPool } from "../events/telemetry-pool";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const floorTo = (d: Date, unit: number) => new Date(Math.floor(d.getTime() / unit) * unit);
const ceilTo = (d: Date, unit: number) => new Date(Math.ceil(d.getTime() / unit) * unit);
const RAW = { alias: "e", timeColumn: "ts", hasUser: true, hasPolicyKeys: true };
const ROLLUP = { alias: "r", timeColumn: "hour", hasUser: true, hasPolicyKeys: false };

/** The only place the dashboard reads the database beyond the event aggregates. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly telemetry: TelemetryPool) {}

  gateways(db: OrgDb, ids: string[] | undefined, teamIds: string[] | undefined) {
    return db.gateway.findMany({
      where: {
        archivedAt: null,
        ...(ids ? { id: { in: ids } } : {}),
        ...(teamIds ? { teamId: { in: teamIds } } : {}),
      },
      select: { id: true, name: true, lastHeartbeatAt: true },
      orderBy: { name: "asc" },
    });
  }

  /**
   * Distinct end users in the range, exactly. Without a gateway filter: users of the whole UTC days from the per-day
   * user table, plus those of the partial days at the ends who are not among them, each confirmed by index probes
   * (per-user hourly rollup for whole hours, raw events for partial ones); for a 30-day range nearly everyone is
   * already counted, so few probes run. The per-day table has no gateway column, so a gateway filter reads hourly rollups and raw edges.
   */
  async activeUsers(f: TResolvedFilters): Promise<number> {
    if (f.gatewayIds) return this.activeUsersByGateway(f);
    const p = new SqlParams();
    const org = p.add(f.orgId, "::uuid");
    const date = (d: Date) => p.add(d.toISOString().slice(0, 10), "::date");
    const instant = (d: Date) => p.add(d, "::timestamptz");
    const team = (alias: string) =>
      f.teamIds ? ` AND ${alias}.team_id = ANY(${p.add(f.teamIds, "::uuid[]")})` : "";
    const [d0, d1] = [ceilTo(f.since, DAY), floorTo(f.until, DAY)];
    const [first, last] = [floorTo(f.since, DAY), ceilTo(f.until, DAY)];
    const hasWholeDays = d0 < d1;
    const wholeDays = hasWholeDays ? `u.day >= ${date(d0)} AND u.day < ${date(d1)}` : "false";
    const edgeDays = hasWholeDays
      ? `(u.day >= ${date(first)} AND u.day < ${date(d0)}) OR (u.day >= ${date(d1)} AND u.day < ${date(last)})`
      : `u.day >= ${date(first)} AND u.day < ${date(last)}`;
    // One probe per candidate (a scalar subquery with LIMIT 1, which the planner keeps as a per-row index probe
    // instead of hashing every row of the range): the per-user hourly rollup's (org, end_user, hour) index for whole
    // hours, raw events' (org, end_user, ts) index for the partial hours.
    const probe = (table: string, column: string, from: Date, to: Date) =>
      from < to
        ? [
            `COALESCE((SELECT true FROM ${table} x WHERE x.org_id = ${org} AND x.end_user = c.end_user
              AND x.${column} >= ${instant(from)} AND x.${column} < ${instant(to)}${team("x")} LIMIT 1), false)`,
          ]
        : [];
    const seen = (from: Date, to: Date) => {
      const [h0, h1] = [ceilTo(from, HOUR), floorTo(to, HOUR)];
      if (h0 >= h1) return probe("telemetry.events", "ts", from, to);
      return [
        ...probe("telemetry.event_rollups_hourly", "hour", h0, h1),
        ...probe("telemetry.events", "ts", from, h0),
        ...probe("telemetry.events", "ts", h1, to),
      ];
    };
    const edgeSeen = hasWholeDays ? [...seen(f.since, d0), ...seen(d1, f.until)] : seen(f.since, f.until);
    const { rows } = await this.telemetry.pool.query<{ n: string }>(
      `WITH whole AS (
        SELECT DISTINCT u.end_user FROM telemetry.active_users_daily u WHERE u.org_id = ${org} AND (${wholeDays})${team("u")}
      ), edge AS (
        SELECT DISTINCT u.end_user FROM telemetry.active_users_daily u WHERE u.org_id = ${org} AND (${edgeDays})${team("u")}
        EXCEPT SELECT end_user FROM whole
      )
      SELECT ((SELECT count(*) FROM whole) + (SELECT count(*) FROM edge c WHERE ${edgeSeen.length ? edgeSeen.join(" OR ") : "false"}))::text AS n`,
      p.values,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Distinct end users through the given gateways: whole hours from the per-user hourly rollup, partial hours raw. */
  private async activeUsersByGateway(f: TResolvedFilters): Promise<number> {
    const p = new SqlParams();
    const scope = {
      ...f,
      providers: undefined,
      models: undefined,
      users: undefined,
      policies: undefined,
      actions: undefined,
      statuses: undefined,
    };
    const parts: string[] = [];
    const raw = (from: Date, to: Date) =>
      from < to &&
      parts.push(
        `SELECT e.end_user FROM telemetry.events e WHERE ${filterConditions(p, scope, RAW, from, to)} AND e.end_user IS NOT NULL`,
      );
    const hourly = (from: Date, to: Date) =>
      from < to &&
      parts.push(
        `SELECT r.end_user FROM telemetry.event_rollups_hourly r WHERE ${filterConditions(p, scope, ROLLUP, from, to)} AND r.end_user IS NOT NULL`,
      );
    const [h0, h1] = [ceilTo(f.since, HOUR), floorTo(f.until, HOUR)];
    if (h0 >= h1) {
      raw(f.since, f.until);
    } else {
      raw(f.since, h0);
      hourly(h0, h1);
      raw(h1, f.until);
    }
    const { rows } = await this.telemetry.pool.query<{ n: string }>(
      `SELECT count(DISTINCT end_user)::text AS n FROM (${parts.join(" UNION ALL ")}) u`,
      p.values,
    );
    return Number(rows[0]?.n ?? 0);
  }

  escalationCounts(db: OrgDb, teamIds: string[] | undefined) {
    const team = teamIds ? { teamId: { in: teamIds } } : {};
    return Promise.all([
      db.escalation.count({ where: { status: "open", ...team } }),
      db.escalation.count({ where: { status: "open", dueAt: { lt: new Date() }, ...team } }),
    ]);
  }
}
