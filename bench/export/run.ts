/**
 * bench/export: ROWS (default 1 M) gateway events (the `load-1m-events` seed scenario) to CSV through the real worker process (main.worker.ts), end to
 * end: job queued → file written, checksummed and committed → row succeeded. Prints the wall time and the worker's
 * peak RSS (targets: ≤ 20 s, ≤ 200 MB) against a baseline measured in the same run: PostgreSQL alone producing the
 * same rows as CSV (COPY (same query) TO STDOUT, discarded), the floor any exporter pays.
 * The worker runs as deployed, from the build (`pnpm --filter @kt/api build` first); BENCH_WORKER=tsx runs it from
 * the sources instead (more memory: the TypeScript loader).
 * Run: pnpm --filter @kt/bench export   (env: ROWS, FORMAT=csv|json|ndjson, BENCH_WORKER=dist|tsx, BENCH_KEEP_DB=1)
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { execFileSync } from "node:child_process";
import { exportQuery } from "../../apps/api/src/modules/exports/worker/sources/export-query";
import { EXPORT_SOURCES } from "../../apps/api/src/modules/exports/worker/sources";
import { seedLoadEvents } from "../../apps/api/src/seed/load-events.scenario";

const ROOT = resolve(__dirname, "../..");
const apiRequire = createRequire(join(ROOT, "apps/api/package.json"));
const pg = apiRequire("pg") as typeof import("pg");
const { to: copyTo } = apiRequire("pg-copy-streams") as typeof import("pg-copy-streams");
const { Queue } = apiRequire("bullmq") as typeof import("bullmq");
const { createDb } = apiRequire("@kt/db") as typeof import("@kt/db");

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const FORMAT = (process.env.FORMAT ?? "csv") as "csv" | "json" | "ndjson";
const WORKER = process.env.BENCH_WORKER ?? "dist";
const ADMIN_URL = process.env.KT_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const tag = randomBytes(3).toString("hex");
const dbName = `kt_bench_export_${tag}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
const exportDir = `/tmp/kt-bench-exports-${tag}`;
const prefix = `kt_bench_export_${tag}`;
let ORG = "";

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (kb: number) => (kb / 1024).toFixed(0);

/** CPU seconds (user + system) a process has used so far. */
function procCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function procKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

