import { Module } from "@nestjs/common";
import { GatewaySyncModule } from "../gateway-sync/gateway-sync.module";
import { GatewaysModule } from "../gateways/gateways.module";
import { PolicyConfigHistoryService } from "./policy-config-history.service";
import { PolicyConfigsController } from "./policy-configs.controller";
import { PolicyConfigsRepository } from "./policy-configs.repository";
import { PolicyConfigsService } from "./policy-configs.service";

@Module({
  imports: [GatewaysModule, GatewaySyncModule],
  controllers: [PolicyConfigsController],
  providers: [PolicyConfigsService, PolicyConfigHistoryService, PolicyConfigsRepository],
  exports: [PolicyConfigsService],
})
export class PolicyConfigsModule {}
