import { Controller, Get, Param, Query, Sse } from "@nestjs/common";
import { ApiOkResponse, ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { Ctx, RequirePermission } from "../../common/auth/decorators";
import { IdParam } from "../../common/http/id-param.dto";
import { EventQueryDto, EventRecordDto, EventStreamQueryDto } from "./dto/events.dto";
import { EventTailService } from "./event-tail.service";
import { EventsService } from "./events.service";

@ApiTags("events")
@Controller("events")
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly tail: EventTailService,
  ) {}

  @Get()
  @RequirePermission("events:read")
  @ApiOkResponse({
    description: "Events newest first (ZEventPage), or aggregates when group_by is given (ZEventGroups)",
  })
  query(@Ctx() ctx: AuthContext, @Query() query: EventQueryDto) {
    return this.events.query(ctx, query);
  }

  @Sse("stream")
  @RequirePermission("events:read")
  stream(@Ctx() ctx: AuthContext, @Query() query: EventStreamQueryDto) {
    return this.tail.tail(ctx, query);
  }

  @Get(":id")
  @RequirePermission("events:read")
  @ZodResponse({ status: 200, type: EventRecordDto })
  get(@Ctx() ctx: AuthContext, @Param() { id }: IdParam) {
    return this.events.get(ctx, id);
  }
}
