import { Injectable } from "@nestjs/common";
import type { Db, OrgDb, Prisma } from "@kt/db";

/** The only place notifications touch the database. */
@Injectable()
export class NotificationsRepository {
  create(
    db: Db,
    n: { orgId: string; kind: string; title: string; body: string; data: Prisma.InputJsonValue },
  ) {
    return db.notification.create({ data: n });
  }

  list(
    db: OrgDb,
    where: Prisma.NotificationWhereInput,
    take: number,
    after: { createdAt: Date; id: string } | null,
  ) {
    const page: Prisma.NotificationWhereInput = after
      ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
      : {};
    return db.notification.findMany({
      where: { AND: [where, page] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
    });
  }

  unreadCount(db: OrgDb) {
    return db.notification.count({ where: { readAt: null } });
  }

  markRead(db: OrgDb, ids: string[] | null) {
    return db.notification.updateMany({
      where: { readAt: null, ...(ids ? { id: { in: ids } } : {}) },
      data: { readAt: new Date() },
    });
  }

  find(db: OrgDb, id: string) {
    return db.notification.findFirst({ where: { id } });
  }
}
