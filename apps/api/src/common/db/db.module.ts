import { Global, Inject, Injectable, Module, OnModuleDestroy } from "@nestjs/common";
import { createDb, forOrg, type Db, type OrgDb } from "@kt/db";
import { ENV, type TEnv } from "../../config/env";

/** The process-wide Prisma client. Only org-agnostic code (auth, ingest) uses `system`. */
@Injectable()
export class DbService implements OnModuleDestroy {
  readonly system: Db;

  constructor(@Inject(ENV) env: TEnv) {
    this.system = createDb({ url: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  }

  /** A client scoped to one org: every query on tenant data carries the org id. */
  forOrg(orgId: string): OrgDb {
    return forOrg(this.system, orgId);
  }

  async onModuleDestroy() {
    await this.system.$disconnect();
  }
}

@Global()
@Module({ providers: [DbService], exports: [DbService] })
export class DbModule {}
