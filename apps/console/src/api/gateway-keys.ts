import {
  ZGatewayKey,
  ZGatewayKeyList,
  ZGatewayKeyWithSecret,
  type TCreateGatewayKey,
  type TGatewayKey,
  type TGatewayKeyWithSecret,
  type TRotateGatewayKey,
} from "@kt/contract";
import { apiRequest } from "./client";

export function listGatewayKeys(signal?: AbortSignal) {
  return apiRequest({ path: "/v1/gateway-keys", schema: ZGatewayKeyList, signal });
}

export function createGatewayKey(body: TCreateGatewayKey): Promise<TGatewayKeyWithSecret> {
  return apiRequest({ path: "/v1/gateway-keys", method: "POST", body, schema: ZGatewayKeyWithSecret });
}

export function rotateGatewayKey(id: string, body: TRotateGatewayKey): Promise<TGatewayKeyWithSecret> {
  return apiRequest({
    path: `/v1/gateway-keys/${id}/rotate`,
    method: "POST",
    body,
    schema: ZGatewayKeyWithSecret,
  });
}

export function revokeGatewayKey(id: string): Promise<TGatewayKey> {
  return apiRequest({ path: `/v1/gateway-keys/${id}/revoke`, method: "POST", body: {}, schema: ZGatewayKey });
}
