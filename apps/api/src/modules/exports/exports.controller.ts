import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from "@nestjs/common";
import { ApiProduces, ApiTags } from "@nestjs/swagger";
import type { Response } from "express";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import { CreateExportDto, ExportDto, ExportListDto, ListExportsQueryDto } from "./dto/exports.dto";
import { ExportsService } from "./exports.service";

@ApiTags("exports")
@Controller("exports")
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @RequirePermission("exports:create")
  @ZodResponse({ status: 201, type: ExportDto, description: "The job, queued; poll GET /v1/exports/:id for progress" })
  create(@Ctx() ctx: AuthContext, @Body() body: CreateExportDto) {
    return this.exports.create(ctx, body);
  }

  @Get()
  @RequirePermission("exports:read")
  @ZodResponse({ status: 200, type: ExportListDto })
  list(@Ctx() ctx: AuthContext, @Query() query: ListExportsQueryDto) {
    return this.exports.list(ctx, query);
  }

  @Get(":id")
  @RequirePermission("exports:read")
  @ZodResponse({ status: 200, type: ExportDto })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.exports.get(ctx, id);
  }

  @Post(":id/cancel")
  @HttpCode(200)
  @RequirePermission("exports:create")
  @ZodResponse({ status: 200, type: ExportDto, description: "The export, cancelled; 409 when it already finished" })
  cancel(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.exports.cancel(ctx, id);
  }

  @Get(":id/download")
  @RequirePermission("exports:read")
  @ApiProduces("text/csv", "application/json", "application/x-ndjson")
  async download(@Ctx() ctx: AuthContext, @Param() { id }: IdParam, @Res({ passthrough: true }) res: Response) {
    const file = await this.exports.download(ctx, id);
    res.setHeader("x-checksum-sha256", file.checksumSha256);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
