import { Injectable, Logger } from "@nestjs/common";
import { BUDGET_ALERT_THRESHOLDS } from "@kt/contract";
import { DbService } from "../../common/db/db.module";
import { NotificationsService } from "../notifications/notifications.service";
import { BudgetLimitsService } from "./budget-limits.service";
import { BudgetsRepository } from "./budgets.repository";

/**
 * Checks teams' spend against their limits after ingest adds to it. Level-triggered: any check that finds spend at
 * or past a threshold records it, and the unique (budget, period, threshold) row makes it fire exactly once
 * however many batches, processes or API instances check at the same time.
 */
@Injectable()
export class BudgetAlertsService {
  private readonly logger = new Logger("BudgetAlerts");

  constructor(
    private readonly db: DbService,
    private readonly budgets: BudgetsRepository,
    private readonly limits: BudgetLimitsService,
    private readonly notifications: NotificationsService,
  ) {}

  async check(orgId: string, period: string, teamIds: string[]): Promise<void> {
    if (teamIds.length === 0) return;
    const limits = await this.limits.forTeams(orgId, teamIds);
    const limited = teamIds.filter((id) => (limits.get(id)?.limitUsd ?? null) !== null);
    if (limited.length === 0) return;
    const spend = new Map(
      (await this.budgets.spend(orgId, period, limited)).map((s) => [s.team_id, Number(s.spent_usd)]),
    );
    for (const teamId of limited) {
      const limit = limits.get(teamId)!;
      const spent = spend.get(teamId) ?? 0;
      const percent = limit.limitUsd! > 0 ? (spent / limit.limitUsd!) * 100 : spent > 0 ? Infinity : 0;
      const crossed = BUDGET_ALERT_THRESHOLDS.filter((t) => percent >= t);
      if (crossed.length === 0) continue;
      const budgetId =
        limit.budgetId ??
        (
          await this.budgets.upsertBudget(
            this.db.forOrg(orgId),
            orgId,
            teamId,
            limit.policyLimitUsd ?? limit.limitUsd!,
            "policy",
          )
        ).id;
      if (!limit.budgetId) this.limits.forget(orgId, teamId);
      const fired = await this.budgets.fireAlerts(this.db.system, {
        orgId,
        budgetId,
        period,
        thresholds: [...crossed],
        spentUsd: spent,
      });
      for (const threshold of fired)
        await this.notifyCrossed(orgId, { teamId, period, threshold, spent, limit: limit.limitUsd! });
    }
  }

  private async notifyCrossed(
    orgId: string,
    a: { teamId: string; period: string; threshold: number; spent: number; limit: number },
  ) {
    const team = await this.budgets.team(this.db.forOrg(orgId), a.teamId);
    const name = team?.name ?? a.teamId;
    const reached = a.threshold >= 100 ? "reached its" : `used ${a.threshold}% of its`;
    await this.notifications.notify(orgId, {
      kind: "budget.threshold",
      title: `${name} ${reached} monthly AI budget`,
      body: `Team ${name} has spent $${a.spent.toFixed(2)} of $${a.limit.toFixed(2)} in ${a.period}.`,
      data: {
        teamId: a.teamId,
        teamName: name,
        period: a.period,
        threshold: a.threshold,
        spentUsd: a.spent,
        limitUsd: a.limit,
      },
    });
    this.logger.log(`budget alert: team ${a.teamId} crossed ${a.threshold}% in ${a.period}`);
  }
}
