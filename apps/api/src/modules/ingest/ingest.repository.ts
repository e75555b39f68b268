import { Injectable } from "@nestjs/common";
import type pg from "pg";
import { TelemetryPool } from "../events/telemetry-pool";
import { COST_SQL } from "../prices/price-book";
import type { TEventRowInput } from "./event-rows";
import type { TInsertedEvent, TRollupRow } from "./rollup-deltas";

const EVENT_RECORD = `id uuid, ts timestamptz, gateway_id uuid, team_id uuid, key_id uuid, end_user text, provider text, model text,
  stream boolean, prompt_tokens integer, completion_tokens integer, cached_tokens integer, tokens_estimated boolean,
  reported_cost_usd numeric, rate_in numeric, rate_out numeric, rate_cached numeric, latency_ms double precision,
  policy_latency_ms double precision, status text, http_status smallint, action text, triggered_policies text[], policy_keys text[],
  blocked_by text, blocked_reason text, decisions jsonb, prompt_redacted text, prompt_hash text, error text, config_version integer`;

const MEASURES = `requests bigint, prompt_tokens bigint, completion_tokens bigint, cached_tokens bigint, cost_usd numeric,
  unpriced bigint, latency_sum_ms double precision, latency_hist bigint[]`;
const ADD_MEASURES = `requests = r.requests + excluded.requests, prompt_tokens = r.prompt_tokens + excluded.prompt_tokens,
  completion_tokens = r.completion_tokens + excluded.completion_tokens, cached_tokens = r.cached_tokens + excluded.cached_tokens,
  cost_usd = r.cost_usd + excluded.cost_usd, unpriced = r.unpriced + excluded.unpriced,
  latency_sum_ms = r.latency_sum_ms + excluded.latency_sum_ms, latency_hist = telemetry.hist_add(r.latency_hist, excluded.latency_hist)`;
const MEASURE_COLUMNS = "requests, prompt_tokens, completion_tokens, cached_tokens, cost_usd, unpriced, latency_sum_ms, latency_hist";

const ROLLUPS = {
  hourly: {
    table: "telemetry.event_rollups_hourly",
    keys: "hour timestamptz, team_id uuid, gateway_id uuid, provider text, model text, end_user text, action text, status text",
    conflict: "org_id, hour, team_id, gateway_id, provider, model, end_user, action, status",
  },
  nouser: {
    table: "telemetry.event_rollups_hourly_nouser",
    keys: "hour timestamptz, team_id uuid, gateway_id uuid, provider text, model text, action text, status text",
    conflict: "org_id, hour, team_id, gateway_id, provider, model, action, status",
  },
  daily: {
    table: "telemetry.event_rollups_daily",
    keys: "day date, team_id uuid, gateway_id uuid, provider text, model text, action text, status text",
    conflict: "org_id, day, team_id, gateway_id, provider, model, action, status",
  },
  policies: {
    table: "telemetry.policy_rollups_hourly",
    keys: "hour timestamptz, team_id uuid, gateway_id uuid, provider text, model text, action text, status text, kind text, policy text",
    conflict: "org_id, kind, hour, policy, team_id, gateway_id, provider, model, action, status",
  },
} as const;

const columnsOf = (record: string) => record.split(",").map((c) => c.trim().split(/\s+/)[0]);

/** The only place ingest writes telemetry: events, rollups, team spend and reservation releases, in the caller's transaction. */
@Injectable()
export class IngestRepository {
  private readonly knownDays = new Set<string>();

  constructor(private readonly telemetry: TelemetryPool) {}

  /** Creates the day partitions a batch needs (outside the ingest transaction: it locks the parent table). */
  async ensurePartitions(days: string[]): Promise<void> {
    const missing = [...new Set(days)].filter((d) => !this.knownDays.has(d)).sort();
    if (missing.length === 0) return;
    await this.telemetry.pool.query("SELECT telemetry.ensure_event_partitions(d, d) FROM unnest($1::date[]) AS d", [missing]);
    for (const d of missing) this.knownDays.add(d);
  }

  /** After "no partition for row" (maintenance dropped a day this process thought it had). */
  forgetPartitions(): void {
    this.knownDays.clear();
  }

