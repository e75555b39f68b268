import { z } from "zod";
import { ZId, ZIsoDate, ZName } from "../common";

export const GATEWAY_KEY_STATUSES = ["active", "expired", "revoked"] as const;
export const ZGatewayKeyStatus = z.enum(GATEWAY_KEY_STATUSES);
export type TGatewayKeyStatus = z.infer<typeof ZGatewayKeyStatus>;

/** Longest grace period for a rotated key's old secret. */
export const GATEWAY_KEY_MAX_GRACE_SECONDS = 30 * 86400;

export const ZGatewayKey = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the secret (`kt_gk_abc123`), to recognise it. */
  prefix: z.string(),
  teamId: z.string(),
  teamName: z.string().nullable(),
  gatewayId: z.string(),
  gatewayName: z.string().nullable(),
  status: ZGatewayKeyStatus,
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Set by the API when it ingests an event sent with this key. */
  lastUsedAt: z.string().nullable(),
  /** After a rotation: the old secret keeps working until this instant. */
  previousSecretExpiresAt: z.string().nullable(),
  createdById: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TGatewayKey = z.infer<typeof ZGatewayKey>;

export const ZGatewayKeyList = z.object({ items: z.array(ZGatewayKey) });
export type TGatewayKeyList = z.infer<typeof ZGatewayKeyList>;

/** Issue and rotate answer: `secret` (`kt_gk_…`) is shown here once and stored only as a hash. */
export const ZGatewayKeyWithSecret = ZGatewayKey.extend({ secret: z.string().startsWith("kt_gk_") });
export type TGatewayKeyWithSecret = z.infer<typeof ZGatewayKeyWithSecret>;

export const ZCreateGatewayKey = z.object({
  name: ZName,
  teamId: ZId,
  gatewayId: ZId,
  /** Optional expiry; must be in the future. */
  expiresAt: ZIsoDate.nullable().optional(),
});
export type TCreateGatewayKey = z.infer<typeof ZCreateGatewayKey>;

export const ZRotateGatewayKey = z.object({
  /** How long the old secret keeps working, in seconds (0: stops at once). */
  gracePeriodSeconds: z.number().int().min(0).max(GATEWAY_KEY_MAX_GRACE_SECONDS).default(86400),
});
export type TRotateGatewayKey = z.input<typeof ZRotateGatewayKey>;

export const ZListGatewayKeysQuery = z.object({
  teamId: ZId.optional(),
  gatewayId: ZId.optional(),
  status: ZGatewayKeyStatus.optional(),
});
export type TListGatewayKeysQuery = z.infer<typeof ZListGatewayKeysQuery>;
