import { Module } from "@nestjs/common";
import { ExportsQueue } from "../exports.queue";
import { ExportsRepository } from "../exports.repository";
import { ExportStoreProvider } from "../store/export-store.provider";
import { ExportRowsRepository } from "./export-rows.repository";
import { ExportRunHandler } from "./export-run.handler";
import { ExportSweepHandler } from "./export-sweep.handler";
import { ExportsProcessor } from "./exports.processor";

/** The worker side of exports: consumes the exports queue (WORKER_QUEUES=exports or all). */
@Module({
  providers: [ExportsQueue, ExportsRepository, ExportStoreProvider, ExportRowsRepository, ExportRunHandler, ExportSweepHandler, ExportsProcessor],
})
export class ExportsWorkerModule {}
