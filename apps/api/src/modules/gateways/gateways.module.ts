import { Module } from "@nestjs/common";
import { GatewaySyncModule } from "../gateway-sync/gateway-sync.module";
import { GatewaysController } from "./gateways.controller";
import { GatewaysRepository } from "./gateways.repository";
import { GatewaysService } from "./gateways.service";
import { TeamAccess } from "./team-access";

@Module({
  imports: [GatewaySyncModule],
  controllers: [GatewaysController],
  providers: [GatewaysService, GatewaysRepository, TeamAccess],
  exports: [TeamAccess, GatewaysRepository],
})
export class GatewaysModule {}
