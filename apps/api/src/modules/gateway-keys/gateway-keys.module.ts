import { Module } from "@nestjs/common";
import { GatewaySyncModule } from "../gateway-sync/gateway-sync.module";
import { GatewaysModule } from "../gateways/gateways.module";
import { GatewayKeysController } from "./gateway-keys.controller";
import { GatewayKeysRepository } from "./gateway-keys.repository";
import { GatewayKeysService } from "./gateway-keys.service";

@Module({
  imports: [GatewaysModule, GatewaySyncModule],
  controllers: [GatewayKeysController],
  providers: [GatewayKeysService, GatewayKeysRepository],
})
export class GatewayKeysModule {}
