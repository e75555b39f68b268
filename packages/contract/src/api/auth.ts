import { z } from "zod";
import { ZName } from "../common";
import { ZRole } from "../roles";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be an email address" }));

export const ZPassword = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(256, "must be at most 256 characters");

export const ZSignupRequest = z.object({
  orgName: ZName,
  name: ZName,
  email: ZEmail,
  password: ZPassword,
});
export type TSignupRequest = z.infer<typeof ZSignupRequest>;

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: z.string().min(1, "is required").max(256),
  /** Which org to sign in to when the user belongs to several; the oldest membership otherwise. */
  orgId: z.uuid().optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZUserSummary = z.object({ id: z.string(), email: z.string(), name: z.string() });
export const ZOrgSummary = z.object({ id: z.string(), name: z.string(), slug: z.string() });

export const ZSession = z.object({
  token: z.string().describe("JWT to send as Authorization: Bearer"),
  expiresAt: z.string(),
  user: ZUserSummary,
  org: ZOrgSummary,
  role: ZRole,
});
export type TSession = z.infer<typeof ZSession>;

export const ZMe = z.object({
  user: ZUserSummary,
  org: ZOrgSummary,
  role: ZRole,
  /** How the caller authenticated: a user's JWT or an API token. */
  via: z.enum(["jwt", "api_token"]),
  teamIds: z.array(z.string()),
});
export type TMe = z.infer<typeof ZMe>;