  /** Inserts the events whose id is new; returns them with the cost the database computed. */
  async insertEvents(client: pg.PoolClient, orgId: string, rows: TEventRowInput[]): Promise<Map<string, string | null>> {
    const columns = columnsOf(EVENT_RECORD).filter((c) => !c.startsWith("rate_"));
    const cost = COST_SQL({ prompt: "x.prompt_tokens", completion: "x.completion_tokens", cached: "x.cached_tokens", input: "x.rate_in", output: "x.rate_out", cachedRate: "x.rate_cached" });
    const sql = `INSERT INTO telemetry.events (org_id, cost_usd, ${columns.join(", ")})
      SELECT $1::uuid, ${cost}, ${columns.map((c) => `x.${c}`).join(", ")}
      FROM jsonb_to_recordset($2::jsonb) AS x(${EVENT_RECORD})
      ON CONFLICT DO NOTHING
      RETURNING id, cost_usd::text AS cost_usd`;
    const result = await client.query<{ id: string; cost_usd: string | null }>(sql, [orgId, JSON.stringify(rows)]);
    return new Map(result.rows.map((r) => [r.id, r.cost_usd]));
  }

  async addToRollup(client: pg.PoolClient, orgId: string, which: keyof typeof ROLLUPS, rows: TRollupRow[]): Promise<void> {
    if (rows.length === 0) return;
    const t = ROLLUPS[which];
    const keys = columnsOf(t.keys);
    await client.query(
      `INSERT INTO ${t.table} AS r (org_id, ${keys.join(", ")}, ${MEASURE_COLUMNS})
       SELECT $1::uuid, ${keys.map((k) => `x.${k}`).join(", ")}, ${MEASURE_COLUMNS.split(", ").map((m) => `x.${m}`).join(", ")}
       FROM jsonb_to_recordset($2::jsonb) AS x(${t.keys}, ${MEASURES})
       ON CONFLICT (${t.conflict}) DO UPDATE SET ${ADD_MEASURES}`,
      [orgId, JSON.stringify(rows)],
    );
  }

  async addActiveUsers(client: pg.PoolClient, orgId: string, rows: TRollupRow[]): Promise<void> {
    if (rows.length === 0) return;
    await client.query(
      `INSERT INTO telemetry.active_users_daily AS r (org_id, day, team_id, end_user, requests)
       SELECT $1::uuid, x.day, x.team_id, x.end_user, x.requests FROM jsonb_to_recordset($2::jsonb) AS x(day date, team_id uuid, end_user text, requests bigint)
       ON CONFLICT (org_id, day, team_id, end_user) DO UPDATE SET requests = r.requests + excluded.requests`,
      [orgId, JSON.stringify(rows)],
    );
  }

  /** Adds spend per team and month, and releases the reservations the ingested events settle. */
  async addSpend(client: pg.PoolClient, orgId: string, rows: TRollupRow[], settledEventIds: string[]): Promise<void> {
    if (rows.length > 0) {
      await client.query(
        `INSERT INTO telemetry.team_spend AS s (org_id, team_id, period, spent_usd, unpriced)
         SELECT $1::uuid, x.team_id, x.period, x.cost_usd, x.unpriced FROM jsonb_to_recordset($2::jsonb) AS x(team_id uuid, period text, cost_usd numeric, unpriced bigint)
         ON CONFLICT (org_id, team_id, period) DO UPDATE SET spent_usd = s.spent_usd + excluded.spent_usd, unpriced = s.unpriced + excluded.unpriced, updated_at = now()`,
        [orgId, JSON.stringify(rows)],
      );
    }
    if (settledEventIds.length > 0) {
      await client.query("DELETE FROM telemetry.budget_reservations WHERE org_id = $1::uuid AND event_id = ANY($2::uuid[])", [orgId, settledEventIds]);
    }
  }

  /** A price change rewrites costs under the exclusive form of this lock; ingest takes the shared form. */
  async lockPricesShared(client: pg.PoolClient, orgId: string): Promise<void> {
    await client.query("SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))", [`prices:${orgId}`]);
  }
}

export type { TInsertedEvent };
