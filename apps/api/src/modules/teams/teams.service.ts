import { Injectable } from "@nestjs/common";
import type { TTeam, TTeamDetail, TUpdateTeam } from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { TeamsRepository } from "./teams.repository";

type TeamRow = NonNullable<Awaited<ReturnType<TeamsRepository["find"]>>>;

@Injectable()
export class TeamsService {
  constructor(
    private readonly db: DbService,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: AuthContext, archived: "true" | "false" | "all"): Promise<{ items: TTeam[] }> {
    const rows = await this.teams.list(this.db.forOrg(ctx.orgId), archived);
    return { items: rows.map((t) => toTeam(t, t._count.members)) };
  }

  async get(ctx: AuthContext, id: string): Promise<TTeamDetail> {
    const db = this.db.forOrg(ctx.orgId);
    const team = await this.teams.find(db, id);
    if (!team) throw AppError.notFound("Team");
    return this.detail(ctx, team);
  }

  async create(ctx: AuthContext, name: string): Promise<TTeamDetail> {
    const team = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (await this.teams.findByName(tx, name)) throw new AppError("conflict", `A team named "${name}" already exists`);
      const created = await this.teams.create(tx, ctx.orgId, name);
      await this.audit.record(tx, ctx, { action: "team.create", resourceType: "team", resourceId: created.id, after: { name } });
      return created;
    });
    return this.detail(ctx, team);
  }

  async update(ctx: AuthContext, id: string, input: TUpdateTeam): Promise<TTeamDetail> {
    const team = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = await this.teams.find(tx, id);
      if (!before) throw AppError.notFound("Team");
      if (input.name && input.name !== before.name && (await this.teams.findByName(tx, input.name))) {
        throw new AppError("conflict", `A team named "${input.name}" already exists`);
      }
      const archivedAt = input.archived === undefined ? undefined : input.archived ? (before.archivedAt ?? new Date()) : null;
      const after = await this.teams.update(tx, id, { name: input.name, archivedAt });
      await this.audit.record(tx, ctx, {
        action: input.archived === true ? "team.archive" : input.archived === false ? "team.unarchive" : "team.rename",
        resourceType: "team",
        resourceId: id,
        before: { name: before.name, archivedAt: before.archivedAt },
        after: { name: after.name, archivedAt: after.archivedAt },
      });
      return after;
    });
    return this.detail(ctx, team);
  }

  async addMember(ctx: AuthContext, teamId: string, userId: string): Promise<TTeamDetail> {
    const team = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const team = await this.teams.find(tx, teamId);
      if (!team) throw AppError.notFound("Team");
      if (!(await this.teams.membership(tx, userId))) throw AppError.notFound("Member");
      if (team.members.some((m) => m.userId === userId)) throw new AppError("conflict", "That member is already in the team");
      await this.teams.addMember(tx, ctx.orgId, teamId, userId);
      await this.audit.record(tx, ctx, { action: "team.member.add", resourceType: "team", resourceId: teamId, after: { userId } });
      return (await this.teams.find(tx, teamId))!;
    });
    return this.detail(ctx, team);
  }

  async removeMember(ctx: AuthContext, teamId: string, userId: string): Promise<TTeamDetail> {
    const team = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (!(await this.teams.find(tx, teamId))) throw AppError.notFound("Team");
      const { count } = await this.teams.removeMember(tx, teamId, userId);
      if (count === 0) throw AppError.notFound("Team member");
      await this.audit.record(tx, ctx, { action: "team.member.remove", resourceType: "team", resourceId: teamId, before: { userId } });
      return (await this.teams.find(tx, teamId))!;
    });
    return this.detail(ctx, team);
  }

  private async detail(ctx: AuthContext, team: TeamRow): Promise<TTeamDetail> {
    const memberships = await this.teams.members(this.db.forOrg(ctx.orgId), team.members.map((m) => m.userId));
    const byUser = new Map(memberships.map((m) => [m.userId, m]));
    return {
      ...toTeam(team, team._count.members),
      members: team.members.flatMap((m) => {
        const ms = byUser.get(m.userId);
        return ms ? [{ userId: m.userId, email: ms.user.email, name: ms.user.name, role: ms.role, addedAt: m.createdAt.toISOString() }] : [];
      }),
    };
  }
}

function toTeam(t: { id: string; name: string; archivedAt: Date | null; createdAt: Date }, memberCount: number): TTeam {
  return {
    id: t.id,
    name: t.name,
    archived: t.archivedAt !== null,
    archivedAt: t.archivedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    memberCount,
  };
}
