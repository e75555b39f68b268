import { Injectable } from "@nestjs/common";
import {
  PRICE_TABLE,
  type TPriceChangeResult,
  type TPriceList,
  type TPriceRow,
  type TSetPrice,
} from "@kt/contract";
import type { OrgTx } from "@kt/db";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { modelMatches, ratesFor, type TPriceOverride } from "./price-book";
import { PricesRepository } from "./prices.repository";

type TOverrideRow = Awaited<ReturnType<PricesRepository["list"]>>[number];

const RECOMPUTE_TIMEOUT_MS = 300_000;

@Injectable()
export class PricesService {
  constructor(
    private readonly db: DbService,
    private readonly prices: PricesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: AuthContext): Promise<TPriceList> {
    const [overrides, unpriced] = await Promise.all([
      this.prices.list(this.db.forOrg(ctx.orgId)),
      this.prices.unpriced(ctx.orgId),
    ]);
    const overridden = new Set(overrides.map((o) => `${o.provider}\u0000${o.model}`));
    const list: TPriceRow[] = PRICE_TABLE.models
      .filter((m) => !overridden.has(`${m.provider}\u0000${m.model}`))
      .map((m) => ({
        provider: m.provider,
        model: m.model,
        inputPerMTok: m.inputPerMTok,
        outputPerMTok: m.outputPerMTok,
        cachedInputPerMTok: m.cachedInputPerMTok ?? null,
        source: "list",
        updatedAt: null,
      }));
    return {
      table: { source: PRICE_TABLE.source, asOf: PRICE_TABLE.asOf, currency: PRICE_TABLE.currency },
      items: [...overrides.map(toRow), ...list].sort(
        (a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model),
      ),
      unpriced: unpriced.map((u) => ({
        provider: u.provider,
        model: u.model,
        requests: Number(u.requests),
        lastSeen: new Date(u.last_seen).toISOString(),
      })),
    };
  }

  /** Sets the org's price for a model and recomputes the cost of its stored events, rollups and team spend. */
  async set(ctx: AuthContext, input: TSetPrice): Promise<TPriceChangeResult> {
    return this.db.forOrg(ctx.orgId).$transaction(
      async (tx) => {
        await this.prices.lockPricesExclusive(tx, ctx.orgId);
        const before = await this.prices.find(tx, input.provider, input.model);
        const row = await this.prices.upsert(tx, ctx.orgId, {
          provider: input.provider,
          model: input.model,
          input: input.inputPerMTok,
          output: input.outputPerMTok,
          cached: input.cachedInputPerMTok,
        });
        const recomputed = await this.recompute(tx, ctx.orgId, input.provider, input.model);
        await this.audit.record(tx, ctx, {
          action: "price.set",
          resourceType: "model_price",
          resourceId: row.id,
          before: before ? toRow(before) : null,
          after: { ...toRow(row), eventsRecomputed: recomputed },
        });
        return { price: toRow(row), eventsRecomputed: recomputed };
      },
      { timeout: RECOMPUTE_TIMEOUT_MS },
    );
  }

  async remove(ctx: AuthContext, provider: string, model: string): Promise<TPriceChangeResult> {
    return this.db.forOrg(ctx.orgId).$transaction(
      async (tx) => {
        await this.prices.lockPricesExclusive(tx, ctx.orgId);
        const before = await this.prices.find(tx, provider, model);
        if (!before) throw AppError.notFound("Price override");
        await this.prices.remove(tx, provider, model);
        const recomputed = await this.recompute(tx, ctx.orgId, provider, model);
        await this.audit.record(tx, ctx, {
          action: "price.remove",
          resourceType: "model_price",
          resourceId: before.id,
          before: toRow(before),
          after: { eventsRecomputed: recomputed },
        });
        return { price: null, eventsRecomputed: recomputed };
      },
      { timeout: RECOMPUTE_TIMEOUT_MS },
    );
  }

  /** Every stored model the changed price name covers gets the rates that now apply to it. */
  private async recompute(tx: OrgTx, orgId: string, provider: string, priceModel: string): Promise<number> {
    const overrides: TPriceOverride[] = (await this.prices.list(tx)).map((o) => ({
      provider: o.provider,
      model: o.model,
      input: Number(o.inputPerMTok),
      output: Number(o.outputPerMTok),
      cached: o.cachedPerMTok === null ? null : Number(o.cachedPerMTok),
    }));
    let changed = 0;
    for (const model of (await this.prices.modelsOf(tx, orgId, provider)).filter((m) =>
      modelMatches(priceModel, m),
    )) {
      const rates = ratesFor(overrides, provider, model);
      changed += await this.prices.recompute(tx, orgId, provider, model, rates);
    }
    return changed;
  }
}

function toRow(o: TOverrideRow): TPriceRow {
  return {
    provider: o.provider,
    model: o.model,
    inputPerMTok: Number(o.inputPerMTok),
    outputPerMTok: Number(o.outputPerMTok),
    cachedInputPerMTok: o.cachedPerMTok === null ? null : Number(o.cachedPerMTok),
    source: "override",
    updatedAt: o.updatedAt.toISOString(),
  };
}
