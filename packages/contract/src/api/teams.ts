import { z } from "zod";
import { ZId, ZName } from "../common";
import { ZRole } from "../roles";

export const ZTeamMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  addedAt: z.string(),
});
export type TTeamMember = z.infer<typeof ZTeamMember>;

export const ZTeam = z.object({
  id: z.string(),
  name: z.string(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  memberCount: z.number().int(),
});
export type TTeam = z.infer<typeof ZTeam>;

export const ZTeamDetail = ZTeam.extend({ members: z.array(ZTeamMember) });
export type TTeamDetail = z.infer<typeof ZTeamDetail>;

export const ZTeamList = z.object({ items: z.array(ZTeam) });

export const ZCreateTeam = z.object({ name: ZName });
export type TCreateTeam = z.infer<typeof ZCreateTeam>;

export const ZUpdateTeam = z
  .object({ name: ZName.optional(), archived: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.archived !== undefined, { error: "give a new name or archived: true|false" });
export type TUpdateTeam = z.infer<typeof ZUpdateTeam>;

export const ZAddTeamMember = z.object({ userId: ZId });
export type TAddTeamMember = z.infer<typeof ZAddTeamMember>;

export const ZListTeamsQuery = z.object({
  archived: z.enum(["true", "false", "all"]).default("false"),
});
