import { z } from "zod";
import * as src from "./sources";

export const TEMPLATE_CATEGORIES = ["quality", "safety", "privacy", "security", "cost", "providers", "team"] as const;
export const ZTemplateCategory = z.enum(TEMPLATE_CATEGORIES);

export const ZPolicyTemplate = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string().min(1),
  /** When to pick this template, in the words of the guides. */
  whenToUse: z.string().min(1),
  category: ZTemplateCategory,
  /** Built-in templates ship with kt; org templates are stored by the API. */
  origin: z.enum(["builtin", "org"]),
  yaml: z.string().min(1),
});
export type TPolicyTemplate = z.infer<typeof ZPolicyTemplate>;

const builtin = (t: Omit<TPolicyTemplate, "origin">): TPolicyTemplate => ({ ...t, origin: "builtin" });

export const BUILTIN_TEMPLATES: readonly TPolicyTemplate[] = [
  builtin({
    id: "team-quality-gate",
    name: "Team quality gate",
    description: "A quality-scorer that escalates responses scoring under 0.7 for human review.",
    whenToUse: "Your team relies on model answers and wants weak ones reviewed instead of shipped.",
    category: "quality",
    yaml: src.TEAM_QUALITY_GATE,
  }),
  builtin({
    id: "team-content-safety",
    name: "Content safety",
    description: "A content-filter that blocks harmful or biased output.",
    whenToUse: "Model output reaches customers or colleagues directly and must be free of harmful or biased content.",
    category: "safety",
    yaml: src.TEAM_CONTENT_SAFETY,
  }),
  builtin({
    id: "team-pii-protection",
    name: "PII protection",
    description: "A pii-detector that redacts names, emails, phone numbers and financial data in prompts and responses.",
    whenToUse: "Prompts may contain customer or employee personal data that must not leave the company.",
    category: "privacy",
    yaml: src.TEAM_PII_PROTECTION,
  }),
  builtin({
    id: "team-security",
    name: "Prompt-injection security",
    description: "A prompt-injection detector that blocks attempts to override the system prompt or exfiltrate data.",
    whenToUse: "Your application passes user-supplied or retrieved text to the model.",
    category: "security",
    yaml: src.TEAM_SECURITY,
  }),
  builtin({
    id: "team-secret-protection",
    name: "Secret protection",
    description: "A dlp-filter that blocks prompts carrying credentials, tokens or private keys.",
    whenToUse: "Developers paste code and logs into prompts (the guides' 'no credentials or secrets in prompts').",
    category: "security",
    yaml: src.TEAM_SECRET_PROTECTION,
  }),
  builtin({
    id: "team-budget",
    name: "Team budget",
    description: "A cost_limit that blocks requests once the team has spent 2,000 USD this month.",
    whenToUse: "A team has an allocated monthly AI budget; override monthly_limit with yours.",
    category: "cost",
    yaml: src.TEAM_BUDGET,
  }),
  builtin({
    id: "team-cost-cap",
    name: "Team cost cap",
    description: "A cost_limit of 5,000 USD a month per team, the IT Director guide's budget governance example.",
    whenToUse: "IT sets a hard per-team spending ceiling to prevent budget overruns.",
    category: "cost",
    yaml: src.TEAM_COST_CAP,
  }),
  builtin({
    id: "team-quality-policy",
    name: "Team policy (quality, safety, PII, security)",
    description: "The Engineering Manager guide's combined policy: quality gate, content safety, PII redaction, injection block.",
    whenToUse: "Onboarding a new engineering team: a complete starting point to tune after the first week of events.",
    category: "team",
    yaml: src.TEAM_QUALITY_POLICY,
  }),
  builtin({
    id: "it-director-providers-1",
    name: "Multi-provider pack",
    description: "OpenAI, Anthropic and Azure OpenAI targets behind one gateway, with an immutable audit log kept 365 days.",
    whenToUse: "You manage several LLM vendors as a portfolio and need every access logged for audit.",
    category: "providers",
    yaml: src.IT_DIRECTOR_PROVIDERS,
  }),
  builtin({
    id: "demo-team-policy",
    name: "Demo team policy",
    description: "The guides' team policy plus a model allowlist and a 2,000 USD budget, served by the built-in demo provider.",
    whenToUse: "Trying kt locally (the quick start's gateway runs it): no provider keys needed.",
    category: "team",
    yaml: src.DEMO_TEAM_POLICY,
  }),
];

export function findBuiltinTemplate(id: string): TPolicyTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}
