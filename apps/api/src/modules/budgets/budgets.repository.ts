import { Injectable } from "@nestjs/common";
import type { Db, OrgDb, OrgTx } from "@kt/db";
import { TelemetryPool } from "../events/telemetry-pool";

export type TSpendRow = { team_id: string; spent_usd: string; unpriced: string; reserved_usd: string };
export type TReserveOutcome = { granted: boolean; spent: string; reserved: string };

/** The only place budgets touch the database: budget rows, team spend and reservations, alerts. */
@Injectable()
export class BudgetsRepository {
  constructor(private readonly telemetry: TelemetryPool) {}

  teams(db: OrgDb, ids: string[] | null) {
    return db.team.findMany({
      where: { archivedAt: null, ...(ids ? { id: { in: ids } } : {}) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
  }

  async memberTeamIds(db: OrgDb, userId: string): Promise<string[]> {
    return (await db.teamMember.findMany({ where: { userId }, select: { teamId: true } })).map(
      (m) => m.teamId,
    );
  }

  team(db: OrgDb | OrgTx, id: string) {
    return db.team.findFirst({ where: { id }, select: { id: true, name: true } });
  }

  async existingTeamIds(db: OrgDb, ids: string[]): Promise<Set<string>> {
    const rows = await db.team.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return new Set(rows.map((t) => t.id));
  }

  budgets(db: OrgDb, teamIds: string[]) {
    return db.budget.findMany({ where: { teamId: { in: teamIds } } });
  }

  budget(db: OrgDb | OrgTx, teamId: string) {
    return db.budget.findFirst({ where: { teamId } });
  }

  upsertBudget(tx: OrgTx | OrgDb, orgId: string, teamId: string, limit: number, source: "api" | "policy") {
    return tx.budget.upsert({
      where: { orgId_teamId: { orgId, teamId } },
      create: { orgId, teamId, monthlyLimitUsd: limit, source },
      update: { monthlyLimitUsd: limit, source },
    });
  }

  deleteBudget(tx: OrgTx, teamId: string) {
    return tx.budget.deleteMany({ where: { teamId } });
  }

  /**
   * The current config versions that apply to these teams: configs owned by the team, and the configs of gateways
   * that belong to the team or serve one of its live keys (a gateway's cost_limit governs every team it serves).
   */
  async teamConfigs(db: OrgDb, teamIds: string[]): Promise<{ teamId: string; normalized: unknown }[]> {
    const keys = await db.gatewayKey.findMany({
      where: { teamId: { in: teamIds }, revokedAt: null },
      select: { teamId: true, gatewayId: true },
      distinct: ["teamId", "gatewayId"],
    });
    const rows = await db.gateway.findMany({
      where: {
        archivedAt: null,
        policyConfigId: { not: null },
        OR: [{ teamId: { in: teamIds } }, { id: { in: keys.map((k) => k.gatewayId) } }],
      },
      select: { id: true, teamId: true, policyConfigId: true },
    });
    const gateways = rows.flatMap((g) => [
      ...(g.teamId && teamIds.includes(g.teamId) ? [g] : []),
      ...keys.filter((k) => k.gatewayId === g.id).map((k) => ({ ...g, teamId: k.teamId })),
    ]);
    const configs = await db.policyConfig.findMany({
      where: {
        archivedAt: null,
        OR: [{ teamId: { in: teamIds } }, { id: { in: gateways.map((g) => g.policyConfigId!) } }],
      },
      select: { id: true, teamId: true, currentVersionId: true },
    });
    const versions = await db.policyConfigVersion.findMany({
      where: { id: { in: configs.flatMap((c) => (c.currentVersionId ? [c.currentVersionId] : [])) } },
      select: { id: true, normalized: true },
    });
    const byVersion = new Map(versions.map((v) => [v.id, v.normalized]));
    const out: { teamId: string; normalized: unknown }[] = [];
    for (const c of configs) {
      const normalized = c.currentVersionId ? byVersion.get(c.currentVersionId) : undefined;
      if (normalized === undefined) continue;
      const teams = new Set([
        ...(c.teamId ? [c.teamId] : []),
        ...gateways.filter((g) => g.policyConfigId === c.id).map((g) => g.teamId!),
      ]);
      for (const teamId of teams) if (teamIds.includes(teamId)) out.push({ teamId, normalized });
    }
    return out;
  }

  /** Spend and live reservations per team for one month. */
  async spend(orgId: string, period: string, teamIds: string[]): Promise<TSpendRow[]> {
    const { rows } = await this.telemetry.pool.query<TSpendRow>(
      `SELECT t.team_id::text, COALESCE(s.spent_usd, 0)::text AS spent_usd, COALESCE(s.unpriced, 0)::text AS unpriced,
         (SELECT COALESCE(sum(amount_usd), 0) FROM telemetry.budget_reservations r
          WHERE r.org_id = $1::uuid AND r.team_id = t.team_id AND r.period = $2 AND r.expires_at > now())::text AS reserved_usd
       FROM unnest($3::uuid[]) AS t(team_id)
       LEFT JOIN telemetry.team_spend s ON s.org_id = $1::uuid AND s.team_id = t.team_id AND s.period = $2`,
      [orgId, period, teamIds],
    );
    return rows;
  }

  /**
   * Admits a call if spend + live reservations + its estimate stay within the limit, deciding under the team's
   * team_spend row lock (the same lock the rollup fold takes to add spend), and records its reservation: one call of
   * `telemetry.reserve_budget`, so the lock is held only while the server runs it.
   */
  async reserve(r: {
    orgId: string;
    teamId: string;
    period: string;
    eventId: string;
    eventTs?: string;
    gatewayId: string;
    estimate: number;
    limit: number;
    ttlSeconds: number;
  }): Promise<TReserveOutcome> {
    const { rows } = await this.telemetry.pool.query<{ granted: boolean; spent: string; reserved: string }>(
      `SELECT granted, spent::text, reserved::text
       FROM telemetry.reserve_budget($1::uuid, $2::uuid, $3, $4::uuid, $5::timestamptz, $6::uuid, $7::numeric, $8::numeric, $9::int)`,
      [r.orgId, r.teamId, r.period, r.eventId, r.eventTs ?? null, r.gatewayId, r.estimate, r.limit, r.ttlSeconds],
    );
    return rows[0];
  }

  async release(orgId: string, eventId: string): Promise<void> {
    await this.telemetry.pool.query(
      `DELETE FROM telemetry.budget_reservations WHERE org_id = $1::uuid AND event_id = $2::uuid`,
      [orgId, eventId],
    );
  }

  /** Records the thresholds crossed that were not yet fired this period; returns the ones that are new. */
  async fireAlerts(
    db: Db,
    a: { orgId: string; budgetId: string; period: string; thresholds: number[]; spentUsd: number },
  ): Promise<number[]> {
    if (a.thresholds.length === 0) return [];
    const rows = await db.$queryRaw<{ threshold: number }[]>`
      INSERT INTO budget_alerts ("id", "orgId", "budgetId", "period", "threshold", "spendUsd")
      SELECT gen_random_uuid(), ${a.orgId}::uuid, ${a.budgetId}::uuid, ${a.period}, t, ${a.spentUsd}::numeric FROM unnest(${a.thresholds}::int[]) AS t
      ON CONFLICT ("budgetId", "period", "threshold") DO NOTHING
      RETURNING "threshold"`;
    return rows.map((r) => r.threshold).sort((x, y) => x - y);
  }

  firedAlerts(db: OrgDb, budgetIds: string[], period: string) {
    return db.budgetAlert.findMany({
      where: { budgetId: { in: budgetIds }, period },
      select: { budgetId: true, threshold: true },
    });
  }
}
