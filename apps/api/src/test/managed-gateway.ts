import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { AuditService } from "../modules/audit/audit.service";
import { seedDemoGateway, type DemoGatewaySeed } from "../modules/gateways/demo-gateway.seed";
import type { TestApi, TestOrg } from "./harness";
import { freePort } from "./net";

const ROOT = resolve(__dirname, "../../../..");

export type ManagedGatewayProcess = {
  url: string;
  stateDir: string;
  /** The process's stdout and stderr. */
  logFile: string;
  process: ChildProcess;
  stop(): Promise<void>;
};

export type ManagedGatewayOptions = {
  /** Reuse a state dir (its spool and last synced config), e.g. to restart a killed gateway. Default: a fresh one. */
  stateDir?: string;
  /** `--fsync`: each event flushed to disk before the answer. */
  fsync?: boolean;
  /** Extra environment, e.g. the provider secret a config's `secret_key_ref` names. */
  env?: Record<string, string>;
};

/**
 * A real `kt gateway run --control-plane` process (the CLI from source), started with the gateway credential in
 * its environment as users run it; resolves once its /healthz answers 200, i.e. its config is applied.
 */
export async function startManagedGateway(
  apiUrl: string,
  credential: string,
  options: ManagedGatewayOptions = {},
): Promise<ManagedGatewayProcess> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), "kt-test-gw-"));
  const args = ["--conditions=source", "--import", "tsx", "packages/cli/src/dev.ts", "gateway", "run"];
  args.push("--control-plane", apiUrl, "--port", new URL(url).port, "--state-dir", stateDir);
  if (options.fsync) args.push("--fsync");
  const logFile = join(stateDir, "gateway.log");
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, KT_GATEWAY_TOKEN: credential, ...options.env },
    // Its output goes to a log in the state dir, for a failing test to read.
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/healthz`).catch(() => null))?.ok) {
    if (child.exitCode !== null)
      throw new Error(
        `the gateway exited with code ${child.exitCode} before it was ready:\n${readFileSync(logFile, "utf8").slice(-2000)}`,
      );
    if (Date.now() > deadline) throw new Error("the gateway did not become ready within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stateDir,
    logFile,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The demo org's gateway, config and key (as `npm run demo` seeds them) in a test org, for `teamId`. */
export function seedTestDemoGateway(api: TestApi, org: TestOrg, teamId: string): Promise<DemoGatewaySeed> {
  return seedDemoGateway(api.db, {
    orgId: org.orgId,
    teamId,
    createdById: org.users.admin.id,
    actor: { orgId: org.orgId, userId: "", actorLabel: "system (test)", via: "jwt", requestId: "", ip: "" },
    audit: new AuditService(),
  });
}
