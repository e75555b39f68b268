import { parse } from "csv-parse/sync";
import type { ExportColumn } from "../worker/sources/export-source";

/** Undoes the formula guard, as a person reading the cell would (the leading quote is not data). */
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function typed(value: string, column: ExportColumn): unknown {
  if (value === "") return null;
  switch (column.kind) {
    case "text":
    case "time":
      return unguard(value);
    case "decimal":
    case "float":
    case "integer":
      return Number(value);
    case "bool":
      return value === "true";
    case "json":
      return JSON.parse(unguard(value));
  }
}

/** Parses an export CSV (RFC 4180, header row) with csv-parse and types each cell by its column. */
export function parseExportCsv(text: string, columns: ExportColumn[]): Record<string, unknown>[] {
  const records: string[][] = parse(text, { relax_column_count: false });
  const [header, ...rows] = records;
  if (header.join(",") !== columns.map((c) => c.name).join(",")) throw new Error(`unexpected header: ${header.join(",")}`);
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, typed(r[i], c)])));
}
