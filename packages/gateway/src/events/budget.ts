import { BUDGET_ROUTES, ZBudgetReservation, type TGatewayEvent } from "@kt/contract";
import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { Pool } from "undici";
import type { TBudgetView } from "../policy/chain";

/** One call about to be forwarded; `estimateUsd` is only computed when a reservation needs it. */
export type TBudgetCall = { eventId: string; eventTs: string; teamId: string; estimateUsd: () => number };

/** Spend per team this month, as this gateway can know or enforce it. */
export type TBudgetTracker = {
  /** Whether calls of this team need admission; false means no cost_limit check and no round trip. */
  governs(teamId: string | null, chainHasCostLimit: boolean): teamId is string;
  /** What the cost_limit check needs for this call (managed: the control plane's reservation answer). */
  admit(call: TBudgetCall): Promise<TBudgetView>;
  /** Adds the cost of a finished call (standalone accounting; the control plane counts ingested events). */
  record(teamId: string | null, costUsd: number | null): void;
  close(): Promise<void>;
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
    governs: (teamId, chainHasCostLimit): teamId is string => chainHasCostLimit && teamId !== null,
    async admit(call) {
      if (monthOf(new Date()) !== month) {
        month = monthOf(new Date());
        spent.clear();
      }
      return { source: "local", spentUsd: spent.get(call.teamId) ?? 0 };
    },
    record(teamId, costUsd) {
      if (!costUsd) return;
      const team = teamId ?? TEAMLESS;
      spent.set(team, (spent.get(team) ?? 0) + costUsd);
    },
    close: async () => {},
  };
}

/** Connecting to the control plane: past this it counts as unreachable. */
export const RESERVE_CONNECT_TIMEOUT_MS = 1_000;
/**
 * How long a call waits for a reservation answer before it proceeds as budget_unknown. A reservation takes a few
 * milliseconds; a control plane that answers slowly is still the authority (failing open on slowness would let a
 * burst overrun a budget exactly when many calls are in flight), so this is generous next to a connection failure.
 */
export const RESERVE_TIMEOUT_MS = 3_000;
/** After the control plane could not be connected to, calls skip the round trip (budget_unknown at once) this long. */
export const RESERVE_RETRY_AFTER_MS = 2_000;
/** A reservation outlives its call: the event's ingest settles it; expiry only covers a call whose event never arrives. */
export const RESERVATION_TTL_SECONDS = 300;

/** Failures that mean nothing is listening or the path is cut, as opposed to a slow answer. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

export type TReserveOutcome = "granted" | "refused" | "unknown";

/**
 * Managed: before a call of a budgeted team is forwarded, its estimated cost is reserved with the control plane
 * (POST /v1/gateway/budget/reserve, keyed by the event id) over a keep-alive pool. The control plane decides under
 * one lock per team, so all gateways together overrun a limit by at most what calls in flight cost beyond their
 * estimates. The call's event, when ingested, replaces the reservation with the actual cost (same statement,
 * idempotent by event id); the TTL only frees a reservation whose event never comes.
 * Teams are budgeted when the gateway's config has a cost_limit policy or the sync lists them in `budgetTeamIds`.
 * If the control plane cannot be reached, answers an error, or does not answer within RESERVE_TIMEOUT_MS, the call
 * proceeds (fail open) and its decision records `budget_unknown`; after a connection failure, calls skip the round
 * trip for RESERVE_RETRY_AFTER_MS.
 */
export class RemoteBudget implements TBudgetTracker {
  private budgetTeams = new Set<string>();
  private unreachableUntil = 0;
  private readonly pool: Pool;
  private readonly headers: Record<string, string>;

  constructor(
    controlPlane: string,
    token: string,
    private readonly observe: (outcome: TReserveOutcome, seconds: number | null) => void = () => {},
  ) {
    this.pool = new Pool(new URL(controlPlane).origin, {
      connections: 32,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      connect: { timeout: RESERVE_CONNECT_TIMEOUT_MS },
    });
    this.headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  }

  /** From each sync: the teams the control plane holds a limit for. */
  setBudgetTeams(teamIds: string[]): void {
    this.budgetTeams = new Set(teamIds);
  }

  governs(teamId: string | null, chainHasCostLimit: boolean): teamId is string {
    return teamId !== null && (chainHasCostLimit || this.budgetTeams.has(teamId));
  }

  async admit(call: TBudgetCall): Promise<TBudgetView> {
    if (Date.now() < this.unreachableUntil)
      return this.unknown("the control plane did not answer a moment ago", null);
    const estimateUsd = call.estimateUsd();
    const t0 = performance.now();
    try {
      const res = await this.pool.request({
        path: BUDGET_ROUTES.reserve,
        method: "POST",
        headers: this.headers,
        body: JSON.stringify({
          teamId: call.teamId,
          eventId: call.eventId,
          eventTs: call.eventTs,
          estimatedCostUsd: estimateUsd,
          ttlSeconds: RESERVATION_TTL_SECONDS,
        }),
        headersTimeout: RESERVE_TIMEOUT_MS,
        bodyTimeout: RESERVE_TIMEOUT_MS,
      });
      const body: unknown = await res.body.json().catch(() => null);
      const seconds = (performance.now() - t0) / 1000;
      if (res.statusCode !== 200) {
        return this.unknown(`the control plane answered ${res.statusCode} to the reservation`, seconds);
      }
      const r = ZBudgetReservation.parse(body);
      this.observe(r.granted ? "granted" : "refused", seconds);
      return {
        source: "control-plane",
        granted: r.granted,
        spentUsd: r.spentUsd,
        reservedUsd: r.reservedUsd,
        limitUsd: r.limitUsd,
        estimateUsd,
        reason: r.reason,
      };
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code && UNREACHABLE.has(code)) this.unreachableUntil = Date.now() + RESERVE_RETRY_AFTER_MS;
      return this.unknown(
        `the control plane could not be reached: ${(err as Error).message}`,
        (performance.now() - t0) / 1000,
      );
    }
  }

  private unknown(error: string, seconds: number | null): TBudgetView {
    this.observe("unknown", seconds);
    return { source: "unknown", error };
  }

  record(): void {}

  async close(): Promise<void> {
    await this.pool.close();
  }
}
