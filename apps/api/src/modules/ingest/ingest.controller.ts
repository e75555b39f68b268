import { Body, Controller, HttpCode, Post, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import { ZodResponse } from "nestjs-zod";
import { CurrentGateway, GatewayAuth, type GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { EventBatchDto, IngestQueryDto, IngestResponseDto } from "./dto/ingest.dto";
import { IngestService } from "./ingest.service";

/** GATEWAY_ROUTES.ingest: gateways push their events here with their credential. */
@ApiTags("gateway")
@Controller("ingest")
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Post("events")
  @HttpCode(200)
  @GatewayAuth()
  @ZodResponse({
    status: 200,
    type: IngestResponseDto,
    description: "Idempotent by event id: `duplicates` counts events already stored",
  })
  events(
    @CurrentGateway() gateway: GatewayCaller,
    @Body() body: EventBatchDto,
    @Query() query: IngestQueryDto,
  ) {
    return this.ingest.ingestBatch(gateway, body, query.ack);
  }
}
