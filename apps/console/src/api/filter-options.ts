import { ZGatewayList, ZTeamList, type TGatewayList } from "@kt/contract";
import type { z } from "zod";
import { apiRequest } from "./client";

/** Teams and gateways the caller may see, to offer as filter choices (a manager gets only their teams'). */
export type TTeamOptions = z.infer<typeof ZTeamList>;

export function listTeamOptions(signal?: AbortSignal): Promise<TTeamOptions> {
  return apiRequest({ path: "/v1/teams", schema: ZTeamList, signal });
}

export function listGatewayOptions(signal?: AbortSignal): Promise<TGatewayList> {
  return apiRequest({ path: "/v1/gateways", schema: ZGatewayList, signal });
}
