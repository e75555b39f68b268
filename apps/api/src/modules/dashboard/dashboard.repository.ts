import { Injectable } from "@nestjs/common";
import type { OrgDb } from "@kt/db";
import { TelemetryPool } from "../events/telemetry-pool";

/** The only place the dashboard reads the database beyond the event aggregates. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly telemetry: TelemetryPool) {}

  gateways(db: OrgDb, ids: string[] | undefined, teamIds: string[] | undefined) {
    return db.gateway.findMany({
      where: { archivedAt: null, ...(ids ? { id: { in: ids } } : {}), ...(teamIds ? { teamId: { in: teamIds } } : {}) },
      select: { id: true, name: true, lastHeartbeatAt: true },
      orderBy: { name: "asc" },
    });
  }

  /** Distinct end users over whole UTC days (the daily table: a few rows per user and day). */
  async activeUsersByDay(orgId: string, fromDay: string, toDay: string, teamIds: string[] | undefined): Promise<number> {
    const { rows } = await this.telemetry.pool.query<{ n: string }>(
      `SELECT count(DISTINCT end_user)::text AS n FROM telemetry.active_users_daily
       WHERE org_id = $1::uuid AND day >= $2::date AND day <= $3::date AND ($4::uuid[] IS NULL OR team_id = ANY($4::uuid[]))`,
      [orgId, fromDay, toDay, teamIds ?? null],
    );
    return Number(rows[0]?.n ?? 0);
  }

  escalationCounts(db: OrgDb, teamIds: string[] | undefined) {
    const team = teamIds ? { teamId: { in: teamIds } } : {};
    return Promise.all([db.escalation.count({ where: { status: "open", ...team } }), db.escalation.count({ where: { status: "open", dueAt: { lt: new Date() }, ...team } })]);
  }
}