async function sql(url: string, text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

/** The `load-1m-events` seed scenario (8 teams with a gateway each, 200 users, ROWS events over 30 days). */
async function seed() {
  await sql(ADMIN_URL, `CREATE DATABASE "${dbName}"`);
  execFileSync("pnpm", ["exec", "prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: dbUrl }, stdio: "ignore" });
  const db = createDb({ url: dbUrl });
  try {
    const seeded = await seedLoadEvents(db, [String(ROWS), "30"]);
    ORG = seeded.orgId;
  } finally {
    await db.$disconnect();
  }
  return { since: new Date(Date.now() - 31 * 86_400_000), until: new Date() };
}

/** PostgreSQL alone: the same statement as the export, as CSV through COPY, bytes discarded. */
async function baseline(range: { since: Date; until: Date }) {
  const q = exportQuery(EXPORT_SOURCES.events, { orgId: ORG, ...range, filters: {} }, FORMAT);
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const literal = (v: unknown) => `'${v instanceof Date ? v.toISOString() : String(v)}'`;
  const text = q.text.replace(/\$(\d+)/g, (_, i) => literal(q.values[Number(i) - 1]));
  let bytes = 0;
  const t0 = process.hrtime.bigint();
  await pipeline(c.query(copyTo(`COPY (${text}) TO STDOUT WITH (FORMAT ${FORMAT === "csv" ? "csv" : "text"})`)), new Writable({ write: (chunk, _e, done) => ((bytes += chunk.length), done()) }));
  const took = ms(t0);
  await c.end();
  return { ms: took, bytes };
}

async function runWorker(range: { since: Date; until: Date }) {
  const env = { PATH: process.env.PATH, TSX_TSCONFIG_PATH: "apps/api/tsconfig.json", DATABASE_URL: dbUrl, REDIS_URL, REDIS_PREFIX: prefix, EXPORT_DIR: exportDir, WORKER_QUEUES: "exports", LOG_LEVEL: "info", NODE_OPTIONS: process.env.WORKER_NODE_OPTIONS ?? "", NODE_ENV: "production", JWT_SECRET: randomBytes(32).toString("hex") };
  const entry = WORKER === "tsx" ? ["--conditions=source", "--import", "tsx", "apps/api/src/main.worker.ts"] : ["apps/api/dist/main.worker.js"];
  if (WORKER !== "tsx" && !existsSync(join(ROOT, entry[0]))) throw new Error("no built worker: run `pnpm --filter @kt/api build` first (or BENCH_WORKER=tsx)");
  const worker = spawn(process.execPath, entry, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  process.once("exit", () => worker.kill("SIGKILL"));
  let log = "";
  worker.stdout.on("data", (d) => (log += d));
  worker.stderr.on("data", (d) => (log += d));
  const started = Date.now();
  while (!log.includes("worker started")) {
    if (worker.exitCode !== null || Date.now() - started > 60_000) throw new Error(`worker did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // Let start-up settle (the first sweep runs at once and loads the database client) before calling it idle.
  await new Promise((r) => setTimeout(r, 3000));
  const idleKb = procKb(worker.pid!, "VmRSS");

  const id = randomUUID();
  const filters = { since: range.since.toISOString(), until: range.until.toISOString() };
  await sql(dbUrl, `INSERT INTO export_jobs (id, "orgId", type, format, filters) VALUES ($1, $2, 'events', $3, $4)`, [id, ORG, FORMAT, filters]);
  const queue = new Queue("exports", { connection: { url: REDIS_URL }, prefix });
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  let peakKb = idleKb;
  const sampler = setInterval(() => worker.exitCode === null && (peakKb = Math.max(peakKb, procKb(worker.pid!, "VmRSS"))), 50);
  try {
    const cpu0 = procCpuSeconds(worker.pid!);
    const t0 = process.hrtime.bigint();
    await queue.add("export.run", { orgId: ORG, exportId: id }, { jobId: id, attempts: 1 });
    let row: { status: string; rowCount: number; sizeBytes: string; error: string | null };
    for (;;) {
      row = (await db.query(`SELECT status, "rowCount", "sizeBytes", error FROM export_jobs WHERE id = $1`, [id])).rows[0];
      if (row.status === "succeeded" || row.status === "failed") break;
      if (worker.exitCode !== null || worker.signalCode !== null) throw new Error(`the worker exited (${worker.exitCode ?? worker.signalCode}):\n${log.slice(-2000)}`);
      if (ms(t0) > 300_000) throw new Error("the export did not finish in 5 minutes");
      await new Promise((r) => setTimeout(r, 20));
    }
    const wall = ms(t0);
    const cpu = procCpuSeconds(worker.pid!) - cpu0;
    const hwmKb = procKb(worker.pid!, "VmHWM");
    if (row.status !== "succeeded") throw new Error(`export failed: ${row.error}\n${log.slice(-2000)}`);
    return { wall, cpu, idleKb, peakKb, hwmKb, rows: row.rowCount, bytes: Number(row.sizeBytes), file: statSync(join(exportDir, ORG, `${id}.${FORMAT}`)).size };
  } finally {
    clearInterval(sampler);
    worker.kill("SIGKILL");
    await db.end();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

async function main() {
  console.log(`bench/export: ${ROWS.toLocaleString("en")} events → ${FORMAT}, worker from ${WORKER === "tsx" ? "sources (tsx)" : "the build"}`);
  const t0 = process.hrtime.bigint();
  const range = await seed();
  console.log(`  seeded in ${(ms(t0) / 1000).toFixed(1)} s (database ${dbName})`);
  try {
    const base = await baseline(range);
    const run = await runWorker(range);
    if (run.rows !== ROWS || run.file !== run.bytes) throw new Error(`wrote ${run.rows} rows / ${run.file} bytes, expected ${ROWS} rows / ${run.bytes} bytes`);
    const lines = [
      ["baseline: PostgreSQL COPY of the same query", `${(base.ms / 1000).toFixed(2)} s`, `${(base.bytes / 1e6).toFixed(0)} MB`],
      ["export job end to end (worker process)", `${(run.wall / 1000).toFixed(2)} s`, `${(run.bytes / 1e6).toFixed(0)} MB`],
    ];
    for (const [what, t, size] of lines) console.log(`  ${what.padEnd(46)} ${t.padStart(9)} ${size.padStart(8)}`);
    console.log(`  worker CPU time (user + system)                ${run.cpu.toFixed(2)} s`);
    console.log(`  throughput                                     ${Math.round(ROWS / (run.wall / 1000)).toLocaleString("en")} rows/s`);
    console.log(`  ratio export / baseline                        ${(run.wall / base.ms).toFixed(2)}×`);
    console.log(`  worker RSS: idle ${mb(run.idleKb)} MB, peak during the job ${mb(run.peakKb)} MB (VmHWM ${mb(run.hwmKb)} MB)`);
    const ok = run.wall <= 20_000 && run.hwmKb / 1024 <= 200;
    console.log(`  targets (≤ 20 s, ≤ 200 MB peak RSS): ${ok ? "met" : "NOT met"}`);
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
    if (!process.env.BENCH_KEEP_DB) await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
