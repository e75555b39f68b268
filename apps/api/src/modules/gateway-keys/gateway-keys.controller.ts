import { Body, Controller, Get, HttpCode, Param, Post, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import {
  CreateGatewayKeyDto,
  GatewayKeyDto,
  GatewayKeyListDto,
  GatewayKeyWithSecretDto,
  ListGatewayKeysQueryDto,
  RotateGatewayKeyDto,
} from "./dto/gateway-keys.dto";
import { GatewayKeysService } from "./gateway-keys.service";

@ApiTags("gateway-keys")
@Controller("gateway-keys")
export class GatewayKeysController {
  constructor(private readonly keys: GatewayKeysService) {}

  @Get()
  @RequirePermission("gateway_keys:read")
  @ZodResponse({ status: 200, type: GatewayKeyListDto, description: "Newest first; managers see their teams' keys" })
  list(@Ctx() ctx: AuthContext, @Query() query: ListGatewayKeysQueryDto) {
    return this.keys.list(ctx, query);
  }

  @Get(":id")
  @RequirePermission("gateway_keys:read")
  @ZodResponse({ status: 200, type: GatewayKeyDto })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.keys.get(ctx, id);
  }

  @Post()
  @RequirePermission("gateway_keys:write")
  @ZodResponse({ status: 201, type: GatewayKeyWithSecretDto, description: "Issues a key (kt_gk_…) for a team on a gateway; `secret` is shown once" })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateGatewayKeyDto) {
    return this.keys.create(ctx, body);
  }

  @Post(":id/rotate")
  @HttpCode(200)
  @RequirePermission("gateway_keys:write")
  @ZodResponse({ status: 200, type: GatewayKeyWithSecretDto, description: "New secret (shown once); the old one works for gracePeriodSeconds" })
  rotate(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: RotateGatewayKeyDto) {
    return this.keys.rotate(ctx, id, body.gracePeriodSeconds);
  }

  @Post(":id/revoke")
  @HttpCode(200)
  @RequirePermission("gateway_keys:write")
  @ZodResponse({ status: 200, type: GatewayKeyDto, description: "Stops the key at every gateway within seconds" })
  revoke(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.keys.revoke(ctx, id);
  }
}
