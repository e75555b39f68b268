import { Body, Controller, Delete, Get, Param, Put } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { BudgetDto, BudgetListDto, SetBudgetDto, TeamIdParam } from "./dto/budgets.dto";
import { BudgetsService } from "./budgets.service";

@ApiTags("budgets")
@Controller("budgets")
export class BudgetsController {
  constructor(private readonly budgets: BudgetsService) {}

  @Get()
  @RequirePermission("costs:read")
  @ZodResponse({
    status: 200,
    type: BudgetListDto,
    description: "Every team's limit, spend this month, reservations in flight and alerts fired",
  })
  list(@Ctx() ctx: AuthContext) {
    return this.budgets.list(ctx);
  }

  @Get(":teamId")
  @RequirePermission("costs:read")
  @ZodResponse({ status: 200, type: BudgetDto })
  get(@Ctx() ctx: AuthContext, @Param() { teamId }: TeamIdParam) {
    return this.budgets.get(ctx, teamId);
  }

  @Put(":teamId")
  @RequirePermission("budgets:write")
  @ZodResponse({
    status: 200,
    type: BudgetDto,
    description: "Set the team's monthly budget (USD); the lower of it and cost_limit policies applies",
  })
  set(@Ctx() ctx: AuthContext, @Param() { teamId }: TeamIdParam, @Body() body: SetBudgetDto) {
    return this.budgets.set(ctx, teamId, body.monthlyLimitUsd);
  }

  @Delete(":teamId")
  @RequirePermission("budgets:write")
  @ZodResponse({
    status: 200,
    type: BudgetDto,
    description: "Remove the API budget (cost_limit policies still apply)",
  })
  remove(@Ctx() ctx: AuthContext, @Param() { teamId }: TeamIdParam) {
    return this.budgets.remove(ctx, teamId);
  }
}
