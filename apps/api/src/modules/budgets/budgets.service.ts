import { Injectable } from "@nestjs/common";
import type { TBudget, TBudgetReservation, TGatewayBudgetStatus } from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import type { GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { GatewaySyncNotifier } from "../gateway-sync/gateway-sync.notifier";
import { BudgetAlertsService } from "./budget-alerts.service";
import { BudgetLimitsService } from "./budget-limits.service";
import { BudgetsRepository } from "./budgets.repository";

export const currentPeriod = (now = new Date()) => now.toISOString().slice(0, 7);

@Injectable()
export class BudgetsService {
  constructor(
    private readonly db: DbService,
    private readonly budgets: BudgetsRepository,
    private readonly limits: BudgetLimitsService,
    private readonly alerts: BudgetAlertsService,
    private readonly audit: AuditService,
    private readonly gatewaySync: GatewaySyncNotifier,
  ) {}

  async list(ctx: AuthContext): Promise<{ period: string; items: TBudget[] }> {
    const db = this.db.forOrg(ctx.orgId);
    const scope = ctx.role === "manager" ? await this.budgets.memberTeamIds(db, ctx.userId) : null;
    const teams = await this.budgets.teams(db, scope);
    return { period: currentPeriod(), items: await this.describe(ctx.orgId, teams) };
  }

  async get(ctx: AuthContext, teamId: string): Promise<TBudget> {
    const db = this.db.forOrg(ctx.orgId);
    const team = await this.budgets.team(db, teamId);
    if (!team) throw AppError.notFound("Team");
    if (ctx.role === "manager" && !(await this.budgets.memberTeamIds(db, ctx.userId)).includes(teamId))
      throw AppError.notFound("Team");
    return (await this.describe(ctx.orgId, [team]))[0];
  }

  async set(ctx: AuthContext, teamId: string, monthlyLimitUsd: number): Promise<TBudget> {
    await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (!(await this.budgets.team(tx, teamId))) throw AppError.notFound("Team");
      const before = await this.budgets.budget(tx, teamId);
      await this.budgets.upsertBudget(tx, ctx.orgId, teamId, monthlyLimitUsd, "api");
      await this.audit.record(tx, ctx, {
        action: "budget.set",
        resourceType: "team",
        resourceId: teamId,
        before: before?.source === "api" ? { monthlyLimitUsd: Number(before.monthlyLimitUsd) } : null,
        after: { monthlyLimitUsd },
      });
    });
    this.limits.forget(ctx.orgId, teamId);
    // Gateways reserve only for budgeted teams (budgetTeamIds in their sync): tell them at once.
    this.gatewaySync.changed(ctx.orgId);
    // A lower limit may already be crossed: alert now rather than at the next event.
    await this.alerts.check(ctx.orgId, currentPeriod(), [teamId]);
    return this.get(ctx, teamId);
  }

  async remove(ctx: AuthContext, teamId: string): Promise<TBudget> {
    await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (!(await this.budgets.team(tx, teamId))) throw AppError.notFound("Team");
      const before = await this.budgets.budget(tx, teamId);
      if (!before || before.source !== "api") throw AppError.notFound("Budget");
      await this.budgets.deleteBudget(tx, teamId);
      await this.audit.record(tx, ctx, {
        action: "budget.remove",
        resourceType: "team",
        resourceId: teamId,
        before: { monthlyLimitUsd: Number(before.monthlyLimitUsd) },
      });
    });
    this.limits.forget(ctx.orgId, teamId);
    this.gatewaySync.changed(ctx.orgId);
    return this.get(ctx, teamId);
  }

  /** `GET /v1/gateway/budget`: the team's spend this month as ingested, and its limit. */
  async gatewayStatus(gateway: GatewayCaller, teamId: string): Promise<TGatewayBudgetStatus> {
    await this.gatewayTeam(gateway, teamId);
    const period = currentPeriod();
    const [limit, [spend]] = await Promise.all([
      this.limits.forTeam(gateway.orgId, teamId),
      this.budgets.spend(gateway.orgId, period, [teamId]),
    ]);
    return {
      teamId,
      period,
      spentUsd: Number(spend.spent_usd),
      limitUsd: limit.limitUsd,
      asOf: new Date().toISOString(),
    };
  }

  async reserve(
    gateway: GatewayCaller,
    r: { teamId: string; eventId: string; eventTs?: string; estimatedCostUsd: number; ttlSeconds: number },
  ): Promise<TBudgetReservation> {
    // The cached limit lookup also says whether the team is in the gateway's org: no query on the hot path.
    const { teamExists, limitUsd } = await this.limits.forTeam(gateway.orgId, r.teamId);
    if (!teamExists) throw AppError.notFound("Team");
    const period = currentPeriod();
    if (limitUsd === null) {
      const [spend] = await this.budgets.spend(gateway.orgId, period, [r.teamId]);
      return {
        granted: true,
        teamId: r.teamId,
        period,
        limitUsd: null,
        spentUsd: Number(spend.spent_usd),
        reservedUsd: Number(spend.reserved_usd),
        expiresAt: null,
        reason: null,
      };
    }
    const outcome = await this.budgets.reserve({
      orgId: gateway.orgId,
      teamId: r.teamId,
      period,
      eventId: r.eventId,
      eventTs: r.eventTs,
      gatewayId: gateway.gatewayId,
      estimate: r.estimatedCostUsd,
      limit: limitUsd,
      ttlSeconds: r.ttlSeconds,
    });
    const spentUsd = Number(outcome.spent);
    const reservedUsd = Number(outcome.reserved);
    return {
      granted: outcome.granted,
      teamId: r.teamId,
      period,
      limitUsd,
      spentUsd,
      reservedUsd,
      expiresAt: outcome.granted ? new Date(Date.now() + r.ttlSeconds * 1000).toISOString() : null,
      reason: outcome.granted
        ? null
        : `Team monthly budget of $${limitUsd.toFixed(2)} would be exceeded: $${spentUsd.toFixed(4)} spent and $${reservedUsd.toFixed(4)} reserved by calls in flight`,
    };
  }

  async release(gateway: GatewayCaller, eventId: string): Promise<void> {
    await this.budgets.release(gateway.orgId, eventId);
  }

  private async gatewayTeam(gateway: GatewayCaller, teamId: string) {
    if (!(await this.budgets.team(this.db.forOrg(gateway.orgId), teamId))) throw AppError.notFound("Team");
  }

  private async describe(orgId: string, teams: { id: string; name: string }[]): Promise<TBudget[]> {
    if (teams.length === 0) return [];
    const period = currentPeriod();
    const ids = teams.map((t) => t.id);
    const [limits, spend, rows] = await Promise.all([
      this.limits.forTeams(orgId, ids, true),
      this.budgets.spend(orgId, period, ids),
      this.budgets.budgets(this.db.forOrg(orgId), ids),
    ]);
    const alerts = await this.budgets.firedAlerts(
      this.db.forOrg(orgId),
      rows.map((r) => r.id),
      period,
    );
    return teams.map((t) => {
      const limit = limits.get(t.id)!;
      const s = spend.find((x) => x.team_id === t.id);
      const spentUsd = Number(s?.spent_usd ?? 0);
      const budgetId = rows.find((r) => r.teamId === t.id)?.id;
      return {
        teamId: t.id,
        teamName: t.name,
        period,
        limitUsd: limit.limitUsd,
        apiLimitUsd: limit.apiLimitUsd,
        policyLimitUsd: limit.policyLimitUsd,
        spentUsd,
        reservedUsd: Number(s?.reserved_usd ?? 0),
        unpricedRequests: Number(s?.unpriced ?? 0),
        percentUsed: limit.limitUsd ? Math.round((spentUsd / limit.limitUsd) * 10000) / 100 : null,
        alertsFired: alerts
          .filter((a) => a.budgetId === budgetId)
          .map((a) => a.threshold)
          .sort((a, b) => a - b),
      };
    });
  }
}
