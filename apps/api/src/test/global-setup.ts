import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

const ROOT = resolve(__dirname, "../../../..");
const ADMIN_URL = process.env.KT_TEST_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** One freshly migrated database per test run, dropped after it. */
export default async function setup(project: TestProject) {
  const name = `kt_test_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  execFileSync("pnpm", ["exec", "prisma", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  project.provide("databaseUrl", databaseUrl);
  project.provide("redisPrefix", `kt_test_${name}`);

  return async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS "${name}_prisma_shadow" WITH (FORCE)`);
    await c.end();
  };
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting a module needs an interface
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
  }
}
