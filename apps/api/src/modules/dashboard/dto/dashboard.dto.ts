import { createZodDto } from "nestjs-zod";
import { ZDashboardQuery, ZDashboardSummary } from "@kt/contract";

export class DashboardQueryDto extends createZodDto(ZDashboardQuery) {}
export class DashboardSummaryDto extends createZodDto(ZDashboardSummary) {}
