import { z } from "zod";
import { NOTIFICATION_KINDS } from "./notifications";

/**
 * Webhook deliveries are POSTs of `{ id, kind, createdAt, data }` signed with HMAC-SHA256:
 * `X-Kt-Signature: t=<unix seconds>,v1=<hex HMAC of "<t>.<raw body>" with the webhook secret>`; `X-Kt-Event: <kind>`.
 */
export const WEBHOOK_SIGNATURE_HEADER = "x-kt-signature";

export const ZWebhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  /** The first characters of the secret, to tell webhooks apart. */
  secretPrefix: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type TWebhook = z.infer<typeof ZWebhook>;

/** The create answer: the only time the signing secret is shown. */
export const ZWebhookCreated = ZWebhook.extend({ secret: z.string() });

export const ZCreateWebhook = z.object({
  url: z
    .string()
    .url("must be an http(s) URL")
    .refine((u) => /^https?:\/\//.test(u), { error: "must be an http(s) URL" }),
  events: z
    .array(z.enum(NOTIFICATION_KINDS))
    .min(1)
    .default([...NOTIFICATION_KINDS]),
});
export type TCreateWebhook = z.input<typeof ZCreateWebhook>;

export const ZUpdateWebhook = z.object({ disabled: z.boolean() });
export const ZWebhookList = z.object({ items: z.array(ZWebhook) });
