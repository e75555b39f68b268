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
   * Distinct end users in the range, exactly: whole UTC days from the per-day user table (when no gateway filter
   * applies: it has no gateway column), whole hours from the per-user hourly rollup, partial hours from raw events.
   */
  async activeUsers(f: TResolvedFilters): Promise<number> {
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
      raw(h1, f.until);
      const [d0, d1] = [ceilTo(f.since, DAY), floorTo(f.until, DAY)];
      if (f.gatewayIds || d0 >= d1) {
        hourly(h0, h1);
      } else {
        hourly(h0, d0);
        hourly(d1, h1);
        const team = f.teamIds ? ` AND team_id = ANY(${p.add(f.teamIds, "::uuid[]")})` : "";
        parts.push(`SELECT end_user FROM telemetry.active_users_daily WHERE org_id = ${p.add(f.orgId, "::uuid")}
          AND day >= ${p.add(d0.toISOString().slice(0, 10), "::date")} AND day < ${p.add(d1.toISOString().slice(0, 10), "::date")}${team}`);
      }
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
