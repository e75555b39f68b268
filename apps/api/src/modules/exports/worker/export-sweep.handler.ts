import { Inject, Injectable, Logger } from "@nestjs/common";
import { DbService } from "../../../common/db/db.module";
import { ExportsRepository } from "../exports.repository";
import { EXPORT_STORE, type ExportStore } from "../store/export-store";

const BATCH = 500;
const PARTIAL_MAX_AGE_MS = 86_400_000;

/** The scheduled sweep: removes export files past their retention, and partial files of long-dead workers. */
@Injectable()
export class ExportSweepHandler {
  private readonly logger = new Logger(ExportSweepHandler.name);

  constructor(
    @Inject(DbService) private readonly db: DbService,
    @Inject(ExportsRepository) private readonly jobs: ExportsRepository,
    @Inject(EXPORT_STORE) private readonly store: ExportStore,
  ) {}

  async sweep(now = new Date()): Promise<{ expired: number; partials: number }> {
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
    if (expired || partials) this.logger.log(`export sweep: removed ${expired} expired file(s), ${partials} partial file(s)`);
    return { expired, partials };
  }
}
