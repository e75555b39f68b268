import { Module } from "@nestjs/common";
import { GatewaySyncController } from "./gateway-sync.controller";
import { GatewaySyncNotifier } from "./gateway-sync.notifier";
import { GatewaySyncRepository } from "./gateway-sync.repository";
import { GatewaySyncService } from "./gateway-sync.service";

@Module({
  controllers: [GatewaySyncController],
  providers: [GatewaySyncService, GatewaySyncRepository, GatewaySyncNotifier],
  exports: [GatewaySyncNotifier],
})
export class GatewaySyncModule {}
