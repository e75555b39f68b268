import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from "@nestjs/common";
import { ApiOkResponse, ApiOperation, ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, Public, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import {
  CreatePolicyConfigDto,
  LintPolicyConfigRequestDto,
  LintPolicyConfigResponseDto,
  ListPolicyConfigsQueryDto,
  ListPolicyConfigVersionsQueryDto,
  PolicyConfigDetailDto,
  PolicyConfigDiffDto,
  PolicyConfigDiffQueryDto,
  PolicyConfigListDto,
  PolicyConfigSaveResultDto,
  PolicyConfigVersionDto,
  PolicyConfigVersionPageDto,
  RollbackPolicyConfigDto,
  SavePolicyConfigVersionDto,
  UpdatePolicyConfigDto,
  VersionParam,
} from "./dto/policy-configs.dto";
import { PolicyConfigHistoryService } from "./policy-config-history.service";
import { PolicyConfigsService } from "./policy-configs.service";

@ApiTags("policy-configs")
@Controller("policy-configs")
export class PolicyConfigsController {
  constructor(
    private readonly configs: PolicyConfigsService,
    private readonly history: PolicyConfigHistoryService,
  ) {}

  @Post("lint")
  @HttpCode(200)
  @RequirePermission("configs:read")
  @ZodResponse({ status: 200, type: LintPolicyConfigResponseDto, description: "Every error and warning with line, column and a hint" })
  lint(@Body() body: LintPolicyConfigRequestDto) {
    return this.configs.lint(body.yaml);
  }

  @Get("schema.json")
  @Public()
  @ApiOperation({ summary: "JSON Schema of the policy config YAML, for editors (`# yaml-language-server: $schema=<this URL>`)" })
  @ApiOkResponse({ description: "JSON Schema draft-07" })
  schema() {
    return this.configs.schema();
  }

  @Get()
  @RequirePermission("configs:read")
  @ZodResponse({ status: 200, type: PolicyConfigListDto })
  list(@Ctx() ctx: AuthContext, @Query() query: ListPolicyConfigsQueryDto) {
    return this.configs.list(ctx, query);
  }

  @Get(":id")
  @RequirePermission("configs:read")
  @ZodResponse({ status: 200, type: PolicyConfigDetailDto, description: "The config with its version in force (YAML and normalised model)" })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.configs.get(ctx, id);
  }

  @Post()
  @RequirePermission("configs:write")
  @ZodResponse({ status: 201, type: PolicyConfigSaveResultDto, description: "Creates a config and its version 1; lint errors answer 422 with the issues" })
  create(@Ctx() ctx: AuthContext, @Body() body: CreatePolicyConfigDto) {
    return this.configs.create(ctx, body);
  }

  @Patch(":id")
  @RequirePermission("configs:write")
  @ZodResponse({ status: 200, type: PolicyConfigDetailDto, description: "Rename, describe, archive (archived: true) or restore" })
  update(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: UpdatePolicyConfigDto) {
    return this.configs.update(ctx, id, body);
  }

  @Post(":id/versions")
  @RequirePermission("configs:write")
  @ZodResponse({ status: 201, type: PolicyConfigSaveResultDto, description: "Saves YAML as a new immutable version (none when byte-identical to the one in force)" })
  save(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: SavePolicyConfigVersionDto) {
    return this.configs.saveVersion(ctx, id, body);
  }

  @Get(":id/versions")
  @RequirePermission("configs:read")
  @ZodResponse({ status: 200, type: PolicyConfigVersionPageDto, description: "Newest first" })
  versions(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Query() q: ListPolicyConfigVersionsQueryDto) {
    return this.history.versions(ctx, id, q.limit, q.cursor);
  }

  @Get(":id/versions/:number")
  @RequirePermission("configs:read")
  @ZodResponse({ status: 200, type: PolicyConfigVersionDto })
  version(@Ctx() ctx: AuthContext, @Param() p: VersionParam) {
    return this.history.version(ctx, p.id, p.number);
  }

  @Get(":id/diff")
  @RequirePermission("configs:read")
  @ZodResponse({ status: 200, type: PolicyConfigDiffDto, description: "Unified diff between versions ?from= and ?to=" })
  diff(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Query() q: PolicyConfigDiffQueryDto) {
    return this.history.diff(ctx, id, q.from, q.to);
  }

  @Post(":id/rollback")
  @RequirePermission("configs:write")
  @ZodResponse({ status: 201, type: PolicyConfigSaveResultDto, description: "A new version equal to an old one" })
  rollback(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Body() body: RollbackPolicyConfigDto) {
    return this.configs.rollback(ctx, id, body.toVersion, body.message);
  }
}
