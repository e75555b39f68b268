import { describe, expect, it } from "vitest";
import { parsePolicyConfig } from "./parse";
import { contentHash } from "./content-hash";

const hashOf = (yaml: string) => {
  const { config, issues } = parsePolicyConfig(yaml, { defaultName: "p" });
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return contentHash(config!);
};

describe("contentHash", () => {
  const list = "policies:\n  - name: budget\n    type: cost_limit\n    monthly_limit: 10\n";

  it("is a sha256 hex digest", () => {
    expect(hashOf(list)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores comments, key order, flow style and defaults spelled out", () => {
    const same = "# budget\npolicies:\n  - { monthly_limit: 10, enabled: true, action: block, type: cost_limit, name: budget }\n";
    expect(hashOf(same)).toBe(hashOf(list));
  });

  it("is the same for the pack: chain form of the same policy", () => {
    const chain = "pack: { name: p }\npolicies:\n  chain: [budget]\npolicy:\n  budget: { type: cost_limit, monthly_limit: 10 }\n";
    expect(hashOf(chain)).toBe(hashOf(list));
  });

  it("changes when anything that matters changes", () => {
    const base = hashOf(list);
    expect(hashOf(list.replace("10", "11"))).not.toBe(base);
    expect(hashOf(`${list}    enabled: false\n`)).not.toBe(base);
    expect(hashOf(list.replace("budget", "budget2"))).not.toBe(base);
  });
});
