import { Injectable } from "@nestjs/common";
import { parseTimeSpec, type TAuditEntry, type TAuditLogPage, type TAuditLogQuery, type TAuditVerifyResult } from "@kt/contract";
import { z } from "zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { entryHash, GENESIS_HASH, type ChainedFields } from "../audit/audit-chain";
import { AuditLogRepository, type AuditLogFilter } from "./audit-log.repository";

type EntryRow = Awaited<ReturnType<AuditLogRepository["page"]>>[number];

const VERIFY_CHUNK = 1000;
const isUuid = (v: string) => z.uuid().safeParse(v).success;

@Injectable()
export class AuditLogService {
  constructor(
    private readonly db: DbService,
    private readonly entries: AuditLogRepository,
  ) {}

  async list(ctx: AuthContext, q: TAuditLogQuery): Promise<TAuditLogPage> {
    const now = new Date();
    const since = q.since ? parseTimeSpec(q.since, now)! : undefined;
    const until = q.until ? parseTimeSpec(q.until, now)! : undefined;
    if (since && until && since >= until) throw new AppError("bad_request", "`since` must be earlier than `until`");
    const filter: AuditLogFilter = {
      actorId: q.actor && isUuid(q.actor) ? q.actor : undefined,
      actorLabelContains: q.actor && !isUuid(q.actor) ? q.actor : undefined,
      action: q.action && !q.action.endsWith(".*") ? q.action : undefined,
      actionPrefix: q.action?.endsWith(".*") ? q.action.slice(0, -1) : undefined,
      resourceType: q.resourceType,
      resourceId: q.resourceId,
      since,
      until,
      beforeSeq: q.cursor ? Number(q.cursor) : undefined,
    };
    const rows = await this.entries.page(this.db.forOrg(ctx.orgId), filter, q.limit + 1);
    const items = rows.slice(0, q.limit).map(toEntry);
    const more = rows.length > q.limit;
    return { items, nextCursor: more ? String(items[items.length - 1].seq) : null };
  }

  /** Recomputes the org's chain from its first entry; stops at the first entry that does not check out. */
  async verify(ctx: AuthContext): Promise<TAuditVerifyResult> {
    const db = this.db.forOrg(ctx.orgId);
    let prevHash = GENESIS_HASH;
    let prevSeq = 0;
    let checked = 0;
    for (;;) {
      const rows = await this.entries.chunk(db, prevSeq, VERIFY_CHUNK);
      for (const row of rows) {
        const broken = checkEntry(row, prevSeq, prevHash);
        if (broken) return { ok: false, checked, headHash: null, firstBroken: { id: row.id, seq: row.seq, ...broken } };
        prevHash = row.hash;
        prevSeq = row.seq;
        checked += 1;
      }
      if (rows.length < VERIFY_CHUNK) break;
    }
    return { ok: true, checked, headHash: checked > 0 ? prevHash : null, firstBroken: null };
  }
}

function checkEntry(row: EntryRow, prevSeq: number, prevHash: string): Pick<NonNullable<TAuditVerifyResult["firstBroken"]>, "reason" | "message"> | null {
  if (row.seq !== prevSeq + 1) {
    return { reason: "seq_gap", message: `Entry #${row.seq} follows #${prevSeq}: entries between them are missing` };
  }
  if (row.prevHash !== prevHash) {
    return { reason: "prev_hash_mismatch", message: `Entry #${row.seq} does not point at the hash of entry #${prevSeq}: an entry was removed, inserted or rewritten` };
  }
  const fields: ChainedFields = {
    orgId: row.orgId,
    seq: row.seq,
    actorType: row.actorType,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
    ip: row.ip,
    createdAt: row.createdAt,
    prevHash: row.prevHash,
  };
  if (entryHash(fields) !== row.hash) {
    return { reason: "hash_mismatch", message: `Entry #${row.seq} was changed after it was written: its content no longer matches its hash` };
  }
  return null;
}

function toEntry(r: EntryRow): TAuditEntry {
  return {
    id: r.id,
    seq: r.seq,
    actorType: r.actorType,
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId,
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
    prevHash: r.prevHash,
    hash: r.hash,
  };
}
