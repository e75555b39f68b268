/** A throwaway database and a real API process (from the build) for the events benchmarks. */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");
const apiRequire = createRequire(join(ROOT, "apps/api/package.json"));
export const pg = apiRequire("pg") as typeof import("pg");

const ADMIN_URL = process.env.KT_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

export async function sql(url: string, text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

export type Stack = { dbUrl: string; dbName: string; prefix: string; drop: () => Promise<void> };

/** The URL of database `name` on the bench's PostgreSQL, migrated to the latest schema (created when missing). */
export async function migratedDatabase(name: string): Promise<string> {
  const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  const exists = await sql(ADMIN_URL, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!exists.rowCount) await sql(ADMIN_URL, `CREATE DATABASE "${name}"`);
  execFileSync("pnpm", ["exec", "prisma", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl },
    stdio: "ignore",
  });
  return dbUrl;
}

export function dropDatabase(name: string): Promise<void> {
  return sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined);
}

/** A throwaway database for one run, dropped by `drop()` unless BENCH_KEEP_DB is set. */
export async function createStack(label: string): Promise<Stack> {
  const dbName = `kt_bench_${label}_${randomBytes(3).toString("hex")}`;
  return {
    dbUrl: await migratedDatabase(dbName),
    dbName,
    prefix: dbName,
    drop: async () => {
      if (process.env.BENCH_KEEP_DB) return console.log(`kept database ${dbName}`);
      await dropDatabase(dbName);
    },
  };
}

/** Starts `apps/api/dist/main.js` on `port` (bench ports 4300-4399) and waits for its health check. */
export async function startApi(
  stack: Stack,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; proc: ChildProcess; stop: () => void }> {
  const entry = join(ROOT, "apps/api/dist/main.js");
  if (!existsSync(entry)) throw new Error("no built API: run `pnpm --filter @kt/api build` first");
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    JWT_SECRET: randomBytes(32).toString("hex"),
    DATABASE_URL: stack.dbUrl,
    REDIS_URL,
    REDIS_PREFIX: stack.prefix,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    BODY_LIMIT: "8mb",
    ...extraEnv,
  };
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": node flags for the API (NODE_OPTIONS refuses some).
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  // As apps/api's start script and Dockerfile run it.
  const proc = spawn(process.execPath, ["--max-semi-space-size=64", ...nodeArgs, entry], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout!.on("data", (d) => (log += d));
  proc.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (proc.exitCode !== null || Date.now() - started > 60_000)
      throw new Error(`API did not start:\n${log}`);
    const ok = await fetch(`${url}/v1/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, proc, stop: () => proc.kill("SIGTERM") };
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
