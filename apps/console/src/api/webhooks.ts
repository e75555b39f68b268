import { ZWebhook, ZWebhookCreated, ZWebhookList, type TCreateWebhook, type TWebhook } from "@kt/contract";
import { z } from "zod";
import { apiRequest } from "./client";

export type TWebhookCreated = z.infer<typeof ZWebhookCreated>;

export function listWebhooks(signal?: AbortSignal) {
  return apiRequest({ path: "/v1/webhooks", schema: ZWebhookList, signal });
}

export function createWebhook(body: TCreateWebhook): Promise<TWebhookCreated> {
  return apiRequest({ path: "/v1/webhooks", method: "POST", body, schema: ZWebhookCreated });
}

export function setWebhookDisabled(id: string, disabled: boolean): Promise<TWebhook> {
  return apiRequest({ path: `/v1/webhooks/${id}`, method: "PATCH", body: { disabled }, schema: ZWebhook });
}

export function deleteWebhook(id: string): Promise<unknown> {
  return apiRequest({ path: `/v1/webhooks/${id}`, method: "DELETE", schema: z.unknown() });
}

export function testWebhook(id: string): Promise<unknown> {
  return apiRequest({ path: `/v1/webhooks/${id}/test`, method: "POST", body: {}, schema: z.unknown() });
}
