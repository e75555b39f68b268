import type { TExportFormat } from "@kt/contract";
import type { ColumnKind, ExportColumn, ExportSource, ExportSpec } from "./export-source";

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

function ident(name: string) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad export column name ${name}`);
  return `t."${name}"`;
}

/** Every value leaves PostgreSQL as text already in its export form: the worker parses nothing. */
function asText(column: ExportColumn): string {
  const col = ident(column.name);
  const byKind: Record<ColumnKind, string> = {
    text: col,
    // numeric's text form never uses an exponent and always a dot.
    decimal: `trim_scale((${col})::numeric)::text`,
    float: `(${col})::text`,
    integer: `(${col})::text`,
    time: `to_char(${col} AT TIME ZONE 'UTC', ${ISO_UTC})`,
    bool: `(${col})::text`,
    json: `(${col})::text`,
  };
  return byKind[column.kind];
}

function asJson(column: ExportColumn): string {
  const col = ident(column.name);
  const byKind: Record<ColumnKind, string> = {
    text: col,
    decimal: `trim_scale((${col})::numeric)`,
    float: col,
    integer: col,
    time: `to_char(${col} AT TIME ZONE 'UTC', ${ISO_UTC})`,
    bool: col,
    json: col,
  };
  return byKind[column.kind];
}

/**
 * The statement that streams an export: CSV gets one text value per column, JSON formats one JSON
 * object (built by PostgreSQL) per row.
 */
export function exportQuery(source: ExportSource, spec: ExportSpec, format: TExportFormat): { text: string; values: unknown[] } {
  const { sql, params } = source.base(spec);
  const order = source.orderBy.map(ident).join(", ");
  const select =
    format === "csv"
      ? source.columns.map((c) => `${asText(c)} AS "${c.name}"`).join(", ")
      : `json_build_object(${source.columns.map((c) => `'${c.name}', ${asJson(c)}`).join(", ")})::text AS row`;
  return { text: `SELECT ${select} FROM (${sql}) t ORDER BY ${order}`, values: params };
}

export function countQuery(source: ExportSource, spec: ExportSpec): { text: string; values: unknown[] } {
  const { sql, params } = source.base(spec);
  return { text: `SELECT count(*)::int AS n FROM (${sql}) t`, values: params };
}
