import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from "@nestjs/common";
import { TELEMETRY_JOBS, TELEMETRY_QUEUE } from "@kt/contract";
import { Queue, Worker } from "bullmq";
import IORedis, { type Redis } from "ioredis";
import { ENV, type TEnv } from "../../../config/env";
import { RedisService } from "../../../common/redis/redis.module";
import { TelemetryMaintenanceHandler } from "./telemetry-maintenance.handler";

const EVERY_MS = 3_600_000;

/** Consumes the telemetry queue (WORKER_QUEUES=telemetry or all) and schedules the hourly maintenance job. */
@Injectable()
export class TelemetryMaintenanceProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger("TelemetryMaintenance");
  private connection?: Redis;
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    @Inject(ENV) private readonly env: TEnv,
    private readonly redis: RedisService,
    private readonly handler: TelemetryMaintenanceHandler,
  ) {}

  async onApplicationBootstrap() {
    this.connection = new IORedis(this.env.REDIS_URL, { maxRetriesPerRequest: null });
    this.connection.on("error", () => undefined);
    this.queue = new Queue(TELEMETRY_QUEUE, { connection: this.connection, prefix: this.redis.prefix });
    this.worker = new Worker(
      TELEMETRY_QUEUE,
      async (job) => {
        if (job.name !== TELEMETRY_JOBS.maintain) throw new Error(`no handler for job ${job.name}`);
        return this.handler.run();
      },
      { connection: this.connection, prefix: this.redis.prefix, concurrency: 1 },
    );
    this.worker.on("error", (e) => this.logger.warn(`telemetry worker: ${e.message}`));
    // Every hour, and once at start-up so a fresh install has its partitions ahead at once.
    await this.queue.upsertJobScheduler(
      "telemetry-maintain",
      { every: EVERY_MS, immediately: true },
      {
        name: TELEMETRY_JOBS.maintain,
        data: {},
        opts: { removeOnComplete: true, removeOnFail: { count: 100 } },
      },
    );
  }

  async onApplicationShutdown() {
    await this.worker?.close();
    await this.queue?.close();
    this.connection?.disconnect();
  }
}
