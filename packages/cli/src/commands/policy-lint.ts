import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { contentHash, hasLintErrors, parsePolicyConfig, type TLintIssue } from "@kt/contract";
import type { Command } from "commander";
import { CliError } from "../lib/errors";
import { print } from "../lib/output";

/** `file:line:col severity code message (hint)`: the shape editors and CI log parsers pick up. */
export function formatLintIssue(file: string, issue: TLintIssue): string {
  return `${file}:${issue.line}:${issue.column} ${issue.severity} ${issue.code} ${issue.message} (${issue.hint})`;
}

async function readConfig(file: string): Promise<string> {
  try {
    if (file === "-") {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString("utf8");
    }
    return await readFile(file, "utf8");
  } catch (e) {
    throw CliError.local("bad_request", `Cannot read ${file}: ${(e as Error).message}`);
  }
}

/** The `policy` group, shared with the other `kt policy …` commands whichever registers first. */
export function policyGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === "policy") ?? program.command("policy").description("lint, push and pull policy configs");
}

export function register(program: Command): void {
  policyGroup(program)
    .command("lint")
    .description("check a policy config (either YAML form): every error and warning with line and column; exit 1 on errors")
    .requiredOption("--file <path>", "policy config YAML, or - for standard input")
    .action(async (opts: { file: string }, cmd: Command) => {
      const text = await readConfig(opts.file);
      const { config, issues } = parsePolicyConfig(text, { defaultName: basename(opts.file, extname(opts.file)) });
      const errors = issues.filter((i) => i.severity === "error").length;
      const warnings = issues.length - errors;
      const ok = !hasLintErrors(issues);
      const label = opts.file === "-" ? "<stdin>" : opts.file;
      const summary = ok
        ? `${label}: valid (${config?.policies.length ?? 0} policies, ${config?.providers.length ?? 0} provider targets)${warnings ? `, ${warnings} warning(s)` : ""}`
        : `${label}: ${errors} error(s), ${warnings} warning(s)`;
      print(
        cmd,
        { file: label, ok, errors, warnings, issues, config, contentHash: config ? contentHash(config) : null },
        [...issues.map((i) => formatLintIssue(label, i)), summary],
      );
      if (!ok) process.exitCode = 1;
    });
}
