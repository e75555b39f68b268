import { Inject, Injectable, Logger } from "@nestjs/common";
import { DbService } from "../../../common/db/db.module";
import { ExportsQueue } from "../exports.queue";
import { ExportsRepository } from "../exports.repository";
import { EXPORT_STORE, type ExportStore } from "../store/export-store";

const BATCH = 500;
const PARTIAL_MAX_AGE_MS = 86_400_000;
/** A queued export this old whose queue entry is gone (Redis restarted without persistence) is queued again. */
const LOST_AFTER_MS = 60_000;

export type SweepResult = { expired: number; partials: number; requeued: number };

/**
 * The scheduled sweep: removes export files past their retention and partial files of long-dead workers, and
 * queues again exports whose queue entry Redis lost, so that no export waits forever.
 */
@Injectable()
export class ExportSweepHandler {
  private readonly logger = new Logger(ExportSweepHandler.name);

  constructor(
    @Inject(DbService) private readonly db: DbService,
    @Inject(ExportsRepository) private readonly jobs: ExportsRepository,
    @Inject(ExportsQueue) private readonly queue: ExportsQueue,
    @Inject(EXPORT_STORE) private readonly store: ExportStore,
  ) {}

  async sweep(now = new Date()): Promise<SweepResult> {
    let expired = 0;
    for (;;) {
      const due = await this.jobs.expiredAcrossOrgs(this.db.system, now, BATCH);
      for (const job of due) {
        await this.store.remove(job.storageKey!);
        await this.jobs.markExpired(this.db.forOrg(job.orgId), job.id);
        expired++;
      }
      if (due.length < BATCH) break;
    }
    const partials = await this.store.prunePartials(new Date(now.getTime() - PARTIAL_MAX_AGE_MS));
    let requeued = 0;
    for (const job of await this.jobs.queuedAcrossOrgs(this.db.system, new Date(now.getTime() - LOST_AFTER_MS), BATCH)) {
      if (await this.queue.has(job.id)) continue;
      await this.queue.enqueue({ orgId: job.orgId, exportId: job.id });
      requeued++;
    }
    if (expired || partials || requeued) this.logger.log(`export sweep: removed ${expired} expired file(s) and ${partials} partial file(s); queued ${requeued} lost export(s) again`);
    return { expired, partials, requeued };
  }
}
