import { Global, Inject, Injectable, Module, OnModuleDestroy } from "@nestjs/common";
import pg from "pg";
import { ENV, type TEnv } from "../../config/env";

export type TSql = { query: pg.Pool["query"] } & Pick<pg.PoolClient, "query">;

/**
 * A plain `pg` pool for the `telemetry` schema (partitioned events and rollups, which Prisma does not model):
 * multi-row inserts through unnest() arrays and hand-written aggregate queries. Used only by repositories.
 */
@Injectable()
export class TelemetryPool implements OnModuleDestroy {
  readonly pool: pg.Pool;

  constructor(@Inject(ENV) env: TEnv) {
    this.pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      application_name: "kt-telemetry",
      // JIT compiling costs 10–50 ms per statement; rollup reads and folds run in tens of milliseconds, so it
      // never pays back here (PostgreSQL turns it on for any plan above jit_above_cost).
      options: "-c jit=off",
    });
    this.pool.on("error", () => undefined);
  }

  /** Runs `work` in one transaction, retrying a few times on deadlock or serialization failure. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (attempt < 5 && (code === "40P01" || code === "40001")) continue;
        throw error;
      } finally {
        client.release();
      }
    }
  }

  async onModuleDestroy() {
    if (!this.pool.ended) await this.pool.end();
  }
}

@Global()
@Module({ providers: [TelemetryPool], exports: [TelemetryPool] })
export class TelemetryModule {}
