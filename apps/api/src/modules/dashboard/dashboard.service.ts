import { Injectable } from "@nestjs/common";
import {
  GATEWAY_HEALTH,
  type TDashboardQuery,
  type TDashboardSummary,
  type TEventAggregate,
} from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { EventScopeService } from "../events/event-scope.service";
import { EventsService } from "../events/events.service";
import { DashboardRepository } from "./dashboard.repository";

const HEALTHY_MS = 30_000;
const STALE_MS = 120_000;
const HOURLY_SERIES_MAX_MS = 2 * 86_400_000;
/** Only the totals show percentiles; the per-policy, per-gateway and series numbers skip the latency histograms. */
const NO_LATENCY = { latency: false };

const EMPTY: TEventAggregate = {
  requests: 0,
  promptTokens: 0,
  completionTokens: 0,
  cachedTokens: 0,
  costUsd: 0,
  unpricedRequests: 0,
  blocked: 0,
  escalated: 0,
  redacted: 0,
  errors: 0,
  blockRate: 0,
  escalationRate: 0,
  avgLatencyMs: null,
  p50LatencyMs: null,
  p95LatencyMs: null,
};

/** The Console dashboard in one call, built from rollups (plus at most two partial hours of raw events). */
@Injectable()
export class DashboardService {
  constructor(
    private readonly db: DbService,
    private readonly scope: EventScopeService,
    private readonly events: EventsService,
    private readonly dashboard: DashboardRepository,
  ) {}

  async summary(ctx: AuthContext, q: TDashboardQuery): Promise<TDashboardSummary> {
    const f = await this.scope.resolve(ctx, {
      since: q.since ?? "24h",
      until: q.until,
      team: q.team ? [q.team] : undefined,
      gateway: q.gateway ? [q.gateway] : undefined,
    });
    const span = f.until.getTime() - f.since.getTime();
    const db = this.db.forOrg(ctx.orgId);
    const [totals, policies, byGateway, series, users, gateways, [openEscalations, overdueEscalations]] =
      await Promise.all([
        this.events.group(f, []),
        this.events.group(f, ["policy"], undefined, NO_LATENCY),
        this.events.group(f, ["gateway"], undefined, NO_LATENCY),
        this.events.group(f, [span > HOURLY_SERIES_MAX_MS ? "day" : "hour"], undefined, NO_LATENCY),
        this.dashboard.activeUsers(f),
        this.dashboard.gateways(db, f.gatewayIds, f.teamIds),
        this.dashboard.escalationCounts(db, f.teamIds),
      ]);
    const total = totals.groups[0] ?? { ...EMPTY };
    const requestsByGateway = new Map(byGateway.groups.map((g) => [g.key.gateway, g.requests]));
    const now = Date.now();
    const gatewayRows = gateways.map((g) => {
      const age = g.lastHeartbeatAt ? now - g.lastHeartbeatAt.getTime() : null;
      const health =
        age === null ? "never" : age <= HEALTHY_MS ? "healthy" : age <= STALE_MS ? "stale" : "offline";
      return {
        id: g.id,
        name: g.name,
        health,
        lastHeartbeatAt: g.lastHeartbeatAt?.toISOString() ?? null,
        requests: requestsByGateway.get(g.id) ?? 0,
      } as const;
    });
    const {
      key: _key,
      labels: _labels,
      ...totalsAggregate
    } = total as typeof total & { key?: unknown; labels?: unknown };
    return {
      since: f.since.toISOString(),
      until: f.until.toISOString(),
      totals: totalsAggregate,
      activeUsers: users,
      policies: policies.groups.map((p) => ({
        policy: p.key.policy ?? "",
        triggered: p.requests,
        rate: total.requests ? p.requests / total.requests : 0,
        blocked: p.blocked,
      })),
      gateways: gatewayRows,
      gatewaysByHealth: Object.fromEntries(
        GATEWAY_HEALTH.map((h) => [h, gatewayRows.filter((g) => g.health === h).length]),
      ) as TDashboardSummary["gatewaysByHealth"],
      series: series.groups.map((s) => ({
        ts: (s.key.day ?? s.key.hour)!,
        requests: s.requests,
        costUsd: s.costUsd,
        blocked: s.blocked,
        escalated: s.escalated,
      })),
      openEscalations,
      overdueEscalations,
    };
  }
}
