import { Injectable, Logger } from "@nestjs/common";
import type { TEventBatch, TEventRecord, TIngestResponse } from "@kt/contract";
import type { GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { AppError } from "../../common/errors/app-error";
import { BudgetAlertsService } from "../budgets/budget-alerts.service";
import { escalationsFor } from "../escalations/escalation-rules";
import { EscalationsRepository } from "../escalations/escalations.repository";
import { toEventRecord } from "../events/event-record";
import { EventStreamService } from "../events/event-stream.service";
import { TelemetryPool } from "../events/telemetry-pool";
import { NotificationsService } from "../notifications/notifications.service";
import { PricesRepository } from "../prices/prices.repository";
import { toEventRows, type TEventRowInput } from "./event-rows";

/** An inserted event with the cost the database computed. */
type TInsertedEvent = TEventRowInput & { cost_usd: string | null };
const dayOf = (iso: string) => iso.slice(0, 10);
const periodOf = (iso: string) => iso.slice(0, 7);
import { IngestRepository } from "./ingest.repository";

type TRaised = { id: string; priority: string; policy: string; eventId: string };

const MAX_FUTURE_MS = 24 * 3600_000;
/** PostgreSQL: no partition of relation found for row. */
const NO_PARTITION = "23514";

/**
 * `POST /v1/ingest/events`. One transaction per batch: new events (by id) are inserted with the cost computed from
 * the org's prices, the rollups, team spend and escalations grow by exactly those events, and the reservations
 * they settle are released. A replay inserts nothing and changes nothing. After commit: live tail, budget alerts.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger("Ingest");

  constructor(
    private readonly telemetry: TelemetryPool,
    private readonly ingest: IngestRepository,
    private readonly prices: PricesRepository,
    private readonly escalations: EscalationsRepository,
    private readonly stream: EventStreamService,
    private readonly alerts: BudgetAlertsService,
    private readonly notifications: NotificationsService,
  ) {}

  async ingestBatch(gateway: GatewayCaller, batch: TEventBatch): Promise<TIngestResponse> {
    const late = batch.events.findIndex((e) => Date.parse(e.ts) > Date.now() + MAX_FUTURE_MS);
    if (late >= 0) {
      throw new AppError("validation_failed", `events[${late}].ts is more than a day in the future; check the gateway's clock`, {
        issues: [{ path: `body.events.${late}.ts`, message: "more than a day in the future" }],
      });
    }
    const days = batch.events.map((e) => dayOf(new Date(e.ts).toISOString()));
    await this.ingest.ensurePartitions(days);
    const { inserted, raised } = await this.store(gateway, batch).catch(async (error: { code?: string }) => {
      if (error.code !== NO_PARTITION) throw error;
      this.ingest.forgetPartitions();
      await this.ingest.ensurePartitions(days);
      return this.store(gateway, batch);
    });
    if (inserted.length > 0) await this.afterCommit(gateway, inserted, raised);
    return { accepted: inserted.length, duplicates: batch.events.length - inserted.length };
  }

  private store(gateway: GatewayCaller, batch: TEventBatch) {
    return this.telemetry.transaction(async (client) => {
      await this.ingest.lockPricesShared(client, gateway.orgId);
      const rows = toEventRows(batch.events, gateway, await this.prices.overrides(client, gateway.orgId));
      const costs = await this.ingest.insertAndRollUp(client, gateway.orgId, rows);
      const inserted: TInsertedEvent[] = rows.filter((r) => costs.has(r.id)).map((r) => ({ ...r, cost_usd: costs.get(r.id) ?? null }));
      if (inserted.length === 0) return { inserted, raised: [] as TRaised[] };
      const raised = await this.escalations.raise(client, gateway.orgId, inserted.flatMap(escalationsFor));
      return { inserted, raised };
    });
  }

  private async afterCommit(gateway: GatewayCaller, inserted: TInsertedEvent[], raised: TRaised[]) {
    const names = { gateways: new Map([[gateway.gatewayId, gateway.name]]), teams: new Map<string, string>() };
    await this.stream.publish(gateway.orgId, inserted.map((e) => toEventRecord(asRow(e), names))).catch((e: Error) => this.logger.warn(`live tail publish failed: ${e.message}`));
    const byPeriod = new Map<string, Set<string>>();
    for (const e of inserted) if (e.team_id && e.cost_usd !== null) byPeriod.set(periodOf(e.ts), (byPeriod.get(periodOf(e.ts)) ?? new Set()).add(e.team_id));
    for (const [period, teams] of byPeriod) {
      this.alerts.check(gateway.orgId, period, [...teams]).catch((e: Error) => this.logger.warn(`budget alert check failed: ${e.message}`));
    }
    for (const r of raised.filter((x) => x.priority === "P1")) {
      this.notifications
        .notify(gateway.orgId, {
          kind: "escalation.raised",
          title: `P1 escalation: ${r.policy}`,
          body: `Policy ${r.policy} escalated event ${r.eventId}; it is due for review within 30 minutes.`,
          data: { escalationId: r.id, eventId: r.eventId, policy: r.policy, priority: r.priority },
        })
        .catch((e: Error) => this.logger.warn(`escalation notification failed: ${e.message}`));
    }
  }
}

/** The stored form of an event just inserted, for the live tail. */
function asRow(e: TInsertedEvent) {
  return {
    ...(e as TEventRowInput),
    ts: new Date(e.ts),
    ts_us: "0",
    received_at: new Date(),
    cost_usd: e.cost_usd,
  } as unknown as Parameters<typeof toEventRecord>[0];
}
