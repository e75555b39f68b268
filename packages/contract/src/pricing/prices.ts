import { z } from "zod";
import table from "./prices.json";

export const ZModelPrice = z.object({
  provider: z.string(),
  model: z.string(),
  inputPerMTok: z.number().nonnegative(),
  outputPerMTok: z.number().nonnegative(),
  cachedInputPerMTok: z.number().nonnegative().optional(),
});
export type TModelPrice = z.infer<typeof ZModelPrice>;

export const ZPriceTable = z.object({
  source: z.string(),
  asOf: z.string(),
  currency: z.literal("USD"),
  note: z.string().optional(),
  models: z.array(ZModelPrice),
});
export type TPriceTable = z.infer<typeof ZPriceTable>;

export const PRICE_TABLE: TPriceTable = ZPriceTable.parse(table);

/** Providers billed at another provider's list prices. */
const PRICE_ALIASES: Record<string, string> = { "azure-openai": "openai" };

// Longest model names first, so `gpt-4o-mini-2024-07-18` matches gpt-4o-mini before gpt-4o.
const byProvider = new Map<string, TModelPrice[]>();
for (const row of [...PRICE_TABLE.models].sort((a, b) => b.model.length - a.model.length)) {
  const rows = byProvider.get(row.provider) ?? [];
  rows.push(row);
  byProvider.set(row.provider, rows);
}

/**
 * The list price of a model, matching exact names and dated snapshots (`gpt-4o-2024-08-06`,
 * `claude-3-5-sonnet-20241022`, `claude-3-5-sonnet-latest`). Null when unknown: callers must record an unknown
 * cost, never zero.
 */
export function priceFor(provider: string, model: string): TModelPrice | null {
  const rows = byProvider.get(PRICE_ALIASES[provider] ?? provider);
  if (!rows) return null;
  const name = model.toLowerCase();
  for (const row of rows) {
    if (name === row.model) return row;
    if (name.startsWith(row.model + "-") && /^-(\d{4}-?\d{2}-?\d{2}|\d{8}|latest|preview)/.test(name.slice(row.model.length))) {
      return row;
    }
  }
  return null;
}

export type TUsageForCost = { promptTokens: number; completionTokens: number; cachedTokens?: number };

/** USD cost of a call, or null when the model's price is unknown. Cached prompt tokens bill at the cached rate. */
export function costFor(provider: string, model: string, usage: TUsageForCost): number | null {
  const price = priceFor(provider, model);
  if (!price) return null;
  const cached = Math.min(usage.cachedTokens ?? 0, usage.promptTokens);
  const cachedRate = price.cachedInputPerMTok ?? price.inputPerMTok;
  const usd =
    ((usage.promptTokens - cached) * price.inputPerMTok + cached * cachedRate + usage.completionTokens * price.outputPerMTok) /
    1_000_000;
  return Math.round(usd * 1e9) / 1e9;
}
