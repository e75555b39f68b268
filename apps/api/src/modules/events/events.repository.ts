import { Injectable } from "@nestjs/common";
import type { OrgDb } from "@kt/db";
import { filterConditions, SqlParams, type TResolvedFilters } from "./event-filters";
import { TelemetryPool } from "./telemetry-pool";

/** A telemetry.events row as selected here. */
export type TEventRow = {
  id: string;
  ts: Date;
  ts_us: string;
  received_at: Date;
  gateway_id: string | null;
  team_id: string | null;
  key_id: string | null;
  end_user: string | null;
  provider: string | null;
  model: string;
  stream: boolean;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  tokens_estimated: boolean;
  cost_usd: string | null;
  latency_ms: number;
  policy_latency_ms: number;
  status: string;
  http_status: number;
  action: string;
  triggered_policies: string[];
  blocked_by: string | null;
  blocked_reason: string | null;
  decisions: unknown[];
  prompt_redacted: string | null;
  prompt_hash: string | null;
  error: string | null;
  config_version: number | null;
};

export const EVENT_COLUMNS = `e.id, e.ts, (extract(epoch FROM e.ts) * 1000000)::bigint::text AS ts_us, e.received_at, e.gateway_id, e.team_id,
  e.key_id, e.end_user, e.provider, e.model, e.stream, e.prompt_tokens, e.completion_tokens, e.cached_tokens, e.tokens_estimated,
  e.cost_usd::text AS cost_usd, e.latency_ms, e.policy_latency_ms, e.status, e.http_status, e.action, e.triggered_policies,
  e.blocked_by, e.blocked_reason, e.decisions, e.prompt_redacted, e.prompt_hash, e.error, e.config_version`;

export type TEventCursor = { tsMicros: string; id: string };

/** Raw event reads (newest first, keyset paging) and the names behind gateway and team ids. */
@Injectable()
export class EventsRepository {
  constructor(private readonly telemetry: TelemetryPool) {}

  async list(f: TResolvedFilters, limit: number, after: TEventCursor | null): Promise<TEventRow[]> {
    const p = new SqlParams();
    let where = filterConditions(
      p,
      f,
      { alias: "e", timeColumn: "ts", hasUser: true, hasPolicyKeys: true },
      f.since,
      f.until,
    );
    if (after) {
      where += ` AND (e.ts, e.id) < ('epoch'::timestamptz + ${p.add(after.tsMicros, "::bigint")} * interval '1 microsecond', ${p.add(after.id, "::uuid")})`;
    }
    const sql = `SELECT ${EVENT_COLUMNS} FROM telemetry.events e WHERE ${where} ORDER BY e.ts DESC, e.id DESC LIMIT ${p.add(limit, "::int")}`;
    return (await this.telemetry.pool.query<TEventRow>(sql, p.values)).rows;
  }

  /** One event by id, looked up within two days of the time a UUIDv7 id carries (other ids: every partition). */
  async find(orgId: string, id: string, around: Date | null): Promise<TEventRow | null> {
    const window = around
      ? `AND e.ts >= $3::timestamptz - interval '2 days' AND e.ts < $3::timestamptz + interval '2 days'`
      : "";
    const values = around ? [orgId, id, around] : [orgId, id];
    const sql = `SELECT ${EVENT_COLUMNS} FROM telemetry.events e WHERE e.org_id = $1::uuid AND e.id = $2::uuid ${window} LIMIT 1`;
    return (await this.telemetry.pool.query<TEventRow>(sql, values)).rows[0] ?? null;
  }

  gatewayNames(db: OrgDb, ids: string[]) {
    return ids.length
      ? db.gateway.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : Promise.resolve([]);
  }

  teamNames(db: OrgDb, ids: string[]) {
    return ids.length
      ? db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : Promise.resolve([]);
  }

  gatewaysByName(db: OrgDb, names: string[]) {
    return db.gateway.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  }

  teamsByName(db: OrgDb, names: string[]) {
    return db.team.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  }

  /** The teams a manager belongs to: what they may see. */
  async memberTeamIds(db: OrgDb, userId: string): Promise<string[]> {
    return (await db.teamMember.findMany({ where: { userId }, select: { teamId: true } })).map(
      (m) => m.teamId,
    );
  }
}
