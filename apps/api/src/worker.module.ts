import { DynamicModule, Module } from "@nestjs/common";
import type { TEnv } from "./config/env";
import { EnvModule } from "./config/env.module";
import { loggerModule } from "./common/logging/logger.module";
import { DbModule } from "./common/db/db.module";
import { RedisModule } from "./common/redis/redis.module";
import { WORKER_MODULES } from "./worker-modules";

/** The worker process: the API's codebase without HTTP (and without the API's modules), consuming the queues WORKER_QUEUES names. */
@Module({})
export class WorkerModule {
  static forRoot(env: TEnv): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        EnvModule.forRoot(env),
        loggerModule(env),
        DbModule,
        RedisModule,
        ...WORKER_MODULES.filter((m) => env.WORKER_QUEUES === "all" || env.WORKER_QUEUES.split(",").includes(m.queue)).map((m) => m.module),
      ],
    };
  }
}
