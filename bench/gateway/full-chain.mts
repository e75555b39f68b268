/** The policy chain every gateway benchmark measures: the guides' team policy, in its order. */
export const FULL_CHAIN_POLICIES = [
  { name: "models", type: "model-allowlist", action: "block", models: ["gpt-4o-mini"] },
  { name: "budget", type: "cost_limit", action: "block", monthlyLimitUsd: 1_000_000 },
  { name: "secrets", type: "dlp-filter", action: "block" },
  { name: "injection", type: "prompt-injection", action: "block" },
  { name: "safety", type: "content-filter", action: "block" },
  { name: "pii", type: "pii-detector", action: "redact" },
  { name: "quality", type: "quality-scorer", action: "escalate", minScore: 0.7 },
  { name: "audit", type: "audit-logger", action: "log" },
] as const;

/** Without the policies that need a running gateway's budget tracker (in-process chain measurements). */
export const IN_PROCESS_CHAIN_POLICIES = FULL_CHAIN_POLICIES.filter((p) => p.type !== "cost_limit");

/** What runs on the request before the provider is called. */
export const REQUEST_CHAIN_POLICIES = IN_PROCESS_CHAIN_POLICIES.filter(
  (p) => p.type !== "quality-scorer" && p.type !== "audit-logger",
);
