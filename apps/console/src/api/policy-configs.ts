import {
  ZPolicyConfigDetail,
  ZPolicyConfigDiff,
  ZPolicyConfigList,
  ZPolicyConfigSaveResult,
  ZPolicyConfigVersion,
  ZPolicyConfigVersionPage,
  type TCreatePolicyConfig,
  type TPolicyConfigDetail,
  type TPolicyConfigDiff,
  type TPolicyConfigSaveResult,
  type TPolicyConfigVersion,
  type TRollbackPolicyConfig,
  type TSavePolicyConfigVersion,
} from "@kt/contract";
import { apiRequest } from "./client";

export function listPolicyConfigs(signal?: AbortSignal) {
  return apiRequest({ path: "/v1/policy-configs", schema: ZPolicyConfigList, signal });
}

export function getPolicyConfig(id: string, signal?: AbortSignal): Promise<TPolicyConfigDetail> {
  return apiRequest({ path: `/v1/policy-configs/${id}`, schema: ZPolicyConfigDetail, signal });
}

export function listPolicyConfigVersions(id: string, signal?: AbortSignal) {
  return apiRequest({
    path: `/v1/policy-configs/${id}/versions`,
    query: { limit: 200 },
    schema: ZPolicyConfigVersionPage,
    signal,
  });
}

export function getPolicyConfigVersion(
  id: string,
  n: number,
  signal?: AbortSignal,
): Promise<TPolicyConfigVersion> {
  return apiRequest({ path: `/v1/policy-configs/${id}/versions/${n}`, schema: ZPolicyConfigVersion, signal });
}

export function diffPolicyConfig(
  id: string,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<TPolicyConfigDiff> {
  return apiRequest({
    path: `/v1/policy-configs/${id}/diff`,
    query: { from, to },
    schema: ZPolicyConfigDiff,
    signal,
  });
}

export function createPolicyConfig(body: TCreatePolicyConfig): Promise<TPolicyConfigSaveResult> {
  return apiRequest({ path: "/v1/policy-configs", method: "POST", body, schema: ZPolicyConfigSaveResult });
}

export function savePolicyConfigVersion(
  id: string,
  body: TSavePolicyConfigVersion,
): Promise<TPolicyConfigSaveResult> {
  return apiRequest({
    path: `/v1/policy-configs/${id}/versions`,
    method: "POST",
    body,
    schema: ZPolicyConfigSaveResult,
  });
}

export function rollbackPolicyConfig(
  id: string,
  body: TRollbackPolicyConfig,
): Promise<TPolicyConfigSaveResult> {
  return apiRequest({
    path: `/v1/policy-configs/${id}/rollback`,
    method: "POST",
    body,
    schema: ZPolicyConfigSaveResult,
  });
}
