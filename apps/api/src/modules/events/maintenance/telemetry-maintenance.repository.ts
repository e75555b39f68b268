import { Injectable } from "@nestjs/common";
import type { Db } from "@kt/db";
import { foldRollupQueue } from "../rollup-fold";
import { ROLLUPS } from "../rollup-sql";
import { TelemetryPool } from "../telemetry-pool";

const HOURLY_TABLES = Object.values(ROLLUPS)
  .filter((r) => r.keys[0] === "hour")
  .map((r) => r.table);
const DAILY_TABLES = [
  ...Object.values(ROLLUPS)
    .filter((r) => r.keys[0] === "day")
    .map((r) => r.table),
  "telemetry.active_users_daily",
  // Deleting a day's version as its rollups go makes any read of that day cached before stale.
  "telemetry.rollup_versions",
];

/** The only place maintenance touches the database: partitions, and removing what retention no longer keeps. */
@Injectable()
export class TelemetryMaintenanceRepository {
  constructor(private readonly telemetry: TelemetryPool) {}

  async ensurePartitions(fromDay: string, toDay: string): Promise<number> {
    const { rows } = await this.telemetry.pool.query<{ made: number }>(
      "SELECT telemetry.ensure_event_partitions($1::date, $2::date) AS made",
      [fromDay, toDay],
    );
    return rows[0].made;
  }

  orgRetention(db: Db) {
    return db.org.findMany({ select: { id: true, retentionDays: true } });
  }

  /**
   * Drops whole days before `cutoffDay` for everyone, with the rollups of those days. Queued events are folded first,
   * so none lands in a rollup row after the rows of its day were removed.
   */
  async dropBefore(cutoffDay: string): Promise<string[]> {
    return this.telemetry.transaction(async (c) => {
      await foldRollupQueue(c);
      const { rows } = await c.query<{ name: string }>(
        "SELECT telemetry.drop_event_partitions_before($1::date) AS name",
        [cutoffDay],
      );
      for (const table of HOURLY_TABLES)
        await c.query(`DELETE FROM ${table} WHERE hour < $1::date::timestamp AT TIME ZONE 'UTC'`, [
          cutoffDay,
        ]);
      for (const table of DAILY_TABLES)
        await c.query(`DELETE FROM ${table} WHERE day < $1::date`, [cutoffDay]);
      return rows.map((r) => r.name);
    });
  }

  /** Removes one org's events and rollups before `cutoff` (a UTC midnight, so every rollup and the events agree). */
  async deleteOrgBefore(orgId: string, cutoff: Date): Promise<number> {
    return this.telemetry.transaction(async (c) => {
      await foldRollupQueue(c);
      const { rowCount } = await c.query("DELETE FROM telemetry.events WHERE org_id = $1::uuid AND ts < $2", [
        orgId,
        cutoff,
      ]);
      for (const table of HOURLY_TABLES)
        await c.query(`DELETE FROM ${table} WHERE org_id = $1::uuid AND hour < $2`, [orgId, cutoff]);
      const day = cutoff.toISOString().slice(0, 10);
      for (const table of DAILY_TABLES)
        await c.query(`DELETE FROM ${table} WHERE org_id = $1::uuid AND day < $2::date`, [orgId, day]);
      return rowCount ?? 0;
    });
  }
}
