import { Controller, Get, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { DashboardQueryDto, DashboardSummaryDto } from "./dto/dashboard.dto";
import { DashboardService } from "./dashboard.service";

@ApiTags("dashboard")
@Controller("dashboard")
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get("summary")
  @RequirePermission("dashboard:read")
  @ZodResponse({
    status: 200,
    type: DashboardSummaryDto,
    description: "Requests, active users, policy trigger rates, spend and gateways by health for a range",
  })
  summary(@Ctx() ctx: AuthContext, @Query() query: DashboardQueryDto) {
    return this.dashboard.summary(ctx, query);
  }
}
