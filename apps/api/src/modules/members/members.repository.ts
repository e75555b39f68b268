import { Injectable } from "@nestjs/common";
import type { TRole } from "@kt/contract";
import type { OrgDb, OrgTx } from "@kt/db";

const withUser = { user: { select: { id: true, email: true, name: true } } };

export type MemberRow = NonNullable<Awaited<ReturnType<MembersRepository["find"]>>>;

/** The only place members touch Prisma; every method works on an org-scoped client. */
@Injectable()
export class MembersRepository {
  list(db: OrgDb) {
    return db.membership.findMany({ orderBy: { createdAt: "asc" }, include: withUser });
  }

  find(db: OrgDb | OrgTx, userId: string) {
    return db.membership.findFirst({ where: { userId }, include: withUser });
  }

  teamIds(db: OrgDb | OrgTx, userIds: string[]) {
    return db.teamMember.findMany({
      where: { userId: { in: userIds } },
      select: { userId: true, teamId: true },
      orderBy: { createdAt: "asc" },
    });
  }

  findUserByEmail(db: OrgDb | OrgTx, email: string) {
    return db.user.findUnique({ where: { email } });
  }

  createUser(tx: OrgTx, data: { email: string; name: string; passwordHash: string }) {
    return tx.user.create({ data });
  }

  setPassword(tx: OrgTx, userId: string, passwordHash: string) {
    return tx.user.update({ where: { id: userId }, data: { passwordHash } });
  }

  create(tx: OrgTx, orgId: string, userId: string, role: TRole) {
    return tx.membership.create({ data: { orgId, userId, role }, include: withUser });
  }

  updateRole(tx: OrgTx, membershipId: string, role: TRole) {
    return tx.membership.update({ where: { id: membershipId }, data: { role }, include: withUser });
  }

  /** Removes the membership and the member's place in every team of the org. */
  async remove(tx: OrgTx, userId: string) {
    await tx.teamMember.deleteMany({ where: { userId } });
    return tx.membership.deleteMany({ where: { userId } });
  }

  /**
   * Serialises membership changes within one org, so two concurrent demotions cannot both see
   * "another admin remains" and leave the org without one.
   */
  async lockOrg(tx: OrgTx, orgId: string) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`members:${orgId}`}, 0))`;
  }

  countAdmins(tx: OrgTx) {
    return tx.membership.count({ where: { role: "admin" } });
  }

  org(db: OrgDb | OrgTx, orgId: string) {
    return db.org.findUniqueOrThrow({ where: { id: orgId }, select: { id: true, name: true, slug: true } });
  }
}
