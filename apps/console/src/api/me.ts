import { ZMe, type TMe } from "@kt/contract";
import { apiRequest } from "./client";

export function getMe(signal?: AbortSignal): Promise<TMe> {
  return apiRequest({ path: "/v1/me", schema: ZMe, signal });
}
