import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "./net";

const ROOT = resolve(__dirname, "../../../..");

export type ManagedGatewayProcess = { url: string; process: ChildProcess; stop(): Promise<void> };

/**
 * A real `kt gateway run --control-plane` process (the CLI from source), started with the gateway credential in
 * its environment as users run it; resolves once its /healthz answers 200, i.e. its config is applied.
 */
export async function startManagedGateway(
  apiUrl: string,
  credential: string,
): Promise<ManagedGatewayProcess> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const args = ["--conditions=source", "--import", "tsx", "packages/cli/src/dev.ts", "gateway", "run"];
  args.push("--control-plane", apiUrl, "--port", new URL(url).port);
  args.push("--state-dir", mkdtempSync(join(tmpdir(), "kt-test-gw-")));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, KT_GATEWAY_TOKEN: credential },
    stdio: "ignore",
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/healthz`).catch(() => null))?.ok) {
    if (child.exitCode !== null)
      throw new Error(`the gateway exited with code ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) throw new Error("the gateway did not become ready within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
