import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES } from "./catalog";
import { renderTemplate, renderTemplateSource } from "./render";

describe("renderTemplate", () => {
  it("applies monthly_limit and name to a list-form template, keeping its comment", () => {
    const r = renderTemplate("team-budget", { monthly_limit: 750, name: "payments-team" })!;
    expect(r.issues).toEqual([]);
    expect(r.unusedOverrides).toEqual([]);
    expect(r.config?.name).toBe("payments-team");
    expect(r.config?.policies).toEqual([{ name: "team-budget", type: "cost_limit", monthlyLimitUsd: 750, action: "block", enabled: true }]);
    expect(r.yaml.startsWith("# Stop a team's spend")).toBe(true);
  });

  it("applies models, min_score and entity_types to every matching policy of the demo template", () => {
    const r = renderTemplate("demo-team-policy", { models: ["gpt-4o-mini"], min_score: 0.5, entity_types: ["email"] })!;
    expect(r.issues).toEqual([]);
    const byType = Object.fromEntries(r.config!.policies.map((p) => [p.type, p]));
    expect(byType["model-allowlist"]).toMatchObject({ models: ["gpt-4o-mini"] });
    expect(byType["quality-scorer"]).toMatchObject({ minScore: 0.5 });
    expect(byType["pii-detector"]).toMatchObject({ entityTypes: ["email"] });
  });

  it("applies overrides to pack: chain entries, creating the settings block when missing", () => {
    const yaml = "pack:\n  name: p\npolicies:\n  chain: [cost_limit, audit-logger]\npolicy:\n  audit-logger: { immutable: true }\n";
    const r = renderTemplateSource(yaml, { monthly_limit: 20 });
    expect(r.issues).toEqual([]);
    expect(r.config?.policies[0]).toMatchObject({ type: "cost_limit", monthlyLimitUsd: 20 });
  });

  it("reports overrides that fit no policy, and bad values with their line", () => {
    const unused = renderTemplate("it-director-providers-1", { monthly_limit: 5 })!;
    expect(unused.unusedOverrides).toEqual(["monthly_limit"]);
    const bad = renderTemplate("team-budget", { monthly_limit: -5 })!;
    expect(bad.config).toBeNull();
    expect(bad.issues).toMatchObject([{ code: "negative-limit", line: 5 }]);
  });

  it("refuses unknown override keys and unknown template ids", () => {
    const r = renderTemplate("team-budget", { monthy_limit: 1 } as never)!;
    expect(r.config).toBeNull();
    expect(r.issues[0]).toMatchObject({ code: "unknown-field" });
    expect(renderTemplate("no-such-template")).toBeNull();
  });

  it("renders every template unchanged without overrides", () => {
    for (const t of BUILTIN_TEMPLATES) expect(renderTemplate(t.id)!.issues).toEqual([]);
  });
});
