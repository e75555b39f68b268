import { Injectable } from "@nestjs/common";
import type { TEventBatch, TIngestQuery, TIngestResponse } from "@kt/contract";
import type { GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { AppError } from "../../common/errors/app-error";
import { IngestRepository } from "./ingest.repository";
import { IngestWriter } from "./ingest-writer";

const DAY_MS = 24 * 3600_000;
const MAX_FUTURE_MS = DAY_MS;

/**
 * `POST /v1/ingest/events`: new events (by id) are stored with the cost computed from the org's prices and queued
 * for the rollups in one transaction, and the rollups, team spend and escalations grow by exactly those events
 * (IngestWriter, RollupFolder). A replay inserts nothing and changes nothing. The answer comes after the rollups
 * hold the batch, or with `ack: "stored"` as soon as the events are stored and queued.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly ingest: IngestRepository,
    private readonly writer: IngestWriter,
  ) {}

  async ingestBatch(
    gateway: GatewayCaller,
    batch: TEventBatch,
    ack: TIngestQuery["ack"],
  ): Promise<TIngestResponse> {
    const latest = Date.now() + MAX_FUTURE_MS;
    const days = new Set<number>();
    for (let i = 0; i < batch.events.length; i++) {
      const at = Date.parse(batch.events[i].ts);
      if (at > latest) {
        throw new AppError(
          "validation_failed",
          `events[${i}].ts is more than a day in the future; check the gateway's clock`,
          { issues: [{ path: `body.events.${i}.ts`, message: "more than a day in the future" }] },
        );
      }
      days.add(Math.floor(at / DAY_MS));
    }
    await this.ingest.ensurePartitions([...days].map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10)));
    const accepted = await this.writer.submit(gateway, batch.events, ack);
    return { accepted, duplicates: batch.events.length - accepted };
  }
}
