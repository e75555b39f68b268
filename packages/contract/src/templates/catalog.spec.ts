import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePolicyConfig } from "../policy/parse";
import { BUILTIN_TEMPLATES, ZPolicyTemplate } from "./catalog";

const guide = (name: string) => readFileSync(join(__dirname, "..", "policy", "__fixtures__", "guides", name), "utf8");

describe("built-in template catalog", () => {
  it("has unique ids and valid entries", () => {
    for (const t of BUILTIN_TEMPLATES) ZPolicyTemplate.parse(t);
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(BUILTIN_TEMPLATES.length);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t]))("%s lints clean (no errors, no warnings)", (_, template) => {
    const { config, issues } = parsePolicyConfig(template.yaml);
    expect(issues).toEqual([]);
    expect(config?.policies.length).toBeGreaterThan(0);
  });

  it.each([
    ["team-quality-policy", "team-quality-policy.yaml"],
    ["team-budget", "team-budget.yaml"],
    ["team-cost-cap", "team-cost-cap.yaml"],
    ["it-director-providers-1", "it-director-providers-1.yaml"],
  ])("template %s holds the guide example %s", (id, file) => {
    const template = BUILTIN_TEMPLATES.find((t) => t.id === id)!;
    expect(parsePolicyConfig(template.yaml).config).toEqual(parsePolicyConfig(guide(file)).config);
  });

  it("holds each policy of the guides' team policy as its own template", () => {
    const team = parsePolicyConfig(guide("team-quality-policy.yaml")).config!;
    for (const policy of team.policies) {
      const template = BUILTIN_TEMPLATES.find((t) => t.id === policy.name);
      expect(template, policy.name).toBeDefined();
      expect(parsePolicyConfig(template!.yaml).config?.policies).toEqual([policy]);
    }
  });

  it("demo team policy: the guides' team policy plus model allowlist and budget, on the demo provider", () => {
    const demo = parsePolicyConfig(BUILTIN_TEMPLATES.find((t) => t.id === "demo-team-policy")!.yaml).config!;
    expect(demo.providers.map((p) => [p.id, p.provider])).toEqual([["demo", "demo"]]);
    expect(demo.defaultTarget).toBe("demo");
    expect(demo.policies.map((p) => p.type)).toEqual([
      "quality-scorer",
      "content-filter",
      "pii-detector",
      "prompt-injection",
      "model-allowlist",
      "cost_limit",
    ]);
  });
});
