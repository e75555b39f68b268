import { z } from "zod";
import { ZId, ZName } from "../common";

/** Derived from the last heartbeat: healthy under 30 s, stale under 120 s, down otherwise or never. */
export const GATEWAY_STATUSES = ["healthy", "stale", "down"] as const;
export const ZGatewayStatus = z.enum(GATEWAY_STATUSES);
export type TGatewayStatus = z.infer<typeof ZGatewayStatus>;
export const GATEWAY_HEALTHY_SECONDS = 30;
export const GATEWAY_STALE_SECONDS = 120;

/** Status of a gateway whose last heartbeat came at `lastHeartbeatAt` (null: never). */
export function gatewayStatus(lastHeartbeatAt: Date | null, now: Date): TGatewayStatus {
  if (!lastHeartbeatAt) return "down";
  const age = (now.getTime() - lastHeartbeatAt.getTime()) / 1000;
  if (age < GATEWAY_HEALTHY_SECONDS) return "healthy";
  if (age < GATEWAY_STALE_SECONDS) return "stale";
  return "down";
}

export const ZGatewayEnvironment = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "must be lower-case letters, digits, - or _ (e.g. production, staging)");

export const ZGateway = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  environment: z.string(),
  /** First characters of the credential, to recognise it; the credential itself is shown once. */
  credentialPrefix: z.string(),
  status: ZGatewayStatus,
  lastHeartbeatAt: z.string().nullable(),
  /** From the last heartbeat; null before the first one. */
  version: z.string().nullable(),
  uptimeSeconds: z.number().nullable(),
  requestsServed: z.number().int().nullable(),
  spoolDepth: z.number().int().nullable(),
  /** The config version the gateway reports in force. */
  configVersionInForce: z.number().int().nullable(),
  policyConfigId: z.string().nullable(),
  policyConfigName: z.string().nullable(),
  /** Current version of the assigned config: when it differs from configVersionInForce, a sync is pending. */
  assignedConfigVersion: z.number().int().nullable(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TGateway = z.infer<typeof ZGateway>;

export const ZGatewayList = z.object({ items: z.array(ZGateway) });
export type TGatewayList = z.infer<typeof ZGatewayList>;

/** Registration and credential rotation answer: the `kt_gw_…` credential is in here and nowhere else, ever. */
export const ZGatewayWithCredential = ZGateway.extend({ credential: z.string().startsWith("kt_gw_") });
export type TGatewayWithCredential = z.infer<typeof ZGatewayWithCredential>;

export const ZCreateGateway = z.object({
  name: ZName,
  /** The team it serves; null (admins only) for an org-wide gateway. */
  teamId: ZId.nullable().optional(),
  environment: ZGatewayEnvironment.default("production"),
  policyConfigId: ZId.nullable().optional(),
});
export type TCreateGateway = z.input<typeof ZCreateGateway>;

export const ZUpdateGateway = z
  .object({ name: ZName.optional(), environment: ZGatewayEnvironment.optional(), archived: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.environment !== undefined || v.archived !== undefined, {
    error: "give a new name, environment, or archived: true|false",
  });
export type TUpdateGateway = z.infer<typeof ZUpdateGateway>;

/** `PUT /v1/gateways/:id/policy-config`: null unassigns. */
export const ZAssignGatewayConfig = z.object({ policyConfigId: ZId.nullable() });
export type TAssignGatewayConfig = z.infer<typeof ZAssignGatewayConfig>;

export const ZListGatewaysQuery = z.object({
  teamId: ZId.optional(),
  status: ZGatewayStatus.optional(),
  archived: z.enum(["true", "false", "all"]).default("false"),
});
export type TListGatewaysQuery = z.infer<typeof ZListGatewaysQuery>;
