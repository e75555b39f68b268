import { Controller, Get, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { AuditLogService } from "./audit-log.service";
import { AuditLogPageDto, AuditLogQueryDto, AuditVerifyResultDto } from "./dto/audit-log.dto";

@ApiTags("audit-log")
@Controller("audit-log")
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @RequirePermission("audit:read")
  @ZodResponse({ status: 200, type: AuditLogPageDto, description: "Append-only, newest first; filters combine with AND" })
  list(@Ctx() ctx: AuthContext, @Query() query: AuditLogQueryDto) {
    return this.auditLog.list(ctx, query);
  }

  @Get("verify")
  @RequirePermission("audit:read")
  @ZodResponse({ status: 200, type: AuditVerifyResultDto, description: "Recomputes the org's hash chain and names the first broken entry" })
  verify(@Ctx() ctx: AuthContext) {
    return this.auditLog.verify(ctx);
  }
}
