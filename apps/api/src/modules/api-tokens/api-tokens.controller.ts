import { Body, Controller, Delete, Get, Param, Post, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import { ApiTokensService } from "./api-tokens.service";
import {
  ApiTokenDto,
  ApiTokenListDto,
  ApiTokenWithSecretDto,
  CreateApiTokenDto,
  ListApiTokensQueryDto,
} from "./dto/api-tokens.dto";

@ApiTags("api-tokens")
@Controller("api-tokens")
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @RequirePermission("api_tokens:read")
  @ZodResponse({
    status: 200,
    type: ApiTokenListDto,
    description: "Admins see every token of the org; others their own",
  })
  list(@Ctx() ctx: AuthContext, @Query() query: ListApiTokensQueryDto) {
    return this.tokens.list(ctx, query);
  }

  @Get(":id")
  @RequirePermission("api_tokens:read")
  @ZodResponse({ status: 200, type: ApiTokenDto })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.tokens.get(ctx, id);
  }

  @Post()
  @RequirePermission("api_tokens:write")
  @ZodResponse({
    status: 201,
    type: ApiTokenWithSecretDto,
    description: "The secret is in this answer only; store it now",
  })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateApiTokenDto) {
    return this.tokens.create(ctx, body);
  }

  @Delete(":id")
  @RequirePermission("api_tokens:write")
  @ZodResponse({
    status: 200,
    type: ApiTokenDto,
    description: "Revokes the token at once; revoking twice is harmless",
  })
  revoke(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.tokens.revoke(ctx, id);
  }
}
