import { Inject, Injectable, OnModuleDestroy } from "@nestjs/common";
import type { TExportFormat } from "@kt/contract";
import pg from "pg";
import QueryStream from "pg-query-stream";
import type { Readable } from "node:stream";
import { ENV, type TEnv } from "../../../config/env";
import { countQuery, exportQuery } from "./sources/export-query";
import type { ExportSource, ExportSpec } from "./sources/export-source";

/** Rows fetched per round trip: large enough for throughput, small enough for constant memory. */
const BATCH_SIZE = 500;

export type RowStream = { rows: Readable; release: (error?: Error) => void };

/**
 * Reads export rows straight from PostgreSQL with a server-side cursor (pg-query-stream), outside Prisma,
 * which cannot stream. Every statement is built by an ExportSource and filtered by the org id ($1).
 */
@Injectable()
export class ExportRowsRepository implements OnModuleDestroy {
  private readonly pool: pg.Pool;

  constructor(@Inject(ENV) env: TEnv) {
    this.pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, application_name: "kt-export-worker" });
    this.pool.on("error", () => undefined);
  }

  async count(source: ExportSource, spec: ExportSpec): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(countQuery(source, spec));
    return rows[0].n;
  }

  /** The rows in export order; call `release` once the stream has ended or failed. */
  async stream(source: ExportSource, spec: ExportSpec, format: TExportFormat): Promise<RowStream> {
    const client = await this.pool.connect();
    const { text, values } = exportQuery(source, spec, format);
    const rows = client.query(new QueryStream(text, values, { batchSize: BATCH_SIZE, highWaterMark: BATCH_SIZE, rowMode: "array" }));
    // A connection that failed mid-stream is discarded rather than returned to the pool.
    return { rows, release: (error) => client.release(error) };
  }

  async onModuleDestroy() {
    await this.pool.end();
  }
}
