import { Injectable } from "@nestjs/common";
import { ZNormalizedPolicyConfig, type TGatewayHeartbeat, type TGatewayKeyRecord, type TGatewaySyncResponse } from "@kt/contract";
import canonicalize from "canonicalize";
import type { GatewayCaller } from "../../common/auth/gateway-credential.guard";
import { DbService } from "../../common/db/db.module";
import { sha256 } from "../../common/crypto";
import { AppError } from "../../common/errors/app-error";
import { BudgetLimitsService } from "../budgets/budget-limits.service";
import { GatewaySyncNotifier } from "./gateway-sync.notifier";
import { GatewaySyncRepository } from "./gateway-sync.repository";

/** Waiters re-check this often even without a notification (a lost pub/sub message, a change made by SQL). */
export const SYNC_FALLBACK_RECHECK_MS = 5_000;

export type SyncAnswer = { status: 200; etag: string; body: TGatewaySyncResponse } | { status: 304; etag: string };

type KeyRow = Awaited<ReturnType<GatewaySyncRepository["keys"]>>[number];

@Injectable()
export class GatewaySyncService {
  constructor(
    private readonly db: DbService,
    private readonly repo: GatewaySyncRepository,
    private readonly notifier: GatewaySyncNotifier,
    private readonly limits: BudgetLimitsService,
  ) {}

  /**
   * The gateway's config version and key set. With a matching `If-None-Match`, waits up to `waitSeconds` for a
   * change (woken by GatewaySyncNotifier) and answers 304 if none came.
   */
  async sync(gw: GatewayCaller, ifNoneMatch: string | undefined, waitSeconds: number, signal: AbortSignal): Promise<SyncAnswer> {
    const watch = this.notifier.watch(gw.orgId);
    try {
      let state = await this.state(gw);
      if (!etagMatches(ifNoneMatch, state.etag)) return { status: 200, ...state };
      const deadline = Date.now() + waitSeconds * 1000;
      while (!signal.aborted && Date.now() < deadline) {
        await watch.next(Math.min(deadline - Date.now(), SYNC_FALLBACK_RECHECK_MS), signal);
        if (signal.aborted) break;
        state = await this.state(gw);
        if (!etagMatches(ifNoneMatch, state.etag)) return { status: 200, ...state };
      }
      return { status: 304, etag: state.etag };
    } finally {
      watch.close();
    }
  }

  async heartbeat(gw: GatewayCaller, heartbeat: TGatewayHeartbeat): Promise<void> {
    const { count } = await this.repo.recordHeartbeat(this.db.forOrg(gw.orgId), gw.gatewayId, heartbeat, new Date());
    if (count === 0) throw new AppError("unauthenticated", "Gateway credential is invalid or the gateway was removed");
  }

  private async state(gw: GatewayCaller): Promise<{ etag: string; body: TGatewaySyncResponse }> {
    const db = this.db.forOrg(gw.orgId);
    const gateway = await this.repo.gateway(db, gw.gatewayId);
    if (!gateway || gateway.archivedAt) throw new AppError("unauthenticated", "Gateway credential is invalid or the gateway was removed");
    const [version, keys] = await Promise.all([
      gateway.policyConfigId ? this.repo.currentVersion(db, gateway.policyConfigId) : null,
      this.repo.keys(db, gateway.id),
    ]);
    const body: TGatewaySyncResponse = {
      gatewayId: gateway.id,
      orgId: gateway.orgId,
      configVersion: version?.number ?? 0,
      config: version ? ZNormalizedPolicyConfig.parse(version.normalized) : null,
      keys: keys.flatMap(toKeyRecords),
      budgetTeamIds: await this.limits.limitedTeams(
        gw.orgId,
        keys.flatMap((k) => (k.revokedAt ? [] : [k.teamId])),
      ),
    };
    return { etag: `"${sha256(canonicalize(body) ?? "").slice(0, 32)}"`, body };
  }
}

/** A key, and its previous secret while a rotation's grace period runs. */
function toKeyRecords(k: KeyRow): TGatewayKeyRecord[] {
  const base = { id: k.id, teamId: k.teamId, name: k.name, revokedAt: k.revokedAt?.toISOString() ?? null, models: [] };
  const records: TGatewayKeyRecord[] = [{ ...base, secretHash: k.secretHash, expiresAt: k.expiresAt?.toISOString() ?? null }];
  const graceEnd = k.previousSecretExpiresAt;
  if (k.previousSecretHash && graceEnd && graceEnd.getTime() > Date.now()) {
    const end = k.expiresAt && k.expiresAt < graceEnd ? k.expiresAt : graceEnd;
    records.push({ ...base, secretHash: k.previousSecretHash, expiresAt: end.toISOString() });
  }
  return records;
}

/** RFC 9110 If-None-Match: a list of entity tags (weak ones compare weakly) or `*`. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}
