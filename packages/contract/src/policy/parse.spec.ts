import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePolicyConfig } from "./parse";
import type { TNormalizedPolicyConfig } from "./model";

const guide = (name: string) => readFileSync(join(__dirname, "__fixtures__", "guides", name), "utf8");
const events = { storePrompts: "hash" } as const;

describe("round trip: the guides' YAML lints clean and normalises to the expected model", () => {
  it("pack: form (IT Director guide, multi-provider portfolio)", () => {
    const { config, issues } = parsePolicyConfig(guide("it-director-providers-1.yaml"));
    expect(issues).toEqual([]);
    const target = { models: [], timeoutMs: 60_000, deployments: {} };
    expect(config).toEqual<TNormalizedPolicyConfig>({
      name: "it-director-providers-1",
      version: "1.0.0",
      enabled: true,
      providers: [
        { ...target, id: "openai", provider: "openai", secretEnv: "OPENAI_API_KEY" },
        { ...target, id: "anthropic", provider: "anthropic", secretEnv: "ANTHROPIC_API_KEY" },
        {
          ...target,
          id: "azure-openai",
          provider: "azure-openai",
          baseUrl: "https://your-instance.openai.azure.com",
          secretEnv: "AZURE_OPENAI_API_KEY",
        },
      ],
      policies: [
        { name: "audit-logger", type: "audit-logger", action: "log", enabled: true, immutable: true, retentionDays: 365, logAllAccess: true },
      ],
      events,
    });
  });

  it("policies: list form (Engineering Manager guide, team quality policy)", () => {
    const { config, issues } = parsePolicyConfig(guide("team-quality-policy.yaml"), { defaultName: "team-policy" });
    expect(issues).toEqual([]);
    expect(config).toEqual<TNormalizedPolicyConfig>({
      name: "team-policy",
      version: "1.0.0",
      enabled: true,
      providers: [],
      policies: [
        { name: "team-quality-gate", type: "quality-scorer", minScore: 0.7, action: "escalate", enabled: true },
        {
          name: "team-content-safety",
          type: "content-filter",
          categories: ["harmful", "biased"],
          threshold: 0.5,
          stage: "both",
          action: "block",
          enabled: true,
        },
        {
          name: "team-pii-protection",
          type: "pii-detector",
          entityTypes: ["name", "email", "phone", "financial"],
          stage: "both",
          action: "redact",
          enabled: true,
        },
        { name: "team-security", type: "prompt-injection", threshold: 0.5, action: "block", enabled: true },
      ],
      events,
    });
  });

  it.each([
    ["team-budget.yaml", "team-budget", 2000],
    ["team-cost-cap.yaml", "team-cost-cap", 5000],
  ])("cost_limit from the guides (%s)", (file, name, limit) => {
    const { config, issues } = parsePolicyConfig(guide(file));
    expect(issues).toEqual([]);
    expect(config?.policies).toEqual([{ name, type: "cost_limit", monthlyLimitUsd: limit, action: "block", enabled: true }]);
  });
});

describe("chain entries", () => {
  it("name a policy.<name> block with a type, or are a policy type themselves; chain order is kept", () => {
    const yaml = [
      "pack: { name: chain-demo, version: 2.0 }",
      "policies:",
      "  chain: [cost_limit, team-models, prompt-injection]",
      "policy:",
      "  team-models: { type: model-allowlist, models: [gpt-4o] }",
      "  cost_limit: { monthly_limit: 0 }",
    ].join("\n");
    const { config, issues } = parsePolicyConfig(yaml);
    expect(issues).toEqual([]);
    expect(config?.version).toBe("2.0");
    expect(config?.policies.map((p) => [p.name, p.type, p.action])).toEqual([
      ["cost_limit", "cost_limit", "block"],
      ["team-models", "model-allowlist", "block"],
      ["prompt-injection", "prompt-injection", "block"],
    ]);
  });

  it("a file may carry pack, providers (scalar provider, models, azure deployments) and a policies list", () => {
    const yaml = `pack:
  name: mixed
providers:
  targets:
    - id: az
      provider: azure-openai
      base_url: https://x.openai.azure.com
      secret_key_ref: { env: AZ_KEY }
      api_version: 2024-10-21
      deployments: { gpt-4o: prod-gpt4o }
      models: [gpt-4o]
      timeout_ms: 30000
    - id: demo
      provider: demo
  default: demo
events:
  store_prompts: redacted
policies:
  - name: pii
    type: pii-detector
    entity_types: [Person, email-address, phone number, credit-card]
`;
    const { config, issues } = parsePolicyConfig(yaml);
    expect(issues).toEqual([]);
    expect(config?.providers[0]).toEqual({
      id: "az",
      provider: "azure-openai",
      baseUrl: "https://x.openai.azure.com",
      secretEnv: "AZ_KEY",
      apiVersion: "2024-10-21",
      deployments: { "gpt-4o": "prod-gpt4o" },
      models: ["gpt-4o"],
      timeoutMs: 30000,
    });
    expect(config?.defaultTarget).toBe("demo");
    expect(config?.events.storePrompts).toBe("redacted");
    expect(config?.policies[0]).toMatchObject({ action: "redact", entityTypes: ["name", "email", "phone", "credit_card"] });
  });
});
