import { Injectable } from "@nestjs/common";
import type { OrgDb, OrgTx } from "@kt/db";

const withMembers = {
  members: { orderBy: { createdAt: "asc" as const } },
  _count: { select: { members: true } },
};

/** The only place teams touch Prisma; every method works on an org-scoped client. */
@Injectable()
export class TeamsRepository {
  list(db: OrgDb, archived: "true" | "false" | "all") {
    const where = archived === "all" ? {} : archived === "true" ? { archivedAt: { not: null } } : { archivedAt: null };
    return db.team.findMany({ where, orderBy: { name: "asc" }, include: { _count: { select: { members: true } } } });
  }

  find(db: OrgDb | OrgTx, id: string) {
    return db.team.findFirst({ where: { id }, include: withMembers });
  }

  findByName(db: OrgDb | OrgTx, name: string) {
    return db.team.findFirst({ where: { name } });
  }

  create(tx: OrgTx, orgId: string, name: string) {
    return tx.team.create({ data: { orgId, name }, include: withMembers });
  }

  update(tx: OrgTx, id: string, data: { name?: string; archivedAt?: Date | null }) {
    return tx.team.update({ where: { id }, data, include: withMembers });
  }

  addMember(tx: OrgTx, orgId: string, teamId: string, userId: string) {
    return tx.teamMember.create({ data: { orgId, teamId, userId } });
  }

  removeMember(tx: OrgTx, teamId: string, userId: string) {
    return tx.teamMember.deleteMany({ where: { teamId, userId } });
  }

  membership(db: OrgDb | OrgTx, userId: string) {
    return db.membership.findFirst({ where: { userId }, include: { user: true } });
  }

  members(db: OrgDb | OrgTx, userIds: string[]) {
    return db.membership.findMany({ where: { userId: { in: userIds } }, include: { user: true } });
  }
}
