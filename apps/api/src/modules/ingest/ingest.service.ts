import { Injectable } from "@nestjs/common";
import type { TEventBatch, TIngestResponse } from "@kt/contract";
import type { GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { AppError } from "../../common/errors/app-error";
import { IngestRepository } from "./ingest.repository";
import { IngestWriter } from "./ingest-writer";

const MAX_FUTURE_MS = 24 * 3600_000;

/**
 * `POST /v1/ingest/events`: new events (by id) are stored with the cost computed from the org's prices, and the
 * rollups, team spend and escalations grow by exactly those events, in the same transaction (IngestWriter). A
 * replay inserts nothing and changes nothing. The answer comes after the commit.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly ingest: IngestRepository,
    private readonly writer: IngestWriter,
  ) {}

  async ingestBatch(gateway: GatewayCaller, batch: TEventBatch): Promise<TIngestResponse> {
    const late = batch.events.findIndex((e) => Date.parse(e.ts) > Date.now() + MAX_FUTURE_MS);
    if (late >= 0) {
      throw new AppError(
        "validation_failed",
        `events[${late}].ts is more than a day in the future; check the gateway's clock`,
        {
          issues: [{ path: `body.events.${late}.ts`, message: "more than a day in the future" }],
        },
      );
    }
    await this.ingest.ensurePartitions(batch.events.map((e) => new Date(e.ts).toISOString().slice(0, 10)));
    const accepted = await this.writer.submit(gateway, batch.events);
    return { accepted, duplicates: batch.events.length - accepted };
  }
}
