import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from "@nestjs/common";
import { ApiResponse, ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import {
  CreateConfigFromTemplateDto,
  CreateTemplateDto,
  ListTemplatesQueryDto,
  RenderTemplateRequestDto,
  TemplateConfigResultDto,
  TemplateDto,
  TemplateIdParam,
  TemplateListDto,
  TemplatePreviewDto,
  UpdateTemplateDto,
} from "./dto/templates.dto";
import { TemplatesService } from "./templates.service";

@ApiTags("templates")
@Controller("templates")
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @RequirePermission("templates:read")
  @ZodResponse({ status: 200, type: TemplateListDto, description: "The built-in catalog, then the org's own templates" })
  list(@Ctx() ctx: AuthContext, @Query() query: ListTemplatesQueryDto) {
    return this.templates.list(ctx, query);
  }

  @Get(":id")
  @RequirePermission("templates:read")
  @ZodResponse({ status: 200, type: TemplateDto, description: "A built-in template (by slug, e.g. team-budget) or an org template (by UUID)" })
  get(@Ctx() ctx: AuthContext, @Param() { id }: TemplateIdParam) {
    return this.templates.get(ctx, id);
  }

  @Post()
  @RequirePermission("configs:write")
  @ZodResponse({ status: 201, type: TemplateDto, description: "An org template; its YAML must lint without errors" })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateTemplateDto) {
    return this.templates.create(ctx, body);
  }

  @Patch(":id")
  @RequirePermission("configs:write")
  @ZodResponse({ status: 200, type: TemplateDto })
  update(@Ctx() ctx: AuthContext, @Param() { id }: TemplateIdParam, @Body() body: UpdateTemplateDto) {
    return this.templates.update(ctx, id, body);
  }

  @Delete(":id")
  @HttpCode(204)
  @RequirePermission("configs:write")
  @ApiResponse({ status: 204, description: "Deleted (configs made from it are kept)" })
  remove(@Ctx() ctx: AuthContext, @Param() { id }: TemplateIdParam) {
    return this.templates.remove(ctx, id);
  }

  @Post(":id/render")
  @HttpCode(200)
  @RequirePermission("templates:read")
  @ZodResponse({ status: 200, type: TemplatePreviewDto, description: "Preview: the template's YAML with overrides, linted" })
  render(@Ctx() ctx: AuthContext, @Param() { id }: TemplateIdParam, @Body() body: RenderTemplateRequestDto) {
    return this.templates.render(ctx, id, body.overrides);
  }

  @Post(":id/configs")
  @RequirePermission("configs:write")
  @ZodResponse({ status: 201, type: TemplateConfigResultDto, description: "Creates a policy config from the template with overrides" })
  createConfig(@Ctx() ctx: AuthContext, @Param() { id }: TemplateIdParam, @Body() body: CreateConfigFromTemplateDto) {
    return this.templates.createConfig(ctx, id, body);
  }
}
