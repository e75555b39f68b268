import { Module } from "@nestjs/common";
import { NotificationsModule } from "../notifications/notifications.module";
import { BudgetAlertsService } from "./budget-alerts.service";
import { BudgetLimitsService } from "./budget-limits.service";
import { BudgetsController } from "./budgets.controller";
import { BudgetsRepository } from "./budgets.repository";
import { BudgetsService } from "./budgets.service";
import { GatewayBudgetController } from "./gateway-budget.controller";

@Module({
  imports: [NotificationsModule],
  controllers: [BudgetsController, GatewayBudgetController],
  providers: [BudgetsService, BudgetsRepository, BudgetLimitsService, BudgetAlertsService],
  exports: [BudgetAlertsService, BudgetsService],
})
export class BudgetsModule {}
