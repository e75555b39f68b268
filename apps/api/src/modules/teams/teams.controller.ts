import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import { AddTeamMemberDto, CreateTeamDto, ListTeamsQueryDto, TeamDetailDto, TeamListDto, TeamMemberParam, UpdateTeamDto } from "./dto/teams.dto";
import { TeamsService } from "./teams.service";

@ApiTags("teams")
@Controller("teams")
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @RequirePermission("teams:read")
  @ZodResponse({ status: 200, type: TeamListDto })
  list(@Ctx() ctx: AuthContext, @Query() query: ListTeamsQueryDto) {
    return this.teams.list(ctx, query.archived);
  }

  @Get(":id")
  @RequirePermission("teams:read")
  @ZodResponse({ status: 200, type: TeamDetailDto })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.teams.get(ctx, id);
  }

  @Post()
  @RequirePermission("teams:write")
  @ZodResponse({ status: 201, type: TeamDetailDto })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateTeamDto) {
    return this.teams.create(ctx, body.name);
  }

  @Patch(":id")
  @RequirePermission("teams:write")
  @ZodResponse({ status: 200, type: TeamDetailDto, description: "Rename, archive (archived: true) or restore a team" })
  update(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: UpdateTeamDto) {
    return this.teams.update(ctx, id, body);
  }

  @Post(":id/members")
  @RequirePermission("teams:write")
  @ZodResponse({ status: 201, type: TeamDetailDto })
  addMember(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: AddTeamMemberDto) {
    return this.teams.addMember(ctx, id, body.userId);
  }

  @Delete(":id/members/:userId")
  @RequirePermission("teams:write")
  @ZodResponse({ status: 200, type: TeamDetailDto })
  removeMember(@Ctx() ctx: AuthContext, @Param() p: TeamMemberParam) {
    return this.teams.removeMember(ctx, p.id, p.userId);
  }
}
