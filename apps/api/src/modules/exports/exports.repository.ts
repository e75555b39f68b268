import { Injectable } from "@nestjs/common";
import type { TExportStatus } from "@kt/contract";
import type { Db, OrgDb, OrgTx } from "@kt/db";

export type ExportRow = NonNullable<Awaited<ReturnType<ExportsRepository["find"]>>>;

export type NewExport = {
  type: string;
  format: string;
  description: string;
  filters: object;
  createdById: string;
};

export type ExportResult = { rowCount: number; sizeBytes: number; checksum: string; storageKey: string; fileName: string; expiresAt: Date };

const LIVE: TExportStatus[] = ["queued", "running"];

/**
 * The only place export jobs touch Prisma; every method but the sweep's works on an org-scoped client.
 * Writes by a running job are fenced by `attempts`: a run that was superseded (its worker presumed dead and
 * the job started again) updates nothing.
 */
@Injectable()
export class ExportsRepository {
  create(tx: OrgTx, orgId: string, data: NewExport) {
    return tx.exportJob.create({ data: { ...data, orgId, status: "queued" } });
  }

  find(db: OrgDb | OrgTx, id: string) {
    return db.exportJob.findFirst({ where: { id } });
  }

  list(db: OrgDb, query: { status?: TExportStatus; types: string[]; limit: number; after?: { createdAt: Date; id: string }; createdById?: string }) {
    const after = query.after;
    return db.exportJob.findMany({
      where: {
        type: { in: query.types },
        ...(query.createdById ? { createdById: query.createdById } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
    });
  }

  /** Starts a run: queued or running (a dead worker's) → running, from scratch. Null when it is finished or gone. */
  async claim(db: OrgDb, id: string) {
    const [row] = await db.exportJob.updateManyAndReturn({
      where: { id, status: { in: LIVE } },
      data: { status: "running", attempts: { increment: 1 }, rowsWritten: 0, startedAt: new Date(), error: null },
    });
    return row ?? null;
  }

  async progress(db: OrgDb, id: string, fence: number, data: { rowsWritten: number; rowsEstimate?: number }) {
    const { count } = await db.exportJob.updateMany({ where: { id, attempts: fence, status: "running" }, data });
    return count === 1;
  }

  async succeed(db: OrgDb, id: string, fence: number, result: ExportResult) {
    const { count } = await db.exportJob.updateMany({
      where: { id, attempts: fence, status: "running" },
      data: { ...result, status: "succeeded", rowsWritten: result.rowCount, error: null, finishedAt: new Date() },
    });
    return count === 1;
  }

  /** Back to queued after a failed attempt, with the reason shown until the retry starts. */
  async requeue(db: OrgDb, id: string, fence: number, error: string) {
    await db.exportJob.updateMany({ where: { id, attempts: fence, status: "running" }, data: { status: "queued", error } });
  }

  /** Ends the job as failed unless it has already finished. */
  /** Ends a queued or running job as cancelled; a running worker sees it at its next progress fence and stops. */
  async cancel(tx: OrgTx, id: string, reason: string): Promise<boolean> {
    const { count } = await tx.exportJob.updateMany({ where: { id, status: { in: LIVE } }, data: { status: "cancelled", error: reason, finishedAt: new Date() } });
    return count === 1;
  }

  async fail(db: OrgDb, id: string, error: string) {
    const { count } = await db.exportJob.updateMany({ where: { id, status: { in: LIVE } }, data: { status: "failed", error, finishedAt: new Date() } });
    return count === 1;
  }

  /** Succeeded exports past their retention whose file is still stored, across all orgs (the sweep's view). */
  expiredAcrossOrgs(system: Db, now: Date, limit: number) {
    return system.exportJob.findMany({
      where: { status: "succeeded", expiresAt: { lte: now }, storageKey: { not: null } },
      select: { id: true, orgId: true, storageKey: true },
      orderBy: { expiresAt: "asc" },
      take: limit,
    });
  }

  /** Exports still queued (not started since) before `before`, across all orgs: candidates for a lost queue entry. */
  queuedAcrossOrgs(system: Db, before: Date, limit: number) {
    return system.exportJob.findMany({
      where: { status: "queued", createdAt: { lt: before }, OR: [{ startedAt: null }, { startedAt: { lt: before } }] },
      select: { id: true, orgId: true },
      orderBy: { createdAt: "asc" },
      take: limit,
    });
  }

  async markExpired(db: OrgDb, id: string) {
    await db.exportJob.updateMany({ where: { id }, data: { storageKey: null } });
  }
}
