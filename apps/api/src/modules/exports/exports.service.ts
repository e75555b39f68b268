import { Inject, Injectable } from "@nestjs/common";
import { can, parseTimeSpec, type TExport, type TExportList, type TExportType, type TPermission } from "@kt/contract";
import { EXPORT_CONTENT_TYPES, ZCreateExport, type TListExportsQuery } from "@kt/contract";
import type { Readable } from "node:stream";
import type { z } from "zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { EventScopeService } from "../events/event-scope.service";
import { readSpec, type TStoredFilters } from "./export-spec";
import { decodeCursor, encodeCursor, toExport } from "./export-view";
import { ExportsQueue } from "./exports.queue";
import { ExportsRepository, type ExportRow } from "./exports.repository";
import { EXPORT_STORE, ExportFileMissingError, type ExportStore } from "./store/export-store";

/** Reading an export's file needs the permission to read its data. */
const READ_PERMISSION: Record<TExportType, TPermission> = { events: "events:read", cost: "costs:read", audit: "audit:read" };

export type ExportDownload = { stream: Readable; fileName: string; contentType: string; sizeBytes: number; checksumSha256: string };

@Injectable()
export class ExportsService {
  constructor(
    private readonly db: DbService,
    private readonly exports: ExportsRepository,
    private readonly audit: AuditService,
    private readonly queue: ExportsQueue,
    private readonly eventScope: EventScopeService,
    @Inject(EXPORT_STORE) private readonly store: ExportStore,
  ) {}

  async create(ctx: AuthContext, input: z.output<typeof ZCreateExport>): Promise<TExport> {
    if (!can(ctx.role, READ_PERMISSION[input.type])) {
      throw AppError.forbidden(`Your role (${ctx.role}) cannot export ${input.type === "audit" ? "the audit log" : input.type}`);
    }
    if (input.type === "audit" && Object.keys(input.filters).length) {
      throw invalid("body.filters", "audit exports take no event filters; use since and until");
    }
    const now = new Date();
    const since = parseTimeSpec(input.since, now)!;
    const until = input.until ? parseTimeSpec(input.until, now)! : now;
    if (since >= until) throw invalid("body.since", `must be before until (${until.toISOString()})`);

    const filters: TStoredFilters = { ...input.filters, since: since.toISOString(), until: until.toISOString() };
    if (input.type !== "audit") {
      // Names to ids, and a manager's view narrowed to their teams, exactly as GET /v1/events resolves them.
      const resolved = await this.eventScope.resolve(ctx, { ...input.filters, since: filters.since, until: filters.until }, now);
      if (resolved.gatewayIds) filters.gatewayIds = resolved.gatewayIds;
      if (resolved.teamIds) filters.teamIds = resolved.teamIds;
    }
    const row = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const created = await this.exports.create(tx, ctx.orgId, { type: input.type, format: input.format, description: input.description, filters, createdById: ctx.userId });
      await this.audit.record(tx, ctx, {
        action: "export.create",
        resourceType: "export",
        resourceId: created.id,
        after: { type: input.type, format: input.format, description: input.description, filters },
      });
      return created;
    });
    try {
      await this.queue.enqueue({ orgId: ctx.orgId, exportId: row.id });
    } catch (error) {
      const reason = `could not be queued: ${(error as Error).message}`;
      await this.exports.fail(this.db.forOrg(ctx.orgId), row.id, reason);
      throw new AppError("unavailable", `The job queue (Redis) is unavailable, so the export was not started (${reason}); try again shortly`);
    }
    return toExport(row);
  }

  async list(ctx: AuthContext, query: TListExportsQuery): Promise<TExportList> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after === null) throw invalid("query.cursor", "must be the nextCursor of a previous page");
    const types = this.readableTypes(ctx).filter((t) => !query.type || t === query.type);
    const rows = await this.exports.list(this.db.forOrg(ctx.orgId), { status: query.status, types, limit: query.limit, after, createdById: this.ownOnly(ctx) });
    const page = rows.slice(0, query.limit);
    return { items: page.map((r) => toExport(r)), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null };
  }

  async get(ctx: AuthContext, id: string): Promise<TExport> {
    return toExport(await this.find(ctx, id));
  }

  /**
   * Stops a queued or running export: the worker aborts at its next progress check (a quarter second) and deletes
   * its partial file. Only its creator or an admin may cancel it.
   */
  async cancel(ctx: AuthContext, id: string): Promise<TExport> {
    const row = await this.find(ctx, id);
    if (ctx.role !== "admin" && row.createdById !== ctx.userId) throw AppError.forbidden("Only the export's creator or an admin can cancel it");
    const cancelled = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (!(await this.exports.cancel(tx, id, `cancelled by ${ctx.actorLabel}`))) return null;
      await this.audit.record(tx, ctx, { action: "export.cancel", resourceType: "export", resourceId: id, before: { status: row.status } });
      return this.exports.find(tx, id);
    });
    if (!cancelled) {
      const now = await this.find(ctx, id);
      throw new AppError("conflict", `Export ${id} already ${now.status}; only a queued or running export can be cancelled`);
    }
    await this.queue.discard(id);
    return toExport(cancelled);
  }

  /** The finished file, streamed; the download is audited. */
  async download(ctx: AuthContext, id: string): Promise<ExportDownload> {
    const row = await this.find(ctx, id);
    if (row.status !== "succeeded") {
      throw new AppError("conflict", `Export ${id} is ${row.status}${row.error ? ` (${row.error})` : ""}; it can be downloaded once it has succeeded`);
    }
    const gone = () => AppError.notFound(`Export file (it expired on ${row.expiresAt?.toISOString()}; create a new export)`);
    if (!row.storageKey || (row.expiresAt && row.expiresAt <= new Date())) throw gone();
    let stream: Readable;
    try {
      stream = await this.store.open(row.storageKey);
    } catch (error) {
      if (error instanceof ExportFileMissingError) throw gone();
      throw error;
    }
    await this.db.forOrg(ctx.orgId).$transaction((tx) =>
      this.audit.record(tx, ctx, { action: "export.download", resourceType: "export", resourceId: row.id, after: { fileName: row.fileName, checksumSha256: row.checksum } }),
    );
    const { format } = readSpec(row);
    return { stream, fileName: row.fileName!, contentType: EXPORT_CONTENT_TYPES[format], sizeBytes: Number(row.sizeBytes), checksumSha256: row.checksum! };
  }

  /** Another org's export, or one whose data the caller may not read, is "not found" exactly like a missing one. */
  private async find(ctx: AuthContext, id: string): Promise<ExportRow> {
    const row = await this.exports.find(this.db.forOrg(ctx.orgId), id);
    const own = this.ownOnly(ctx);
    if (!row || !this.readableTypes(ctx).includes(row.type as TExportType) || (own && row.createdById !== own)) throw AppError.notFound("Export");
    return row;
  }

  /** Managers see their teams' data only, so they see only the exports they made (which are narrowed to those teams). */
  private ownOnly(ctx: AuthContext): string | undefined {
    return ctx.role === "manager" ? ctx.userId : undefined;
  }

  private readableTypes(ctx: AuthContext): TExportType[] {
    return (Object.keys(READ_PERMISSION) as TExportType[]).filter((t) => can(ctx.role, READ_PERMISSION[t]));
  }
}

function invalid(path: string, message: string) {
  return new AppError("validation_failed", `Invalid request: ${path} ${message}`, { issues: [{ path, message }] });
}
