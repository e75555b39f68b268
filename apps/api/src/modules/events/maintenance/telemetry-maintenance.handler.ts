import { Injectable, Logger } from "@nestjs/common";
import { DbService } from "../../../common/db/db.module";
import { TelemetryMaintenanceRepository } from "./telemetry-maintenance.repository";

const DAY = 86_400_000;
const PARTITIONS_AHEAD_DAYS = 7;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The hourly maintenance job. Partitions: yesterday to a week ahead exist (ingest creates any other day it needs).
 * Retention: whole days older than the longest org retention are dropped by partition, for every org at once;
 * an org keeping less loses its older rows by DELETE, cut at UTC midnight so rollups and events agree.
 */
@Injectable()
export class TelemetryMaintenanceHandler {
  private readonly logger = new Logger("TelemetryMaintenance");

  constructor(
    private readonly db: DbService,
    private readonly maintenance: TelemetryMaintenanceRepository,
  ) {}

  async run(now = new Date()) {
    const t = now.getTime();
    const created = await this.maintenance.ensurePartitions(
      day(t - DAY),
      day(t + PARTITIONS_AHEAD_DAYS * DAY),
    );
    const orgs = await this.maintenance.orgRetention(this.db.system);
    const longest = Math.max(0, ...orgs.map((o) => o.retentionDays));
    const dropped = longest > 0 ? await this.maintenance.dropBefore(day(t - longest * DAY)) : [];
    let deleted = 0;
    for (const org of orgs.filter((o) => o.retentionDays < longest)) {
      deleted += await this.maintenance.deleteOrgBefore(
        org.id,
        new Date(Math.floor((t - org.retentionDays * DAY) / DAY) * DAY),
      );
    }
    if (created || dropped.length || deleted)
      this.logger.log(
        `partitions created ${created}, dropped ${dropped.length}; ${deleted} events past org retention removed`,
      );
    return { created, dropped, deleted };
  }
}
