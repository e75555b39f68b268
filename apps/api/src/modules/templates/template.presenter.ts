import { BUILTIN_TEMPLATES, parsePolicyConfig, type TPolicyTemplate, type TPolicyType, type TTemplate } from "@kt/contract";

type TemplateRow = { id: string; name: string; description: string; whenToUse: string; source: string; createdById: string | null; createdAt: Date };

const CATEGORY_OF_TYPE: Record<TPolicyType, TPolicyTemplate["category"]> = {
  "quality-scorer": "quality",
  "content-filter": "safety",
  "pii-detector": "privacy",
  "prompt-injection": "security",
  "dlp-filter": "security",
  cost_limit: "cost",
  "model-allowlist": "security",
  "audit-logger": "providers",
};

/** Org templates carry no category: it follows from what they hold (one policy type, providers, or a mix). */
export function inferCategory(yaml: string): TPolicyTemplate["category"] {
  const { config } = parsePolicyConfig(yaml);
  if (!config) return "team";
  if (config.providers.length > 1) return "providers";
  const types = new Set(config.policies.map((p) => p.type));
  if (types.size !== 1) return "team";
  return CATEGORY_OF_TYPE[[...types][0]];
}

export function fromBuiltin(t: TPolicyTemplate): TTemplate {
  return { ...t, createdAt: null, createdById: null };
}

export function fromRow(r: TemplateRow): TTemplate {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    whenToUse: r.whenToUse || r.description,
    category: inferCategory(r.source),
    origin: "org",
    yaml: r.source,
    createdAt: r.createdAt.toISOString(),
    createdById: r.createdById,
  };
}

export const builtinTemplates = () => BUILTIN_TEMPLATES.map(fromBuiltin);
