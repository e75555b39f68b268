import { z } from "zod";
import { ZNormalizedPolicyConfig } from "./policy/model";

/**
 * The contract between a managed gateway and the control plane. Every route below is called by the
 * gateway with `Authorization: Bearer <gateway credential>` (the credential the API returned when the
 * gateway was registered). A bad or revoked credential answers 401 with the ZApiError shape.
 */
export const GATEWAY_ROUTES = {
  /** GET: config + key set. ETag / If-None-Match (304 when unchanged); `?wait=SECONDS` long-polls. */
  sync: "/v1/gateway/sync",
  /** POST ZGatewayHeartbeat → 204. */
  heartbeat: "/v1/gateway/heartbeat",
  /**
   * GET `?teamId=` → ZGatewayBudgetStatus: the team's spend this month as the control plane knows it. Enforcement
   * uses reservations instead (`BUDGET_ROUTES.reserve`, for the teams in `budgetTeamIds`).
   */
  budget: "/v1/gateway/budget",
  /**
   * POST ZEventBatch → ZIngestResponse. Idempotent by event id: a replayed event is not counted twice. `?ack=`
   * (ZIngestQuery) chooses when the answer comes.
   */
  ingest: "/v1/ingest/events",
} as const;

/** Longest long-poll the API honours; the gateway asks for at most this. */
export const GATEWAY_SYNC_MAX_WAIT_SECONDS = 30;

/** Application keys sent to a gateway: `kt_gk_` followed by random URL-safe characters. */
export const GATEWAY_KEY_PREFIX = "kt_gk_";

/** SHA-256 of the whole secret (prefix included), lower-case hex. */
export const ZSha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be a lower-case SHA-256 hex digest");

/** A gateway key as the gateway sees it: never the secret, only its hash. */
export const ZGatewayKeyRecord = z.object({
  id: z.string().min(1),
  secretHash: ZSha256Hex,
  teamId: z.string().nullable().default(null),
  name: z.string().optional(),
  /** A key past this instant answers 401. Null: no expiry. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /**
   * Revoked keys may be left out of the set (simplest for the API) or listed with revokedAt; either way the
   * gateway answers 401. A rotated key's old secret is listed with expiresAt = end of its grace period.
   */
  revokedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Optional per-key model restriction on top of the config's model-allowlist; empty means no extra limit. */
  models: z.array(z.string()).default([]),
});
export type TGatewayKeyRecord = z.infer<typeof ZGatewayKeyRecord>;

/**
 * `GET /v1/gateway/sync` (200). The `ETag` header must change whenever configVersion or any key changes;
 * a request with a matching `If-None-Match` answers 304 with no body, after waiting up to `?wait=` seconds
 * for a change (long-poll). A gateway applies a new version to new requests; requests in flight finish
 * under the version they started with.
 */
export const ZGatewaySyncResponse = z.object({
  gatewayId: z.string().min(1),
  orgId: z.string().min(1),
  /** Monotonic version number of the config assigned to this gateway; 0 with config null when none is. */
  configVersion: z.number().int().nonnegative(),
  config: ZNormalizedPolicyConfig.nullable(),
  keys: z.array(ZGatewayKeyRecord),
  /**
   * The teams among this gateway's keys whose monthly spend the control plane limits (a budget set through the API,
   * or a cost_limit policy of a config that applies to them), sorted. The gateway reserves each of their calls'
   * estimated cost (`BUDGET_ROUTES.reserve`) before forwarding it; calls of other teams make no round trip.
   */
  budgetTeamIds: z.array(z.string()).default([]),
});
export type TGatewaySyncResponse = z.infer<typeof ZGatewaySyncResponse>;

/** `POST /v1/gateway/heartbeat`, sent every 10 s. */
export const ZGatewayHeartbeat = z.object({
  /** The gateway software version. */
  version: z.string().min(1),
  uptimeSeconds: z.number().nonnegative(),
  requestsServed: z.number().int().nonnegative(),
  /** Events written to the local spool and not yet accepted by the API. */
  spoolDepth: z.number().int().nonnegative(),
  /** The config version in force; null before the first successful sync. */
  configVersion: z.number().int().nonnegative().nullable(),
});
export type TGatewayHeartbeat = z.infer<typeof ZGatewayHeartbeat>;

/**
 * `POST /v1/ingest/events?ack=`: `rollups` (the default) answers once the batch is in every rollup, team spend and
 * query, so a caller reads its own writes; `stored` answers once the events are durably stored and queued for the
 * rollups, which follow within about a second (what gateways use: their spool needs durability, not the rollups,
 * and the API then folds many batches at once).
 */
export const ZIngestQuery = z.object({
  ack: z.enum(["rollups", "stored"]).default("rollups"),
});
export type TIngestQuery = z.infer<typeof ZIngestQuery>;

/** `POST /v1/ingest/events` answer (200). `duplicates`: events whose id the API already had. */
export const ZIngestResponse = z.object({
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});
export type TIngestResponse = z.infer<typeof ZIngestResponse>;

export const ZGatewayBudgetQuery = z.object({ teamId: z.string().min(1) });

/**
 * `GET /v1/gateway/budget?teamId=` (200): the team's spend in the current calendar month (UTC) from the
 * events the API has ingested. `limitUsd` is the team budget the API holds, if any; the gateway enforces
 * the lower of it and its config's cost_limit. The gateway caches this for a few seconds and adds the cost
 * of the calls it served since `asOf`.
 */
export const ZGatewayBudgetStatus = z.object({
  teamId: z.string().min(1),
  /** `YYYY-MM`, UTC. */
  period: z.string().regex(/^\d{4}-\d{2}$/),
  spentUsd: z.number().nonnegative(),
  limitUsd: z.number().nonnegative().nullable().default(null),
  asOf: z.iso.datetime({ offset: true }),
});
export type TGatewayBudgetStatus = z.infer<typeof ZGatewayBudgetStatus>;
