import { ZExportFilters, ZExportFormat, ZExportType, type TExportFilters, type TExportFormat, type TExportType } from "@kt/contract";
import { z } from "zod";

/** What an export row's `filters` column holds: the resolved time range plus the event filters. */
export const ZStoredFilters = ZExportFilters.extend({ since: z.iso.datetime(), until: z.iso.datetime() });
export type TStoredFilters = z.infer<typeof ZStoredFilters>;

export type ExportJobSpec = { type: TExportType; format: TExportFormat; since: Date; until: Date; filters: TExportFilters };

/** Reads a stored export row's type, format and filters; throws a ZodError when the row is corrupt. */
export function readSpec(row: { type: string; format: string; filters: unknown }): ExportJobSpec {
  const { since, until, ...filters } = ZStoredFilters.parse(row.filters);
  return { type: ZExportType.parse(row.type), format: ZExportFormat.parse(row.format), since: new Date(since), until: new Date(until), filters };
}

/** Where the file is kept: one folder per org. */
export function storageKey(row: { orgId: string; id: string; format: string }): string {
  return `${row.orgId}/${row.id}.${row.format}`;
}

/** What a download is called: `kt-events-2026-11-23-1a2b3c4d.csv`. */
export function downloadName(row: { id: string; type: string; format: string; createdAt: Date }): string {
  return `kt-${row.type}-${row.createdAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.${row.format}`;
}
