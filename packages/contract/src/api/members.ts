import { z } from "zod";
import { ZName } from "../common";
import { ZRole } from "../roles";
import { ZEmail, ZOrgSummary, ZPassword, ZUserSummary } from "./auth";

export const ZMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  joinedAt: z.string(),
  teamIds: z.array(z.string()),
});
export type TMember = z.infer<typeof ZMember>;

export const ZMemberList = z.object({ items: z.array(ZMember) });
export type TMemberList = z.infer<typeof ZMemberList>;

/** An admin adds a member with an initial password (they can change it later). */
export const ZCreateMember = z.object({ email: ZEmail, name: ZName, role: ZRole, password: ZPassword });
export type TCreateMember = z.infer<typeof ZCreateMember>;

export const ZUpdateMember = z.object({ role: ZRole });
export type TUpdateMember = z.infer<typeof ZUpdateMember>;

export const INVITE_TOKEN_PREFIX = "kt_inv_";
export const INVITE_MAX_HOURS = 30 * 24;

export const ZInviteStatus = z.enum(["pending", "accepted", "expired"]);
export type TInviteStatus = z.infer<typeof ZInviteStatus>;

export const ZInvite = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  status: ZInviteStatus,
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  createdById: z.string(),
  createdAt: z.string(),
});
export type TInvite = z.infer<typeof ZInvite>;

export const ZInviteList = z.object({ items: z.array(ZInvite) });
export type TInviteList = z.infer<typeof ZInviteList>;

export const ZCreateInvite = z.object({
  email: ZEmail,
  name: ZName,
  role: ZRole,
  /** How long the link works; 72 hours unless given. */
  expiresInHours: z.number().int().min(1).max(INVITE_MAX_HOURS).default(72),
});
export type TCreateInvite = z.input<typeof ZCreateInvite>;

/**
 * The create answer. `token` (`kt_inv_…`) is shown once and stored only as a hash; `acceptUrl` is the
 * Console's accept page with the token in the fragment, which browsers never send to a server.
 */
export const ZCreatedInvite = z.object({
  invite: ZInvite,
  token: z.string().startsWith(INVITE_TOKEN_PREFIX),
  acceptUrl: z.string(),
});
export type TCreatedInvite = z.infer<typeof ZCreatedInvite>;

/** The token travels in bodies, never in URLs, so it stays out of access logs. */
export const ZInviteToken = z.object({ token: z.string().trim().min(1, "is required").max(200) });
export type TInviteToken = z.infer<typeof ZInviteToken>;

/** What the accept page shows before the invitee sets a password. */
export const ZInvitePreview = z.object({
  org: ZOrgSummary,
  email: z.string(),
  name: z.string(),
  role: ZRole,
  expiresAt: z.string(),
  /** The email already has a kt account: accepting asks for its current password instead of a new one. */
  existingAccount: z.boolean(),
});
export type TInvitePreview = z.infer<typeof ZInvitePreview>;

export const ZAcceptInvite = ZInviteToken.extend({
  /** A new password, or the current one when the email already has an account. */
  password: ZPassword,
  /** Overrides the name the admin typed (new accounts only). */
  name: ZName.optional(),
});
export type TAcceptInvite = z.infer<typeof ZAcceptInvite>;

/** After accepting, the invitee signs in with POST /v1/auth/login (orgId picks this org). */
export const ZAcceptedInvite = z.object({ user: ZUserSummary, org: ZOrgSummary, role: ZRole });
export type TAcceptedInvite = z.infer<typeof ZAcceptedInvite>;
