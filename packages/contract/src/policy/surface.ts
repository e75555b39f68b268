import { z } from "zod";
import { POLICY_TYPES, PROVIDER_KINDS, ZPolicyAction, ZPolicyStage, ZPromptStorage, type TPolicyType } from "./model";

/**
 * The YAML surface users write (snake_case), both forms of the guides. The linter validates each part
 * with these schemas and `policyConfigJsonSchema()` publishes them for editors, so the two cannot drift.
 */

const score = z.number().min(0).max(1);

/** Type-specific fields of each policy type, as written in YAML. */
export const POLICY_TYPE_FIELDS = {
  "pii-detector": {
    entity_types: z.array(z.string()).optional().meta({
      description: "Entity types to detect: name, email, phone, financial, credit_card, iban, ssn, …",
    }),
    stage: ZPolicyStage.optional(),
  },
  "prompt-injection": { threshold: score.optional() },
  "content-filter": {
    categories: z.array(z.string()).optional().meta({ description: "harmful, biased, violence, hate, …" }),
    threshold: score.optional(),
    stage: ZPolicyStage.optional(),
  },
  "dlp-filter": { stage: ZPolicyStage.optional() },
  "quality-scorer": { min_score: score.meta({ description: "Responses scoring below this (0..1) trigger the action" }) },
  cost_limit: {
    monthly_limit: z.number().nonnegative().meta({ description: "Monthly spend limit in USD" }),
  },
  "model-allowlist": { models: z.array(z.string().min(1)).meta({ description: "Models callers may request" }) },
  "audit-logger": {
    immutable: z.boolean().optional(),
    retention_days: z.number().int().positive().optional(),
    log_all_access: z.boolean().optional(),
  },
} satisfies Record<TPolicyType, z.ZodRawShape>;

const commonPolicyFields = {
  action: ZPolicyAction.optional().meta({ description: "Defaults per type: block, redact (pii), escalate (quality), log (audit)" }),
  enabled: z.boolean().optional(),
  description: z.string().optional(),
};

/** One entry of the `policies:` list form. */
export function policyEntrySchema<T extends TPolicyType>(type: T) {
  return z.strictObject({
    name: z.string().min(1),
    type: z.literal(type),
    ...commonPolicyFields,
    ...POLICY_TYPE_FIELDS[type],
  });
}

/** A `policy.<name>:` settings block of the `pack:` form; `type` may be left out when the name is the type. */
export function policySettingsSchema<T extends TPolicyType>(type: T) {
  return z.strictObject({
    type: z.literal(type).optional(),
    ...commonPolicyFields,
    ...POLICY_TYPE_FIELDS[type],
  });
}

type TEntrySchemas = { [T in TPolicyType]: ReturnType<typeof policyEntrySchema<T>> };
type TSettingsSchemas = { [T in TPolicyType]: ReturnType<typeof policySettingsSchema<T>> };
export const POLICY_ENTRY_SCHEMAS = Object.fromEntries(POLICY_TYPES.map((t) => [t, policyEntrySchema(t)])) as TEntrySchemas;
export const POLICY_SETTINGS_SCHEMAS = Object.fromEntries(
  POLICY_TYPES.map((t) => [t, policySettingsSchema(t)]),
) as TSettingsSchemas;

export const ZPolicyEntrySurface = z.discriminatedUnion(
  "type",
  POLICY_TYPES.map((t) => POLICY_ENTRY_SCHEMAS[t]) as unknown as [TEntrySchemas[TPolicyType], ...TEntrySchemas[TPolicyType][]],
);
export const ZPolicySettingsSurface = z.union(POLICY_TYPES.map((t) => POLICY_SETTINGS_SCHEMAS[t]));

export const ZPackSurface = z.strictObject({
  name: z.string().min(1),
  version: z.union([z.string(), z.number()]).optional(),
  enabled: z.boolean().optional(),
  description: z.string().optional(),
});

/** Connection fields of a provider target; they may also sit in a `provider:` block (the guides' nesting). */
const connectionFields = {
  base_url: z.url().optional(),
  secret_key_ref: z.strictObject({ env: z.string().min(1) }).optional(),
  models: z.array(z.string().min(1)).optional(),
  timeout_ms: z.number().int().positive().optional(),
  api_version: z.string().optional(),
  deployments: z.record(z.string(), z.string()).optional(),
};

export const ZProviderBlockSurface = z.strictObject({
  kind: z.string().optional().meta({ description: `One of ${PROVIDER_KINDS.join(", ")}; defaults to the target id` }),
  ...connectionFields,
});

export const ZProviderTargetSurface = z.strictObject({
  id: z.string().min(1),
  provider: z
    .union([z.string(), ZProviderBlockSurface, z.null()])
    .optional()
    .meta({ description: `${PROVIDER_KINDS.join(" | ")}, or a block of connection settings` }),
  ...connectionFields,
});

export const ZProvidersSurface = z.strictObject({
  targets: z.array(ZProviderTargetSurface),
  /** Target id serving requests whose model no target lists. */
  default: z.string().min(1).optional(),
});

export const ZChainSurface = z.strictObject({
  chain: z.array(z.string().min(1)).meta({ description: "Policy names in the order they run" }),
});

export const ZEventsSurface = z.strictObject({ store_prompts: ZPromptStorage.optional() });

export const ZPolicyConfigSurface = z
  .strictObject({
    pack: ZPackSurface.optional(),
    providers: ZProvidersSurface.optional(),
    policies: z.union([z.array(ZPolicyEntrySurface), ZChainSurface]).optional(),
    policy: z.record(z.string(), ZPolicySettingsSurface).optional(),
    events: ZEventsSurface.optional(),
  })
  .meta({ title: "kt policy config", description: "The pack: form or the policies: list form of a kt policy config" });
export type TPolicyConfigSurface = z.input<typeof ZPolicyConfigSurface>;

export const SURFACE_TOP_LEVEL_KEYS = Object.keys(ZPolicyConfigSurface.shape);
