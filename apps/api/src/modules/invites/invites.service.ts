import { Inject, Injectable } from "@nestjs/common";
import {
  INVITE_TOKEN_PREFIX,
  type TAcceptedInvite,
  type TAcceptInvite,
  type TCreatedInvite,
  type TCreateInvite,
  type TInvite,
  type TInvitePreview,
} from "@kt/contract";
import * as argon2 from "argon2";
import { ENV, type TEnv } from "../../config/env";
import type { AuthContext } from "../../common/auth/auth-context";
import { newSecret, sha256 } from "../../common/crypto";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import type { RequestMeta } from "../../common/http/request-meta";
import { AuditService } from "../audit/audit.service";
import { hashPassword } from "../auth/auth.service";
import { MembersRepository } from "../members/members.repository";
import { InvitesRepository, type InviteRow } from "./invites.repository";

const HOUR_MS = 3600_000;

@Injectable()
export class InvitesService {
  constructor(
    @Inject(ENV) private readonly env: TEnv,
    private readonly db: DbService,
    private readonly invites: InvitesRepository,
    private readonly members: MembersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: AuthContext): Promise<{ items: TInvite[] }> {
    const rows = await this.invites.list(this.db.forOrg(ctx.orgId));
    return { items: rows.map(toInvite) };
  }

  async create(ctx: AuthContext, input: TCreateInvite): Promise<TCreatedInvite> {
    const { secret, hash } = newSecret(INVITE_TOKEN_PREFIX);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + (input.expiresInHours ?? 72) * HOUR_MS);
    const row = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (await this.invites.isMember(tx, input.email))
        throw new AppError("conflict", `${input.email} is already a member of this org`);
      if (await this.invites.findPending(tx, input.email, now)) {
        throw new AppError(
          "conflict",
          `${input.email} already has a pending invite; revoke it (DELETE /v1/invites/:id) to send a new one`,
        );
      }
      const created = await this.invites.create(tx, {
        orgId: ctx.orgId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: hash,
        expiresAt,
        createdById: ctx.userId,
      });
      await this.audit.record(tx, ctx, {
        action: "invite.create",
        resourceType: "invite",
        resourceId: created.id,
        after: { email: created.email, role: created.role, expiresAt },
      });
      return created;
    });
    // The token rides in the fragment: browsers do not send it to the Console's server or its logs.
    return {
      invite: toInvite(row),
      token: secret,
      acceptUrl: `${this.env.CONSOLE_URL.replace(/\/+$/, "")}/accept-invite#token=${secret}`,
    };
  }

  /** Withdraws a pending invite; its link stops working at once. */
  async revoke(ctx: AuthContext, id: string): Promise<TInvite> {
    return this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const invite = await this.invites.find(tx, id);
      if (!invite) throw AppError.notFound("Invite");
      if (invite.acceptedAt)
        throw new AppError("conflict", "This invite was already accepted; remove the member instead");
      await this.invites.delete(tx, id);
      await this.audit.record(tx, ctx, {
        action: "invite.revoke",
        resourceType: "invite",
        resourceId: id,
        before: { email: invite.email, role: invite.role },
      });
      return toInvite(invite);
    });
  }

  async preview(token: string): Promise<TInvitePreview> {
    const invite = await this.usable(token);
    const [org, user] = await Promise.all([
      this.invites.org(this.db.system, invite.orgId),
      this.members.findUserByEmail(this.db.forOrg(invite.orgId), invite.email),
    ]);
    return {
      org,
      email: invite.email,
      name: invite.name,
      role: invite.role,
      expiresAt: invite.expiresAt.toISOString(),
      existingAccount: !!user?.passwordHash,
    };
  }

  /**
   * Joins the org the invite names. A new account gets the password given; an existing account proves
   * itself with its current password, so holding a link never lets anyone take an account over.
   */
  async accept(input: TAcceptInvite, meta: RequestMeta): Promise<TAcceptedInvite> {
    const invite = await this.usable(input.token);
    const db = this.db.forOrg(invite.orgId);
    const existing = await this.members.findUserByEmail(db, invite.email);
    if (existing?.passwordHash && !(await argon2.verify(existing.passwordHash, input.password))) {
      throw new AppError(
        "unauthenticated",
        `${invite.email} already has a kt account: enter its current password to join`,
      );
    }
    const passwordHash = existing?.passwordHash ? null : await hashPassword(input.password);

    const user = await db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await this.invites.markAccepted(tx, invite.id, now);
      if (count === 0)
        throw new AppError(
          "conflict",
          "This invite was just used or has expired; ask an admin for a new one",
        );
      let user =
        existing ??
        (await this.members.createUser(tx, {
          email: invite.email,
          name: input.name ?? invite.name,
          passwordHash: passwordHash!,
        }));
      if (existing && passwordHash) user = await this.members.setPassword(tx, existing.id, passwordHash);
      if (await this.members.find(tx, user.id))
        throw new AppError("conflict", `${invite.email} is already a member of this org`);
      await this.members.create(tx, invite.orgId, user.id, invite.role);
      await this.audit.record(
        tx,
        { orgId: invite.orgId, userId: user.id, actorLabel: user.email, via: "jwt", ...meta },
        {
          action: "invite.accept",
          resourceType: "member",
          resourceId: user.id,
          after: { email: user.email, role: invite.role, inviteId: invite.id },
        },
      );
      return user;
    });
    const org = await this.invites.org(this.db.system, invite.orgId);
    return { user: { id: user.id, email: user.email, name: user.name }, org, role: invite.role };
  }

  private async usable(token: string): Promise<InviteRow> {
    const invite = await this.invites.findByTokenHash(this.db.system, sha256(token));
    if (!invite)
      throw new AppError(
        "not_found",
        "This invite link is not valid; it may have been revoked. Ask an admin for a new one",
      );
    if (invite.acceptedAt)
      throw new AppError("conflict", "This invite was already accepted; sign in instead");
    if (invite.expiresAt <= new Date()) {
      throw new AppError(
        "bad_request",
        `This invite expired at ${invite.expiresAt.toISOString()}; ask an admin for a new one`,
      );
    }
    return invite;
  }
}

function toInvite(r: InviteRow): TInvite {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    status: r.acceptedAt ? "accepted" : r.expiresAt <= new Date() ? "expired" : "pending",
    expiresAt: r.expiresAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
  };
}
