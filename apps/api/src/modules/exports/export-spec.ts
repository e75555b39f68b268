import { ZExportFilters, ZExportFormat, ZExportType, type TExportFilters, type TExportFormat, type TExportType } from "@kt/contract";
import { z } from "zod";

/**
 * What an export row's `filters` column holds: the resolved time range, the event filters as given, and the
 * gateway and team ids they resolved to when the export was created (a manager's are narrowed to their teams;
 * an empty list matches nothing), so every run of the job reads exactly the same rows.
 */
export const ZStoredFilters = ZExportFilters.extend({
  since: z.iso.datetime(),
  until: z.iso.datetime(),
  gatewayIds: z.array(z.string()).optional(),
  teamIds: z.array(z.string()).optional(),
});
export type TStoredFilters = z.infer<typeof ZStoredFilters>;

export type ExportJobSpec = {
  type: TExportType;
  format: TExportFormat;
  since: Date;
  until: Date;
  filters: TExportFilters;
  gatewayIds?: string[];
  teamIds?: string[];
};

/** Reads a stored export row's type, format and filters; throws a ZodError when the row is corrupt. */
export function readSpec(row: { type: string; format: string; filters: unknown }): ExportJobSpec {
  const { since, until, gatewayIds, teamIds, ...filters } = ZStoredFilters.parse(row.filters);
  return { type: ZExportType.parse(row.type), format: ZExportFormat.parse(row.format), since: new Date(since), until: new Date(until), filters, gatewayIds, teamIds };
}

/** Where the file is kept: one folder per org. */
export function storageKey(row: { orgId: string; id: string; format: string }): string {
  return `${row.orgId}/${row.id}.${row.format}`;
}

/** What a download is called: `kt-events-2026-11-23-1a2b3c4d.csv`. */
export function downloadName(row: { id: string; type: string; format: string; createdAt: Date }): string {
  return `kt-${row.type}-${row.createdAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.${row.format}`;
}
