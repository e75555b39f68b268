import type { Type } from "@nestjs/common";
import { QUEUES, TELEMETRY_QUEUE } from "@kt/contract";
import { ExportsWorkerModule } from "./modules/exports/worker/exports-worker.module";
import { TelemetryWorkerModule } from "./modules/events/maintenance/telemetry-worker.module";

/** Each queue the worker can consume, with the module holding its processor. */
export const WORKER_MODULES: { queue: string; module: Type<unknown> }[] = [
  { queue: QUEUES.exports, module: ExportsWorkerModule },
  { queue: TELEMETRY_QUEUE, module: TelemetryWorkerModule },
];
