import { Body, Controller, Get, Param, Patch, Post, Put, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import {
  AssignGatewayConfigDto,
  CreateGatewayDto,
  GatewayDto,
  GatewayListDto,
  GatewayWithCredentialDto,
  ListGatewaysQueryDto,
  UpdateGatewayDto,
} from "./dto/gateways.dto";
import { GatewaysService } from "./gateways.service";

@ApiTags("gateways")
@Controller("gateways")
export class GatewaysController {
  constructor(private readonly gateways: GatewaysService) {}

  @Get()
  @RequirePermission("gateways:read")
  @ZodResponse({ status: 200, type: GatewayListDto, description: "Status from heartbeats: healthy < 30 s, stale < 120 s, down otherwise" })
  list(@Ctx() ctx: AuthContext, @Query() query: ListGatewaysQueryDto) {
    return this.gateways.list(ctx, query);
  }

  @Get(":id")
  @RequirePermission("gateways:read")
  @ZodResponse({ status: 200, type: GatewayDto })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.gateways.get(ctx, id);
  }

  @Post()
  @RequirePermission("gateways:write")
  @ZodResponse({ status: 201, type: GatewayWithCredentialDto, description: "Registers a gateway; `credential` (kt_gw_…) is shown once" })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateGatewayDto) {
    return this.gateways.create(ctx, body);
  }

  @Patch(":id")
  @RequirePermission("gateways:write")
  @ZodResponse({ status: 200, type: GatewayDto, description: "Rename, change environment, archive (archived: true) or restore" })
  update(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: UpdateGatewayDto) {
    return this.gateways.update(ctx, id, body);
  }

  @Put(":id/policy-config")
  @RequirePermission("gateways:write")
  @ZodResponse({ status: 200, type: GatewayDto, description: "Assigns a policy config (null unassigns); the gateway picks it up within seconds" })
  assignConfig(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: AssignGatewayConfigDto) {
    return this.gateways.assignConfig(ctx, id, body.policyConfigId);
  }

  @Post(":id/credential")
  @RequirePermission("gateways:write")
  @ZodResponse({ status: 201, type: GatewayWithCredentialDto, description: "Issues a new credential (shown once); the old one stops working" })
  rotateCredential(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.gateways.rotateCredential(ctx, id);
  }
}
