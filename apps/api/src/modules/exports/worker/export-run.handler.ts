import { Inject, Injectable } from "@nestjs/common";
import { EXPORT_CONTENT_TYPES, type TExportRunPayload } from "@kt/contract";
import { pipeline } from "node:stream/promises";
import { ENV, type TEnv } from "../../../config/env";
import { DbService } from "../../../common/db/db.module";
import { downloadName, readSpec, storageKey } from "../export-spec";
import { ExportsRepository } from "../exports.repository";
import { EXPORT_STORE, type ExportStore } from "../store/export-store";
import { ExportRowsRepository } from "./export-rows.repository";
import { SupersededError } from "./export-errors";
import { DigestStream } from "./format/digest";
import { exportFormatter } from "./format/export-formatter";
import { EXPORT_SOURCES } from "./sources";

const PROGRESS_EVERY_MS = 250;
const DAY_MS = 86_400_000;

export type RunOutcome = { outcome: "succeeded"; rowCount: number; sizeBytes: number } | { outcome: "skipped"; reason: string };

/**
 * Drives one export row: claims it (queued → running), writes the whole file from scratch with constant memory
 * (PostgreSQL cursor → formatter → SHA-256 → store), reports progress, then commits it atomically and marks the row
 * succeeded. A retry after a crash starts over, so the file never has duplicated or missing rows.
 */
@Injectable()
export class ExportRunHandler {
  constructor(
    @Inject(ENV) private readonly env: TEnv,
    @Inject(DbService) private readonly db: DbService,
    @Inject(ExportsRepository) private readonly jobs: ExportsRepository,
    @Inject(ExportRowsRepository) private readonly rows: ExportRowsRepository,
    @Inject(EXPORT_STORE) private readonly store: ExportStore,
  ) {}

  async run(payload: TExportRunPayload): Promise<RunOutcome> {
    const db = this.db.forOrg(payload.orgId);
    const row = await this.jobs.claim(db, payload.exportId);
    if (!row) return { outcome: "skipped", reason: "the export is finished or gone" };
    const fence = row.attempts;
    const spec = readSpec(row);
    const source = EXPORT_SOURCES[spec.type];
    const sourceSpec = { orgId: row.orgId, since: spec.since, until: spec.until, filters: spec.filters, gatewayIds: spec.gatewayIds, teamIds: spec.teamIds };

    const rowsEstimate = await this.rows.count(source, sourceSpec);
    if (!(await this.jobs.progress(db, row.id, fence, { rowsWritten: 0, rowsEstimate }))) throw new SupersededError();

    const key = storageKey(row);
    const upload = await this.store.begin(key, EXPORT_CONTENT_TYPES[spec.format]);
    const formatter = exportFormatter(spec.format, source.columns);
    const digest = new DigestStream();
    let stream: Awaited<ReturnType<ExportRowsRepository["stream"]>> | undefined;
    let reporting = false;
    const ticker = setInterval(() => {
      if (reporting) return;
      reporting = true;
      this.jobs
        .progress(db, row.id, fence, { rowsWritten: formatter.rows() })
        .then((owned) => owned || stream?.rows.destroy(new SupersededError()))
        .catch(() => undefined) // progress is best effort; the final update is not
        .finally(() => (reporting = false));
    }, PROGRESS_EVERY_MS);
    try {
      stream = await this.rows.stream(source, sourceSpec, spec.format);
      await pipeline(stream.rows, ...formatter.streams, digest, upload.sink);
      stream.release();
      await upload.commit();
    } catch (error) {
      stream?.release(error as Error);
      await upload.abort();
      throw error;
    } finally {
      clearInterval(ticker);
    }

    const rowCount = formatter.rows();
    const succeeded = await this.jobs.succeed(db, row.id, fence, {
      rowCount,
      sizeBytes: digest.bytes,
      checksum: digest.hex(),
      storageKey: key,
      fileName: downloadName(row),
      expiresAt: new Date(Date.now() + this.env.EXPORT_RETENTION_DAYS * DAY_MS),
    });
    if (!succeeded) throw new SupersededError();
    return { outcome: "succeeded", rowCount, sizeBytes: digest.bytes };
  }

  /** Ends the job as failed (unless it already finished). */
  async fail(payload: TExportRunPayload, reason: string): Promise<void> {
    await this.jobs.fail(this.db.forOrg(payload.orgId), payload.exportId, reason);
  }

  /** Puts a running job back to queued with the failed attempt's reason, while BullMQ waits to retry it. */
  async retryLater(payload: TExportRunPayload, reason: string): Promise<void> {
    const db = this.db.forOrg(payload.orgId);
    const row = await this.jobs.find(db, payload.exportId);
    if (row) await this.jobs.requeue(db, row.id, row.attempts, reason);
  }
}
