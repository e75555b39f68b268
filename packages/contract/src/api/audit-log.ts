import { z } from "zod";
import { ZTimeSpec } from "../common";

export const ZAuditEntry = z.object({
  id: z.string(),
  /** Position in the org's chain, from 1. */
  seq: z.number().int().positive(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  /** Hash of the previous entry of the org (64 zeros for the first). */
  prevHash: z.string(),
  hash: z.string(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditLogQuery = z.object({
  /** A user id, or text matched against the actor label (an email, `token <name> (<email>)`). */
  actor: z.string().trim().min(1).max(200).optional(),
  /** An exact action (`policy_config.version.create`) or a prefix ending in `.*` (`policy_config.*`). */
  action: z.string().trim().regex(/^[a-z_.]+(\.\*)?$/, "must be an action such as gateway.create or a prefix such as gateway.*").optional(),
  resourceType: z.string().trim().min(1).max(80).optional(),
  resourceId: z.string().trim().min(1).max(200).optional(),
  since: ZTimeSpec.optional(),
  until: ZTimeSpec.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().regex(/^\d+$/, "must be the nextCursor of a previous page").optional(),
});
export type TAuditLogQuery = z.infer<typeof ZAuditLogQuery>;

/** Newest first; `nextCursor` continues with older entries. */
export const ZAuditLogPage = z.object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() });
export type TAuditLogPage = z.infer<typeof ZAuditLogPage>;

export const AUDIT_BREAK_REASONS = ["hash_mismatch", "prev_hash_mismatch", "seq_gap"] as const;

/** `GET /v1/audit-log/verify`: the org's chain recomputed from the first entry. */
export const ZAuditVerifyResult = z.object({
  ok: z.boolean(),
  /** Entries checked (all of them when ok). */
  checked: z.number().int().nonnegative(),
  /** Hash of the last entry: publish it elsewhere to detect a rewrite of the whole chain. */
  headHash: z.string().nullable(),
  firstBroken: z
    .object({
      id: z.string(),
      seq: z.number().int(),
      reason: z.enum(AUDIT_BREAK_REASONS),
      message: z.string(),
    })
    .nullable(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;
