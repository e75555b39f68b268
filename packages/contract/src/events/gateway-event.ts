import { z } from "zod";
import { ZPolicyAction, ZPolicyType } from "../policy/model";

/** The outcome of one request as a whole. */
export const EVENT_ACTIONS = ["allowed", "redacted", "blocked", "escalated"] as const;
export const ZEventAction = z.enum(EVENT_ACTIONS);
export type TEventAction = z.infer<typeof ZEventAction>;

export const EVENT_STATUSES = ["success", "blocked", "error"] as const;
export const ZEventStatus = z.enum(EVENT_STATUSES);
export type TEventStatus = z.infer<typeof ZEventStatus>;

export const ZPolicyDecision = z.object({
  policy: z.string(),
  type: ZPolicyType,
  stage: z.enum(["request", "response"]),
  action: ZPolicyAction,
  triggered: z.boolean(),
  /** Why it triggered, in words a developer can act on. */
  reason: z.string().optional(),
  latencyUs: z.number().nonnegative(),
  /** Type-specific findings (entity counts, categories and scores, rule ids); never raw secrets. */
  details: z.record(z.string(), z.unknown()).default({}),
});
export type TPolicyDecision = z.infer<typeof ZPolicyDecision>;

/** One event per request through a gateway. Ids are UUIDv7 (time-sortable). */
export const ZGatewayEvent = z.object({
  id: z.uuid(),
  ts: z.iso.datetime({ offset: true }),
  /** The org the gateway belongs to (managed mode); null in standalone mode. */
  orgId: z.string().nullable().default(null),
  gatewayId: z.string().nullable().default(null),
  teamId: z.string().nullable().default(null),
  keyId: z.string().nullable().default(null),
  endUser: z.string().max(256).nullable().default(null),
  provider: z.string().nullable().default(null),
  model: z.string().max(256),
  stream: z.boolean().default(false),
  promptTokens: z.number().int().nonnegative().default(0),
  completionTokens: z.number().int().nonnegative().default(0),
  cachedTokens: z.number().int().nonnegative().default(0),
  /** True when tokens were counted with a tokenizer because the provider gave no usage. */
  tokensEstimated: z.boolean().default(false),
  /** USD; null when the model's price is unknown (never a silent zero). */
  costUsd: z.number().nonnegative().nullable(),
  latencyMs: z.number().nonnegative(),
  policyLatencyMs: z.number().nonnegative(),
  status: ZEventStatus,
  httpStatus: z.number().int(),
  action: ZEventAction,
  decisions: z.array(ZPolicyDecision).default([]),
  blockedBy: z.object({ policy: z.string(), reason: z.string() }).nullable().default(null),
  /** Per the config's events.storePrompts: the redacted prompt or its SHA-256, never the raw text. */
  promptRedacted: z.string().nullable().default(null),
  promptHash: z.string().nullable().default(null),
  error: z.string().nullable().default(null),
  configVersion: z.number().int().nullable().default(null),
});
export type TGatewayEvent = z.infer<typeof ZGatewayEvent>;

export const ZEventBatch = z.object({ events: z.array(ZGatewayEvent).min(1).max(5000) });
export type TEventBatch = z.infer<typeof ZEventBatch>;
