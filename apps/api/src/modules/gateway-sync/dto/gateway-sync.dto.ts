import { createZodDto } from "nestjs-zod";
import { z } from "zod";
import { GATEWAY_SYNC_MAX_WAIT_SECONDS, ZGatewayHeartbeat, ZGatewaySyncResponse } from "@kt/contract";

export class GatewaySyncQueryDto extends createZodDto(
  // Longer waits than the API honours are shortened, not refused: the answer comes at the latest after the maximum.
  z.object({ wait: z.coerce.number().int().min(0).default(0).transform((s) => Math.min(s, GATEWAY_SYNC_MAX_WAIT_SECONDS)) }),
) {}
export class GatewaySyncResponseDto extends createZodDto(ZGatewaySyncResponse) {}
export class GatewayHeartbeatDto extends createZodDto(ZGatewayHeartbeat) {}
