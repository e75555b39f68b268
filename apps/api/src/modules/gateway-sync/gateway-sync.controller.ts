import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from "@nestjs/common";
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from "@nestjs/swagger";
import type { Request, Response } from "express";
import { CurrentGateway, GatewayAuth, type GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { GatewayHeartbeatDto, GatewaySyncQueryDto, GatewaySyncResponseDto } from "./dto/gateway-sync.dto";
import { GatewaySyncService } from "./gateway-sync.service";

const SYNC_DESCRIPTION = `Called by a managed gateway with its credential (\`Bearer kt_gw_…\`). Answers the config version assigned
to the gateway (the normalised model) and its key set, with an \`ETag\`. Send the last ETag in \`If-None-Match\` and
\`?wait=SECONDS\` (at most 30): the API holds the request until something the gateway serves changes, then answers 200
with the new state, or 304 when the wait ends without a change. Changes (a new config version, a rollback, an
assignment, a key issued, rotated or revoked, the gateway archived) wake waiting requests on every API instance
through Redis pub/sub, so a gateway that keeps one long-poll open learns of them within a second; waiting requests
also re-check every 5 s in case a notification was lost. An archived gateway's sync answers 401.`;

@ApiTags("gateway (called by gateways)")
@Controller("gateway")
export class GatewaySyncController {
  constructor(private readonly syncs: GatewaySyncService) {}

  @Get("sync")
  @GatewayAuth()
  @ApiOperation({ summary: "Config version and key set of the calling gateway (ETag, long-poll)", description: SYNC_DESCRIPTION })
  @ApiHeader({ name: "If-None-Match", required: false, description: "The ETag of the state the gateway has" })
  @ApiOkResponse({ type: GatewaySyncResponseDto })
  @ApiResponse({ status: 304, description: "Nothing changed during the wait" })
  async sync(
    @CurrentGateway() gw: GatewayCaller,
    @Query() query: GatewaySyncQueryDto,
    @Headers("if-none-match") ifNoneMatch: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    const answer = await this.syncs.sync(gw, ifNoneMatch, query.wait, aborted.signal);
    if (res.writableEnded || req.destroyed) return;
    res.setHeader("ETag", answer.etag);
    res.setHeader("Cache-Control", "no-cache");
    if (answer.status === 304) return void res.status(304).end();
    res.status(200).json(answer.body);
  }

  @Post("heartbeat")
  @GatewayAuth()
  @HttpCode(204)
  @ApiOperation({ summary: "Gateway heartbeat (every 10 s): version, uptime, requests, spool depth, config version in force" })
  @ApiResponse({ status: 204 })
  heartbeat(@CurrentGateway() gw: GatewayCaller, @Body() body: GatewayHeartbeatDto) {
    return this.syncs.heartbeat(gw, body);
  }
}
