import { Injectable } from "@nestjs/common";
import type { OrgDb, OrgTx } from "@kt/db";
import type pg from "pg";
import { FOLD_ORG_SQL } from "../events/rollup-fold";
import { HOLD_OPEN_DAYS_SQL, rollupCostDelta, ROLLUPS, rollupVersionsBump } from "../events/rollup-sql";
import { TelemetryPool } from "../events/telemetry-pool";
import { COST_SQL, type TPriceOverride } from "./price-book";

/** The only place prices touch the database: org overrides, unpriced models, and recomputing stored costs. */
@Injectable()
export class PricesRepository {
  constructor(private readonly telemetry: TelemetryPool) {}

  /** The org's negotiated prices, read inside ingest's transaction. */
  async overrides(client: pg.PoolClient, orgId: string): Promise<TPriceOverride[]> {
    const { rows } = await client.query(
      `SELECT provider, model, "inputPerMTok"::float8 AS input, "outputPerMTok"::float8 AS output, "cachedPerMTok"::float8 AS cached
       FROM model_prices WHERE "orgId" = $1::uuid`,
      [orgId],
    );
    return rows;
  }

  list(db: OrgDb | OrgTx) {
    return db.modelPrice.findMany({ orderBy: [{ provider: "asc" }, { model: "asc" }] });
  }

  upsert(
    tx: OrgTx,
    orgId: string,
    p: { provider: string; model: string; input: number; output: number; cached: number | null },
  ) {
    return tx.modelPrice.upsert({
      where: { orgId_provider_model: { orgId, provider: p.provider, model: p.model } },
      create: {
        orgId,
        provider: p.provider,
        model: p.model,
        inputPerMTok: p.input,
        outputPerMTok: p.output,
        cachedPerMTok: p.cached,
      },
      update: { inputPerMTok: p.input, outputPerMTok: p.output, cachedPerMTok: p.cached },
    });
  }

  find(db: OrgDb | OrgTx, provider: string, model: string) {
    return db.modelPrice.findFirst({ where: { provider, model } });
  }

  remove(tx: OrgTx, provider: string, model: string) {
    return tx.modelPrice.deleteMany({ where: { provider, model } });
  }

  /** Provider and model pairs seen in the last 90 days with no known price (from the rollups, not raw events). */
  async unpriced(orgId: string) {
    const { rows } = await this.telemetry.pool.query<{
      provider: string | null;
      model: string;
      requests: string;
      last_seen: Date;
    }>(
      `SELECT provider, model, sum(unpriced)::bigint::text AS requests, max(hour) AS last_seen
       FROM telemetry.event_rollups_hourly_nouser WHERE org_id = $1::uuid AND hour >= now() - interval '90 days' AND unpriced > 0
       GROUP BY provider, model ORDER BY sum(unpriced) DESC LIMIT 200`,
      [orgId],
    );
    return rows;
  }

  /**
   * Takes the lock that ingest and the rollup fold take shared: no batch is mid-way while stored costs are rewritten.
   * Then folds the org's queued events, so the rollups hold every stored event the recompute changes. First, the daily
   * rollups' watermark row FOR SHARE: no day closes while this transaction writes rollups (see closeDays), and taking
   * it before the price lock, as a fold does, keeps the two in one order.
   */
  async lockPricesExclusive(tx: OrgTx, orgId: string) {
    await tx.$queryRawUnsafe(HOLD_OPEN_DAYS_SQL);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`prices:${orgId}`}, 0))`;
    await tx.$queryRawUnsafe(FOLD_ORG_SQL, orgId);
  }

  /** Distinct provider and model names in stored events for a provider (to find the ones a price now matches). */
  async modelsOf(tx: OrgTx, orgId: string, provider: string): Promise<string[]> {
    const rows = await tx.$queryRawUnsafe<{ model: string }[]>(
      `SELECT DISTINCT model FROM telemetry.event_rollups_hourly_nouser WHERE org_id = $1::uuid AND provider = $2`,
      orgId,
      provider,
    );
    return rows.map((r) => r.model);
  }

  /**
   * Rewrites the cost of the stored events of one model with the given rates (null: unknown) and applies the
   * differences to the rollups and team spend built from them, in one statement. Returns how many events changed.
   */
  async recompute(
    tx: OrgTx,
    orgId: string,
    provider: string,
    model: string,
    rates: { input: number; output: number; cached: number | null } | null,
  ) {
    const cost = COST_SQL({
      prompt: "e.prompt_tokens",
      completion: "e.completion_tokens",
      cached: "e.cached_tokens",
      input: "$4::numeric",
      output: "$5::numeric",
      cachedRate: "$6::numeric",
    });
    const rows = await tx.$queryRawUnsafe<{ changed: bigint }[]>(
      `WITH changed AS (
         UPDATE telemetry.events e SET cost_usd = ${cost}
         FROM (SELECT ts, id, cost_usd AS old_cost FROM telemetry.events WHERE org_id = $1::uuid AND provider = $2 AND model = $3) o
         WHERE e.org_id = $1::uuid AND e.provider = $2 AND e.model = $3 AND e.ts = o.ts AND e.id = o.id AND e.cost_usd IS DISTINCT FROM ${cost}
         RETURNING e.org_id, e.ts, e.team_id, e.gateway_id, e.end_user, e.action, e.status, e.triggered_policies, e.policy_keys,
           COALESCE(e.cost_usd, 0) - COALESCE(o.old_cost, 0) AS dc, (e.cost_usd IS NULL)::int - (o.old_cost IS NULL)::int AS du
       ),
       ${Object.entries(ROLLUPS)
         .map(([name, r]) => `${name} AS (${rollupCostDelta(r, "changed")}),`)
         .join("\n       ")}
       versions AS (${rollupVersionsBump("changed")} RETURNING 1),
       spend AS (
         UPDATE telemetry.team_spend t SET spent_usd = t.spent_usd + s.dc, unpriced = t.unpriced + s.du, updated_at = now()
         FROM (SELECT team_id, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM') AS period, sum(dc) AS dc, sum(du) AS du FROM changed WHERE team_id IS NOT NULL GROUP BY 1, 2) s
         WHERE t.org_id = $1::uuid AND t.team_id = s.team_id AND t.period = s.period RETURNING 1
       )
       SELECT (SELECT count(*) FROM changed) AS changed, (SELECT count(*) FROM spend) AS touched`,
      orgId,
      provider,
      model,
      rates?.input ?? null,
      rates?.output ?? null,
      rates?.cached ?? null,
    );
    return Number(rows[0]?.changed ?? 0);
  }
}
