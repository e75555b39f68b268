import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../../../..");
const CLI_SOURCE = join(ROOT, "packages/cli/src/dev.ts");

export type KtResult = { code: number; stdout: string; stderr: string };

/** A config directory of its own, so a test never reads or writes the user's `kt login`. */
export function tempConfigDir(): string {
  return mkdtempSync(join(tmpdir(), "kt-cli-test-"));
}

/**
 * Runs the `kt` CLI from its sources as a child process. Asynchronous on purpose: the API under test
 * lives in this process and must keep answering while the CLI waits for it.
 */
export function runKt(args: string[], env: Record<string, string | undefined>): Promise<KtResult> {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--conditions=source", "--import", "tsx", CLI_SOURCE, ...args],
      { cwd: ROOT, env: childEnv, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
