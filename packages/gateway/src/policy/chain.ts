import type { TPolicyDecision } from "@kt/contract";
import type { TChatMessage } from "../http/openai-types";
import { compilePolicy } from "./compile";
import { Redactor } from "./redactor";
import { textSlots } from "./text-slots";
import type { TCheck, TCompiledPolicy, TFinding, TPolicyContext, TStage } from "./types";
import { scoreQuality } from "./detectors/quality";
import type { TNormalizedPolicyConfig } from "@kt/contract";

export type TBlock = { policy: string; reason: string; status: number; code: string };

export type TChainResult = {
  decisions: TPolicyDecision[];
  block: TBlock | null;
  redactions: number;
  escalated: boolean;
};

/**
 * What the cost_limit check knows of a call's team budget: standalone, the local spend; managed, the control
 * plane's reservation answer, or `unknown` when it could not be asked (the call proceeds). Null: not budgeted.
 */
export type TBudgetView =
  | { source: "local"; spentUsd: number }
  | {
      source: "control-plane";
      granted: boolean;
      spentUsd: number;
      reservedUsd: number;
      limitUsd: number | null;
      estimateUsd: number;
      reason: string | null;
    }
  | { source: "unknown"; error: string }
  | null;

/** Name of the check that enforces a budget the control plane holds when the config has no cost_limit policy. */
export const IMPLICIT_BUDGET_POLICY = "cost_limit";

/** Roles whose text a policy reads on the request: instructions from the app's own system prompt are trusted. */
const UNTRUSTED_ROLES = new Set(["user", "tool", "function"]);

function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function blockStatus(p: TCompiledPolicy): { status: number; code: string } {
  if (p.type === "model-allowlist") return { status: 403, code: "model_not_allowed" };
  if (p.type === "cost_limit") return { status: 429, code: "budget_exceeded" };
  return { status: 400, code: "policy_blocked" };
}

/** The compiled chain of one config version. Immutable: a new config version compiles a new chain. */
export class PolicyChain {
  readonly policies: TCompiledPolicy[];
  readonly hasCostLimit: boolean;
  readonly hasResponseTextPolicies: boolean;

  constructor(config: TNormalizedPolicyConfig) {
    this.policies = config.enabled ? config.policies.filter((p) => p.enabled).map(compilePolicy) : [];
    this.hasCostLimit = this.policies.some((p) => p.type === "cost_limit");
    this.hasResponseTextPolicies = this.policies.some((p) => p.stages.has("response"));
  }

  get responsePolicies(): TCompiledPolicy[] {
    return this.policies.filter((p) => p.stages.has("response"));
  }

  /** Runs the request stage on `messages` (redacting them in place). */
  runRequest(
    messages: TChatMessage[],
    ctx: TPolicyContext & { budget: TBudgetView },
    redactor: Redactor,
  ): TChainResult {
    const result: TChainResult = { decisions: [], block: null, redactions: 0, escalated: false };
    const slots = textSlots(messages);
    for (const p of this.policies) {
      const t0 = nowUs();
      let check: TCheck;
      if (p.type === "model-allowlist" && p.source.type === "model-allowlist") {
        const allowed = p.source.models.some(
          (m) => m === ctx.model || (m.endsWith("*") && ctx.model.startsWith(m.slice(0, -1))),
        );
        check = allowed
          ? { triggered: false, findings: [], details: {} }
          : {
              triggered: true,
              reason: `model ${ctx.model} is not in the allowlist (${p.source.models.join(", ")})`,
              findings: [],
              details: { model: ctx.model },
            };
      } else if (p.type === "cost_limit" && p.source.type === "cost_limit") {
        check = budgetCheck(ctx.budget, p.source.monthlyLimitUsd);
      } else if (p.type === "audit-logger" && p.source.type === "audit-logger") {
        check = {
          triggered: false,
          findings: [],
          details: { immutable: p.source.immutable, retentionDays: p.source.retentionDays },
        };
      } else if (p.stages.has("request")) {
        check = this.checkSlots(p, slots, ctx, redactor);
      } else {
        continue;
      }
      if (this.record(result, p, "request", check, nowUs() - t0)) return result;
    }
    if (!this.hasCostLimit && (ctx.budget?.source === "control-plane" || ctx.budget?.source === "unknown")) {
      // A budget the control plane holds (set through the API) applies even without a cost_limit policy here.
      const t0 = nowUs();
      this.record(result, IMPLICIT_BUDGET, "request", budgetCheck(ctx.budget, Infinity), nowUs() - t0);
    }
    return result;
  }

  private checkSlots(
    p: TCompiledPolicy,
    slots: ReturnType<typeof textSlots>,
    ctx: TPolicyContext,
    redactor: Redactor,
  ): TCheck {
    const onlyUntrusted = p.type === "prompt-injection" || p.type === "content-filter";
    let merged: TCheck | null = null;
    for (const slot of slots) {
      if (onlyUntrusted && !UNTRUSTED_ROLES.has(slot.role)) continue;
      const text = slot.get();
      if (!text) continue;
      const check = p.check(text, ctx);
      if (!check.triggered) {
        if (!merged && Object.keys(check.details).length) merged = check;
        continue;
      }
      if (p.action === "redact" && check.findings.length) slot.set(redactor.apply(text, check.findings));
      merged = merged?.triggered ? mergeChecks(merged, check) : check;
      if (p.action === "block") break;
    }
    return merged ?? { triggered: false, findings: [], details: {} };
  }

