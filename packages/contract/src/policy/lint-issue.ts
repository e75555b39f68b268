import { z } from "zod";

/** Every finding the policy config linter can report. Closed set: the CLI, API and Console switch on it. */
export const LINT_CODES = [
  // errors
  "yaml-syntax",
  "empty-config",
  "not-a-mapping",
  "unknown-key",
  "unknown-field",
  "wrong-field-type",
  "missing-field",
  "invalid-value",
  "out-of-range",
  "negative-limit",
  "unknown-policy-type",
  "duplicate-policy-name",
  "duplicate-target-id",
  "chain-undefined-policy",
  "undefined-target",
  "unknown-provider",
  "missing-base-url",
  "action-not-applicable",
  "internal-error",
  // warnings
  "yaml-warning",
  "blocking-policy-disabled",
  "unknown-entity-type",
  "unknown-category",
  "unused-policy-settings",
  "missing-secret-ref",
  "empty-allowlist",
  "no-policies",
  "config-disabled",
] as const;
export const ZLintCode = z.enum(LINT_CODES);
export type TLintCode = z.infer<typeof ZLintCode>;

export const ZLintSeverity = z.enum(["error", "warning"]);
export type TLintSeverity = z.infer<typeof ZLintSeverity>;

export const ZLintIssue = z.object({
  severity: ZLintSeverity,
  code: ZLintCode,
  message: z.string(),
  /** What to change to fix it. */
  hint: z.string(),
  /** 1-based. */
  line: z.number().int().positive(),
  /** 1-based. */
  column: z.number().int().positive(),
  /** Where in the document, e.g. `policies[2].monthly_limit`; empty for the whole document. */
  path: z.string(),
});
export type TLintIssue = z.infer<typeof ZLintIssue>;

export type TPathSegment = string | number;

/** `["policies", 2, "monthly_limit"]` → `policies[2].monthly_limit`. */
export function formatPath(path: readonly TPathSegment[]): string {
  return path.reduce<string>((out, seg) => {
    if (typeof seg === "number") return `${out}[${seg}]`;
    return out ? `${out}.${seg}` : seg;
  }, "");
}

export function hasLintErrors(issues: readonly TLintIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
