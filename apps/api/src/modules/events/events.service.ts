import { Injectable } from "@nestjs/common";
import {
  EVENT_GROUPS_MAX,
  type TEventGroups,
  type TEventPage,
  type TEventQuery,
  type TEventRecord,
} from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import { AppError } from "../../common/errors/app-error";
import type { TResolvedFilters } from "./event-filters";
import { EventGroupsRepository, type TSliceOptions } from "./event-groups.repository";
import { decodeCursor, encodeCursor, toEventRecord, uuidv7Time } from "./event-record";
import { EventScopeService } from "./event-scope.service";
import { EventsRepository } from "./events.repository";
import { mergeGroups, sortGroups } from "./group-merge";
import { planGroups } from "./group-plan";

const DEFAULT_LIMIT = 50;

@Injectable()
export class EventsService {
  constructor(
    private readonly scope: EventScopeService,
    private readonly events: EventsRepository,
    private readonly groups: EventGroupsRepository,
  ) {}

  async query(ctx: AuthContext, q: TEventQuery): Promise<TEventPage | TEventGroups> {
    const filters = await this.scope.resolve(ctx, q);
    if (q.group_by) return this.group(filters, q.group_by, q.limit);
    if (q.cursor && !decodeCursor(q.cursor))
      throw new AppError("validation_failed", "cursor is not one this API returned; pass nextCursor as is");
    return this.list(filters, q.limit ?? DEFAULT_LIMIT, q.cursor ? decodeCursor(q.cursor) : null);
  }

  async get(ctx: AuthContext, id: string): Promise<TEventRecord> {
    const row = await this.events.find(ctx.orgId, id, uuidv7Time(id));
    if (!row) throw AppError.notFound("Event");
    if (ctx.role === "manager") {
      const scoped = await this.scope.resolve(ctx, {});
      if (!row.team_id || !scoped.teamIds?.includes(row.team_id)) throw AppError.notFound("Event");
    }
    const names = await this.scope.names(
      ctx.orgId,
      row.gateway_id ? [row.gateway_id] : [],
      row.team_id ? [row.team_id] : [],
    );
    return toEventRecord(row, names);
  }

  private async list(
    filters: TResolvedFilters,
    limit: number,
    after: { tsMicros: string; id: string } | null,
  ): Promise<TEventPage> {
    const rows = await this.events.list(filters, limit + 1, after);
    const page = rows.slice(0, limit);
    const names = await this.scope.names(
      filters.orgId,
      page.flatMap((r) => (r.gateway_id ? [r.gateway_id] : [])),
      page.flatMap((r) => (r.team_id ? [r.team_id] : [])),
    );
    return {
      items: page.map((r) => toEventRecord(r, names)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  /**
   * Aggregates: whole hours from rollups, partial hours from raw events (see group-plan.ts). Without `latency`
   * the percentiles are null (the histograms are most of a rollup query's cost).
   */
  async group(
    filters: TResolvedFilters,
    groupBy: TEventQuery["group_by"] & {},
    limit?: number,
    options: TSliceOptions = { latency: true },
  ): Promise<TEventGroups> {
    const plan = planGroups(filters, groupBy, await this.groups.dailyOpenFrom());
    const parts = await this.groups.slices(filters, groupBy, plan.slices, options);
    const merged = sortGroups(mergeGroups(parts), groupBy);
    const cap = Math.min(limit ?? EVENT_GROUPS_MAX, EVENT_GROUPS_MAX);
    const shown = merged.slice(0, cap);
    const gi = groupBy.indexOf("gateway");
    const ti = groupBy.indexOf("team");
    const names = await this.scope.names(
      filters.orgId,
      gi >= 0 ? shown.flatMap((g) => (g.keys[gi] ? [g.keys[gi]!] : [])) : [],
      ti >= 0 ? shown.flatMap((g) => (g.keys[ti] ? [g.keys[ti]!] : [])) : [],
    );
    return {
      groupBy,
      since: filters.since.toISOString(),
      until: filters.until.toISOString(),
      source: plan.usesRollups ? "rollups" : "events",
      truncated: merged.length > cap,
      groups: shown.map(({ keys, ...aggregate }) => {
        const labels: Record<string, string> = {};
        const gateway = gi >= 0 ? keys[gi] : null;
        const team = ti >= 0 ? keys[ti] : null;
        if (gateway && names.gateways.has(gateway)) labels.gateway = names.gateways.get(gateway)!;
        if (team && names.teams.has(team)) labels.team = names.teams.get(team)!;
        return { key: Object.fromEntries(groupBy.map((k, i) => [k, keys[i]])), labels, ...aggregate };
      }),
    };
  }
}
