import { Body, Controller, Get, HttpCode, Post, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import { CurrentGateway, GatewayAuth, type GatewayCaller } from "../../common/auth/gateway-credential.guard";
import {
  BudgetReleaseDto,
  BudgetReservationDto,
  BudgetReserveDto,
  GatewayBudgetQueryDto,
  GatewayBudgetStatusDto,
} from "./dto/budgets.dto";
import { BudgetsService } from "./budgets.service";

/** Budget routes gateways call with their credential (GATEWAY_ROUTES.budget, BUDGET_ROUTES.reserve/release). */
@ApiTags("gateway")
@Controller("gateway/budget")
export class GatewayBudgetController {
  constructor(private readonly budgets: BudgetsService) {}

  @Get()
  @GatewayAuth()
  @ZodResponse({ status: 200, type: GatewayBudgetStatusDto })
  status(@CurrentGateway() gateway: GatewayCaller, @Query() query: GatewayBudgetQueryDto) {
    return this.budgets.gatewayStatus(gateway, query.teamId);
  }

  @Post("reserve")
  @HttpCode(200)
  @GatewayAuth()
  @ZodResponse({
    status: 200,
    type: BudgetReservationDto,
    description: "Reserve a call's estimated cost; granted false means the team's budget would be exceeded",
  })
  reserve(@CurrentGateway() gateway: GatewayCaller, @Body() body: BudgetReserveDto) {
    return this.budgets.reserve(gateway, body as BudgetReserveDto & { ttlSeconds: number });
  }

  @Post("release")
  @HttpCode(204)
  @GatewayAuth()
  release(@CurrentGateway() gateway: GatewayCaller, @Body() body: BudgetReleaseDto) {
    return this.budgets.release(gateway, body.eventId);
  }
}