  /** Records a decision; true when the chain must stop (a block). */
  record(result: TChainResult, p: TCompiledPolicy, stage: TStage, check: TCheck, latencyUs: number): boolean {
    const redacted = check.triggered && p.action === "redact" ? check.findings.length : 0;
    result.decisions.push({
      policy: p.name,
      type: p.type,
      stage,
      action: p.action,
      triggered: check.triggered,
      ...(check.reason ? { reason: check.reason } : {}),
      latencyUs,
      details: redacted ? { ...check.details, redacted } : check.details,
    });
    if (!check.triggered) return false;
    result.redactions += redacted;
    switch (p.action) {
      case "block":
        result.block = { policy: p.name, reason: check.reason ?? "blocked by policy", ...blockStatus(p) };
        return true;
      case "escalate":
        result.escalated = true;
        return false;
      case "redact":
      case "log":
        return false;
      default: {
        const never: never = p.action;
        throw new Error(`unknown action ${String(never)}`);
      }
    }
  }

  /** Response stage on a whole completion text; returns the (possibly redacted) text. */
  runResponse(
    text: string,
    ctx: TPolicyContext,
    redactor: Redactor,
    result: TChainResult,
    policies = this.responsePolicies,
  ): string {
    let out = text;
    for (const p of policies) {
      const t0 = nowUs();
      const check = out ? p.check(out, ctx) : { triggered: false, findings: [] as TFinding[], details: {} };
      if (check.triggered && p.action === "redact" && check.findings.length)
        out = redactor.apply(out, check.findings);
      if (this.record(result, p, "response", check, nowUs() - t0)) return out;
    }
    return out;
  }

  /** Quality scoring runs on the finished answer, streamed or not; below min_score it triggers (escalate by default). */
  runQuality(prompt: string, response: string, finishReason: string | null, result: TChainResult): void {
    for (const p of this.policies) {
      if (p.source.type !== "quality-scorer") continue;
      const t0 = nowUs();
      const q = scoreQuality(prompt, response, finishReason);
      const below = q.score < p.source.minScore;
      const check: TCheck = below
        ? {
            triggered: true,
            reason: `quality score ${q.score} below min_score ${p.source.minScore}`,
            findings: [],
            details: { score: q.score, signals: q.signals },
          }
        : { triggered: false, findings: [], details: { score: q.score } };
      // A block on quality would withhold an answer already paid for; it is recorded as an escalation instead.
      if (check.triggered && p.action === "block") result.escalated = true;
      this.record(
        result,
        p.action === "block" ? { ...p, action: "escalate" } : p,
        "response",
        check,
        nowUs() - t0,
      );
    }
  }
}

const IMPLICIT_BUDGET: TCompiledPolicy = compilePolicy({
  name: IMPLICIT_BUDGET_POLICY,
  type: "cost_limit",
  action: "block",
  enabled: true,
  monthlyLimitUsd: 0,
});

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

/** The cost_limit check against the budget view; `policyLimit` is the policy's own monthly_limit. */
function budgetCheck(budget: TBudgetView, policyLimit: number): TCheck {
  if (budget === null) return { triggered: false, findings: [], details: { budget: "none" } };
  if (budget.source === "unknown")
    return { triggered: false, findings: [], details: { budget: "budget_unknown", error: budget.error } };
  if (budget.source === "local") {
    const spent = budget.spentUsd;
    return spent >= policyLimit
      ? {
          triggered: true,
          reason: `team monthly budget of $${policyLimit} reached (spent $${spent.toFixed(spent < 1 ? 6 : 2)})`,
          findings: [],
          details: { spentUsd: spent, limitUsd: policyLimit },
        }
      : {
          triggered: false,
          findings: [],
          details: { budget: "local", spentUsd: round2(spent), limitUsd: policyLimit },
        };
  }
  const { spentUsd, reservedUsd, estimateUsd } = budget;
  const limit = Math.min(policyLimit, budget.limitUsd ?? Infinity);
  const details = { spentUsd, reservedUsd, estimateUsd, limitUsd: Number.isFinite(limit) ? limit : null };
  // The control plane decides when its limit is the one in force; when this config's is lower (the control plane
  // has not seen this config version yet), the same rule is applied here to its figures.
  const decidedThere = budget.limitUsd !== null && budget.limitUsd <= policyLimit;
  const fits =
    decidedThere || (spentUsd + reservedUsd + estimateUsd <= limit + 1e-9 && spentUsd + reservedUsd < limit);
  if (budget.granted && fits)
    return { triggered: false, findings: [], details: { budget: "reserved", ...details } };
  const reason =
    (!budget.granted && budget.reason) ||
    `team monthly budget of ${usd(limit)} would be exceeded: ${usd(spentUsd)} spent and ${usd(reservedUsd)} reserved by calls in flight, this call may cost ${usd(estimateUsd)}`;
  return { triggered: true, reason, findings: [], details: { budget: "refused", ...details } };
}

function mergeChecks(a: TCheck, b: TCheck): TCheck {
  const details: Record<string, unknown> = { ...a.details };
  for (const [k, v] of Object.entries(b.details)) {
    const prev = details[k];
    if (prev && typeof prev === "object" && v && typeof v === "object" && !Array.isArray(v)) {
      const sum: Record<string, number> = { ...(prev as Record<string, number>) };
      for (const [kk, vv] of Object.entries(v as Record<string, number>))
        sum[kk] = (sum[kk] ?? 0) + (typeof vv === "number" ? vv : 0);
      details[k] = sum;
    } else details[k] = v;
  }
  return { triggered: true, reason: a.reason, findings: [...a.findings, ...b.findings], details };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
