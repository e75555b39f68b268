import { z } from "zod";
import { ZTimeSpec } from "../common";
import {
  EVENT_ACTIONS,
  ZEventAction,
  ZEventStatus,
  ZPolicyDecision,
  type TEventAction,
} from "../events/gateway-event";

/** `action=` also takes the verbs the guides use (`block`, `escalate`, …). */
const ACTION_ALIASES: Record<string, TEventAction> = {
  allow: "allowed",
  redact: "redacted",
  block: "blocked",
  escalate: "escalated",
};

/** A filter value: one value, a comma-separated list, or an array (JSON bodies, e.g. exports). Matches any of them. */
const ZFilterList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0))
  .pipe(
    z.array(z.string().max(256, "each value must be at most 256 characters")).max(50, "at most 50 values"),
  );

const ZActionList = ZFilterList.transform((values) => values.map((v) => ACTION_ALIASES[v] ?? v)).pipe(
  z.array(
    z.enum(EVENT_ACTIONS, {
      error: `use one of: ${EVENT_ACTIONS.join(", ")} (or block, escalate, redact, allow)`,
    }),
  ),
);
const ZStatusList = ZFilterList.pipe(z.array(ZEventStatus));

/**
 * The event filters, shared by `GET /v1/events`, the SSE tail, the dashboard and exports. `gateway` and `team` take
 * ids or names; `policy` matches a triggered policy by name or by type; every filter takes a comma-separated list.
 * `since` defaults to 30 days ago, `until` to now.
 */
export const ZEventFilters = z.object({
  since: ZTimeSpec.optional(),
  until: ZTimeSpec.optional(),
  gateway: ZFilterList.optional(),
  team: ZFilterList.optional(),
  provider: ZFilterList.optional(),
  model: ZFilterList.optional(),
  user: ZFilterList.optional(),
  policy: ZFilterList.optional(),
  action: ZActionList.optional(),
  status: ZStatusList.optional(),
});
export type TEventFilters = z.infer<typeof ZEventFilters>;
export type TEventFiltersInput = z.input<typeof ZEventFilters>;

/** The filter names, e.g. for building query strings and CLI flags. */
export const EVENT_FILTER_KEYS = [
  "gateway",
  "team",
  "provider",
  "model",
  "user",
  "policy",
  "action",
  "status",
] as const;
export type TEventFilterKey = (typeof EVENT_FILTER_KEYS)[number];

export const EVENT_GROUP_KEYS = [
  "gateway",
  "team",
  "provider",
  "model",
  "user",
  "policy",
  "action",
  "day",
  "hour",
] as const;
export const ZEventGroupKey = z.enum(EVENT_GROUP_KEYS);
export type TEventGroupKey = z.infer<typeof ZEventGroupKey>;

const ZGroupByList = ZFilterList.pipe(
  z
    .array(z.enum(EVENT_GROUP_KEYS, { error: `group_by takes: ${EVENT_GROUP_KEYS.join(", ")}` }))
    .min(1)
    .max(4, "group by at most 4 keys")
    .refine((keys) => new Set(keys).size === keys.length, { error: "group_by lists a key twice" }),
);

export const EVENT_LIST_MAX_LIMIT = 1000;
export const EVENT_GROUPS_MAX = 10_000;

/**
 * `GET /v1/events`: the filters, plus either paging (`limit`, default 50, and `cursor`) for events newest first,
 * or `group_by` for aggregates (`limit` then caps the number of groups).
 */
export const ZEventQuery = ZEventFilters.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(EVENT_LIST_MAX_LIMIT, `limit must be at most ${EVENT_LIST_MAX_LIMIT}`)
    .optional(),
  cursor: z.string().max(512).optional(),
  group_by: ZGroupByList.optional(),
});
export type TEventQuery = z.infer<typeof ZEventQuery>;
export type TEventQueryInput = z.input<typeof ZEventQuery>;

