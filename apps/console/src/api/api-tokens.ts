import {
  ZApiTokenList,
  ZApiTokenWithSecret,
  type TApiTokenWithSecret,
  type TCreateApiToken,
} from "@kt/contract";
import { z } from "zod";
import { apiRequest } from "./client";

export function listApiTokens(status: "active" | "all", signal?: AbortSignal) {
  return apiRequest({ path: "/v1/api-tokens", query: { status }, schema: ZApiTokenList, signal });
}

export function createApiToken(body: TCreateApiToken): Promise<TApiTokenWithSecret> {
  return apiRequest({ path: "/v1/api-tokens", method: "POST", body, schema: ZApiTokenWithSecret });
}

export function revokeApiToken(id: string): Promise<unknown> {
  return apiRequest({ path: `/v1/api-tokens/${id}`, method: "DELETE", schema: z.unknown() });
}
