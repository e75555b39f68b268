import type { TRole } from "@kt/contract";

/** Who is calling, resolved once per request by the global AuthGuard. */
export type AuthContext = {
  orgId: string;
  role: TRole;
  via: "jwt" | "api_token";
  /** The signed-in user, or the creator of the API token. */
  userId: string;
  tokenId: string | null;
  /** What the audit log shows as the actor: an email, or `token <name> (<email>)`. */
  actorLabel: string;
  requestId: string;
  ip: string;
};
