import { Controller, Get, HttpCode, Res } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import type { Response } from "express";
import { Public } from "../../common/auth/decorators";
import { HealthService } from "./health.service";

@ApiTags("health")
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process is up; says nothing about its dependencies. */
  @Public()
  @Get("healthz")
  @HttpCode(200)
  healthz() {
    return { status: "ok", uptimeSeconds: Math.round(process.uptime()) };
  }

  /** PostgreSQL and Redis reachable, migrations current. 503 with the failing check named otherwise. */
  @Public()
  @Get("readyz")
  async readyz(@Res({ passthrough: true }) res: Response) {
    const report = await this.health.readiness();
    res.status(report.status === "ok" ? 200 : 503);
    return report;
  }
}
