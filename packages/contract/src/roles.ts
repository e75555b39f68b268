import { z } from "zod";

/**
 * admin: the IT director, everything in the org. manager: their teams' gateways, keys and data.
 * finance: reads usage and cost, creates and downloads exports. viewer: read-only.
 */
export const ROLES = ["admin", "manager", "finance", "viewer"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** How much a role may do; a token may carry its creator's role or a narrower one. */
const ROLE_RANK: Record<TRole, number> = { viewer: 0, finance: 1, manager: 2, admin: 3 };

/** Whether `narrower` grants no more than `role` (finance and manager are not comparable). */
export function isRoleWithin(narrower: TRole, role: TRole): boolean {
  if (narrower === role || role === "admin" || narrower === "viewer") return true;
  return ROLE_RANK[narrower] < ROLE_RANK[role] && !(narrower === "finance" && role === "manager");
}
