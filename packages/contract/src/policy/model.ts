import { z } from "zod";

/**
 * The normalised policy config: what the gateway runs. Both YAML forms of the guides (the `pack:`
 * form and the `policies:` list form) are parsed and normalised into this one model.
 */

export const POLICY_ACTIONS = ["block", "redact", "escalate", "log"] as const;
export const ZPolicyAction = z.enum(POLICY_ACTIONS);
export type TPolicyAction = z.infer<typeof ZPolicyAction>;

export const POLICY_TYPES = [
  "pii-detector",
  "prompt-injection",
  "content-filter",
  "dlp-filter",
  "quality-scorer",
  "cost_limit",
  "model-allowlist",
  "audit-logger",
] as const;
export const ZPolicyType = z.enum(POLICY_TYPES);
export type TPolicyType = z.infer<typeof ZPolicyType>;

export const PROVIDER_KINDS = ["openai", "anthropic", "azure-openai", "demo"] as const;
export const ZProviderKind = z.enum(PROVIDER_KINDS);
export type TProviderKind = z.infer<typeof ZProviderKind>;

export const ZProviderTarget = z.object({
  id: z.string().min(1),
  provider: ZProviderKind,
  baseUrl: z.string().url().optional(),
  /** Name of the environment variable holding the provider secret; the secret itself never travels. */
  secretEnv: z.string().optional(),
  /** Models this target serves; empty means any model. */
  models: z.array(z.string()).default([]),
  timeoutMs: z.number().int().positive().default(60_000),
  /** Azure OpenAI: api-version query parameter and model → deployment names. */
  apiVersion: z.string().optional(),
  deployments: z.record(z.string(), z.string()).default({}),
});
export type TProviderTarget = z.infer<typeof ZProviderTarget>;

const policyBase = {
  name: z.string().min(1),
  action: ZPolicyAction,
  enabled: z.boolean().default(true),
};

export const PII_ENTITY_TYPES = [
  "name",
  "email",
  "phone",
  "credit_card",
  "iban",
  "ssn",
  "national_id",
  "ip_address",
  "address",
  "financial",
] as const;
export const ZPiiEntityType = z.enum(PII_ENTITY_TYPES);
export type TPiiEntityType = z.infer<typeof ZPiiEntityType>;

export const CONTENT_CATEGORIES = ["harmful", "biased", "violence", "hate", "self-harm", "sexual"] as const;
export const ZContentCategory = z.enum(CONTENT_CATEGORIES);
export type TContentCategory = z.infer<typeof ZContentCategory>;

/** Where a policy looks: the prompt, the completion, or both. */
export const ZPolicyStage = z.enum(["request", "response", "both"]);

export const ZPolicy = z.discriminatedUnion("type", [
  z.object({
    ...policyBase,
    type: z.literal("pii-detector"),
    entityTypes: z.array(ZPiiEntityType).default([...PII_ENTITY_TYPES]),
    stage: ZPolicyStage.default("both"),
  }),
  z.object({
    ...policyBase,
    type: z.literal("prompt-injection"),
    threshold: z.number().min(0).max(1).default(0.5),
  }),
  z.object({
    ...policyBase,
    type: z.literal("content-filter"),
    categories: z.array(ZContentCategory).default([...CONTENT_CATEGORIES]),
    threshold: z.number().min(0).max(1).default(0.5),
    stage: ZPolicyStage.default("both"),
  }),
  z.object({
    ...policyBase,
    type: z.literal("dlp-filter"),
    stage: ZPolicyStage.default("request"),
  }),
  z.object({
    ...policyBase,
    type: z.literal("quality-scorer"),
    minScore: z.number().min(0).max(1),
  }),
  z.object({
    ...policyBase,
    type: z.literal("cost_limit"),
    monthlyLimitUsd: z.number().nonnegative(),
  }),
  z.object({
    ...policyBase,
    type: z.literal("model-allowlist"),
    models: z.array(z.string().min(1)),
  }),
  z.object({
    ...policyBase,
    type: z.literal("audit-logger"),
    immutable: z.boolean().default(true),
    retentionDays: z.number().int().positive().default(365),
    logAllAccess: z.boolean().default(false),
  }),
]);
export type TPolicy = z.infer<typeof ZPolicy>;
export type TPolicyOf<T extends TPolicyType> = Extract<TPolicy, { type: T }>;

/** What an event keeps of the prompt: nothing, the redacted text, or a SHA-256 hash. */
export const ZPromptStorage = z.enum(["none", "redacted", "hash"]);

export const ZNormalizedPolicyConfig = z.object({
  name: z.string().min(1),
  version: z.string().default("1.0.0"),
  enabled: z.boolean().default(true),
  providers: z.array(ZProviderTarget).default([]),
  /** Target id serving a model that no target lists in `models` (YAML `providers.default`); else the first target. */
  defaultTarget: z.string().optional(),
  /** In chain order: the order the gateway runs them in. */
  policies: z.array(ZPolicy),
  events: z.object({ storePrompts: ZPromptStorage.default("hash") }).default({ storePrompts: "hash" }),
});
export type TNormalizedPolicyConfig = z.infer<typeof ZNormalizedPolicyConfig>;
