import { describe, expect, it } from "vitest";
import { parsePolicyConfig } from "./parse";
import { ZLintIssue } from "./lint-issue";

const odd = [
  "",
  "   \n\n",
  "~",
  "42",
  "'just a string'",
  "[1, 2, 3]",
  "- - - -",
  "---\n---\n",
  "policies: !!binary aGVsbG8=",
  "policies: &a [*a]",
  "a: &x [1]\nb: *y",
  "\uFEFFpolicies:\n  - name: \u202Eevil\u202C\n    type: prompt-injection\n",
  "policies:\n  - name: 🛡️ 保护\n    type: pii-detector\n    entity_types: [名前, 🙂]\n",
  "policies:\n  - name: \0\n",
  "policy:\n  __proto__: { type: cost_limit, monthly_limit: 1 }\npolicies:\n  chain: [__proto__, constructor, toString]\n",
  "providers: { targets: [ { id: 1, provider: [x] } ], default: 2 }",
  "policies:\n  - name: x\n    type: cost_limit\n    monthly_limit: .inf\n",
  "policies:\n  - name: x\n    type: cost_limit\n    monthly_limit: .nan\n",
  "pack: { name: '', version: [1] }",
  "\t\tpolicies:",
  `policies: ${"[".repeat(5000)}${"]".repeat(5000)}`,
  `policies:\n${Array.from({ length: 300 }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")}\n`,
  `a: &a0 [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}]`).join("\n")}\n`,
];

describe("parsePolicyConfig never throws", () => {
  it.each(odd.map((t, i) => [i, t]))("odd input #%i yields issues, not an exception", (_, text) => {
    const result = parsePolicyConfig(text);
    for (const issue of result.issues) ZLintIssue.parse(issue);
    if (result.config === null) expect(result.issues.some((i) => i.severity === "error")).toBe(true);
  });

  it("survives random mutations of a valid config", () => {
    const base = "pack:\n  name: p\nproviders:\n  targets:\n    - id: demo\n      provider: demo\npolicies:\n  - name: b\n    type: cost_limit\n    monthly_limit: 10\n";
    const alphabet = [":", "-", " ", "\n", "[", "]", "{", "}", "'", '"', "&", "*", "!", "#", "|", ">", "x", "1", "\t", "é"];
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const chars = [...base];
      for (let k = 0; k < 1 + rand(4); k++) chars.splice(rand(chars.length), rand(2), alphabet[rand(alphabet.length)]);
      const result = parsePolicyConfig(chars.join(""));
      for (const issue of result.issues) ZLintIssue.parse(issue);
    }
  });

  it("refuses non-string input without throwing", () => {
    expect(parsePolicyConfig(undefined as unknown as string).issues[0]?.severity).toBe("error");
    expect(parsePolicyConfig({} as unknown as string).config).toBeNull();
  });
});
