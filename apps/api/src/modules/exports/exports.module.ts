import { Module } from "@nestjs/common";
import { EventsModule } from "../events/events.module";
import { ExportsController } from "./exports.controller";
import { ExportsQueue } from "./exports.queue";
import { ExportsRepository } from "./exports.repository";
import { ExportsService } from "./exports.service";
import { ExportStoreProvider } from "./store/export-store.provider";

/** The API side of exports: create (queue), list, status and download. The worker side is ExportsWorkerModule. */
@Module({
  imports: [EventsModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository, ExportsQueue, ExportStoreProvider],
})
export class ExportsModule {}
