import { z } from "zod";
import {
  ZPolicyConfigSaveResult,
  ZTemplate,
  ZTemplateList,
  ZTemplatePreview,
  type TCreateConfigFromTemplate,
  type TPolicyConfigSaveResult,
  type TTemplateOverrides,
  type TTemplate,
  type TTemplatePreview,
  type TUpdateTemplate,
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

/** Org templates only; built-in ones are read-only (the API answers 4xx naming why). */
export function updateTemplate(id: string, body: TUpdateTemplate): Promise<TTemplate> {
  return apiRequest({ path: `/v1/templates/${id}`, method: "PATCH", body, schema: ZTemplate });
}

export function deleteTemplate(id: string): Promise<void> {
  return apiRequest({ path: `/v1/templates/${id}`, method: "DELETE", schema: z.undefined() });
}
