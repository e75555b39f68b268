import { Module } from "@nestjs/common";
import { GatewaySyncModule } from "../gateway-sync/gateway-sync.module";
import { NotificationsModule } from "../notifications/notifications.module";
import { BudgetAlertsService } from "./budget-alerts.service";
import { BudgetLimitsModule } from "./budget-limits.module";
import { BudgetsController } from "./budgets.controller";
import { BudgetsService } from "./budgets.service";
import { GatewayBudgetController } from "./gateway-budget.controller";

@Module({
  imports: [NotificationsModule, BudgetLimitsModule, GatewaySyncModule],
  controllers: [BudgetsController, GatewayBudgetController],
  providers: [BudgetsService, BudgetAlertsService],
  exports: [BudgetAlertsService, BudgetsService],
})
export class BudgetsModule {}
