import type { z } from "zod";
import { objectKeysAt, suggest } from "./suggest";
import { formatPath, type TLintCode, type TLintIssue, type TLintSeverity, type TPathSegment } from "./lint-issue";
import type { TLocator } from "./yaml-locate";

/** Collects issues while the linter walks a document; positions come from the YAML nodes. */
export class LintContext {
  readonly issues: TLintIssue[] = [];

  constructor(private readonly locator: TLocator) {}

  report(input: {
    severity?: TLintSeverity;
    code: TLintCode;
    message: string;
    hint: string;
    path: readonly TPathSegment[];
    /** Point at the key rather than the value (unknown and duplicate keys). */
    atKey?: boolean;
  }): void {
    const pos = input.atKey ? this.locator.key(input.path) : this.locator.value(input.path);
    this.issues.push({
      severity: input.severity ?? "error",
      code: input.code,
      message: input.message,
      hint: input.hint,
      line: pos.line,
      column: pos.column,
      path: formatPath(input.path),
    });
  }

  warn(input: Omit<Parameters<LintContext["report"]>[0], "severity">): void {
    this.report({ ...input, severity: "warning" });
  }

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === "error").length;
  }

  /** Validates `value` (found at `path`) with `schema`; reports each zod issue as a lint issue. */
  check<S extends z.ZodType>(schema: S, value: unknown, path: readonly TPathSegment[]): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.reportZodIssue(issue, schema, value, path);
    return undefined;
  }

  private reportZodIssue(issue: z.core.$ZodIssue, schema: z.ZodType, root: unknown, base: readonly TPathSegment[]): void {
    const rel = issue.path.filter((p): p is TPathSegment => typeof p !== "symbol");
    const path = [...base, ...rel];
    const field = String(rel.at(-1) ?? base.at(-1) ?? "value");
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          this.report({
            code: "unknown-field",
            message: `Unknown field \`${key}\` in ${formatPath(path) || "the document"}`,
            hint: `Remove it or fix its spelling: ${suggest(key, objectKeysAt(schema, rel))}`,
            path: [...path, key],
            atKey: true,
          });
        }
        return;
      case "invalid_type": {
        const { found, parentExists } = lookup(root, rel);
        if (found === undefined && parentExists) {
          this.report({
            code: "missing-field",
            message: `Missing required field \`${field}\` in ${formatPath(base) || "the document"}`,
            hint: `Add \`${field}:\` (${issue.expected})`,
            path: path.slice(0, -1),
          });
          return;
        }
        this.report({
          code: "wrong-field-type",
          message: `\`${field}\` must be ${article(issue.expected)}, got ${describe(found)}`,
          hint: typeHint(issue.expected, found),
          path,
        });
        return;
      }
      case "too_small": {
        const { found } = lookup(root, rel);
        if (typeof found === "number" && found < 0) {
          this.report({
            code: "negative-limit",
            message: `\`${field}\` is negative (${found})`,
            hint: `Use zero or a positive number for \`${field}\``,
            path,
          });
          return;
        }
        this.report({ code: "out-of-range", message: `\`${field}\`: ${issue.message}`, hint: rangeHint(issue), path });
        return;
      }
      case "too_big":
        this.report({ code: "out-of-range", message: `\`${field}\`: ${issue.message}`, hint: rangeHint(issue), path });
        return;
      case "invalid_value":
        this.report({
          code: "invalid-value",
          message: `\`${field}\` has an invalid value ${JSON.stringify(lookup(root, rel).found)}`,
          hint: `Use one of: ${issue.values.map((v) => String(v)).join(", ")}`,
          path,
        });
        return;
      case "invalid_format":
        this.report({
          code: "invalid-value",
          message: `\`${field}\` is not a valid ${issue.format === "url" ? "URL" : issue.format}`,
          hint: issue.format === "url" ? "Use a full URL, e.g. https://your-instance.openai.azure.com" : `Use a valid ${issue.format}`,
          path,
        });
        return;
      default:
        this.report({ code: "invalid-value", message: `\`${field}\`: ${issue.message}`, hint: `Fix \`${field}\``, path });
    }
  }
}

function lookup(root: unknown, rel: readonly TPathSegment[]): { found: unknown; parentExists: boolean } {
  let cur: unknown = root;
  for (let i = 0; i < rel.length; i++) {
    if (cur === null || typeof cur !== "object") return { found: undefined, parentExists: false };
    const next = (cur as Record<string, unknown>)[String(rel[i])];
    if (i === rel.length - 1) return { found: next, parentExists: true };
    cur = next;
  }
  return { found: cur, parentExists: true };
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  if (expected === "array") return "a list";
  if (expected === "object") return "a mapping";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeHint(expected: string, found: unknown): string {
  if (expected === "number" && typeof found === "string" && found.trim() !== "" && !Number.isNaN(Number(found))) {
    return `Write the number without quotes: ${Number(found)}`;
  }
  if (expected === "boolean") return "Use true or false (without quotes)";
  if (expected === "array") return "Use a list, e.g. [a, b] or one `- item` per line";
  if (expected === "object") return "Use a mapping of `key: value` lines, indented under this key";
  return `Use ${article(expected)} here`;
}

function rangeHint(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  if (issue.code === "too_small") return `Use a value of at least ${String(issue.minimum)}${issue.inclusive ? "" : " (exclusive)"}`;
  return `Use a value of at most ${String(issue.maximum)}`;
}
