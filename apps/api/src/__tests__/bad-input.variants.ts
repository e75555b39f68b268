import type { JsonSchema } from "./openapi";

/** Strings that are legal JSON but awkward text; `mustRefuse` ones cannot be stored by PostgreSQL as given. */
export const ODD_STRINGS: { label: string; json: string; mustRefuse: boolean }[] = [
  { label: "NUL", json: JSON.stringify("a\u0000b"), mustRefuse: true },
  { label: "lone high surrogate", json: '"a\\ud800b"', mustRefuse: true },
  { label: "lone low surrogate", json: '"\\udc00"', mustRefuse: true },
  { label: "RTL override", json: JSON.stringify("abc\u202egpj.exe") },
  { label: "zero-width and BOM", json: JSON.stringify("\u200b\ufeffname\u200d") },
  { label: "combining marks", json: JSON.stringify("Z\u0351\u0311\u0306a\u0350\u0307l\u0352g\u0357o") },
  { label: "astral emoji", json: JSON.stringify("👩🏽‍💻🚀") },
  { label: "whitespace only", json: JSON.stringify(" \t ") },
  { label: "100k characters", json: JSON.stringify("x".repeat(100_000)) },
].map((s) => ({ mustRefuse: false, ...s }));

function allowedTypes(schema: JsonSchema): Set<string> | null {
  const types = new Set<string>();
  const visit = (s: JsonSchema) => {
    if (s.type)
      for (const t of Array.isArray(s.type) ? s.type : [s.type]) types.add(t === "integer" ? "number" : t);
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) visit(alt);
    if (s.enum)
      for (const v of s.enum) types.add(v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  };
  visit(schema);
  return types.size ? types : null;
}

const WRONG_VALUES: [string, unknown][] = [
  ["number", 12345],
  ["string", "not-a-valid-value"],
  ["boolean", true],
  ["object", { unexpected: 1 }],
  ["array", ["unexpected"]],
];

/** A value of a JSON type the field does not accept, or null when the field accepts anything. */
export function wrongTypeValue(schema: JsonSchema): unknown {
  const types = allowedTypes(schema);
  if (!types) return undefined;
  const wrong = WRONG_VALUES.find(([t]) => !types.has(t));
  return wrong?.[1];
}

/** Whether a field's schema takes strings (so odd strings are a fair test of it). */
export function takesString(schema: JsonSchema): boolean {
  return allowedTypes(schema)?.has("string") ?? false;
}

/** Replaces `"__ODD__"` in a serialised body with raw JSON text (lone surrogates cannot pass through JSON.stringify). */
export function bodyWith(base: Record<string, unknown>, field: string, rawJson: string): string {
  return JSON.stringify({ ...base, [field]: "__ODD__" }).replace('"__ODD__"', rawJson);
}
