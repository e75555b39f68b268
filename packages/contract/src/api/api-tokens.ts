import { z } from "zod";
import { ZIsoDate, ZName } from "../common";
import { ZRole } from "../roles";

export const API_TOKEN_PREFIX = "kt_api_";

export const API_TOKEN_STATUSES = ["active", "expired", "revoked"] as const;
export const ZApiTokenStatus = z.enum(API_TOKEN_STATUSES);
export type TApiTokenStatus = z.infer<typeof ZApiTokenStatus>;

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the secret (`kt_api_abc123`), to recognise it. */
  prefix: z.string(),
  /** What the token may do: its creator's role or a narrower one, and never more than the creator has now. */
  role: ZRole,
  status: ZApiTokenStatus,
  /** Null once the creator has left the org. */
  createdBy: z.object({ userId: z.string(), email: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZApiTokenList = z.object({ items: z.array(ZApiToken) });
export type TApiTokenList = z.infer<typeof ZApiTokenList>;

/** The create answer: `secret` (`kt_api_…`) is shown here once and stored only as a hash. */
export const ZApiTokenWithSecret = ZApiToken.extend({ secret: z.string().startsWith(API_TOKEN_PREFIX) });
export type TApiTokenWithSecret = z.infer<typeof ZApiTokenWithSecret>;

export const ZCreateApiToken = z.object({
  name: ZName,
  /** Defaults to the creator's role; may be narrower, never wider. */
  role: ZRole.optional(),
  /** Optional expiry; must be in the future. */
  expiresAt: ZIsoDate.nullable().optional(),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

export const ZListApiTokensQuery = z.object({
  /** `active` (default) hides revoked and expired tokens. */
  status: z.enum(["active", "all"]).default("active"),
});
export type TListApiTokensQuery = z.infer<typeof ZListApiTokensQuery>;
