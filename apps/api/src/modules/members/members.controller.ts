import { Body, Controller, Delete, Get, Param, Patch, Post } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import { CreateMemberDto, MemberDto, MemberListDto, UpdateMemberDto } from "./dto/members.dto";
import { MembersService } from "./members.service";

/** Members are addressed by their user id. */
@ApiTags("members")
@Controller("members")
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission("members:read")
  @ZodResponse({ status: 200, type: MemberListDto })
  list(@Ctx() ctx: AuthContext) {
    return this.members.list(ctx);
  }

  @Get(":id")
  @RequirePermission("members:read")
  @ZodResponse({ status: 200, type: MemberDto })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.members.get(ctx, id);
  }

  @Post()
  @RequirePermission("members:write")
  @ZodResponse({
    status: 201,
    type: MemberDto,
    description: "Adds a member with an initial password (or invite them: POST /v1/invites)",
  })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateMemberDto) {
    return this.members.create(ctx, body);
  }

  @Patch(":id")
  @RequirePermission("members:write")
  @ZodResponse({
    status: 200,
    type: MemberDto,
    description: "Changes the member's role; the last admin stays admin",
  })
  changeRole(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: UpdateMemberDto) {
    return this.members.changeRole(ctx, id, body.role);
  }

  @Delete(":id")
  @RequirePermission("members:write")
  @ZodResponse({
    status: 200,
    type: MemberDto,
    description: "Removes the member and revokes their API tokens; never the last admin",
  })
  remove(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.members.remove(ctx, id);
  }
}
