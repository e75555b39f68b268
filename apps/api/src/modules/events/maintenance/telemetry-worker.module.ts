import { Module } from "@nestjs/common";
import { TelemetryModule } from "../telemetry-pool";
import { TelemetryMaintenanceHandler } from "./telemetry-maintenance.handler";
import { TelemetryMaintenanceProcessor } from "./telemetry-maintenance.processor";
import { TelemetryMaintenanceRepository } from "./telemetry-maintenance.repository";

/** The worker side of telemetry: partitions ahead and retention, hourly. */
@Module({
  imports: [TelemetryModule],
  providers: [TelemetryMaintenanceRepository, TelemetryMaintenanceHandler, TelemetryMaintenanceProcessor],
  exports: [TelemetryMaintenanceHandler],
})
export class TelemetryWorkerModule {}
