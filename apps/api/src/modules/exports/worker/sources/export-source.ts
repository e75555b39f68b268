import type { TExportFilters } from "@kt/contract";

/**
 * How a column is written: times as ISO 8601 UTC, numbers with dot decimals (`decimal` without trailing zeros,
 * `float` in its shortest exact form), JSON values as JSON text in CSV, text guarded against formulas.
 */
export type ColumnKind = "text" | "decimal" | "float" | "integer" | "time" | "bool" | "json";
export type ExportColumn = { name: string; kind: ColumnKind };

/** What one export reads: the org, the resolved time range, the event filters and the ids they resolved to. */
export type ExportSpec = { orgId: string; since: Date; until: Date; filters: TExportFilters; gatewayIds?: string[]; teamIds?: string[] };

/**
 * One export type's rows. `base` is a query whose output columns carry the column names; `$1` is always
 * the org id and every table it reads is filtered by it.
 */
export type ExportSource = {
  columns: ExportColumn[];
  base: (spec: ExportSpec) => { sql: string; params: unknown[] };
  /** Columns giving a total order, so every run writes the rows in the same order. */
  orderBy: string[];
};
