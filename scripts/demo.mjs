#!/usr/bin/env node
// `npm run demo` after bootstrap: migrate, seed the demo org, start API, worker, Console and a gateway,
// print URLs and logins, and write them to .kt/demo.json. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ensureServices, log, psql, ROOT, run, waitFor } from "./lib.mjs";

const apiPort = Number(process.env.KT_API_PORT ?? 4000);
const consolePort = Number(process.env.KT_CONSOLE_PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/kt";
const demoFile = process.env.KT_DEMO_FILE ?? join(ROOT, ".kt", "demo.json");
const apiUrl = `http://127.0.0.1:${apiPort}`;
const gatewayPort = Number(process.env.KT_GATEWAY_PORT ?? 41002);
const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
const consoleUrl = `http://localhost:${consolePort}`;

await ensureServices();
const dbName = new URL(databaseUrl).pathname.slice(1);
if (psql(`SELECT 1 FROM pg_database WHERE datname = '${dbName}'`) !== "1") {
  log(`creating database ${dbName}`);
  psql(`CREATE DATABASE "${dbName}"`);
}
log("applying migrations");
run("pnpm exec prisma migrate deploy", { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "ignore", "inherit"] });

const previous = existsSync(demoFile) ? JSON.parse(readFileSync(demoFile, "utf8")) : {};
const password = process.env.KT_DEMO_PASSWORD ?? previous.password ?? `demo-${randomBytes(6).toString("hex")}`;
const baseEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  CONSOLE_URL: consoleUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  KT_DEMO_PASSWORD: password,
  // The demo runs on one machine, so its webhooks may reach receivers on it (production refuses private addresses).
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? "true",
};
log("seeding the demo org");
const seedOut = await capture("node", ["apps/api/dist/seed/main.js", "demo"], baseEnv);
const seed = JSON.parse(seedOut.trim().split("\n").pop());

const children = [];
function start(name, cmd, args, env) {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...baseEnv, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  const forward = (stream, out) => stream.on("data", (d) => process.env.KT_DEMO_QUIET !== "1" && out.write(d.toString().replace(/^(?=.)/gm, prefix)));
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    log(`${name} exited (${signal ?? code}); stopping the demo`);
    stop(1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

start("api", "node", ["--max-semi-space-size=64", "apps/api/dist/main.js"], { PORT: String(apiPort), LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
start("worker", "node", ["apps/api/dist/main.worker.js"], { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
start("console", "node", ["apps/console/node_modules/next/dist/bin/next", "start", "apps/console", "-p", String(consolePort)], {
  KT_API_URL: apiUrl,
});

await waitFor("the API", async () => (await fetch(`${apiUrl}/v1/readyz`).catch(() => null))?.ok === true, 60_000);
await waitFor("the Console", async () => (await fetch(`${consoleUrl}/login`).catch(() => null))?.ok === true, 90_000);

// The managed gateway pulls its config and keys from the API, so it starts once the API answers.
// The credential goes through the environment (kt gateway run reads KT_GATEWAY_TOKEN), not the process list.
// Its spool and last sync belong to this database's org: one state directory per database, so demos on other
// databases never ship each other's events.
const gatewayStateDir = process.env.KT_GATEWAY_STATE_DIR ?? join(ROOT, ".kt", "gateway", dbName);
start("gateway", "node", ["packages/cli/bin/kt.js", "gateway", "run", "--control-plane", apiUrl, "--port", String(gatewayPort), "--state-dir", gatewayStateDir], {
  KT_GATEWAY_TOKEN: seed.gateway.credential,
});
await waitFor("the gateway", async () => (await fetch(`${gatewayUrl}/healthz`).catch(() => null))?.ok === true, 30_000);

const demo = {
  api: apiUrl,
  console: consoleUrl,
  docs: `${apiUrl}/v1/docs`,
  orgId: seed.orgId,
  password,
  users: seed.users.map((u) => ({ role: u.role, email: u.email })),
  teams: seed.teams,
  apiToken: seed.apiToken,
  gateway: { url: `${gatewayUrl}/v1`, name: seed.gateway.name, policyConfig: seed.gateway.policyConfig.name, key: seed.gateway.key.secret },
};
mkdirSync(dirname(demoFile), { recursive: true });
writeFileSync(demoFile, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });

const line = "─".repeat(64);
console.log(`\n${line}\n kt demo is running\n${line}`);
console.log(` Console   ${consoleUrl}`);
console.log(` API       ${apiUrl}/v1   (docs: ${demo.docs})`);
console.log(` Logins    password for every user: ${password}`);
for (const u of demo.users) console.log(`           ${u.role.padEnd(8)} ${u.email}`);
console.log(` API token ${demo.apiToken}   (admin; curl -H "Authorization: Bearer $TOKEN" ${apiUrl}/v1/me)`);
console.log(` Gateway   ${demo.gateway.url}   (${demo.gateway.name}, config ${demo.gateway.policyConfig}; OPENAI_BASE_URL=${demo.gateway.url})`);
console.log(` Gateway key ${demo.gateway.key}`);
console.log(
  `           curl ${demo.gateway.url}/chat/completions -H "Authorization: Bearer ${demo.gateway.key}" -H "content-type: application/json" -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}'`,
);
console.log(` Saved to  ${demoFile}\n Ctrl-C stops everything.\n${line}`);

function capture(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} failed (${code})`))));
  });
}
