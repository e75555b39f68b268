import { Module } from "@nestjs/common";
import { BudgetsModule } from "../budgets/budgets.module";
import { EscalationsModule } from "../escalations/escalations.module";
import { EventsModule } from "../events/events.module";
import { NotificationsModule } from "../notifications/notifications.module";
import { PricesModule } from "../prices/prices.module";
import { IngestController } from "./ingest.controller";
import { IngestRepository } from "./ingest.repository";
import { IngestService } from "./ingest.service";
import { IngestEffectsService } from "./ingest-effects.service";
import { IngestWriter } from "./ingest-writer";
import { RollupFolder } from "./rollup-folder";

@Module({
  imports: [EventsModule, BudgetsModule, EscalationsModule, NotificationsModule, PricesModule],
  controllers: [IngestController],
  providers: [IngestService, IngestRepository, IngestWriter, IngestEffectsService, RollupFolder],
})
export class IngestModule {}
