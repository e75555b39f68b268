import { Injectable } from "@nestjs/common";
import type { OrgDb } from "@kt/db";

export type AuditLogFilter = {
  actorId?: string;
  actorLabelContains?: string;
  action?: string;
  actionPrefix?: string;
  resourceType?: string;
  resourceId?: string;
  since?: Date;
  until?: Date;
  beforeSeq?: number;
};

/** Reads of the append-only audit log; writes go through AuditService only. */
@Injectable()
export class AuditLogRepository {
  page(db: OrgDb, f: AuditLogFilter, take: number) {
    return db.auditEntry.findMany({
      where: {
        actorId: f.actorId,
        actorLabel: f.actorLabelContains ? { contains: f.actorLabelContains, mode: "insensitive" } : undefined,
        action: f.action ?? (f.actionPrefix ? { startsWith: f.actionPrefix } : undefined),
        resourceType: f.resourceType,
        resourceId: f.resourceId,
        createdAt: f.since || f.until ? { gte: f.since, lt: f.until } : undefined,
        seq: f.beforeSeq ? { lt: f.beforeSeq } : undefined,
      },
      orderBy: { seq: "desc" },
      take,
    });
  }

  /** Entries in chain order, `take` at a time after `afterSeq`. */
  chunk(db: OrgDb, afterSeq: number, take: number) {
    return db.auditEntry.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take });
  }
}
