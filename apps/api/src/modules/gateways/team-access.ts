import { Injectable } from "@nestjs/common";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { GatewaysRepository } from "./gateways.repository";

/**
 * Managers act on their own teams' gateways, keys and configs only (team membership); admins on all; the
 * read-only roles see everything their permissions allow. A manager asking for another team's resource gets 404.
 */
@Injectable()
export class TeamAccess {
  constructor(
    private readonly db: DbService,
    private readonly repo: GatewaysRepository,
  ) {}

  /** Null: every team. Otherwise the ids of the caller's teams. */
  async visibleTeamIds(ctx: AuthContext): Promise<string[] | null> {
    if (ctx.role !== "manager") return null;
    return this.repo.teamIdsOf(this.db.forOrg(ctx.orgId), ctx.userId);
  }

  /** Whether the caller sees a resource owned by `teamId` (null: org-wide, which managers do not manage). */
  canSee(visible: string[] | null, teamId: string | null): boolean {
    return visible === null || (teamId !== null && visible.includes(teamId));
  }

  /** Refuses (403) a manager acting for a team they are not in, or org-wide (teamId null). */
  async assertMayManage(ctx: AuthContext, teamId: string | null | undefined): Promise<void> {
    if (ctx.role !== "manager") return;
    if (!teamId) throw AppError.forbidden("Managers act for one of their own teams only: give a teamId (org-wide resources are for admins)");
    const visible = await this.visibleTeamIds(ctx);
    if (!visible!.includes(teamId)) throw AppError.forbidden("You are not a member of that team; managers act for their own teams only");
  }

  /** The team (not archived) in the caller's org, or 404. */
  async requireTeam(ctx: AuthContext, teamId: string): Promise<{ id: string; name: string }> {
    const [team] = await this.repo.teams(this.db.forOrg(ctx.orgId), [teamId]);
    if (!team) throw AppError.notFound("Team");
    if (team.archivedAt) throw new AppError("conflict", `Team "${team.name}" is archived`);
    return team;
  }
}
