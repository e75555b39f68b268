import { Module } from "@nestjs/common";
import { BudgetLimitsModule } from "../budgets/budget-limits.module";
import { GatewaySyncController } from "./gateway-sync.controller";
import { GatewaySyncNotifier } from "./gateway-sync.notifier";
import { GatewaySyncRepository } from "./gateway-sync.repository";
import { GatewaySyncService } from "./gateway-sync.service";

@Module({
  imports: [BudgetLimitsModule],
  controllers: [GatewaySyncController],
  providers: [GatewaySyncService, GatewaySyncRepository, GatewaySyncNotifier],
  exports: [GatewaySyncNotifier],
})
export class GatewaySyncModule {}
