import { priceFor } from "@kt/contract";

/** USD per million tokens; cached null = billed at the input rate. */
export type TRates = { input: number; output: number; cached: number | null; source: "override" | "list" };
export type TPriceOverride = {
  provider: string;
  model: string;
  input: number;
  output: number;
  cached: number | null;
};

/** Dated snapshots and aliases of a model bill like the model (same rule as the list table's priceFor). */
export function modelMatches(priceModel: string, eventModel: string): boolean {
  const name = eventModel.toLowerCase();
  const base = priceModel.toLowerCase();
  if (name === base) return true;
  return (
    name.startsWith(`${base}-`) &&
    /^-(\d{4}-?\d{2}-?\d{2}|\d{8}|latest|preview)/.test(name.slice(base.length))
  );
}

/**
 * The rates for a provider and model: the org's negotiated price first (exact name, then snapshots of it, longest
 * name first), then the list price table. Null when neither knows the model: the event's cost is unknown, never 0.
 */
export function ratesFor(overrides: TPriceOverride[], provider: string | null, model: string): TRates | null {
  if (!provider) return null;
  const candidates = overrides
    .filter((o) => o.provider === provider && modelMatches(o.model, model))
    .sort((a, b) => b.model.length - a.model.length);
  const exact = candidates.find((o) => o.model.toLowerCase() === model.toLowerCase()) ?? candidates[0];
  if (exact) return { input: exact.input, output: exact.output, cached: exact.cached, source: "override" };
  const list = priceFor(provider, model);
  if (!list) return null;
  return {
    input: list.inputPerMTok,
    output: list.outputPerMTok,
    cached: list.cachedInputPerMTok ?? null,
    source: "list",
  };
}

/** The SQL expression computing an event's cost exactly (numeric) from its tokens and rates; null rates → NULL. */
export const COST_SQL = (t: {
  prompt: string;
  completion: string;
  cached: string;
  input: string;
  output: string;
  cachedRate: string;
}) =>
  `CASE WHEN ${t.input} IS NULL THEN NULL ELSE round(((${t.prompt} - LEAST(${t.cached}, ${t.prompt}))::numeric * ${t.input}
    + LEAST(${t.cached}, ${t.prompt})::numeric * COALESCE(${t.cachedRate}, ${t.input}) + ${t.completion}::numeric * ${t.output}) / 1000000, 9) END`;
