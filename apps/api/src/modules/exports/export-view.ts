import type { TExport } from "@kt/contract";
import { ZExportFilters, ZExportFormat, ZExportStatus, ZExportType } from "@kt/contract";
import { ZStoredFilters } from "./export-spec";
import type { ExportRow } from "./exports.repository";

/** An export row as the API shows it. */
export function toExport(row: ExportRow, now = new Date()): TExport {
  // A row whose stored settings do not parse (the worker fails it) is still shown, with what can be read.
  const stored = ZStoredFilters.safeParse(row.filters);
  const { since, until, gatewayIds: _g, teamIds: _t, ...filters } = stored.success ? stored.data : { since: "", until: "", gatewayIds: [], teamIds: [] };
  const estimate = row.rowsEstimate;
  const percent = row.status === "succeeded" ? 100 : estimate ? Math.min(99, Math.floor((row.rowsWritten * 100) / estimate)) : null;
  return {
    id: row.id,
    type: ZExportType.parse(row.type),
    format: ZExportFormat.parse(row.format),
    status: ZExportStatus.parse(row.status),
    description: row.description,
    since,
    until,
    filters: ZExportFilters.parse(filters),
    progress: { rowsWritten: row.rowsWritten, rowsEstimate: estimate, percent },
    rowCount: row.rowCount,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    checksumSha256: row.checksum,
    fileName: row.fileName,
    error: row.error,
    attempts: row.attempts,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.status === "succeeded" && (row.storageKey === null || (row.expiresAt !== null && row.expiresAt <= now)),
  };
}

/** Keyset cursor over (createdAt, id), newest first. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? "")) return null;
  return { createdAt, id };
}
