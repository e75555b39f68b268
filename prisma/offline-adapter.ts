import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Offline migrations with Prisma 6.19: the CLI runs the bundled WebAssembly schema engine through
// a driver adapter instead of downloading the native schema engine. Workarounds for upstream bugs
// live here so they can be deleted when Prisma fixes them.

// prisma/orm#27403: adapter-pg cannot map the catalog types "char" (oid 18) and name (oid 19)
// read during introspection. Report them as text (oid 25); pg returns both as strings anyway.
const relabelCatalogTypes = (res: any) => {
  for (const f of res?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
  return res;
};
const originalQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as any).query = function (this: unknown, ...args: any[]) {
  const last = args[args.length - 1];
  if (typeof last === "function") {
    args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : relabelCatalogTypes(res));
    return originalQuery.apply(this, args);
  }
  const r = originalQuery.apply(this, args) as any;
  return r && typeof r.then === "function" ? r.then(relabelCatalogTypes) : r;
};

// The WebAssembly engine arms 10 s / 60 s timers it never clears, so the CLI would linger after
// finishing. Unref only those timers.
const originalSetTimeout = globalThis.setTimeout;
(globalThis as any).setTimeout = function (this: unknown, ...args: any[]) {
  const t = (originalSetTimeout as any).apply(this, args);
  if ((args[1] ?? 0) >= 10_000 && new Error().stack?.includes("wasm://")) t?.unref?.();
  return t;
};

// adapter-pg's executeScript splits a migration on every ";", which breaks dollar-quoted function
// bodies (triggers, partition maintenance). Send the whole script as one simple query instead:
// PostgreSQL runs a multi-statement simple query as one implicit transaction.
async function withWholeScripts<T>(connecting: Promise<T>): Promise<T> {
  const adapter: any = await connecting;
  adapter.executeScript = async function (this: any, script: string) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  return adapter;
}

function pgConfig(url: string, database?: string): pg.PoolConfig {
  // Discrete fields: pg ignores `database` when a connectionString is given, so a shadow
  // database override would silently hit the main database.
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    allowExitOnIdle: true,
  };
}

/** adapter-pg's own shadow database is dropped while still in use and leaks; use one fixed
 * `<db>_prisma_shadow`, recreated from scratch each time it is needed. */
export function offlineMigrationAdapter(url: string) {
  const base = new PrismaPg(pgConfig(url));
  const shadowName = `${pgConfig(url).database}_prisma_shadow`;
  return {
    provider: "postgres" as const,
    adapterName: base.adapterName,
    connect: () => withWholeScripts(base.connect()),
    async connectToShadowDb() {
      const admin = new pg.Client(pgConfig(url));
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${shadowName}"`);
      } finally {
        await admin.end();
      }
      return withWholeScripts(new PrismaPg(pgConfig(url, shadowName)).connect());
    },
  };
}
