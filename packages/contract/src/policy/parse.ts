import { isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { LintContext } from "./lint-context";
import type { TLintIssue } from "./lint-issue";
import { lintPolicies } from "./lint-policies";
import { lintProviders } from "./lint-providers";
import { CONTENT_CATEGORIES, PII_ENTITY_TYPES, ZNormalizedPolicyConfig, type TNormalizedPolicyConfig } from "./model";
import { normalizePolicy } from "./normalize-policy";
import { suggest } from "./suggest";
import { SURFACE_TOP_LEVEL_KEYS, ZEventsSurface, ZPackSurface } from "./surface";
import { createLocator } from "./yaml-locate";

export type TParsedPolicyConfig = { config: TNormalizedPolicyConfig | null; issues: TLintIssue[] };
export type TParsePolicyConfigOptions = {
  /** Config name when the YAML has no `pack.name` (the `policies:` list form usually has none). */
  defaultName?: string;
};

const KNOWN = { entities: PII_ENTITY_TYPES.join(", "), categories: CONTENT_CATEGORIES.join(", ") };
const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function wholeDocumentIssue(code: TLintIssue["code"], message: string, hint: string): TLintIssue {
  return { severity: "error", code, message, hint, line: 1, column: 1, path: "" };
}

function versionText(doc: Document, version: string | number | undefined): string | undefined {
  if (typeof version !== "number") return version;
  // `version: 1.0` reads as the number 1: keep what the user wrote.
  const node = doc.getIn(["pack", "version"], true);
  return isScalar(node) && typeof node.source === "string" ? node.source : String(version);
}

function lintDocument(doc: Document, ctx: LintContext, options: TParsePolicyConfigOptions): TNormalizedPolicyConfig | null {
  if (doc.contents === null) {
    ctx.report({ code: "empty-config", message: "The config is empty", hint: "Start with `policies:` or `pack:` (see the templates)", path: [] });
    return null;
  }
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isMapping(root)) {
    ctx.report({
      code: "not-a-mapping",
      message: "The config must be a mapping of top-level keys",
      hint: `Use top-level keys: ${SURFACE_TOP_LEVEL_KEYS.join(", ")}`,
      path: [],
    });
    return null;
  }
  for (const key of Object.keys(root)) {
    if (SURFACE_TOP_LEVEL_KEYS.includes(key)) continue;
    ctx.report({
      code: "unknown-key",
      message: `Unknown top-level key \`${key}\``,
      hint: `Remove it or fix it: ${suggest(key, SURFACE_TOP_LEVEL_KEYS)}`,
      path: [key],
      atKey: true,
    });
  }
  const pack = root.pack === undefined ? undefined : ctx.check(ZPackSurface, root.pack, ["pack"]);
  const events = root.events === undefined ? undefined : ctx.check(ZEventsSurface, root.events, ["events"]);
  const providers = lintProviders(ctx, root.providers);
  const policies = lintPolicies(ctx, root.policies, root.policy).map((p) => normalizePolicy(ctx, p, KNOWN));
  if (pack?.enabled === false) {
    ctx.warn({ code: "config-disabled", message: "pack.enabled is false: the gateway enforces nothing", hint: "Set `enabled: true`", path: ["pack", "enabled"] });
  }
  if (policies.length === 0 && ctx.errorCount === 0) {
    ctx.warn({ code: "no-policies", message: "The config defines no policies", hint: "Add policies from a template, e.g. a pii-detector and a cost_limit", path: [] });
  }
  if (ctx.errorCount > 0) return null;
  const result = ZNormalizedPolicyConfig.safeParse({
    name: pack?.name ?? options.defaultName ?? "policy-config",
    version: versionText(doc, pack?.version),
    enabled: pack?.enabled,
    providers: providers.targets,
    defaultTarget: providers.defaultTarget,
    policies,
    events: { storePrompts: events?.store_prompts },
  });
  if (result.success) return result.data;
  ctx.report({ code: "internal-error", message: `Normalisation failed: ${result.error.message}`, hint: "Please report this config as a bug", path: [] });
  return null;
}

/**
 * Parses and lints a policy config in either YAML form of the guides and normalises it into the model the
 * gateway runs. Never throws: every problem is an issue with a 1-based line and column; `config` is null
 * whenever there is at least one error.
 */
export function parsePolicyConfig(text: string, options: TParsePolicyConfigOptions = {}): TParsedPolicyConfig {
  if (typeof text !== "string") {
    return { config: null, issues: [wholeDocumentIssue("not-a-mapping", "The config must be YAML text", "Pass the file's contents as a string")] };
  }
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const ctx = new LintContext(createLocator(doc, lineCounter));
    const locate = (offset: number) => createLocator(doc, lineCounter).offset(offset);
    const yamlIssues: TLintIssue[] = [
      ...doc.errors.map((e) => ({ ...locate(e.pos[0]), severity: "error" as const, code: "yaml-syntax" as const, message: e.message, hint: yamlHint(e.code) })),
      ...doc.warnings.map((w) => ({ ...locate(w.pos[0]), severity: "warning" as const, code: "yaml-warning" as const, message: w.message, hint: yamlHint(w.code) })),
    ].map((i) => ({ ...i, path: "" }));
    if (doc.errors.length > 0) return { config: null, issues: sortIssues(yamlIssues) };
    const config = lintDocument(doc, ctx, options);
    return { config, issues: sortIssues([...yamlIssues, ...ctx.issues]) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { config: null, issues: [wholeDocumentIssue("internal-error", `The config could not be read: ${reason}`, "Simplify the document (very deep nesting or huge aliases are refused)")] };
  }
}

function yamlHint(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "Each key may appear once in a mapping; merge or rename the duplicates";
    case "TAB_AS_INDENT":
      return "Indent with spaces, not tabs";
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "Check the indentation and that brackets and quotes are closed";
    case "MULTIPLE_DOCS":
      return "Keep one config per file (remove the extra `---`)";
    default:
      return "Fix the YAML syntax at this position";
  }
}

function sortIssues(issues: TLintIssue[]): TLintIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}
