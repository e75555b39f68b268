import { Injectable } from "@nestjs/common";
import type { TRole } from "@kt/contract";
import type { Db, OrgDb, OrgTx } from "@kt/db";

export type InviteRow = NonNullable<Awaited<ReturnType<InvitesRepository["find"]>>>;

/** The only place invites touch Prisma. Only the token lookup is org-agnostic: the token names the org. */
@Injectable()
export class InvitesRepository {
  list(db: OrgDb) {
    return db.invite.findMany({ orderBy: { createdAt: "desc" } });
  }

  find(db: OrgDb | OrgTx, id: string) {
    return db.invite.findFirst({ where: { id } });
  }

  findPending(db: OrgDb | OrgTx, email: string, now: Date) {
    return db.invite.findFirst({ where: { email, acceptedAt: null, expiresAt: { gt: now } } });
  }

  /** Across orgs on purpose: whoever holds the token is told which org invited them. */
  findByTokenHash(system: Db, tokenHash: string) {
    return system.invite.findUnique({ where: { tokenHash } });
  }

  org(system: Db, orgId: string) {
    return system.org.findUniqueOrThrow({
      where: { id: orgId },
      select: { id: true, name: true, slug: true },
    });
  }

  isMember(db: OrgDb | OrgTx, email: string) {
    return db.membership.findFirst({ where: { user: { email } }, select: { id: true } });
  }

  create(
    tx: OrgTx,
    data: {
      orgId: string;
      email: string;
      name: string;
      role: TRole;
      tokenHash: string;
      expiresAt: Date;
      createdById: string;
    },
  ) {
    return tx.invite.create({ data });
  }

  delete(tx: OrgTx, id: string) {
    return tx.invite.deleteMany({ where: { id, acceptedAt: null } });
  }

  /** Marks the invite used; 0 rows when another request got there first. */
  markAccepted(tx: OrgTx, id: string, at: Date) {
    return tx.invite.updateMany({
      where: { id, acceptedAt: null, expiresAt: { gt: at } },
      data: { acceptedAt: at },
    });
  }
}
