import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { Logger } from "nestjs-pino";
import { loadEnv } from "./config/env";
import { WorkerModule } from "./worker.module";
import { WORKER_MODULES } from "./worker-modules";

async function main() {
  const env = loadEnv();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  const queues = WORKER_MODULES.map((m) => m.queue).filter((q) => env.WORKER_QUEUES === "all" || env.WORKER_QUEUES.split(",").includes(q));
  logger.log(`worker started; consuming queues: ${queues.join(", ") || "(none)"}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
