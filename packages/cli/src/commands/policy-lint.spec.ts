import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addJsonEverywhere } from "../lib/output";
import { register } from "./policy-lint";

const dir = mkdtempSync(join(tmpdir(), "kt-policy-lint-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: string[]): Promise<{ out: string; exitCode: number }> {
  const program = new Command("kt").exitOverride();
  register(program);
  addJsonEverywhere(program);
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  process.exitCode = 0;
  try {
    await program.parseAsync(["node", "kt", ...args]);
  } finally {
    write.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, exitCode };
}

afterEach(() => {
  process.exitCode = 0;
});

describe("kt policy lint", () => {
  it("passes a valid config with exit code 0", async () => {
    const path = file("team-budget.yaml", "policies:\n  - name: team-budget\n    type: cost_limit\n    monthly_limit: 2000\n");
    const { out, exitCode } = await run(["policy", "lint", "--file", path]);
    expect(exitCode).toBe(0);
    expect(out).toContain("valid (1 policies, 0 provider targets)");
  });

  it("prints file:line:col severity code message (hint) and exits 1 on errors", async () => {
    const path = file("broken.yaml", "policies:\n  - name: a\n    type: cost_limit\n    monthly_limit: -5\n");
    const { out, exitCode } = await run(["policy", "lint", "--file", path]);
    expect(exitCode).toBe(1);
    expect(out).toContain(`${path}:4:20 error negative-limit \`monthly_limit\` is negative (-5) (Use zero or a positive number`);
    expect(out).toContain("1 error(s), 0 warning(s)");
  });

  it("--json prints the issues, the normalised config and its hash", async () => {
    const path = file("warn.yaml", "policies:\n  - name: s\n    type: prompt-injection\n    enabled: false\n");
    const { out, exitCode } = await run(["policy", "lint", "--file", path, "--json"]);
    expect(exitCode).toBe(0);
    const body = JSON.parse(out);
    expect(body).toMatchObject({ ok: true, errors: 0, warnings: 1, issues: [{ code: "blocking-policy-disabled", line: 4 }] });
    expect(body.config.name).toBe("warn");
    expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names a file it cannot read", async () => {
    await expect(run(["policy", "lint", "--file", join(dir, "missing.yaml")])).rejects.toThrow(/Cannot read/);
  });
});
