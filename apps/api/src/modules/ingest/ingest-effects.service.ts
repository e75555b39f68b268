import { Injectable, Logger } from "@nestjs/common";
import type { GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { toEventRecord } from "../events/event-record";
import { EventStreamService } from "../events/event-stream.service";
import { NotificationsService } from "../notifications/notifications.service";
import type { TInsertedEvent, TRaised } from "./ingest-writer";
import { IngestRepository } from "./ingest.repository";

/**
 * What follows a committed batch: the live tail, P1 escalations in the feed, and each gateway key's "last used"
 * time. (Budget thresholds are checked after the fold that adds the batch to team spend: RollupFolder.)
 */
@Injectable()
export class IngestEffectsService {
  private readonly logger = new Logger("Ingest");

  constructor(
    private readonly stream: EventStreamService,
    private readonly notifications: NotificationsService,
    private readonly ingest: IngestRepository,
  ) {}

  async afterCommit(
    orgId: string,
    gateways: Map<string, GatewayCaller>,
    inserted: TInsertedEvent[],
    raised: TRaised[],
  ): Promise<void> {
    const names = {
      gateways: new Map([...gateways.values()].map((g) => [g.gatewayId, g.name])),
      teams: new Map<string, string>(),
    };
    const records = () =>
      inserted.map((e) =>
        toEventRecord(
          {
            ...e,
            ts: new Date(e.ts),
            ts_us: "0",
            received_at: new Date(),
            cost_usd: e.cost_usd,
          } as unknown as Parameters<typeof toEventRecord>[0],
          names,
        ),
      );
    await this.stream
      .publish(orgId, records)
      .catch((e: Error) => this.logger.warn(`live tail publish failed: ${e.message}`));
    this.markKeysUsed(orgId, inserted).catch((e: Error) =>
      this.logger.warn(`key last-used update failed: ${e.message}`),
    );
    for (const r of raised.filter((x) => x.priority === "P1")) {
      this.notifications
        .notify(orgId, {
          kind: "escalation.raised",
          title: `P1 escalation: ${r.policy}`,
          body: `Policy ${r.policy} escalated event ${r.eventId}; it is due for review within 30 minutes.`,
          data: { escalationId: r.id, eventId: r.eventId, policy: r.policy, priority: r.priority },
        })
        .catch((e: Error) => this.logger.warn(`escalation notification failed: ${e.message}`));
    }
  }

  /** Keys the batch used (key ids are UUIDs or null by then), each with its latest event time. */
  private async markKeysUsed(orgId: string, inserted: TInsertedEvent[]): Promise<void> {
    const latest = new Map<string, string>();
    for (const e of inserted) {
      if (!e.key_id) continue;
      const seen = latest.get(e.key_id);
      if (!seen || e.ts > seen) latest.set(e.key_id, e.ts);
    }
    await this.ingest.markKeysUsed(orgId, latest);
  }
}
