import { GATEWAY_ROUTES, ZGatewayBudgetStatus, type TGatewayEvent } from "@kt/contract";
import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { request } from "undici";
import type { TBudgetView } from "../policy/chain";

/** Spend per team this month, as far as this gateway can know it. */
export type TBudgetTracker = {
  /** Resolves at once from cache when fresh; may call the control plane when stale. */
  view(teamId: string | null): Promise<TBudgetView>;
  /** Adds the cost of a finished call. */
  record(teamId: string | null, costUsd: number | null): void;
};

export const monthOf = (d: Date) => d.toISOString().slice(0, 7);
const TEAMLESS = "\u0000none";

/** Standalone: sums this month's costs per team from the local events file at start, then counts calls as they end. */
export async function localBudget(eventsFile: string): Promise<TBudgetTracker> {
  const spent = new Map<string, number>();
  let month = monthOf(new Date());
  if (existsSync(eventsFile)) {
    const lines = createInterface({ input: createReadStream(eventsFile, "utf8"), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as TGatewayEvent;
        if (e.ts.slice(0, 7) !== month || !e.costUsd) continue;
        const team = e.teamId ?? TEAMLESS;
        spent.set(team, (spent.get(team) ?? 0) + e.costUsd);
      } catch {
        // A torn last line from a crash carries no acknowledged call.
      }
    }
  }
  return {
    async view(teamId) {
      if (monthOf(new Date()) !== month) {
        month = monthOf(new Date());
        spent.clear();
      }
      return { spentUsd: spent.get(teamId ?? TEAMLESS) ?? 0, limitUsd: null };
    },
    record(teamId, costUsd) {
      if (!costUsd) return;
      const team = teamId ?? TEAMLESS;
      spent.set(team, (spent.get(team) ?? 0) + costUsd);
    },
  };
}

const FRESH_MS = 5_000;
const FETCH_TIMEOUT_MS = 2_000;

type TCached = { spentUsd: number; limitUsd: number | null; fetchedAt: number; localSince: number; refreshing: boolean };

/**
 * Managed: the control plane's figure (GET /v1/gateway/budget?teamId=) cached for 5 s, plus the cost of the calls
 * this gateway served since. Refreshes happen in the background; only a team's very first call waits (≤ 2 s).
 * If the control plane cannot be reached, the call is allowed on the last known figure (fail open) and the
 * decision records that the budget was unknown.
 */
export function remoteBudget(controlPlane: string, token: string): TBudgetTracker {
  const cache = new Map<string, TCached>();
  async function fetchStatus(teamId: string): Promise<{ spentUsd: number; limitUsd: number | null } | null> {
    try {
      const url = new URL(GATEWAY_ROUTES.budget, controlPlane);
      url.searchParams.set("teamId", teamId);
      const res = await request(url, { headers: { authorization: `Bearer ${token}` }, headersTimeout: FETCH_TIMEOUT_MS, bodyTimeout: FETCH_TIMEOUT_MS });
      const body = await res.body.json();
      if (res.statusCode !== 200) return null;
      const status = ZGatewayBudgetStatus.parse(body);
      return { spentUsd: status.spentUsd, limitUsd: status.limitUsd };
    } catch {
      return null;
    }
  }
  async function refresh(teamId: string, entry: TCached | undefined): Promise<TCached | undefined> {
    if (entry) entry.refreshing = true;
    const status = await fetchStatus(teamId);
    if (!status) {
      if (entry) entry.refreshing = false;
      return entry;
    }
    const next: TCached = { ...status, fetchedAt: Date.now(), localSince: 0, refreshing: false };
    cache.set(teamId, next);
    return next;
  }
  return {
    async view(teamId) {
      if (!teamId) return null;
      let entry = cache.get(teamId);
      if (!entry) entry = await refresh(teamId, undefined);
      else if (Date.now() - entry.fetchedAt > FRESH_MS && !entry.refreshing) void refresh(teamId, entry);
      if (!entry) return null;
      return { spentUsd: entry.spentUsd + entry.localSince, limitUsd: entry.limitUsd };
    },
    record(teamId, costUsd) {
      if (!teamId || !costUsd) return;
      const entry = cache.get(teamId);
      if (entry) entry.localSince += costUsd;
    },
  };
}
