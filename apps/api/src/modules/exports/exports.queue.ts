import { Inject, Injectable, Logger, OnModuleDestroy } from "@nestjs/common";
import { EXPORT_JOBS, QUEUES, type TExportRunPayload } from "@kt/contract";
import { Queue } from "bullmq";
import IORedis, { type Redis } from "ioredis";
import { ENV, type TEnv } from "../../config/env";
import { RedisService } from "../../common/redis/redis.module";

const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * The exports queue, as a producer. Its connection fails fast while Redis is away (no offline queue), so a
 * request answers 503 instead of hanging; the worker's connections wait and reconnect instead.
 */
@Injectable()
export class ExportsQueue implements OnModuleDestroy {
  private readonly logger = new Logger(ExportsQueue.name);
  private readonly connection: Redis;
  readonly queue: Queue;

  constructor(
    @Inject(ENV) private readonly env: TEnv,
    @Inject(RedisService) redis: RedisService,
  ) {
    this.connection = new IORedis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.connection.on("error", () => undefined);
    this.queue = new Queue(QUEUES.exports, { connection: this.connection, prefix: redis.prefix });
    this.queue.on("error", (error) => this.logger.warn(`exports queue: ${error.message}`));
  }

  /** Queues one export; jobId is the row id, so a second add of the same export is a no-op. */
  async enqueue(payload: TExportRunPayload): Promise<void> {
    const add = this.queue.add(EXPORT_JOBS.run, payload, {
      jobId: payload.exportId,
      attempts: this.env.EXPORT_ATTEMPTS,
      backoff: { type: "exponential", delay: this.env.EXPORT_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([add, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Drops a cancelled export's job if no worker holds it; a job being run stays until its worker notices the
   * cancellation. Best effort: a job left behind finds its export finished and is skipped.
   */
  async discard(exportId: string): Promise<void> {
    await this.queue.remove(exportId).catch(() => undefined);
  }

  /** Whether BullMQ still holds the export's job (waiting, delayed, active or failed). */
  async has(exportId: string): Promise<boolean> {
    return (await this.queue.getJob(exportId)) !== undefined;
  }

  /** Runs `listener` each time the producer's connection (re)connects to Redis. */
  onReady(listener: () => void) {
    this.connection.on("ready", listener);
  }

  async onModuleDestroy() {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}
