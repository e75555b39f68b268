import { Body, Controller, Get, HttpCode, Param, Post, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import {
  AssignEscalationDto,
  CommentOnEscalationDto,
  EscalationDetailDto,
  EscalationListQueryDto,
  EscalationPageDto,
  ResolveEscalationDto,
} from "./dto/escalations.dto";
import { EscalationsService } from "./escalations.service";

@ApiTags("escalations")
@Controller("escalations")
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @RequirePermission("escalations:read")
  @ZodResponse({
    status: 200,
    type: EscalationPageDto,
    description: "Oldest due first; filters: status, priority, team, assignee, overdue",
  })
  list(@Ctx() ctx: AuthContext, @Query() query: EscalationListQueryDto) {
    return this.escalations.list(ctx, query);
  }

  @Get(":id")
  @RequirePermission("escalations:read")
  @ZodResponse({ status: 200, type: EscalationDetailDto })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.escalations.get(ctx, id);
  }

  @Post(":id/assign")
  @HttpCode(200)
  @RequirePermission("escalations:decide")
  @ZodResponse({ status: 200, type: EscalationDetailDto })
  assign(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: AssignEscalationDto) {
    return this.escalations.assign(ctx, id, body.assigneeId);
  }

  @Post(":id/comments")
  @RequirePermission("escalations:decide")
  @ZodResponse({ status: 201, type: EscalationDetailDto })
  comment(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: CommentOnEscalationDto) {
    return this.escalations.comment(ctx, id, body.body);
  }

  @Post(":id/resolve")
  @HttpCode(200)
  @RequirePermission("escalations:decide")
  @ZodResponse({ status: 200, type: EscalationDetailDto, description: "Approve or reject, with a reason" })
  resolve(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: ResolveEscalationDto) {
    return this.escalations.resolve(ctx, id, body);
  }
}
