import { createZodDto } from "nestjs-zod";
import { ZAuditLogPage, ZAuditLogQuery, ZAuditVerifyResult } from "@kt/contract";

export class AuditLogQueryDto extends createZodDto(ZAuditLogQuery) {}
export class AuditLogPageDto extends createZodDto(ZAuditLogPage) {}
export class AuditVerifyResultDto extends createZodDto(ZAuditVerifyResult) {}
