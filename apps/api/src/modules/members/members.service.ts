import { Injectable } from "@nestjs/common";
import type { TCreateMember, TMember, TRole } from "@kt/contract";
import type { OrgDb, OrgTx } from "@kt/db";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { ApiTokensRepository } from "../api-tokens/api-tokens.repository";
import { AuditService } from "../audit/audit.service";
import { hashPassword } from "../auth/auth.service";
import { MembersRepository, type MemberRow } from "./members.repository";

const LAST_ADMIN = "The org must keep at least one admin; make another member admin first";

@Injectable()
export class MembersService {
  constructor(
    private readonly db: DbService,
    private readonly members: MembersRepository,
    private readonly apiTokens: ApiTokensRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: AuthContext): Promise<{ items: TMember[] }> {
    const db = this.db.forOrg(ctx.orgId);
    return { items: await this.present(db, await this.members.list(db)) };
  }

  async get(ctx: AuthContext, userId: string): Promise<TMember> {
    const db = this.db.forOrg(ctx.orgId);
    const row = await this.members.find(db, userId);
    if (!row) throw AppError.notFound("Member");
    return (await this.present(db, [row]))[0];
  }

  /** Adds a member with an initial password; an email that already has an account must be invited instead. */
  async create(ctx: AuthContext, input: TCreateMember): Promise<TMember> {
    const db = this.db.forOrg(ctx.orgId);
    if (await this.members.findUserByEmail(db, input.email)) {
      throw new AppError(
        "conflict",
        `${input.email} already has a kt account; invite them (POST /v1/invites) so they join with their own password`,
      );
    }
    const passwordHash = await hashPassword(input.password);
    const row = await db.$transaction(async (tx) => {
      const user = await this.members.createUser(tx, { email: input.email, name: input.name, passwordHash });
      const member = await this.members.create(tx, ctx.orgId, user.id, input.role);
      await this.audit.record(tx, ctx, {
        action: "member.add",
        resourceType: "member",
        resourceId: user.id,
        after: { email: user.email, name: user.name, role: input.role, via: "initial_password" },
      });
      return member;
    });
    return (await this.present(db, [row]))[0];
  }

  async changeRole(ctx: AuthContext, userId: string, role: TRole): Promise<TMember> {
    const db = this.db.forOrg(ctx.orgId);
    const row = await db.$transaction(async (tx) => {
      await this.members.lockOrg(tx, ctx.orgId);
      const before = await this.members.find(tx, userId);
      if (!before) throw AppError.notFound("Member");
      if (before.role === role) return before;
      if (before.role === "admin") await this.assertAnotherAdmin(tx);
      const after = await this.members.updateRole(tx, before.id, role);
      await this.audit.record(tx, ctx, {
        action: "member.role.change",
        resourceType: "member",
        resourceId: userId,
        before: { email: before.user.email, role: before.role },
        after: { email: before.user.email, role },
      });
      return after;
    });
    return (await this.present(db, [row]))[0];
  }

  /** Removes the member from the org and its teams, and revokes the API tokens they created. */
  async remove(ctx: AuthContext, userId: string): Promise<TMember> {
    const db = this.db.forOrg(ctx.orgId);
    return db.$transaction(async (tx) => {
      await this.members.lockOrg(tx, ctx.orgId);
      const before = await this.members.find(tx, userId);
      if (!before) throw AppError.notFound("Member");
      if (before.role === "admin") await this.assertAnotherAdmin(tx);
      const [presented] = await this.present(tx, [before]);
      await this.members.remove(tx, userId);
      const revoked = await this.apiTokens.revokeAllBy(tx, userId, new Date());
      await this.audit.record(tx, ctx, {
        action: "member.remove",
        resourceType: "member",
        resourceId: userId,
        before: { email: before.user.email, role: before.role, teamIds: presented.teamIds },
        after: { apiTokensRevoked: revoked.count },
      });
      return presented;
    });
  }

  private async assertAnotherAdmin(tx: OrgTx) {
    if ((await this.members.countAdmins(tx)) <= 1) throw new AppError("conflict", LAST_ADMIN);
  }

  private async present(db: OrgDb | OrgTx, rows: MemberRow[]): Promise<TMember[]> {
    const teams = await this.members.teamIds(
      db,
      rows.map((r) => r.userId),
    );
    return rows.map((r) => ({
      userId: r.userId,
      email: r.user.email,
      name: r.user.name,
      role: r.role,
      joinedAt: r.createdAt.toISOString(),
      teamIds: teams.filter((t) => t.userId === r.userId).map((t) => t.teamId),
    }));
  }
}
