import { Injectable } from "@nestjs/common";
import type { TRole } from "@kt/contract";
import type { OrgDb, OrgTx } from "@kt/db";

export type ApiTokenRow = NonNullable<Awaited<ReturnType<ApiTokensRepository["find"]>>>;

/** The only place API tokens touch Prisma; every method works on an org-scoped client. */
@Injectable()
export class ApiTokensRepository {
  /** `createdById` limits the answer to one member's tokens; `activeAt` hides revoked and expired ones. */
  list(db: OrgDb, filter: { createdById?: string; activeAt?: Date }) {
    const active = filter.activeAt
      ? { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: filter.activeAt } }] }
      : {};
    return db.apiToken.findMany({
      where: { ...(filter.createdById ? { createdById: filter.createdById } : {}), ...active },
      orderBy: { createdAt: "desc" },
    });
  }

  find(db: OrgDb | OrgTx, id: string, createdById?: string) {
    return db.apiToken.findFirst({ where: { id, ...(createdById ? { createdById } : {}) } });
  }

  create(
    tx: OrgTx,
    data: {
      orgId: string;
      name: string;
      prefix: string;
      secretHash: string;
      role: TRole;
      createdById: string;
      expiresAt: Date | null;
    },
  ) {
    return tx.apiToken.create({ data });
  }

  revoke(tx: OrgTx, id: string, at: Date) {
    return tx.apiToken.update({ where: { id }, data: { revokedAt: at } });
  }

  /** When a member leaves, their tokens stop for good (they must not revive if the person rejoins). */
  revokeAllBy(tx: OrgTx, createdById: string, at: Date) {
    return tx.apiToken.updateMany({ where: { createdById, revokedAt: null }, data: { revokedAt: at } });
  }

  creators(db: OrgDb, userIds: string[]) {
    return db.membership.findMany({
      where: { userId: { in: userIds } },
      select: { userId: true, user: { select: { email: true, name: true } } },
    });
  }
}
