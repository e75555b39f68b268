import type { Command } from "commander";
import { apiClient } from "../lib/api-client";
import { print } from "../lib/output";
import { runChecks, type DoctorCheck } from "../lib/doctor-checks";

const MARK: Record<DoctorCheck["status"], string> = { pass: "✓", fail: "✗", skip: "-" };

export function register(program: Command): void {
  program
    .command("doctor")
    .description("check the API, your credentials, PostgreSQL, Redis, migrations and clock skew")
    .action(async (_opts: unknown, cmd: Command) => {
      const api = apiClient();
      const checks = await runChecks(api);
      const ok = checks.every((c) => c.status === "pass");
      const width = Math.max(...checks.map((c) => c.name.length));
      const lines = checks.map(
        (c) => `${MARK[c.status]} ${c.name.padEnd(width)}  ${c.message}${c.hint ? `  → fix: ${c.hint}` : ""}`,
      );
      const failed = checks.filter((c) => c.status === "fail").map((c) => c.name);
      lines.push(ok ? "All checks passed." : `${failed.length} check(s) failed: ${failed.join(", ")}`);
      print(cmd, { ok, apiUrl: api.credentials.apiUrl, checks }, lines);
      if (!ok) process.exitCode = 1;
    });
}
