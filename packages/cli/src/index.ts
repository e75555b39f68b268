import { Command, CommanderError } from "commander";
import * as doctor from "./commands/doctor";
import * as exportCommands from "./commands/export-commands";
import * as gatewayRun from "./commands/gateway-run";
import * as login from "./commands/login";
import * as policyLint from "./commands/policy-lint";
import * as whoami from "./commands/whoami";
import * as policyPush from "./commands/policy-push";
import * as policyPull from "./commands/policy-pull";
import * as eventsCommands from "./commands/events-commands";
import { CliError } from "./lib/errors";
import { addJsonEverywhere } from "./lib/output";

export { apiClient, type ApiClient } from "./lib/api-client";
export { CliError } from "./lib/errors";
export { print, wantsJson } from "./lib/output";

export type CommandModule = { register: (program: Command) => void };

/** Every command of `kt`; add yours here (one line). Each module exports `register(program)`. */
const COMMANDS: CommandModule[] = [login, whoami, doctor, policyLint, exportCommands, policyPush, policyPull, gatewayRun, eventsCommands];

export const VERSION = "0.1.0";

export function buildProgram(): Command {
  const program = new Command("kt")
    .description("kt: govern how your teams use LLMs")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const command of COMMANDS) command.register(program);
  addJsonEverywhere(program);
  return program;
}

/** Runs `kt` with `argv` as in process.argv; resolves to the exit code (also set on process.exitCode). */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const program = buildProgram();
  if (json) program.configureOutput({ writeErr: () => undefined });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    process.exitCode = report(e, json);
  }
  return Number(process.exitCode ?? 0);
}

function report(e: unknown, json: boolean): number {
  if (e instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    if (json && e.exitCode !== 0)
      process.stdout.write(
        `${JSON.stringify({ error: { code: "bad_request", message: e.message } }, null, 2)}\n`,
      );
    return e.exitCode;
  }
  const error =
    e instanceof CliError
      ? e
      : CliError.local("internal", `Unexpected error: ${(e as Error)?.stack ?? String(e)}`);
  if (json) process.stdout.write(`${JSON.stringify(error.body, null, 2)}\n`);
  else process.stderr.write(`error: ${error.message}\n`);
  return error.exitCode;
}
