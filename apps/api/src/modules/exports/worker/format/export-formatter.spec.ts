import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import type { ExportColumn } from "../sources/export-source";
import { exportFormatter } from "./export-formatter";
import { neutraliseFormula } from "./formula";

const columns: ExportColumn[] = [
  { name: "name", kind: "text" },
  { name: "amount", kind: "decimal" },
  { name: "meta", kind: "json" },
];

async function format(fmt: "csv" | "json" | "ndjson", rows: unknown[][]) {
  const formatter = exportFormatter(fmt, columns);
  const [encode, batch] = formatter.streams;
  const out = await text(Readable.from(rows).pipe(encode).pipe(batch));
  return { out, rows: formatter.rows() };
}

describe("neutraliseFormula", () => {
  it("prefixes every OWASP formula start with a quote and leaves other text alone", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    for (const safe of ["plain", "1-2", "a=b", " =x", "", "'quoted"]) expect(neutraliseFormula(safe)).toBe(safe);
  });
});

describe("exportFormatter", () => {
  it("writes RFC 4180 CSV: header, CRLF, quotes doubled, guarded text cells, numbers untouched", async () => {
    const { out, rows } = await format("csv", [
      ["=cmd()", "-1.5", '{"a":"=x"}'],
      ['say "hi", then\r\nleave', "0.000123", null],
    ]);
    expect(rows).toBe(2);
    expect(out).toBe(`name,amount,meta\r\n"'=cmd()",-1.5,"{""a"":""=x""}"\r\n"say ""hi"", then\r\nleave",0.000123,\r\n`);
  });

  it("writes a JSON array, and NDJSON one object per line, from PostgreSQL-built JSON text", async () => {
    const rows = [['{"a":1}'], ['{"a":2}']];
    expect((await format("json", rows)).out).toBe('[\n{"a":1},\n{"a":2}\n]\n');
    expect(JSON.parse((await format("json", [])).out)).toEqual([]);
    expect((await format("ndjson", rows)).out).toBe('{"a":1}\n{"a":2}\n');
    expect((await format("ndjson", [])).out).toBe("");
  });
});
