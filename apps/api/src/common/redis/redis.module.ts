import { Global, Inject, Injectable, Module, OnModuleDestroy } from "@nestjs/common";
import IORedis, { type Redis } from "ioredis";
import { ENV, type TEnv } from "../../config/env";

@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(ENV) env: TEnv) {
    this.prefix = env.REDIS_PREFIX;
    // maxRetriesPerRequest null: BullMQ requires it, and callers fail fast through readiness checks instead.
    this.client = new IORedis(env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
    this.client.on("error", () => undefined);
  }

  key(...parts: string[]) {
    return [this.prefix, ...parts].join(":");
  }

  async onModuleDestroy() {
    this.client.disconnect();
  }
}

@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
