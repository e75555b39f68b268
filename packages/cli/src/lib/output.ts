import type { Command } from "commander";

/** Whether the command (or the program) was given `--json`. */
export function wantsJson(cmd: Command): boolean {
  return Boolean(cmd.optsWithGlobals().json);
}

/** Prints `data` as JSON under `--json`, else the human lines. */
export function print(cmd: Command, data: unknown, human: string | string[]): void {
  if (wantsJson(cmd)) {
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  const lines = Array.isArray(human) ? human : [human];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** Adds `--json` to every command that lacks it, so commands added later get it too. */
export function addJsonEverywhere(cmd: Command): void {
  if (!cmd.options.some((o) => o.long === "--json")) cmd.option("--json", "print machine-readable JSON");
  cmd.commands.forEach(addJsonEverywhere);
}
