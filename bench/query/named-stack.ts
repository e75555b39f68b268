import { execFileSync } from "node:child_process";
import { ROOT, sql, type Stack } from "../ingest/stack";

const ADMIN_URL = process.env.KT_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A database called `name`, created if missing and migrated to the latest schema, kept after the run (a 10 M-event
 * seed is worth reusing) unless BENCH_DROP_DB=1.
 */
export async function namedStack(name: string): Promise<Stack> {
  if (!/^[a-z][a-z0-9_]{2,50}$/.test(name))
    throw new Error(`BENCH_DB must be a plain database name, got ${name}`);
  const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  const exists = await sql(ADMIN_URL, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!exists.rowCount) await sql(ADMIN_URL, `CREATE DATABASE "${name}"`);
  execFileSync("pnpm", ["exec", "prisma", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl },
    stdio: "ignore",
  });
  return {
    dbUrl,
    dbName: name,
    prefix: name,
    drop: async () => {
      if (!process.env.BENCH_DROP_DB) return console.log(`kept database ${name} (BENCH_DROP_DB=1 drops it)`);
      await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
