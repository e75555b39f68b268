import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from "@nestjs/common";
import { EXPORT_JOBS, QUEUES, ZExportRunPayload, type TExportJobName } from "@kt/contract";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import IORedis, { type Redis } from "ioredis";
import { ENV, type TEnv } from "../../../config/env";
import { RedisService } from "../../../common/redis/redis.module";
import { ExportsQueue } from "../exports.queue";
import { describeError, isPermanent, SupersededError } from "./export-errors";
import { ExportRunHandler } from "./export-run.handler";
import { ExportSweepHandler } from "./export-sweep.handler";

const SWEEP_SCHEDULER_ID = "exports-sweep";

/**
 * The exports queue's consumer: one BullMQ worker whose lock and stall timings come from the environment, so a
 * killed worker's job is picked up again quickly. It only routes jobs to their handlers.
 */
@Injectable()
export class ExportsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExportsProcessor.name);
  private worker?: Worker;
  private connection?: Redis;
  private readonly handlers: { [K in TExportJobName]: (job: Job) => Promise<unknown> };

  constructor(
    @Inject(ENV) private readonly env: TEnv,
    @Inject(RedisService) private readonly redis: RedisService,
    @Inject(ExportsQueue) private readonly queue: ExportsQueue,
    @Inject(ExportRunHandler) private readonly runs: ExportRunHandler,
    @Inject(ExportSweepHandler) private readonly sweeps: ExportSweepHandler,
  ) {
    this.handlers = {
      [EXPORT_JOBS.run]: (job) => this.run(job),
      [EXPORT_JOBS.sweep]: () => this.sweeps.sweep(),
    };
    const missing = Object.values(EXPORT_JOBS).filter((name) => typeof this.handlers[name] !== "function");
    if (missing.length) throw new Error(`exports worker: no handler for job(s) ${missing.join(", ")}`);
  }

  onApplicationBootstrap() {
    // Workers wait for Redis and reconnect (maxRetriesPerRequest: null, as BullMQ requires for them).
    this.connection = new IORedis(this.env.REDIS_URL, { maxRetriesPerRequest: null });
    this.connection.on("error", () => undefined);
    // A Redis that comes back empty (restarted without persistence) gets the sweep schedule again.
    this.queue.onReady(() => void this.scheduleSweep().catch(() => undefined));
    this.worker = new Worker(QUEUES.exports, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.redis.prefix,
      concurrency: 1,
      lockDuration: this.env.EXPORT_LOCK_MS,
      stalledInterval: this.env.EXPORT_STALLED_CHECK_MS,
      maxStalledCount: 1,
    });
    this.worker.on("error", (error) => this.logger.warn(`exports worker: ${error.message}`));
    this.worker.on("failed", (job, error) => void this.onFailed(job, error));
    // Not awaited: a worker that starts while Redis is away schedules the sweep once Redis answers (onReady).
    this.scheduleSweep().catch((error: Error) => this.logger.warn(`exports sweep not scheduled yet: ${error.message}`));
  }

  private scheduleSweep() {
    return this.queue.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: this.env.EXPORT_SWEEP_EVERY_SECONDS * 1000 },
      { name: EXPORT_JOBS.sweep, data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
  }

  async onApplicationShutdown() {
    await this.worker?.close();
    this.connection?.disconnect();
  }

  private process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as TExportJobName];
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    return handler(job);
  }

  private async run(job: Job) {
    const payload = ZExportRunPayload.parse(job.data);
    const attempts = job.opts.attempts ?? 1;
    try {
      return await this.runs.run(payload);
    } catch (error) {
      if (error instanceof SupersededError) return { outcome: "skipped", reason: error.message };
      const reason = describeError(error);
      const last = job.attemptsMade + 1 >= attempts;
      if (isPermanent(error) || last) {
        await this.runs.fail(payload, reason);
        throw new UnrecoverableError(reason);
      }
      const delay = this.env.EXPORT_BACKOFF_MS * 2 ** job.attemptsMade;
      await this.runs.retryLater(payload, `attempt ${job.attemptsMade + 1} of ${attempts} failed (${reason}); retrying in ${Math.ceil(delay / 1000)} s`);
      throw error;
    }
  }

  /** Jobs BullMQ gives up on outside `run` (a worker that died more often than allowed) end failed too. */
  private async onFailed(job: Job | undefined, error: Error) {
    if (!job || job.name !== EXPORT_JOBS.run) return;
    const payload = ZExportRunPayload.safeParse(job.data);
    if (!payload.success || !/stalled/i.test(error.message)) return;
    await this.runs.fail(payload.data, "the worker stopped (killed or crashed) repeatedly while writing this export").catch(() => undefined);
  }
}
