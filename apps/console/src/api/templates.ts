import {
  ZPolicyConfigSaveResult,
  ZTemplateList,
  ZTemplatePreview,
  type TCreateConfigFromTemplate,
  type TPolicyConfigSaveResult,
  type TTemplateOverrides,
  type TTemplatePreview,
} from "@kt/contract";
import { apiRequest } from "./client";

export function listTemplates(signal?: AbortSignal) {
  return apiRequest({ path: "/v1/templates", schema: ZTemplateList, signal });
}

export function renderTemplate(id: string, overrides: TTemplateOverrides): Promise<TTemplatePreview> {
  return apiRequest({
    path: `/v1/templates/${id}/render`,
    method: "POST",
    body: { overrides },
    schema: ZTemplatePreview,
  });
}

export function createConfigFromTemplate(
  id: string,
  body: TCreateConfigFromTemplate,
): Promise<TPolicyConfigSaveResult> {
  return apiRequest({
    path: `/v1/templates/${id}/configs`,
    method: "POST",
    body,
    schema: ZPolicyConfigSaveResult,
  });
}
