import { Module } from "@nestjs/common";
import { EventGroupsRepository } from "./event-groups.repository";
import { EventScopeService } from "./event-scope.service";
import { EventStreamService } from "./event-stream.service";
import { EventTailService } from "./event-tail.service";
import { EventsController } from "./events.controller";
import { EventsRepository } from "./events.repository";
import { EventsService } from "./events.service";
import { TelemetryModule } from "./telemetry-pool";

@Module({
  imports: [TelemetryModule],
  controllers: [EventsController],
  providers: [
    EventsService,
    EventsRepository,
    EventGroupsRepository,
    EventScopeService,
    EventStreamService,
    EventTailService,
  ],
  exports: [EventsService, EventScopeService, EventStreamService, EventGroupsRepository],
})
export class EventsModule {}
