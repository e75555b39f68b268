import { Injectable } from "@nestjs/common";
import {
  API_TOKEN_PREFIX,
  isRoleWithin,
  type TApiToken,
  type TApiTokenWithSecret,
  type TCreateApiToken,
  type TListApiTokensQuery,
} from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import { newSecret } from "../../common/crypto";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { ApiTokensRepository, type ApiTokenRow } from "./api-tokens.repository";

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly db: DbService,
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: AuthContext, query: TListApiTokensQuery): Promise<{ items: TApiToken[] }> {
    const db = this.db.forOrg(ctx.orgId);
    const rows = await this.tokens.list(db, {
      createdById: ownerFilter(ctx),
      activeAt: query.status === "active" ? new Date() : undefined,
    });
    return { items: await this.present(ctx, rows) };
  }

  async get(ctx: AuthContext, id: string): Promise<TApiToken> {
    const row = await this.tokens.find(this.db.forOrg(ctx.orgId), id, ownerFilter(ctx));
    if (!row) throw AppError.notFound("API token");
    return (await this.present(ctx, [row]))[0];
  }

  async create(ctx: AuthContext, input: TCreateApiToken): Promise<TApiTokenWithSecret> {
    const role = input.role ?? ctx.role;
    if (!isRoleWithin(role, ctx.role)) {
      throw AppError.forbidden(
        `A token cannot carry more than your own role: you are ${ctx.role}, the token asks for ${role}`,
      );
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= new Date()) {
      throw new AppError("validation_failed", "Invalid request: request.expiresAt must be in the future", {
        issues: [{ path: "request.expiresAt", message: "must be in the future" }],
      });
    }
    const { secret, displayPrefix, hash } = newSecret(API_TOKEN_PREFIX);
    const row = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const created = await this.tokens.create(tx, {
        orgId: ctx.orgId,
        name: input.name,
        prefix: displayPrefix,
        secretHash: hash,
        role,
        createdById: ctx.userId,
        expiresAt,
      });
      await this.audit.record(tx, ctx, {
        action: "api_token.create",
        resourceType: "api_token",
        resourceId: created.id,
        after: { name: created.name, prefix: created.prefix, role, expiresAt },
      });
      return created;
    });
    return { ...(await this.present(ctx, [row]))[0], secret };
  }

  /** Idempotent: revoking a revoked token answers it unchanged. */
  async revoke(ctx: AuthContext, id: string): Promise<TApiToken> {
    const row = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = await this.tokens.find(tx, id, ownerFilter(ctx));
      if (!before) throw AppError.notFound("API token");
      if (before.revokedAt) return before;
      const after = await this.tokens.revoke(tx, id, new Date());
      await this.audit.record(tx, ctx, {
        action: "api_token.revoke",
        resourceType: "api_token",
        resourceId: id,
        before: { name: before.name, prefix: before.prefix, revokedAt: null },
        after: { revokedAt: after.revokedAt },
      });
      return after;
    });
    return (await this.present(ctx, [row]))[0];
  }

  private async present(ctx: AuthContext, rows: ApiTokenRow[]): Promise<TApiToken[]> {
    const creators = await this.tokens.creators(this.db.forOrg(ctx.orgId), [
      ...new Set(rows.map((r) => r.createdById)),
    ]);
    const byId = new Map(creators.map((c) => [c.userId, c.user]));
    const now = new Date();
    return rows.map((r) => {
      const creator = byId.get(r.createdById);
      return {
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        role: r.role,
        status: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= now ? "expired" : "active",
        createdBy: creator ? { userId: r.createdById, email: creator.email, name: creator.name } : null,
        createdAt: r.createdAt.toISOString(),
        lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
        expiresAt: r.expiresAt?.toISOString() ?? null,
        revokedAt: r.revokedAt?.toISOString() ?? null,
      };
    });
  }
}

/** Admins see and revoke every token of the org; everyone else only their own. */
function ownerFilter(ctx: AuthContext): string | undefined {
  return ctx.role === "admin" ? undefined : ctx.userId;
}
