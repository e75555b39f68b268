import { Body, Controller, Delete, Get, HttpCode, Param, Post } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, Public, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import { ReqMeta, type RequestMeta } from "../../common/http/request-meta";
import {
  AcceptedInviteDto,
  AcceptInviteDto,
  CreatedInviteDto,
  CreateInviteDto,
  InviteDto,
  InviteListDto,
  InvitePreviewDto,
  InviteTokenDto,
} from "./dto/invites.dto";
import { InvitesService } from "./invites.service";

@ApiTags("invites")
@Controller("invites")
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Get()
  @RequirePermission("members:write")
  @ZodResponse({ status: 200, type: InviteListDto })
  list(@Ctx() ctx: AuthContext) {
    return this.invites.list(ctx);
  }

  @Post()
  @RequirePermission("members:write")
  @ZodResponse({
    status: 201,
    type: CreatedInviteDto,
    description: "The one-time token and link are in this answer only",
  })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateInviteDto) {
    return this.invites.create(ctx, body);
  }

  @Delete(":id")
  @RequirePermission("members:write")
  @ZodResponse({ status: 200, type: InviteDto, description: "Withdraws a pending invite" })
  revoke(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.invites.revoke(ctx, id);
  }

  @Public()
  @Post("preview")
  @HttpCode(200)
  @ZodResponse({
    status: 200,
    type: InvitePreviewDto,
    description: "What an invite link offers, for the accept page",
  })
  preview(@Body() body: InviteTokenDto) {
    return this.invites.preview(body.token);
  }

  @Public()
  @Post("accept")
  @HttpCode(200)
  @ZodResponse({
    status: 200,
    type: AcceptedInviteDto,
    description: "Sets the password (or checks the existing one) and joins the org",
  })
  accept(@Body() body: AcceptInviteDto, @ReqMeta() meta: RequestMeta) {
    return this.invites.accept(body, meta);
  }
}
