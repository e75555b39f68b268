import { z } from "zod";
import { ZId, ZName } from "../common";
import { ZLintIssue } from "../policy/lint-issue";
import { ZNormalizedPolicyConfig } from "../policy/model";

/** Largest policy config YAML the API accepts. */
export const POLICY_YAML_MAX_CHARS = 256 * 1024;
export const ZPolicyYaml = z.string().min(1, "must not be empty").max(POLICY_YAML_MAX_CHARS, "must be at most 256 KiB");
export const ZCommitSha = z.string().regex(/^[0-9a-f]{7,64}$/i, "must be a git commit SHA (7-64 hex characters)");

export const ZPolicyConfigVersionSummary = z.object({
  id: z.string(),
  configId: z.string(),
  number: z.number().int().positive(),
  contentHash: z.string(),
  message: z.string(),
  commitSha: z.string().nullable(),
  authorId: z.string().nullable(),
  authorLabel: z.string(),
  createdAt: z.string(),
});
export type TPolicyConfigVersionSummary = z.infer<typeof ZPolicyConfigVersionSummary>;

/** One immutable version: the YAML as saved and the normalised model the gateway runs. */
export const ZPolicyConfigVersion = ZPolicyConfigVersionSummary.extend({
  source: z.string(),
  normalized: ZNormalizedPolicyConfig,
});
export type TPolicyConfigVersion = z.infer<typeof ZPolicyConfigVersion>;

export const ZPolicyConfig = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  teamId: z.string().nullable(),
  currentVersion: ZPolicyConfigVersionSummary.nullable(),
  /** Gateways (not archived) this config is assigned to. */
  gatewayCount: z.number().int().nonnegative(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPolicyConfig = z.infer<typeof ZPolicyConfig>;

/** A config with its version in force in full. */
export const ZPolicyConfigDetail = ZPolicyConfig.extend({ current: ZPolicyConfigVersion });
export type TPolicyConfigDetail = z.infer<typeof ZPolicyConfigDetail>;

export const ZPolicyConfigList = z.object({ items: z.array(ZPolicyConfig) });

export const ZListPolicyConfigsQuery = z.object({
  name: z.string().optional(),
  teamId: ZId.optional(),
  archived: z.enum(["true", "false", "all"]).default("false"),
});
export type TListPolicyConfigsQuery = z.infer<typeof ZListPolicyConfigsQuery>;

export const ZCreatePolicyConfig = z.object({
  name: ZName,
  description: z.string().max(2000).default(""),
  teamId: ZId.nullable().optional(),
  yaml: ZPolicyYaml,
  message: z.string().max(2000).default("Initial version"),
  commitSha: ZCommitSha.optional(),
});
export type TCreatePolicyConfig = z.input<typeof ZCreatePolicyConfig>;

export const ZSavePolicyConfigVersion = z.object({
  yaml: ZPolicyYaml,
  message: z.string().trim().min(1, "say what changed").max(2000),
  commitSha: ZCommitSha.optional(),
});
export type TSavePolicyConfigVersion = z.infer<typeof ZSavePolicyConfigVersion>;

/**
 * Answer of a create, a save or a rollback. `created` is false when the YAML is byte-identical to the version in
 * force (a CI job pushing an unchanged file makes no new version). `issues` holds the linter's warnings.
 */
export const ZPolicyConfigSaveResult = z.object({
  config: ZPolicyConfigDetail,
  created: z.boolean(),
  issues: z.array(ZLintIssue),
});
export type TPolicyConfigSaveResult = z.infer<typeof ZPolicyConfigSaveResult>;

export const ZUpdatePolicyConfig = z
  .object({ name: ZName.optional(), description: z.string().max(2000).optional(), archived: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined || v.archived !== undefined, {
    error: "give a new name, description, or archived: true|false",
  });
export type TUpdatePolicyConfig = z.infer<typeof ZUpdatePolicyConfig>;

export const ZLintPolicyConfigRequest = z.object({ yaml: z.string().max(POLICY_YAML_MAX_CHARS, "must be at most 256 KiB") });
export const ZLintPolicyConfigResponse = z.object({
  /** False when at least one issue is an error. */
  valid: z.boolean(),
  issues: z.array(ZLintIssue),
  config: ZNormalizedPolicyConfig.nullable(),
  contentHash: z.string().nullable(),
});
export type TLintPolicyConfigResponse = z.infer<typeof ZLintPolicyConfigResponse>;

export const ZListPolicyConfigVersionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d+$/, "must be the nextCursor of a previous page").optional(),
});
export const ZPolicyConfigVersionPage = z.object({ items: z.array(ZPolicyConfigVersionSummary), nextCursor: z.string().nullable() });

export const ZPolicyConfigDiffQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
/** Unified diffs (`diff -u` format) between two versions: of the YAML, and of the normalised model as JSON. */
export const ZPolicyConfigDiff = z.object({
  from: ZPolicyConfigVersionSummary,
  to: ZPolicyConfigVersionSummary,
  sourceDiff: z.string(),
  normalizedDiff: z.string(),
  /** Same content hash: the two versions mean the same to the gateway. */
  sameContent: z.boolean(),
});
export type TPolicyConfigDiff = z.infer<typeof ZPolicyConfigDiff>;

export const ZRollbackPolicyConfig = z.object({
  /** The version whose YAML becomes the new version in force. */
  toVersion: z.number().int().positive(),
  message: z.string().trim().max(2000).optional(),
});
export type TRollbackPolicyConfig = z.infer<typeof ZRollbackPolicyConfig>;
