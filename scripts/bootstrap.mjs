#!/usr/bin/env node
// Step one of both quick-start commands: pnpm (pinned), dependencies, and a build of every package.
import { execSync } from "node:child_process";
import { has, log, PNPM_VERSION, run } from "./lib.mjs";

function pnpmVersion() {
  try {
    return execSync("pnpm --version", { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

if (pnpmVersion() !== PNPM_VERSION) {
  log(`installing pnpm ${PNPM_VERSION} (npm i -g)`);
  run(`npm i -g pnpm@${PNPM_VERSION}`);
}
if (!has("pnpm")) throw new Error("pnpm is not on PATH after installing it; add npm's global bin directory to PATH");
log("installing dependencies (pnpm install --frozen-lockfile)");
run("pnpm install --frozen-lockfile --prefer-offline", { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
log("building packages, API, worker and Console");
run("pnpm run -s build", { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
