import { dropDatabase, migratedDatabase, type Stack } from "../ingest/stack";

/**
 * A database called `name`, created if missing and migrated to the latest schema, kept after the run (a 10 M-event
 * seed is worth reusing) unless BENCH_DROP_DB=1.
 */
export async function namedStack(name: string): Promise<Stack> {
  if (!/^[a-z][a-z0-9_]{2,50}$/.test(name))
    throw new Error(`BENCH_DB must be a plain database name, got ${name}`);
  return {
    dbUrl: await migratedDatabase(name),
    dbName: name,
    prefix: name,
    drop: async () => {
      if (!process.env.BENCH_DROP_DB) return console.log(`kept database ${name} (BENCH_DROP_DB=1 drops it)`);
      await dropDatabase(name);
    },
  };
}
