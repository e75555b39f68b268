import { Injectable, Logger } from "@nestjs/common";
import type { TGatewayEvent, TIngestQuery } from "@kt/contract";
import type { GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { escalationsFor } from "../escalations/escalation-rules";
import { EscalationsRepository } from "../escalations/escalations.repository";
import { TelemetryPool } from "../events/telemetry-pool";
import { PricesRepository } from "../prices/prices.repository";
import { toEventRows, type TEventRowInput } from "./event-rows";
import { IngestEffectsService } from "./ingest-effects.service";
import { IngestRepository } from "./ingest.repository";
import { RollupFolder } from "./rollup-folder";

/** An inserted event with the cost the database computed. */
export type TInsertedEvent = TEventRowInput & { cost_usd: string | null };
export type TRaised = { id: string; priority: string; policy: string; eventId: string };

type TPending = {
  gateway: GatewayCaller;
  events: TGatewayEvent[];
  ack: TIngestQuery["ack"];
  done: (accepted: number) => void;
  fail: (error: unknown) => void;
};

/** Events one transaction takes at most: several waiting batches of one org go in together. */
const GROUP_MAX_EVENTS = 5_000;
/** Transactions of one org at a time: they insert events and queue entries only, so they share no row. */
const LANES_PER_ORG = 3;
/** PostgreSQL: no partition of relation found for row. */
const NO_PARTITION = "23514";

/**
 * Group commit per org. An org has a queue and up to LANES_PER_ORG transactions in flight: batches that arrive
 * while they run wait and then go in together, in one transaction and one statement, so the per-transaction cost
 * (planning, commit) is paid once per group rather than once per batch. The transaction stores the new events and
 * queues them; the RollupFolder then adds them to the rollups and team spend, many groups per fold. A batch is
 * answered once that fold has committed, so what a caller sees acknowledged is in every read, or, with ack
 * `stored`, as soon as the transaction has committed. If a group fails, its batches are retried one by one.
 */
@Injectable()
export class IngestWriter {
  private readonly logger = new Logger("Ingest");
  private readonly queues = new Map<string, { waiting: TPending[]; lanes: number }>();

  constructor(
    private readonly telemetry: TelemetryPool,
    private readonly ingest: IngestRepository,
    private readonly prices: PricesRepository,
    private readonly escalations: EscalationsRepository,
    private readonly effects: IngestEffectsService,
    private readonly folder: RollupFolder,
  ) {}

  /** Stores a validated batch; resolves with how many of its events were new. */
  submit(gateway: GatewayCaller, events: TGatewayEvent[], ack: TIngestQuery["ack"]): Promise<number> {
    return new Promise((done, fail) => {
      let queue = this.queues.get(gateway.orgId);
      if (!queue) this.queues.set(gateway.orgId, (queue = { waiting: [], lanes: 0 }));
      queue.waiting.push({ gateway, events, ack, done, fail });
      if (queue.lanes < LANES_PER_ORG) {
        queue.lanes++;
        void this.drain(gateway.orgId);
      }
    });
  }

  private async drain(orgId: string): Promise<void> {
    const queue = this.queues.get(orgId)!;
    const waiting = queue.waiting;
    while (waiting.length > 0) {
      const group: TPending[] = [];
      let size = 0;
      while (
        waiting.length > 0 &&
        (group.length === 0 || size + waiting[0].events.length <= GROUP_MAX_EVENTS)
      ) {
        const next = waiting.shift()!;
        size += next.events.length;
        group.push(next);
      }
      try {
        await this.write(orgId, group);
      } catch (error) {
        if (group.length === 1) group[0].fail(error);
        else for (const one of group) await this.write(orgId, [one]).catch((e) => one.fail(e));
      }
    }
    if (--queue.lanes === 0) this.queues.delete(orgId);
  }

  private async write(orgId: string, group: TPending[]): Promise<void> {
    const { inserted, raised, owners } = await this.store(orgId, group).catch(
      async (error: { code?: string }) => {
        if (error.code !== NO_PARTITION) throw error;
        this.ingest.forgetPartitions();
        await this.ingest.ensurePartitions(
          group.flatMap((p) => p.events.map((e) => new Date(e.ts).toISOString().slice(0, 10))),
        );
        return this.store(orgId, group);
      },
    );
    // The lane goes on with the next group while this one waits for its fold.
    const folded = this.folder
      .afterInsert()
      .catch((e: Error) =>
        this.logger.warn(`events stored, rollups deferred to the next fold: ${e.message}`),
      );
    if (inserted.length > 0) {
      const gateways = new Map(group.map((p) => [p.gateway.gatewayId, p.gateway]));
      this.effects
        .afterCommit(orgId, gateways, inserted, raised)
        .catch((e: Error) => this.logger.warn(`after ingest: ${e.message}`));
    }
    const accepted = new Map<TPending, number>();
    for (const e of inserted) {
      const owner = owners.get(e.id)!;
      accepted.set(owner, (accepted.get(owner) ?? 0) + 1);
    }
    for (const p of group) {
      if (p.ack === "stored") p.done(accepted.get(p) ?? 0);
      else void folded.then(() => p.done(accepted.get(p) ?? 0));
    }
  }

  /** One transaction: the group's new events (first copy of an id wins) with their queue entries, and escalations. */
  private store(orgId: string, group: TPending[]) {
    return this.telemetry.transaction(async (client) => {
      await this.ingest.lockPricesShared(client, orgId);
      const overrides = await this.prices.overrides(client, orgId);
      const owners = new Map<string, TPending>();
      const rows: TEventRowInput[] = [];
      for (const p of group) {
        for (const row of toEventRows(p.events, p.gateway, overrides)) {
          if (owners.has(row.id)) continue;
          owners.set(row.id, p);
          rows.push(row);
        }
      }
      const costs = await this.ingest.insertAndQueue(client, orgId, [...rows].sort(byTsThenId));
      const inserted: TInsertedEvent[] = [];
      for (const r of rows) {
        const cost = costs.get(r.id);
        if (cost !== undefined) inserted.push(Object.assign(r, { cost_usd: cost }));
      }
      const raised: TRaised[] = inserted.length
        ? await this.escalations.raise(client, orgId, inserted.flatMap(escalationsFor))
        : [];
      return { inserted, raised, owners };
    });
  }
}

const byTsThenId = (a: TEventRowInput, b: TEventRowInput) =>
  a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
