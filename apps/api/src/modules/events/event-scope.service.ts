import { Injectable } from "@nestjs/common";
import { parseTimeSpec, type TEventFilters } from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import type { TResolvedFilters } from "./event-filters";
import type { TNames } from "./event-record";
import { EventsRepository } from "./events.repository";

const DEFAULT_SINCE = "30d";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns the caller's filters into resolved ones: time specs to instants, gateway and team names to ids, and a
 * manager's view narrowed to the teams they belong to. Shared by events, the SSE tail, the dashboard and exports.
 */
@Injectable()
export class EventScopeService {
  constructor(
    private readonly db: DbService,
    private readonly events: EventsRepository,
  ) {}

  async resolve(
    ctx: Pick<AuthContext, "orgId" | "role" | "userId">,
    q: TEventFilters,
    now = new Date(),
  ): Promise<TResolvedFilters> {
    const since = parseTimeSpec(q.since ?? DEFAULT_SINCE, now)!;
    const until = q.until ? parseTimeSpec(q.until, now)! : now;
    if (since >= until)
      throw new AppError("validation_failed", "`since` must be before `until`", {
        issues: [{ path: "query.since", message: "must be before until" }],
      });
    const db = this.db.forOrg(ctx.orgId);
    const gatewayIds = q.gateway
      ? await this.idsOf("gateway", q.gateway, (names) => this.events.gatewaysByName(db, names))
      : undefined;
    let teamIds = q.team
      ? await this.idsOf("team", q.team, (names) => this.events.teamsByName(db, names))
      : undefined;
    if (ctx.role === "manager") {
      const mine = new Set(await this.events.memberTeamIds(db, ctx.userId));
      teamIds = teamIds ? teamIds.filter((id) => mine.has(id)) : [...mine];
    }
    return {
      orgId: ctx.orgId,
      since,
      until,
      gatewayIds,
      teamIds,
      providers: q.provider,
      models: q.model,
      users: q.user,
      policies: q.policy,
      actions: q.action,
      statuses: q.status,
    };
  }

  /** Names for the gateway and team ids shown. */
  async names(orgId: string, gatewayIds: Iterable<string>, teamIds: Iterable<string>): Promise<TNames> {
    const db = this.db.forOrg(orgId);
    const [gateways, teams] = await Promise.all([
      this.events.gatewayNames(
        db,
        [...new Set(gatewayIds)].filter((id) => UUID.test(id)),
      ),
      this.events.teamNames(
        db,
        [...new Set(teamIds)].filter((id) => UUID.test(id)),
      ),
    ]);
    return {
      gateways: new Map(gateways.map((g) => [g.id, g.name])),
      teams: new Map(teams.map((t) => [t.id, t.name])),
    };
  }

  private async idsOf(
    kind: "gateway" | "team",
    values: string[],
    byName: (names: string[]) => Promise<{ id: string; name: string }[]>,
  ) {
    const ids = values.filter((v) => UUID.test(v)).map((v) => v.toLowerCase());
    const names = values.filter((v) => !UUID.test(v));
    if (names.length === 0) return ids;
    const found = await byName(names);
    const missing = names.filter((n) => !found.some((f) => f.name === n));
    if (missing.length) {
      throw new AppError(
        "validation_failed",
        `No ${kind} named ${missing.map((n) => `"${n}"`).join(", ")} in this org; give a ${kind} id or an exact name`,
        {
          issues: [{ path: `query.${kind}`, message: `unknown ${kind}: ${missing.join(", ")}` }],
        },
      );
    }
    return [...ids, ...found.map((f) => f.id)];
  }
}
