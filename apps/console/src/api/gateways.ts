import {
  ZGateway,
  ZGatewayList,
  ZGatewayWithCredential,
  type TCreateGateway,
  type TGateway,
  type TGatewayWithCredential,
} from "@kt/contract";
import { apiRequest } from "./client";

export function listGateways(signal?: AbortSignal) {
  return apiRequest({ path: "/v1/gateways", schema: ZGatewayList, signal });
}

export function createGateway(body: TCreateGateway): Promise<TGatewayWithCredential> {
  return apiRequest({ path: "/v1/gateways", method: "POST", body, schema: ZGatewayWithCredential });
}

export function assignGatewayConfig(id: string, policyConfigId: string | null): Promise<TGateway> {
  return apiRequest({
    path: `/v1/gateways/${id}/policy-config`,
    method: "PUT",
    body: { policyConfigId },
    schema: ZGateway,
  });
}

export function rotateGatewayCredential(id: string): Promise<TGatewayWithCredential> {
  return apiRequest({
    path: `/v1/gateways/${id}/credential`,
    method: "POST",
    body: {},
    schema: ZGatewayWithCredential,
  });
}
