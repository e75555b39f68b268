import { costFor, ZNormalizedPolicyConfig } from "@kt/contract";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPLETION_ALLOWANCE, estimateCallUsd } from "../src/events/budget-estimate";
import { countPromptTokens } from "../src/events/tokens";
import { PolicyChain, type TBudgetView } from "../src/policy/chain";
import { Redactor } from "../src/policy/redactor";
import { ProviderRouter } from "../src/providers/router";

const messages = [{ role: "user", content: "Summarise the release notes in three bullet points" }];

const chainOf = (policies: unknown[]) =>
  new PolicyChain(ZNormalizedPolicyConfig.parse({ name: "t", policies }));
const run = (chain: PolicyChain, budget: TBudgetView) =>
  chain.runRequest(
    structuredClone(messages),
    { model: "gpt-4o", teamId: "t1", stage: "request", budget },
    new Redactor(),
  );
const reservation = (over: Partial<Extract<TBudgetView, { source: "control-plane" }>> = {}): TBudgetView => ({
  source: "control-plane",
  granted: true,
  spentUsd: 0.5,
  reservedUsd: 0.1,
  limitUsd: 1,
  estimateUsd: 0.02,
  reason: null,
  ...over,
});
const capped = chainOf([{ name: "team-budget", type: "cost_limit", action: "block", monthlyLimitUsd: 100 }]);

describe("cost_limit on the control plane's reservation answer", () => {
  it("lets a granted reservation through and records the figures", () => {
    const r = run(capped, reservation());
    expect(r.block).toBeNull();
    expect(r.decisions[0]).toMatchObject({
      policy: "team-budget",
      triggered: false,
      details: { budget: "reserved", limitUsd: 1, spentUsd: 0.5 },
    });
  });

  it("blocks a refused reservation with 429 budget_exceeded, naming the policy and the control plane's reason", () => {
    const r = run(
      capped,
      reservation({ granted: false, reason: "Team monthly budget of $1.00 would be exceeded" }),
    );
    expect(r.block).toMatchObject({
      policy: "team-budget",
      status: 429,
      code: "budget_exceeded",
      reason: "Team monthly budget of $1.00 would be exceeded",
    });
  });

  it("applies this config's lower limit when the control plane's is higher or unset", () => {
    const tight = chainOf([{ name: "cap", type: "cost_limit", action: "block", monthlyLimitUsd: 0.6 }]);
    expect(run(tight, reservation({ limitUsd: null })).block).toMatchObject({
      policy: "cap",
      code: "budget_exceeded",
    });
    expect(run(tight, reservation({ limitUsd: 5, spentUsd: 0.1 })).block).toBeNull();
  });

  it("lets the call through when the control plane could not be asked, recording budget_unknown", () => {
    const r = run(capped, { source: "unknown", error: "the control plane could not be reached" });
    expect(r.block).toBeNull();
    expect(r.decisions[0].details).toMatchObject({ budget: "budget_unknown" });
  });

  it("enforces a budget the control plane holds when the config has no cost_limit policy", () => {
    const plain = chainOf([{ name: "audit", type: "audit-logger", action: "log" }]);
    expect(run(plain, null).decisions.map((d) => d.type)).toEqual(["audit-logger"]);
    const refused = run(plain, reservation({ granted: false, reason: "over" }));
    expect(refused.block).toMatchObject({ policy: "cost_limit", status: 429, code: "budget_exceeded" });
    expect(run(plain, reservation()).decisions.at(-1)).toMatchObject({
      policy: "cost_limit",
      type: "cost_limit",
      triggered: false,
    });
  });
});

describe("estimateCallUsd", () => {
  const router = ProviderRouter.fromTargets(
    ZNormalizedPolicyConfig.parse({ name: "t", policies: [], providers: [{ id: "o", provider: "openai" }] })
      .providers,
  );
  const prompt = countPromptTokens(messages);

  it("prices the prompt's tokens plus max_tokens (or max_completion_tokens) at the model's list price", () => {
    const targets = router.candidates("gpt-4o");
    expect(estimateCallUsd({ model: "gpt-4o", messages, max_tokens: 500 }, targets)).toBe(
      costFor("openai", "gpt-4o", { promptTokens: prompt, completionTokens: 500 }),
    );
    expect(
      estimateCallUsd(
        { model: "gpt-4o", messages, max_tokens: 9, max_completion_tokens: 700, n: 2 },
        targets,
      ),
    ).toBe(costFor("openai", "gpt-4o", { promptTokens: prompt, completionTokens: 1400 }));
  });

  it("assumes the default completion allowance without max_tokens, and 0 for unpriced models", () => {
    expect(estimateCallUsd({ model: "gpt-4o", messages }, router.candidates("gpt-4o"))).toBe(
      costFor("openai", "gpt-4o", { promptTokens: prompt, completionTokens: DEFAULT_COMPLETION_ALLOWANCE }),
    );
    expect(estimateCallUsd({ model: "house-model", messages }, router.candidates("house-model"))).toBe(0);
  });
});
