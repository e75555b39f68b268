import type { INestApplicationContext } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { isExportFinished, ZExport, type TExport } from "@kt/contract";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import type { TEnv } from "../../../config/env";
import { startApi, type Client, type TestApi } from "../../../test/harness";
import { WorkerModule } from "../../../worker.module";

const ROOT = resolve(__dirname, "../../../../../..");

/** Export settings for tests: quick retries, and a dead worker's job picked up within seconds. */
export const FAST_EXPORT_ENV = {
  EXPORT_BACKOFF_MS: "200",
  EXPORT_LOCK_MS: "2000",
  EXPORT_STALLED_CHECK_MS: "1000",
};

/**
 * The API with its own export directory and Redis prefix, so files and queues of one test file stay apart;
 * closing it removes the directory.
 */
export async function startExportsApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const dir = `/tmp/kt-exports-test-${process.pid}-${randomBytes(3).toString("hex")}`;
  const api = await startApi({ EXPORT_DIR: dir, ...FAST_EXPORT_ENV, ...overrides });
  return { ...api, close: async () => (await api.close(), await rm(dir, { recursive: true, force: true })) };
}

/** The worker in this process (NestJS application context of the worker entry point), consuming the exports queue. */
export async function startWorker(env: TEnv, overrides: Partial<TEnv> = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...env, WORKER_QUEUES: "exports", ...overrides }), { logger: false });
  app.enableShutdownHooks();
  return app;
}

/** The worker as its own process (`main.worker.ts` through tsx), so a test can SIGKILL it. */
export function spawnWorker(env: TEnv, overrides: Record<string, string> = {}): ChildProcess {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && typeof v !== "object") vars[k] = String(v);
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "apps/api/src/main.worker.ts"], {
    cwd: ROOT,
    // tsx compiles with the API's tsconfig (decorators); the worker's own classes name their injections.
    env: { PATH: process.env.PATH, TSX_TSCONFIG_PATH: "apps/api/tsconfig.json", ...vars, WORKER_QUEUES: "exports", LOG_LEVEL: "warn", ...overrides },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  (child as ChildProcess & { output: () => string }).output = () => output;
  return child;
}

export function workerOutput(child: ChildProcess): string {
  return (child as ChildProcess & { output?: () => string }).output?.() ?? "";
}

/** Polls GET /v1/exports/:id until `until` holds (by default: the job has finished). */
export async function waitForExport(
  as: Client,
  id: string,
  until: (e: TExport) => boolean = (e) => isExportFinished(e.status),
  timeoutMs = 60_000,
): Promise<TExport> {
  const deadline = Date.now() + timeoutMs;
  let last: TExport | undefined;
  while (Date.now() < deadline) {
    const res = await as.get(`/v1/exports/${id}`);
    if (res.status !== 200) throw new Error(`GET /v1/exports/${id}: ${res.status} ${JSON.stringify(res.body)}`);
    last = ZExport.parse(res.body);
    if (until(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`export ${id} did not reach the awaited state in ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}

/** Downloads an export's file as text, with the response headers. */
export async function download(api: TestApi, token: string, id: string) {
  const res = await fetch(`${api.url}/v1/exports/${id}/download`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
