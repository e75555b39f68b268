import { DynamicModule, Module } from "@nestjs/common";
import { LoggerModule } from "nestjs-pino";
import type { TEnv } from "./config/env";
import { EnvModule, REDACTED_PATHS } from "./app.module";
import { DbModule } from "./common/db/db.module";
import { RedisModule } from "./common/redis/redis.module";
import { WORKER_MODULES } from "./worker-modules";

/** The worker process: the API's codebase without HTTP, consuming the queues WORKER_QUEUES names. */
@Module({})
export class WorkerModule {
  static forRoot(env: TEnv): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        EnvModule.forRoot(env),
        LoggerModule.forRoot({ pinoHttp: { level: env.LOG_LEVEL, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } } }),
        DbModule,
        RedisModule,
        ...WORKER_MODULES.filter((m) => env.WORKER_QUEUES === "all" || env.WORKER_QUEUES.split(",").includes(m.queue)).map((m) => m.module),
      ],
    };
  }
}
