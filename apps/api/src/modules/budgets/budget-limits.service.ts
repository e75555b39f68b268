import { Injectable } from "@nestjs/common";
import { ZNormalizedPolicyConfig } from "@kt/contract";
import { DbService } from "../../common/db/db.module";
import { BudgetsRepository } from "./budgets.repository";

export type TTeamLimit = {
  /** The team is in the org (gateways may name any id). */
  teamExists: boolean;
  apiLimitUsd: number | null;
  policyLimitUsd: number | null;
  limitUsd: number | null;
  budgetId: string | null;
};

const CACHE_MS = 5_000;

/**
 * A team's monthly limit: the lower of the budget set through the API and the enabled cost_limit policies of the
 * configs that apply to the team (configs it owns, and those of gateways that belong to it or serve its keys). Cached for 5 s per process (gateways ask on the hot path); a change made through
 * this process's API is seen at once.
 */
@Injectable()
export class BudgetLimitsService {
  private readonly cache = new Map<string, { at: number; limit: TTeamLimit }>();
  /** Loads in progress: a burst of calls for a team whose entry expired makes one load, not one each. */
  private readonly loading = new Map<string, Promise<TTeamLimit>>();
  /** Bumped by `forget`, so a load that started before a change does not cache what it read. */
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly db: DbService,
    private readonly budgets: BudgetsRepository,
  ) {}

  async forTeams(orgId: string, teamIds: string[], fresh = false): Promise<Map<string, TTeamLimit>> {
    const out = new Map<string, TTeamLimit>();
    const now = Date.now();
    const waits: Promise<void>[] = [];
    const missing: string[] = [];
    for (const id of new Set(teamIds)) {
      const key = `${orgId}:${id}`;
      const hit = this.cache.get(key);
      const pending = this.loading.get(key);
      if (!fresh && hit && now - hit.at < CACHE_MS) out.set(id, hit.limit);
      else if (!fresh && pending) waits.push(pending.then((limit) => void out.set(id, limit)));
      else missing.push(id);
    }
    if (missing.length) {
      const started = new Map(missing.map((id) => [id, this.versions.get(`${orgId}:${id}`) ?? 0]));
      const load = this.load(orgId, missing);
      for (const id of missing) {
        const key = `${orgId}:${id}`;
        const one = load.then((limits) => {
          const limit = limits.get(id)!;
          if ((this.versions.get(key) ?? 0) === started.get(id)) this.cache.set(key, { at: now, limit });
          return limit;
        });
        this.loading.set(key, one);
        void one.then(
          () => this.loading.get(key) === one && this.loading.delete(key),
          () => this.loading.get(key) === one && this.loading.delete(key),
        );
        waits.push(one.then((limit) => void out.set(id, limit)));
      }
    }
    await Promise.all(waits);
    return out;
  }

  private async load(orgId: string, teamIds: string[]): Promise<Map<string, TTeamLimit>> {
    const db = this.db.forOrg(orgId);
    const [existing, rows, configs] = await Promise.all([
      this.budgets.existingTeamIds(db, teamIds),
      this.budgets.budgets(db, teamIds),
      this.budgets.teamConfigs(db, teamIds),
    ]);
    const out = new Map<string, TTeamLimit>();
    for (const teamId of teamIds) {
      const row = rows.find((b) => b.teamId === teamId);
      const apiLimitUsd = row?.source === "api" ? Number(row.monthlyLimitUsd) : null;
      const policyLimits = configs
        .filter((c) => c.teamId === teamId)
        .flatMap((c) => costLimits(c.normalized));
      const policyLimitUsd = policyLimits.length ? Math.min(...policyLimits) : null;
      const candidates = [apiLimitUsd, policyLimitUsd].filter((v): v is number => v !== null);
      out.set(teamId, {
        teamExists: existing.has(teamId),
        apiLimitUsd,
        policyLimitUsd,
        limitUsd: candidates.length ? Math.min(...candidates) : null,
        budgetId: row?.id ?? null,
      });
    }
    return out;
  }

  async forTeam(orgId: string, teamId: string): Promise<TTeamLimit> {
    return (await this.forTeams(orgId, [teamId])).get(teamId)!;
  }

  /**
   * Those of `teamIds` that have a limit, sorted: what gateway sync tells a gateway to reserve for. Read fresh (a
   * config version saved a moment ago wakes the sync) and cached for the reservations that follow.
   */
  async limitedTeams(orgId: string, teamIds: string[]): Promise<string[]> {
    const unique = [...new Set(teamIds)];
    if (unique.length === 0) return [];
    const limits = await this.forTeams(orgId, unique, true);
    return unique.filter((id) => limits.get(id)?.limitUsd != null).sort();
  }

  forget(orgId: string, teamId: string) {
    const key = `${orgId}:${teamId}`;
    this.cache.delete(key);
    this.loading.delete(key);
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }
}

function costLimits(normalized: unknown): number[] {
  const parsed = ZNormalizedPolicyConfig.safeParse(normalized);
  if (!parsed.success || !parsed.data.enabled) return [];
  return parsed.data.policies.flatMap((p) =>
    p.type === "cost_limit" && p.enabled ? [p.monthlyLimitUsd] : [],
  );
}
