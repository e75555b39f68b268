import { z } from "zod";
import { ZId } from "../common";

/** Alerts fire once per threshold (percent of the limit) per team per calendar month. */
export const BUDGET_ALERT_THRESHOLDS = [50, 80, 100] as const;

export const ZBudget = z.object({
  teamId: z.string(),
  teamName: z.string(),
  /** `YYYY-MM`, UTC. */
  period: z.string(),
  /** The limit in force: the lower of the API budget and the team's cost_limit policies; null when none. */
  limitUsd: z.number().nullable(),
  /** The budget set through the API, if any. */
  apiLimitUsd: z.number().nullable(),
  /** The lowest cost_limit monthly_limit among the configs of the team's gateways, if any. */
  policyLimitUsd: z.number().nullable(),
  spentUsd: z.number(),
  /** Reserved by calls in flight. */
  reservedUsd: z.number(),
  /** Events this month whose price is unknown (not in spentUsd). */
  unpricedRequests: z.number().int(),
  percentUsed: z.number().nullable(),
  alertsFired: z.array(z.number().int()),
});
export type TBudget = z.infer<typeof ZBudget>;

export const ZBudgetList = z.object({ period: z.string(), items: z.array(ZBudget) });

/** `PUT /v1/budgets/:teamId`. */
export const ZSetBudget = z.object({ monthlyLimitUsd: z.number().nonnegative().max(1e9) });
export type TSetBudget = z.infer<typeof ZSetBudget>;

/**
 * `POST /v1/gateway/budget/reserve` (gateway credential): before forwarding a call for a team, reserve its estimated
 * cost under the event id the call will have. The API admits it only if spend + reservations + estimate stay within
 * the team's limit, deciding under one lock per team, so several gateways together overrun a limit by at most
 * what calls in flight cost beyond their estimates. Ingesting the event (same id) releases the reservation; so does
 * `release`, or expiry after `ttlSeconds`.
 */
export const ZBudgetReserveRequest = z.object({
  teamId: ZId,
  eventId: ZId,
  estimatedCostUsd: z.number().nonnegative().max(1e6),
  ttlSeconds: z.number().int().min(5).max(3600).default(300),
  /**
   * The event's `ts`. With it, a reservation that arrives after its event was ingested (the gateway stopped waiting
   * for the answer and let the call through) is not recorded, so the call is never counted twice.
   */
  eventTs: z.iso.datetime({ offset: true }).optional(),
});
export type TBudgetReserveRequest = z.input<typeof ZBudgetReserveRequest>;

export const ZBudgetReservation = z.object({
  granted: z.boolean(),
  teamId: z.string(),
  period: z.string(),
  limitUsd: z.number().nullable(),
  spentUsd: z.number(),
  /** Reserved by other calls in flight (this one excluded). */
  reservedUsd: z.number(),
  /** Null when no reservation was needed (no limit) or it was refused. */
  expiresAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type TBudgetReservation = z.infer<typeof ZBudgetReservation>;

/** `POST /v1/gateway/budget/release`: the call ended without an event (e.g. the client went away) → 204. */
export const ZBudgetReleaseRequest = z.object({ eventId: ZId });

export const BUDGET_ROUTES = {
  list: "/v1/budgets",
  set: "/v1/budgets/:teamId",
  reserve: "/v1/gateway/budget/reserve",
  release: "/v1/gateway/budget/release",
} as const;
