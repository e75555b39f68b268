import { isMap, isSeq, parseDocument, type Document } from "yaml";
import { z } from "zod";
import type { TLintIssue } from "../policy/lint-issue";
import { POLICY_TYPES, type TPolicyType } from "../policy/model";
import { parsePolicyConfig, type TParsedPolicyConfig } from "../policy/parse";
import { isPolicyType } from "../policy/policy-types";
import { POLICY_TYPE_FIELDS } from "../policy/surface";
import { findBuiltinTemplate } from "./catalog";

/**
 * Values to put into a template. `name`/`version` go to `pack:`; every other key is a YAML policy field and is
 * set on each policy of a type that has that field (e.g. `monthly_limit` on every cost_limit policy).
 * Ranges are not checked here: the rendered YAML is linted, so a bad value is reported with its line.
 */
export const ZTemplateOverrides = z.strictObject({
  name: z.string().min(1).optional(),
  version: z.string().min(1).optional(),
  monthly_limit: z.number().optional(),
  min_score: z.number().optional(),
  threshold: z.number().optional(),
  models: z.array(z.string()).optional(),
  entity_types: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});
export type TTemplateOverrides = z.input<typeof ZTemplateOverrides>;

export type TRenderedTemplate = TParsedPolicyConfig & {
  yaml: string;
  /** Overrides that matched no policy in the template (e.g. `monthly_limit` on a template without cost_limit). */
  unusedOverrides: string[];
};

type TFieldOverride = { key: string; value: unknown; types: TPolicyType[] };

function setPackField(doc: Document, key: "name" | "version", value: string): void {
  if (doc.has("pack")) return void doc.setIn(["pack", key], value);
  if (!isMap(doc.contents)) return;
  // The template's leading comment describes the whole file: keep it above the new `pack:`.
  const firstKey = doc.contents.items[0]?.key as { commentBefore?: string | null } | undefined;
  if (firstKey?.commentBefore && !doc.commentBefore) {
    doc.commentBefore = firstKey.commentBefore;
    firstKey.commentBefore = undefined;
  }
  doc.contents.items.unshift(doc.createPair("pack", { [key]: value }));
}

/** Sets each field override on the matching policies of either form; returns the keys that found a policy. */
function applyFieldOverrides(doc: Document, overrides: TFieldOverride[]): Set<string> {
  const used = new Set<string>();
  const apply = (path: (string | number)[], type: unknown) => {
    for (const o of overrides) {
      if (!isPolicyType(type) || !o.types.includes(type)) continue;
      doc.setIn([...path, o.key], doc.createNode(o.value, { flow: true }));
      used.add(o.key);
    }
  };
  const policies = doc.get("policies");
  if (isSeq(policies)) {
    policies.items.forEach((item, i) => {
      if (isMap(item)) apply(["policies", i], item.get("type"));
    });
    return used;
  }
  const chain = doc.getIn(["policies", "chain"]);
  if (!isSeq(chain)) return used;
  for (const name of chain.toJSON() as unknown[]) {
    if (typeof name !== "string") continue;
    const block = doc.getIn(["policy", name]);
    const type = isMap(block) && block.has("type") ? block.get("type") : name;
    if (!isMap(block)) doc.setIn(["policy", name], doc.createNode({}));
    apply(["policy", name], type);
  }
  return used;
}

/** Renders a template's YAML with overrides, keeping its comments and layout, then lints and normalises it. */
export function renderTemplateSource(yaml: string, overrides: TTemplateOverrides = {}): TRenderedTemplate {
  const parsed = ZTemplateOverrides.safeParse(overrides);
  if (!parsed.success) {
    const issues: TLintIssue[] = parsed.error.issues.map((i) => ({
      severity: "error",
      code: i.code === "unrecognized_keys" ? "unknown-field" : "invalid-value",
      message: `Template override: ${i.message}`,
      hint: `Overrides accept: ${Object.keys(ZTemplateOverrides.shape).join(", ")}`,
      line: 1,
      column: 1,
      path: ["overrides", ...i.path.map(String)].join("."),
    }));
    return { yaml, config: null, issues, unusedOverrides: [] };
  }
  const { name, version, ...fields } = parsed.data;
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) return { yaml, ...parsePolicyConfig(yaml), unusedOverrides: [] };
  if (name !== undefined) setPackField(doc, "name", name);
  if (version !== undefined) setPackField(doc, "version", version);
  const fieldOverrides: TFieldOverride[] = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value, types: POLICY_TYPES.filter((t) => key in POLICY_TYPE_FIELDS[t]) }));
  const used = applyFieldOverrides(doc, fieldOverrides);
  const rendered = doc.toString({ flowCollectionPadding: false });
  return {
    yaml: rendered,
    ...parsePolicyConfig(rendered, { defaultName: name }),
    unusedOverrides: fieldOverrides.map((o) => o.key).filter((k) => !used.has(k)),
  };
}

/** Creates a config from a built-in template; null when no built-in template has that id. */
export function renderTemplate(id: string, overrides: TTemplateOverrides = {}): (TRenderedTemplate & { templateId: string }) | null {
  const template = findBuiltinTemplate(id);
  if (!template) return null;
  return { templateId: id, ...renderTemplateSource(template.yaml, overrides) };
}
