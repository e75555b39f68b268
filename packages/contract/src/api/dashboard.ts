import { z } from "zod";
import { ZTimeSpec } from "../common";
import { ZEventAggregate } from "./events";

/** `GET /v1/dashboard/summary`: one range (`since` default 24h), optionally one team or gateway (ids or names). */
export const ZDashboardQuery = z.object({
  since: ZTimeSpec.optional(),
  until: ZTimeSpec.optional(),
  team: z.string().max(256).optional(),
  gateway: z.string().max(256).optional(),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

/** healthy: heartbeat within 30 s; stale: within 2 min; offline: older; never: no heartbeat yet. */
export const GATEWAY_HEALTH = ["healthy", "stale", "offline", "never"] as const;

export const ZDashboardSummary = z.object({
  since: z.string(),
  until: z.string(),
  totals: ZEventAggregate,
  activeUsers: z.number().int(),
  /** Per triggered policy: how many requests it triggered on, and the share of all requests. */
  policies: z.array(
    z.object({
      policy: z.string(),
      triggered: z.number().int(),
      rate: z.number(),
      blocked: z.number().int(),
    }),
  ),
  gateways: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      health: z.enum(GATEWAY_HEALTH),
      lastHeartbeatAt: z.string().nullable(),
      requests: z.number().int(),
    }),
  ),
  gatewaysByHealth: z.record(z.enum(GATEWAY_HEALTH), z.number().int()),
  /** Per day (ranges over 48 h) or per hour. */
  series: z.array(
    z.object({
      ts: z.string(),
      requests: z.number().int(),
      costUsd: z.number(),
      blocked: z.number().int(),
      escalated: z.number().int(),
    }),
  ),
  openEscalations: z.number().int(),
  overdueEscalations: z.number().int(),
});
export type TDashboardSummary = z.infer<typeof ZDashboardSummary>;
