import { Inject, Injectable } from "@nestjs/common";
import { readdirSync } from "node:fs";
import { ENV, type TEnv } from "../../config/env";
import { DbService } from "../../common/db/db.module";
import { RedisService } from "../../common/redis/redis.module";

export type ReadinessCheck = { name: "postgres" | "redis" | "migrations"; ok: boolean; message: string; hint?: string };

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(ENV) private readonly env: TEnv,
    private readonly db: DbService,
    private readonly redis: RedisService,
  ) {}

  async readiness() {
    const checks = await Promise.all([this.postgres(), this.redisCheck(), this.migrations()]);
    return { status: checks.every((c) => c.ok) ? "ok" : "unavailable", checks, time: new Date().toISOString() };
  }

  private async postgres(): Promise<ReadinessCheck> {
    try {
      await withTimeout(this.db.system.$queryRaw`SELECT 1`, "PostgreSQL");
      return { name: "postgres", ok: true, message: "reachable" };
    } catch (e) {
      return { name: "postgres", ok: false, message: (e as Error).message.split("\n")[0], hint: "check DATABASE_URL and that PostgreSQL is running" };
    }
  }

  private async redisCheck(): Promise<ReadinessCheck> {
    try {
      if (this.redis.client.status !== "ready") throw new Error(`connection is ${this.redis.client.status}`);
      await withTimeout(this.redis.client.ping(), "Redis");
      return { name: "redis", ok: true, message: "reachable" };
    } catch (e) {
      return { name: "redis", ok: false, message: (e as Error).message, hint: "check REDIS_URL and that Redis is running (redis-server)" };
    }
  }

  private async migrations(): Promise<ReadinessCheck> {
    try {
      const expected = readdirSync(this.env.MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
      const rows = await withTimeout(
        this.db.system.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
          SELECT migration_name, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`,
        "PostgreSQL",
      );
      const applied = new Set(rows.filter((r) => r.finished_at).map((r) => r.migration_name));
      const pending = expected.filter((m) => !applied.has(m));
      if (pending.length === 0) return { name: "migrations", ok: true, message: `${applied.size} applied, none pending` };
      return { name: "migrations", ok: false, message: `${pending.length} pending: ${pending.join(", ")}`, hint: "run `pnpm db:migrate:deploy`" };
    } catch (e) {
      return { name: "migrations", ok: false, message: (e as Error).message.split("\n")[0], hint: "run `pnpm db:migrate:deploy`" };
    }
  }
}
