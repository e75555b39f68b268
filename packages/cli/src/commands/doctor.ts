import type { Command } from "commander";
import { apiClient } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { print } from "../lib/output";
import { runChecks, type DoctorCheck } from "../lib/doctor-checks";

const MARK: Record<DoctorCheck["status"], string> = { pass: "✓", fail: "✗", skip: "-" };

export function register(program: Command): void {
  program
    .command("doctor")
    .description(
      "check the API, your credentials, PostgreSQL, Redis, migrations, clock skew, your gateways, and optionally one gateway as your application reaches it",
    )
    .option(
      "--gateway-url <url>",
      "also probe this gateway (e.g. http://localhost:41002)",
      process.env.KT_GATEWAY_URL,
    )
    .option(
      "--gateway-key <key>",
      "with --gateway-url: check this gateway key (kt_gk_…) is accepted",
      process.env.KT_GATEWAY_KEY,
    )
    .action(async (opts: { gatewayUrl?: string; gatewayKey?: string }, cmd: Command) => {
      if (opts.gatewayKey && !opts.gatewayUrl)
        throw CliError.local(
          "bad_request",
          "--gateway-key needs --gateway-url (or KT_GATEWAY_URL): the gateway to try it on",
        );
      const api = apiClient();
      const gateway = opts.gatewayUrl ? { url: opts.gatewayUrl, key: opts.gatewayKey } : undefined;
      const checks = await runChecks(api, gateway);
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
