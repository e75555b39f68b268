import type { z } from "zod";
import type { TContentCategory, TPiiEntityType, ZPolicy } from "./model";
import type { LintContext } from "./lint-context";
import type { TPathSegment } from "./lint-issue";
import type { TLintedPolicy } from "./lint-policies";
import { DEFAULT_ACTION, REDACTING_TYPES, resolveContentCategory, resolveEntityType } from "./policy-types";

function resolveList<T>(input: {
  ctx: LintContext;
  values: string[] | undefined;
  path: TPathSegment[];
  resolve: (v: string) => T | undefined;
  code: "unknown-entity-type" | "unknown-category";
  known: string;
}): T[] | undefined {
  if (input.values === undefined) return undefined;
  const out: T[] = [];
  input.values.forEach((value, k) => {
    const resolved = input.resolve(value);
    if (resolved !== undefined) {
      if (!out.includes(resolved)) out.push(resolved);
      return;
    }
    input.ctx.warn({
      code: input.code,
      message: `Unknown ${input.code === "unknown-entity-type" ? "entity type" : "category"} \`${value}\` is ignored`,
      hint: `Known values: ${input.known}`,
      path: [...input.path, k],
    });
  });
  return out;
}

/**
 * Turns a linted policy into the model's shape (snake_case → camelCase, defaults per type) and reports the
 * checks that need the resolved action: redaction by a type that cannot redact, a blocking policy turned off.
 */
export function normalizePolicy(ctx: LintContext, linted: TLintedPolicy, known: { entities: string; categories: string }): z.input<typeof ZPolicy> {
  const { fields, path } = linted;
  const action = fields.action ?? DEFAULT_ACTION[linted.type];
  const enabled = fields.enabled ?? true;
  if (action === "redact" && !REDACTING_TYPES.includes(linted.type)) {
    ctx.report({
      code: "action-not-applicable",
      message: `A ${linted.type} policy cannot redact`,
      hint: `Use block, escalate or log; only ${REDACTING_TYPES.join(" and ")} redact`,
      path: [...path, "action"],
    });
  }
  if (action === "block" && !enabled) {
    ctx.warn({
      code: "blocking-policy-disabled",
      message: `Blocking policy \`${linted.name}\` is disabled, so nothing it catches is blocked`,
      hint: "Set `enabled: true`, or remove the policy if that is intended",
      path: fields.enabled === undefined ? path : [...path, "enabled"],
    });
  }
  const base = { name: linted.name, action, enabled };
  switch (linted.type) {
    case "pii-detector": {
      const entityTypes = resolveList<TPiiEntityType>({
        ctx,
        values: linted.fields.entity_types,
        path: [...path, "entity_types"],
        resolve: resolveEntityType,
        code: "unknown-entity-type",
        known: known.entities,
      });
      return { ...base, type: linted.type, ...(entityTypes && { entityTypes }), ...(linted.fields.stage && { stage: linted.fields.stage }) };
    }
    case "content-filter": {
      const categories = resolveList<TContentCategory>({
        ctx,
        values: linted.fields.categories,
        path: [...path, "categories"],
        resolve: resolveContentCategory,
        code: "unknown-category",
        known: known.categories,
      });
      const { threshold, stage } = linted.fields;
      return { ...base, type: linted.type, ...(categories && { categories }), ...(threshold !== undefined && { threshold }), ...(stage && { stage }) };
    }
    case "prompt-injection":
      return { ...base, type: linted.type, ...(linted.fields.threshold !== undefined && { threshold: linted.fields.threshold }) };
    case "dlp-filter":
      return { ...base, type: linted.type, ...(linted.fields.stage && { stage: linted.fields.stage }) };
    case "quality-scorer":
      return { ...base, type: linted.type, minScore: linted.fields.min_score };
    case "cost_limit":
      return { ...base, type: linted.type, monthlyLimitUsd: linted.fields.monthly_limit };
    case "model-allowlist":
      if (linted.fields.models.length === 0) {
        ctx.warn({
          code: "empty-allowlist",
          message: `Model allowlist \`${linted.name}\` is empty, so every model is refused`,
          hint: "List the models callers may use, e.g. [gpt-4o-mini, claude-3-5-haiku]",
          path: [...path, "models"],
        });
      }
      return { ...base, type: linted.type, models: linted.fields.models };
    case "audit-logger": {
      const f = linted.fields;
      return {
        ...base,
        type: linted.type,
        ...(f.immutable !== undefined && { immutable: f.immutable }),
        ...(f.retention_days !== undefined && { retentionDays: f.retention_days }),
        ...(f.log_all_access !== undefined && { logAllAccess: f.log_all_access }),
      };
    }
    default: {
      const never: never = linted;
      return never;
    }
  }
}
