import { Module } from "@nestjs/common";
import { BudgetLimitsService } from "./budget-limits.service";
import { BudgetsRepository } from "./budgets.repository";

/**
 * Team limits on their own, so gateway sync can tell gateways which teams are budgeted while budgets can wake
 * gateway sync when a budget changes (one BudgetLimitsService instance: `forget` clears the cache both read).
 */
@Module({
  providers: [BudgetLimitsService, BudgetsRepository],
  exports: [BudgetLimitsService, BudgetsRepository],
})
export class BudgetLimitsModule {}
