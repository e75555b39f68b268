// Helpers shared by the quick-start and test scripts. Plain Node: they run before anything is installed.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import net from "node:net";

export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
export const PNPM_VERSION = "10.34.9";

export function log(msg) {
  process.stdout.write(`\x1b[36m[kt]\x1b[0m ${msg}\n`);
}

export function run(cmd, opts = {}) {
  const r = spawnSync(cmd, { shell: true, stdio: "inherit", cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`command failed (${r.status}): ${cmd}`);
}

export function has(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

export function portOpen(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
    s.setTimeout(1000, () => (s.destroy(), resolve(false)));
  });
}

export async function waitFor(what, check, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** PostgreSQL and Redis must be up; start the local ones when they are down. */
export async function ensureServices() {
  if (!(await portOpen(5432))) {
    log("PostgreSQL is down: starting it");
    const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
    if (!versions.length || !has("pg_ctlcluster")) throw new Error("PostgreSQL is not running on 127.0.0.1:5432 and no local cluster was found to start");
    run(`pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`);
    await waitFor("PostgreSQL", () => portOpen(5432), 30_000);
  }
  if (!(await portOpen(6379))) {
    log("Redis is down: starting it");
    if (!has("redis-server")) throw new Error("Redis is not running on 127.0.0.1:6379 and redis-server is not installed");
    run(`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`);
    await waitFor("Redis", () => portOpen(6379), 30_000);
  }
}

export function psql(sql, db = "postgres") {
  return execSync(`psql -h 127.0.0.1 -U postgres -d ${db} -Atqc ${JSON.stringify(sql)}`, { encoding: "utf8" }).trim();
}
