import { z } from "zod";
import { hasControlCharacters, ZCursorQuery, ZTimeSpec } from "../common";
import { ZEventFilters } from "./events";

export const EXPORT_TYPES = ["events", "cost", "audit"] as const;
export const ZExportType = z.enum(EXPORT_TYPES);
export type TExportType = z.infer<typeof ZExportType>;

export const EXPORT_FORMATS = ["csv", "json", "ndjson"] as const;
export const ZExportFormat = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormat>;

/** queued → running → succeeded | failed | cancelled; a retry puts a running job back to queued. */
export const EXPORT_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export const ZExportStatus = z.enum(EXPORT_STATUSES);
export type TExportStatus = z.infer<typeof ZExportStatus>;

/** What a download answers with, per format. */
export const EXPORT_CONTENT_TYPES: Record<TExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/**
 * The event filters of `GET /v1/events` (lists, ids or names for gateway and team), for events and cost exports;
 * the time range is the export's own since/until. Unknown keys are refused.
 */
export const ZExportFilters = ZEventFilters.omit({ since: true, until: true }).strict();
export type TExportFilters = z.infer<typeof ZExportFilters>;
export type TExportFiltersInput = z.input<typeof ZExportFilters>;

const ZDescription = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .refine((v) => !hasControlCharacters(v), { error: "must not contain control characters" });

export const ZCreateExport = z
  .object({
    type: ZExportType,
    format: ZExportFormat.default("csv"),
    /** A duration back from now (`90d`) or an ISO 8601 time; resolved once, when the export is created. */
    since: ZTimeSpec.default("30d"),
    /** Defaults to the moment the export is created, so a retry writes exactly the same rows. */
    until: ZTimeSpec.optional(),
    description: ZDescription.default(""),
    filters: ZExportFilters.default({}),
  })
  .strict();
export type TCreateExport = z.input<typeof ZCreateExport>;

export const ZExportProgress = z.object({
  rowsWritten: z.number().int(),
  rowsEstimate: z.number().int().nullable(),
  /** 0-100, or null while the estimate is unknown. */
  percent: z.number().int().min(0).max(100).nullable(),
});

export const ZExport = z.object({
  id: z.string(),
  type: ZExportType,
  format: ZExportFormat,
  status: ZExportStatus,
  description: z.string(),
  since: z.string(),
  until: z.string(),
  filters: ZExportFilters,
  progress: ZExportProgress,
  rowCount: z.number().int().nullable(),
  sizeBytes: z.number().int().nullable(),
  /** Hex SHA-256 of the file's bytes. */
  checksumSha256: z.string().nullable(),
  fileName: z.string().nullable(),
  /** Why the job failed, or why its last attempt did while it waits for a retry. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The file was removed after the retention period. */
  expired: z.boolean(),
});
export type TExport = z.infer<typeof ZExport>;

export const ZExportList = z.object({ items: z.array(ZExport), nextCursor: z.string().nullable() });
export type TExportList = z.infer<typeof ZExportList>;

export const ZListExportsQuery = ZCursorQuery.extend({
  status: ZExportStatus.optional(),
  type: ZExportType.optional(),
});
export type TListExportsQuery = z.infer<typeof ZListExportsQuery>;

/** Whether an export has reached a state it never leaves. */
export function isExportFinished(status: TExportStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "cancelled";
}