/** One stored event, as the API returns it. Cost is what the control plane computed (org prices first). */
export const ZEventRecord = z.object({
  id: z.string(),
  ts: z.string(),
  receivedAt: z.string(),
  gatewayId: z.string().nullable(),
  gatewayName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  keyId: z.string().nullable(),
  user: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string(),
  stream: z.boolean(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  cachedTokens: z.number().int(),
  tokensEstimated: z.boolean(),
  /** USD; null when the model's price is unknown (see priceUnknown). */
  costUsd: z.number().nullable(),
  /** No price is known for this provider and model: an admin can set one (`PUT /v1/prices`), then spend is recomputed. */
  priceUnknown: z.boolean(),
  latencyMs: z.number(),
  policyLatencyMs: z.number(),
  status: ZEventStatus,
  httpStatus: z.number().int(),
  action: ZEventAction,
  triggeredPolicies: z.array(z.string()),
  blockedBy: z.object({ policy: z.string(), reason: z.string() }).nullable(),
  decisions: z.array(ZPolicyDecision),
  promptRedacted: z.string().nullable(),
  promptHash: z.string().nullable(),
  error: z.string().nullable(),
  configVersion: z.number().int().nullable(),
});
export type TEventRecord = z.infer<typeof ZEventRecord>;

export const ZEventPage = z.object({ items: z.array(ZEventRecord), nextCursor: z.string().nullable() });
export type TEventPage = z.infer<typeof ZEventPage>;

/** Aggregates of a set of events. Rates are fractions of `requests` (0..1); latencies in ms, null when no events. */
export const ZEventAggregate = z.object({
  requests: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  cachedTokens: z.number().int(),
  /** Sum over events with a known price. */
  costUsd: z.number(),
  /** Events whose price is unknown, so costUsd leaves them out. */
  unpricedRequests: z.number().int(),
  blocked: z.number().int(),
  escalated: z.number().int(),
  redacted: z.number().int(),
  errors: z.number().int(),
  blockRate: z.number(),
  escalationRate: z.number(),
  avgLatencyMs: z.number().nullable(),
  /** From a log-bucket histogram: within about 4 % of the exact percentile. */
  p50LatencyMs: z.number().nullable(),
  p95LatencyMs: z.number().nullable(),
});
export type TEventAggregate = z.infer<typeof ZEventAggregate>;

/**
 * One group. `key` holds the value of every group_by key (ids for gateway and team, ISO start of the UTC day or
 * hour for day and hour; null for events without one); `labels` holds names for ids where known.
 */
export const ZEventGroup = ZEventAggregate.extend({
  key: z.record(z.string(), z.string().nullable()),
  labels: z.record(z.string(), z.string()),
});
export type TEventGroup = z.infer<typeof ZEventGroup>;

/**
 * `GET /v1/events?group_by=…`. Groups by policy count each event once per distinct triggered policy name (events
 * with no triggered policy are not in any policy group). `source` tells whether rollups answered (with raw events
 * for the partial hours at the edges) or raw events did.
 */
export const ZEventGroups = z.object({
  groupBy: z.array(ZEventGroupKey),
  since: z.string(),
  until: z.string(),
  source: z.enum(["rollups", "events"]),
  groups: z.array(ZEventGroup),
  truncated: z.boolean(),
});
export type TEventGroups = z.infer<typeof ZEventGroups>;

export const ZEventsResponse = z.union([ZEventGroups, ZEventPage]);
export type TEventsResponse = z.infer<typeof ZEventsResponse>;

/** `GET /v1/events/stream`: the filters (since/until/paging do not apply). SSE `event: event`, data = ZEventRecord. */
export const ZEventStreamQuery = ZEventFilters.omit({ since: true, until: true });
export type TEventStreamQuery = z.infer<typeof ZEventStreamQuery>;

export const EVENT_ROUTES = {
  list: "/v1/events",
  get: "/v1/events/:id",
  stream: "/v1/events/stream",
} as const;

/** BullMQ queue of the telemetry maintenance job (partitions ahead, retention), run by the worker every hour. */
export const TELEMETRY_QUEUE = "telemetry";
export const TELEMETRY_JOBS = { maintain: "telemetry.maintain" } as const;
