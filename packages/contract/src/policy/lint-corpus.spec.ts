import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePolicyConfig } from "./parse";
import { ZLintIssue } from "./lint-issue";

/** Each broken config states what it must produce: `# expect: <code> at <line>[:<column>]`, one or more. */
const dir = join(__dirname, "__fixtures__", "broken");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();

type TExpected = { code: string; line: number; column?: number };

function expectations(text: string): TExpected[] {
  return [...text.matchAll(/^# expect: (\S+) at (\d+)(?::(\d+))?$/gm)].map((m) => ({
    code: m[1],
    line: Number(m[2]),
    ...(m[3] && { column: Number(m[3]) }),
  }));
}

describe("lint corpus of broken configs", () => {
  it("has at least 15 broken configs, each with an expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) expect(expectations(readFileSync(join(dir, f), "utf8")), f).not.toHaveLength(0);
  });

  it.each(files)("%s reports exactly the expected issues at their lines", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const expected = expectations(text);
    const { config, issues } = parsePolicyConfig(text);
    for (const issue of issues) expect(ZLintIssue.parse(issue)).toEqual(issue);
    const got = issues.map((i) => ({ code: i.code, line: i.line, column: i.column }));
    for (const e of expected) {
      expect(got, `${file}: ${JSON.stringify(issues, null, 1)}`).toContainEqual(expect.objectContaining(e));
    }
    expect(issues.map((i) => i.code).sort()).toEqual(expected.map((e) => e.code).sort());
    for (const issue of issues) {
      expect(issue.message.length).toBeGreaterThan(5);
      expect(issue.hint.length).toBeGreaterThan(5);
    }
    const hasError = issues.some((i) => i.severity === "error");
    expect(config === null).toBe(hasError);
  });
});
