import { z } from "zod";
import { ZId } from "../common";
import type { TPolicyType } from "../policy/model";

export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export const ZPriority = z.enum(PRIORITIES);
export type TPriority = z.infer<typeof ZPriority>;

/** Minutes from raising to the SLA due time, per priority (P1: 30 minutes, as the guides promise). */
export const ESCALATION_SLA_MINUTES: Record<TPriority, number> = {
  P1: 30,
  P2: 4 * 60,
  P3: 24 * 60,
  P4: 72 * 60,
};

/** Priority of an escalation when the policy decision names none (`details.priority`). */
export const ESCALATION_DEFAULT_PRIORITY: Record<TPolicyType, TPriority> = {
  "prompt-injection": "P1",
  "dlp-filter": "P1",
  "pii-detector": "P2",
  "content-filter": "P2",
  cost_limit: "P2",
  "quality-scorer": "P3",
  "model-allowlist": "P3",
  "audit-logger": "P4",
};

export const ESCALATION_STATUSES = ["open", "approved", "rejected"] as const;
export const ZEscalationStatus = z.enum(ESCALATION_STATUSES);

export const ZEscalationComment = z.object({
  id: z.string(),
  authorId: z.string().nullable(),
  authorLabel: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type TEscalationComment = z.infer<typeof ZEscalationComment>;

export const ZEscalation = z.object({
  id: z.string(),
  eventId: z.string(),
  teamId: z.string().nullable(),
  gatewayId: z.string().nullable(),
  policy: z.string(),
  reason: z.string(),
  priority: ZPriority,
  status: ZEscalationStatus,
  createdAt: z.string(),
  dueAt: z.string(),
  /** Open and past its due time. */
  overdue: z.boolean(),
  assigneeId: z.string().nullable(),
  resolvedById: z.string().nullable(),
  resolutionReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  commentCount: z.number().int(),
});
export type TEscalation = z.infer<typeof ZEscalation>;

export const ZEscalationDetail = ZEscalation.extend({ comments: z.array(ZEscalationComment) });
export type TEscalationDetail = z.infer<typeof ZEscalationDetail>;

const ZBoolString = z.enum(["true", "false"]).transform((v) => v === "true");

/** `GET /v1/escalations`: oldest due first. */
export const ZEscalationListQuery = z.object({
  status: z.enum([...ESCALATION_STATUSES, "all"]).default("open"),
  priority: z
    .string()
    .transform((v) => v.split(",").map((s) => s.trim().toUpperCase()))
    .pipe(z.array(ZPriority))
    .optional(),
  team: ZId.optional(),
  assignee: z.union([ZId, z.literal("me"), z.literal("none")]).optional(),
  overdue: ZBoolString.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export type TEscalationListQuery = z.infer<typeof ZEscalationListQuery>;

export const ZEscalationPage = z.object({ items: z.array(ZEscalation), nextCursor: z.string().nullable() });

/** `POST /v1/escalations/:id/assign`: a member of the org, or null to unassign. */
export const ZAssignEscalation = z.object({ assigneeId: ZId.nullable() });
export type TAssignEscalation = z.infer<typeof ZAssignEscalation>;

export const ZCommentOnEscalation = z.object({
  body: z.string().trim().min(1, "must not be empty").max(4000),
});
export type TCommentOnEscalation = z.infer<typeof ZCommentOnEscalation>;

/** `POST /v1/escalations/:id/resolve`: approve (the flagged use was fine) or reject it, with a reason. */
export const ZResolveEscalation = z.object({
  decision: z.enum(["approve", "reject"]),
  reason: z.string().trim().min(1, "give a reason").max(2000),
});
export type TResolveEscalation = z.infer<typeof ZResolveEscalation>;
