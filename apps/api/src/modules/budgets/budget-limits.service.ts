import { Injectable } from "@nestjs/common";
import { ZNormalizedPolicyConfig } from "@kt/contract";
import { DbService } from "../../common/db/db.module";
import { BudgetsRepository } from "./budgets.repository";

export type TTeamLimit = {
  apiLimitUsd: number | null;
  policyLimitUsd: number | null;
  limitUsd: number | null;
  budgetId: string | null;
};

const CACHE_MS = 5_000;

/**
 * A team's monthly limit: the lower of the budget set through the API and the enabled cost_limit policies of the
 * configs that apply to the team. Cached for 5 s per process (gateways ask on the hot path); a change made through
 * this process's API is seen at once.
 */
@Injectable()
export class BudgetLimitsService {
  private readonly cache = new Map<string, { at: number; limit: TTeamLimit }>();

  constructor(
    private readonly db: DbService,
    private readonly budgets: BudgetsRepository,
  ) {}

  async forTeams(orgId: string, teamIds: string[], fresh = false): Promise<Map<string, TTeamLimit>> {
    const out = new Map<string, TTeamLimit>();
    const now = Date.now();
    const missing = teamIds.filter((id) => {
      const hit = this.cache.get(`${orgId}:${id}`);
      if (!fresh && hit && now - hit.at < CACHE_MS) out.set(id, hit.limit);
      return !out.has(id);
    });
    if (missing.length === 0) return out;
    const db = this.db.forOrg(orgId);
    const [rows, configs] = await Promise.all([
      this.budgets.budgets(db, missing),
      this.budgets.teamConfigs(db, missing),
    ]);
    for (const teamId of missing) {
      const row = rows.find((b) => b.teamId === teamId);
      const apiLimitUsd = row?.source === "api" ? Number(row.monthlyLimitUsd) : null;
      const policyLimits = configs
        .filter((c) => c.teamId === teamId)
        .flatMap((c) => costLimits(c.normalized));
      const policyLimitUsd = policyLimits.length ? Math.min(...policyLimits) : null;
      const candidates = [apiLimitUsd, policyLimitUsd].filter((v): v is number => v !== null);
      const limit = {
        apiLimitUsd,
        policyLimitUsd,
        limitUsd: candidates.length ? Math.min(...candidates) : null,
        budgetId: row?.id ?? null,
      };
      this.cache.set(`${orgId}:${teamId}`, { at: now, limit });
      out.set(teamId, limit);
    }
    return out;
  }

  async forTeam(orgId: string, teamId: string): Promise<TTeamLimit> {
    return (await this.forTeams(orgId, [teamId])).get(teamId)!;
  }

  forget(orgId: string, teamId: string) {
    this.cache.delete(`${orgId}:${teamId}`);
  }
}

function costLimits(normalized: unknown): number[] {
  const parsed = ZNormalizedPolicyConfig.safeParse(normalized);
  if (!parsed.success || !parsed.data.enabled) return [];
  return parsed.data.policies.flatMap((p) =>
    p.type === "cost_limit" && p.enabled ? [p.monthlyLimitUsd] : [],
  );
}
