import { Injectable } from "@nestjs/common";
import { isRoleWithin } from "@kt/contract";
import { DbService } from "../db/db.module";
import { sha256 } from "../crypto";
import { AppError } from "../errors/app-error";
import type { AuthContext } from "./auth-context";

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves `kt_api_…` tokens: stored as SHA-256, revocable, optionally expiring. */
@Injectable()
export class ApiTokenAuthenticator {
  constructor(private readonly db: DbService) {}

  async authenticate(secret: string, meta: { requestId: string; ip: string }): Promise<AuthContext> {
    const token = await this.db.system.apiToken.findUnique({ where: { secretHash: sha256(secret) } });
    const now = new Date();
    if (!token || token.revokedAt) throw new AppError("unauthenticated", "API token is invalid or revoked");
    if (token.expiresAt && token.expiresAt <= now)
      throw new AppError("unauthenticated", "API token has expired");

    const creator = await this.db.system.membership.findUnique({
      where: { orgId_userId: { orgId: token.orgId, userId: token.createdById } },
      include: { user: { select: { email: true } } },
    });
    if (!creator)
      throw new AppError("unauthenticated", "API token's creator is no longer a member of the org");

    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.db.system.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    }
    // A token never grants more than its creator currently has.
    const role = isRoleWithin(token.role, creator.role) ? token.role : creator.role;
    return {
      orgId: token.orgId,
      role,
      via: "api_token",
      userId: token.createdById,
      tokenId: token.id,
      actorLabel: `token ${token.name} (${creator.user.email})`,
      requestId: meta.requestId,
      ip: meta.ip,
    };
  }
}
