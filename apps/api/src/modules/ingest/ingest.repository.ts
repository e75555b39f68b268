import { Injectable } from "@nestjs/common";
import type pg from "pg";
import { TelemetryPool } from "../events/telemetry-pool";
import { COST_SQL } from "../prices/price-book";
import type { TEventRowInput } from "./event-rows";
import { foldRollupQueue, type TFoldResult } from "../events/rollup-fold";

const EVENT_RECORD = `id uuid, ts timestamptz, gateway_id uuid, team_id uuid, key_id uuid, end_user text, provider text, model text,
  stream boolean, prompt_tokens integer, completion_tokens integer, cached_tokens integer, tokens_estimated boolean,
  reported_cost_usd numeric, rate_in numeric, rate_out numeric, rate_cached numeric, latency_ms double precision,
  policy_latency_ms double precision, status text, http_status smallint, action text, triggered_policies text[], policy_keys text[],
  blocked_by text, blocked_reason text, decisions jsonb, prompt_redacted text, prompt_hash text, error text, config_version integer`;

/** Each field of an event row: its name (a key of TEventRowInput) and SQL type, in the order rows are sent. */
const FIELDS = EVENT_RECORD.split(",").map((c) => {
  const [name, ...type] = c.trim().split(/\s+/);
  return { name: name as keyof TEventRowInput, type: type.join(" ") };
});
const COLUMNS = FIELDS.map((f) => f.name).filter((c) => !c.startsWith("rate_"));

/**
 * A batch travels as one JSON array of rows, each an array of its fields in FIELDS order: without the key of every
 * field of every row it is about half the bytes to send and for PostgreSQL to parse.
 */
const rowsJson = (rows: TEventRowInput[]) => JSON.stringify(rows.map((r) => FIELDS.map((f) => r[f.name])));
const fieldSql = (f: (typeof FIELDS)[number], i: number) =>
  f.type === "jsonb"
    ? `j.r->${i}`
    : f.type === "text[]"
      ? `ARRAY(SELECT jsonb_array_elements_text(j.r->${i}))`
      : `(j.r->>${i})::${f.type}`;
const ROWS_SQL = `(SELECT ${FIELDS.map((f, i) => `${fieldSql(f, i)} AS ${f.name}`).join(", ")}
    FROM jsonb_array_elements($2::jsonb) AS j(r)) AS x`;
const COST = COST_SQL({
  prompt: "x.prompt_tokens",
  completion: "x.completion_tokens",
  cached: "x.cached_tokens",
  input: "x.rate_in",
  output: "x.rate_out",
  cachedRate: "x.rate_cached",
});
/** What the rollups need of an event (telemetry.rollup_queue's columns, besides the org). */
const QUEUED = `event_id, ts, team_id, gateway_id, provider, model, end_user, action, status, prompt_tokens, completion_tokens,
  cached_tokens, cost_usd, latency_ms, triggered_policies, policy_keys`;
const INSERT_AND_QUEUE_SQL = `WITH ins AS (
    INSERT INTO telemetry.events (org_id, cost_usd, ${COLUMNS.join(", ")})
    SELECT $1::uuid, ${COST}, ${COLUMNS.map((c) => `x.${c}`).join(", ")}
    FROM ${ROWS_SQL}
    ON CONFLICT DO NOTHING
    RETURNING ${QUEUED.replace("event_id", "id AS event_id")}
  ),
  queued AS (INSERT INTO telemetry.rollup_queue (org_id, ${QUEUED}) SELECT $1::uuid, ${QUEUED} FROM ins)
  SELECT event_id AS id, cost_usd::text AS cost_usd FROM ins`;

/** The only place ingest writes telemetry: events with their queue entries, and the fold of the queue into rollups. */
@Injectable()
export class IngestRepository {
  private readonly knownDays = new Set<string>();

  constructor(private readonly telemetry: TelemetryPool) {}

  /** Creates the day partitions a batch needs (outside the ingest transaction: it locks the parent table). */
  async ensurePartitions(days: string[]): Promise<void> {
    const missing = [...new Set(days)].filter((d) => !this.knownDays.has(d)).sort();
    if (missing.length === 0) return;
    await this.telemetry.pool.query(
      "SELECT telemetry.ensure_event_partitions(d, d) FROM unnest($1::date[]) AS d",
      [missing],
    );
    for (const d of missing) this.knownDays.add(d);
  }

  /** Stamps each key with its latest event time in one statement; a replayed older event never moves it back. */
  async markKeysUsed(orgId: string, latest: Map<string, string>): Promise<void> {
    if (latest.size === 0) return;
    await this.telemetry.pool.query(
      `UPDATE public.gateway_keys AS k SET "lastUsedAt" = u.at
         FROM unnest($2::uuid[], $3::timestamptz[]) AS u(id, at)
        WHERE k.id = u.id AND k."orgId" = $1::uuid AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < u.at)`,
      [orgId, [...latest.keys()], [...latest.values()]],
    );
  }

  /** After "no partition for row" (maintenance dropped a day this process thought it had). */
  forgetPartitions(): void {
    this.knownDays.clear();
  }

  /**
   * One statement: inserts the events whose id is new (cost computed from the rates) and queues exactly those for the
   * rollup fold. Returns the new ids with their cost. Rows should come sorted by (ts, id): concurrent transactions
   * inserting the same ids (a replay racing its original) then wait on each other in one order, never in a cycle.
   */
  async insertAndQueue(
    client: pg.PoolClient,
    orgId: string,
    rows: TEventRowInput[],
  ): Promise<Map<string, string | null>> {
    // Named: PostgreSQL plans the statement once per connection instead of on every batch.
    const result = await client.query<{ id: string; cost_usd: string | null }>({
      name: "kt-ingest-events",
      text: INSERT_AND_QUEUE_SQL,
      values: [orgId, rowsJson(rows)],
    });
    return new Map(result.rows.map((r) => [r.id, r.cost_usd]));
  }

  /** Moves queued events into the rollups (see rollup-fold.ts), in one transaction. */
  fold(): Promise<TFoldResult> {
    return this.telemetry.transaction((client) => foldRollupQueue(client));
  }

  /** The queue is emptied by every fold: reclaiming its dead rows often keeps each fold's scan a few pages long. */
  async vacuumQueue(): Promise<void> {
    await this.telemetry.pool.query("VACUUM telemetry.rollup_queue");
  }

  /** A price change rewrites costs under the exclusive form of this lock; ingest takes the shared form. */
  async lockPricesShared(client: pg.PoolClient, orgId: string): Promise<void> {
    await client.query("SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))", [`prices:${orgId}`]);
  }
}
