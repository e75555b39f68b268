import { defineConfig } from "prisma/config";
import { offlineMigrationAdapter } from "./prisma/offline-adapter";

// schema.prisma keeps `url = env("DATABASE_URL")` only so the CLI can read engineType = "client";
// unset, the CLI would try to download the native query engine.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/kt";

// Events and their rollups are time-partitioned plain-SQL tables in the `telemetry` schema,
// created by migrations; Prisma manages only `public`, so it never sees (or drops) them.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => offlineMigrationAdapter(process.env.DATABASE_URL!),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
