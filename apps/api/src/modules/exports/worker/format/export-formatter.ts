import type { TExportFormat } from "@kt/contract";
import { stringify } from "csv-stringify";
import { Transform, type TransformCallback } from "node:stream";
import type { ExportColumn } from "../sources/export-source";
import { NEUTRALISED, neutraliseFormula } from "./formula";
import { TextBatcher } from "./text-batcher";

/** Rows (arrays of text from PostgreSQL) in, file bytes out, through `streams` in order; counts the rows written. */
export type ExportFormatter = { streams: [Transform, TextBatcher]; rows: () => number };

/** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
function csvFormatter(columns: ExportColumn[]): ExportFormatter {
  const guarded = new Set(columns.flatMap((c, i) => (c.kind === "text" || c.kind === "json" ? [i] : [])));
  let rows = 0;
  const stream = stringify({
    header: true,
    columns: columns.map((c) => c.name),
    record_delimiter: "windows",
    // Text pieces go to the batcher as they are, not one Buffer per row.
    readableObjectMode: true,
    quoted_match: NEUTRALISED,
    cast: {
      string: (value, context) => (context.header || !guarded.has(context.index) ? value : neutraliseFormula(value)),
    },
  });
  stream.on("record", () => rows++);
  return { streams: [stream, new TextBatcher()], rows: () => rows };
}

/** A JSON array (`json`) or one object per line (`ndjson`); each row arrives as PostgreSQL-built JSON text. */
class JsonFormatter extends Transform {
  count = 0;

  constructor(private readonly lines: boolean) {
    super({ objectMode: true });
  }

  override _transform(row: [string], _encoding: BufferEncoding, done: TransformCallback) {
    const lead = this.lines ? "" : this.count === 0 ? "[\n" : ",\n";
    this.count++;
    done(null, this.lines ? `${row[0]}\n` : `${lead}${row[0]}`);
  }

  override _flush(done: TransformCallback) {
    if (this.lines) return done();
    done(null, this.count === 0 ? "[]\n" : "\n]\n");
  }
}

export function exportFormatter(format: TExportFormat, columns: ExportColumn[]): ExportFormatter {
  switch (format) {
    case "csv":
      return csvFormatter(columns);
    case "json":
    case "ndjson": {
      const stream = new JsonFormatter(format === "ndjson");
      return { streams: [stream, new TextBatcher()], rows: () => stream.count };
    }
  }
}
