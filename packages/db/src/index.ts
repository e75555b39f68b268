import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export * from "./generated/prisma/client";
export { forOrg, TENANT_MODELS, type OrgDb, type OrgTx } from "./tenant";

export type CreateDbOptions = { url: string; max?: number; applicationName?: string };

/** A Prisma client over the `pg` driver: no native query engine, works offline. */
export function createDb({ url, max = 10, applicationName = "kt" }: CreateDbOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max, application_name: applicationName });
  return new PrismaClient({ adapter });
}

export type Db = PrismaClient;
