import { z } from "zod";

export const ZPriceRow = z.object({
  provider: z.string(),
  model: z.string(),
  inputPerMTok: z.number(),
  outputPerMTok: z.number(),
  cachedInputPerMTok: z.number().nullable(),
  /** `override`: the org's negotiated price; `list`: the built-in table. */
  source: z.enum(["override", "list"]),
  updatedAt: z.string().nullable(),
});
export type TPriceRow = z.infer<typeof ZPriceRow>;

/** A provider and model seen in events with no known price: an admin should set one. */
export const ZUnpricedModel = z.object({
  provider: z.string().nullable(),
  model: z.string(),
  requests: z.number().int(),
  lastSeen: z.string(),
});

/** `GET /v1/prices`. */
export const ZPriceList = z.object({
  table: z.object({ source: z.string(), asOf: z.string(), currency: z.literal("USD") }),
  items: z.array(ZPriceRow),
  unpriced: z.array(ZUnpricedModel),
});
export type TPriceList = z.infer<typeof ZPriceList>;

/** `PUT /v1/prices` (admin): set the org's price for a model; the cost of its stored events is recomputed. USD per million tokens. */
export const ZSetPrice = z.object({
  provider: z.string().trim().min(1).max(64),
  model: z.string().trim().min(1).max(256),
  inputPerMTok: z.number().nonnegative().max(100_000),
  outputPerMTok: z.number().nonnegative().max(100_000),
  cachedInputPerMTok: z.number().nonnegative().max(100_000).nullable().default(null),
});
export type TSetPrice = z.infer<typeof ZSetPrice>;

/** `DELETE /v1/prices?provider=&model=`: drop the override; the list price (or "unknown") applies again. */
export const ZPriceKey = z.object({
  provider: z.string().trim().min(1).max(64),
  model: z.string().trim().min(1).max(256),
});

export const ZPriceChangeResult = z.object({
  price: ZPriceRow.nullable(),
  eventsRecomputed: z.number().int(),
});
export type TPriceChangeResult = z.infer<typeof ZPriceChangeResult>;
