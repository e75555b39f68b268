import type { TPiiEntityType, TPolicy } from "@kt/contract";
import { scoreContent } from "./detectors/content";
import { findSecrets } from "./detectors/dlp";
import { scoreInjection } from "./detectors/injection";
import { detectPii } from "./detectors/pii";
import { nameLexicon } from "./detectors/pii/name-lexicon";
import { NOT_TRIGGERED, type TCheck, type TCompiledPolicy, type TStage } from "./types";

const BOTH: ReadonlySet<TStage> = new Set(["request", "response"]);
const REQUEST: ReadonlySet<TStage> = new Set(["request"]);
const RESPONSE: ReadonlySet<TStage> = new Set(["response"]);
const NONE: ReadonlySet<TStage> = new Set();

function stagesOf(stage: "request" | "response" | "both"): ReadonlySet<TStage> {
  return stage === "both" ? BOTH : stage === "request" ? REQUEST : RESPONSE;
}

function countBy(findings: { type: string; rule?: string }[], key: "type" | "rule"): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) {
    const k = f[key] ?? f.type;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/**
 * Turns a config policy into a text check. Policies that are not about text (model-allowlist, cost_limit,
 * quality-scorer, audit-logger) get no text stages here; the chain handles them where their input exists.
 */
export function compilePolicy(policy: TPolicy): TCompiledPolicy {
  const base = { name: policy.name, type: policy.type, action: policy.action, source: policy };
  switch (policy.type) {
    case "pii-detector": {
      const types = new Set<TPiiEntityType>(policy.entityTypes);
      // Build the name lexicons (~1 s) when the config is applied, not on the first request that needs them.
      if (types.has("name")) nameLexicon();
      return {
        ...base,
        stages: stagesOf(policy.stage),
        check(text): TCheck {
          const findings = detectPii(text, types);
          if (!findings.length) return NOT_TRIGGERED;
          const entities = countBy(findings, "type");
          return { triggered: true, reason: `personal data found: ${Object.keys(entities).join(", ")}`, findings, details: { entities } };
        },
      };
    }
    case "prompt-injection":
      return {
        ...base,
        stages: REQUEST,
        check(text): TCheck {
          const r = scoreInjection(text);
          if (r.score < policy.threshold) return r.score > 0 ? { triggered: false, findings: [], details: { score: round(r.score), rules: r.rules } } : NOT_TRIGGERED;
          return {
            triggered: true,
            reason: `prompt injection suspected (${r.categories.join(", ")}; score ${round(r.score)} ≥ ${policy.threshold})`,
            findings: r.findings,
            details: { score: round(r.score), categories: r.categories, rules: r.rules },
          };
        },
      };
    case "content-filter":
      return {
        ...base,
        stages: stagesOf(policy.stage),
        check(text): TCheck {
          const scores = scoreContent(text, policy.categories);
          const over = Object.entries(scores).filter(([, s]) => s >= policy.threshold).map(([c]) => c);
          if (!over.length) return NOT_TRIGGERED;
          return { triggered: true, reason: `content in categories ${over.join(", ")} over threshold ${policy.threshold}`, findings: [], details: { scores, categories: over } };
        },
      };
    case "dlp-filter":
      return {
        ...base,
        stages: stagesOf(policy.stage),
        check(text): TCheck {
          const findings = findSecrets(text);
          if (!findings.length) return NOT_TRIGGERED;
          const rules = countBy(findings, "rule");
          return { triggered: true, reason: `credentials found: ${Object.keys(rules).join(", ")}`, findings, details: { rules } };
        },
      };
    case "quality-scorer":
    case "model-allowlist":
    case "cost_limit":
    case "audit-logger":
      return { ...base, stages: NONE, check: () => NOT_TRIGGERED };
    default: {
      const never: never = policy;
      throw new Error(`unknown policy type ${JSON.stringify(never)}`);
    }
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
