import { Injectable } from "@nestjs/common";
import { GATEWAY_KEY_PREFIX, type TCreateGatewayKey, type TGatewayKey, type TGatewayKeyWithSecret, type TListGatewayKeysQuery } from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import { newSecret } from "../../common/crypto";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { GatewaySyncNotifier } from "../gateway-sync/gateway-sync.notifier";
import { TeamAccess } from "../gateways/team-access";
import { GatewayKeysRepository } from "./gateway-keys.repository";

type KeyRow = NonNullable<Awaited<ReturnType<GatewayKeysRepository["find"]>>>;

@Injectable()
export class GatewayKeysService {
  constructor(
    private readonly db: DbService,
    private readonly keys: GatewayKeysRepository,
    private readonly access: TeamAccess,
    private readonly audit: AuditService,
    private readonly notifier: GatewaySyncNotifier,
  ) {}

  async list(ctx: AuthContext, q: TListGatewayKeysQuery): Promise<{ items: TGatewayKey[] }> {
    const teamIds = await this.access.visibleTeamIds(ctx);
    const rows = await this.keys.list(this.db.forOrg(ctx.orgId), { ...q, teamIds, now: new Date() });
    return { items: await this.present(ctx, rows) };
  }

  async get(ctx: AuthContext, id: string): Promise<TGatewayKey> {
    return (await this.present(ctx, [await this.visible(ctx, id)]))[0];
  }

  async create(ctx: AuthContext, input: TCreateGatewayKey): Promise<TGatewayKeyWithSecret> {
    const team = await this.access.requireTeam(ctx, input.teamId);
    await this.access.assertMayManage(ctx, team.id);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new AppError("bad_request", "expiresAt must be in the future");
    const secret = newSecret(GATEWAY_KEY_PREFIX);
    const key = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const gateway = await this.keys.gateway(tx, input.gatewayId);
      if (!gateway) throw AppError.notFound("Gateway");
      if (gateway.archivedAt) throw new AppError("conflict", `Gateway "${gateway.name}" is archived`);
      if (gateway.teamId !== null && gateway.teamId !== team.id) {
        throw new AppError("bad_request", `Gateway "${gateway.name}" serves another team; pick a gateway of team "${team.name}" or an org-wide one`);
      }
      const created = await this.keys.create(tx, {
        orgId: ctx.orgId,
        teamId: team.id,
        gatewayId: gateway.id,
        name: input.name,
        prefix: secret.displayPrefix,
        secretHash: secret.hash,
        expiresAt,
        createdById: ctx.userId,
      });
      await this.audit.record(tx, ctx, { action: "gateway_key.create", resourceType: "gateway_key", resourceId: created.id, after: auditView(created) });
      return created;
    });
    this.notifier.changed(ctx.orgId);
    return { ...(await this.present(ctx, [key]))[0], secret: secret.secret };
  }

  /** A new secret; the old one keeps working for `graceSeconds` (listed in the gateway's key set until then). */
  async rotate(ctx: AuthContext, id: string, graceSeconds: number): Promise<TGatewayKeyWithSecret> {
    await this.visible(ctx, id);
    const secret = newSecret(GATEWAY_KEY_PREFIX);
    const now = new Date();
    const key = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = (await this.keys.find(tx, id))!;
      if (before.revokedAt) throw new AppError("conflict", "The key is revoked; issue a new one");
      if (before.expiresAt && before.expiresAt <= now) throw new AppError("conflict", "The key has expired; issue a new one");
      const graceEnd = graceSeconds > 0 ? new Date(now.getTime() + graceSeconds * 1000) : null;
      const after = await this.keys.update(tx, id, {
        prefix: secret.displayPrefix,
        secretHash: secret.hash,
        previousSecretHash: graceEnd ? before.secretHash : null,
        previousSecretExpiresAt: graceEnd,
      });
      await this.audit.record(tx, ctx, { action: "gateway_key.rotate", resourceType: "gateway_key", resourceId: id, before: auditView(before), after: auditView(after) });
      return after;
    });
    this.notifier.changed(ctx.orgId);
    return { ...(await this.present(ctx, [key]))[0], secret: secret.secret };
  }

  async revoke(ctx: AuthContext, id: string): Promise<TGatewayKey> {
    await this.visible(ctx, id);
    const key = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = (await this.keys.find(tx, id))!;
      if (before.revokedAt) throw new AppError("conflict", "The key is already revoked");
      const after = await this.keys.update(tx, id, { revokedAt: new Date() });
      await this.audit.record(tx, ctx, { action: "gateway_key.revoke", resourceType: "gateway_key", resourceId: id, before: auditView(before), after: auditView(after) });
      return after;
    });
    this.notifier.changed(ctx.orgId);
    return (await this.present(ctx, [key]))[0];
  }

  /** The key, or 404 when it is missing, in another org, or of a team the manager is not in. */
  private async visible(ctx: AuthContext, id: string): Promise<KeyRow> {
    const key = await this.keys.find(this.db.forOrg(ctx.orgId), id);
    if (!key || !this.access.canSee(await this.access.visibleTeamIds(ctx), key.teamId)) throw AppError.notFound("Gateway key");
    return key;
  }

  private async present(ctx: AuthContext, rows: KeyRow[]): Promise<TGatewayKey[]> {
    const names = await this.keys.names(this.db.forOrg(ctx.orgId), [...new Set(rows.map((r) => r.teamId))], [...new Set(rows.map((r) => r.gatewayId))]);
    const now = Date.now();
    return rows.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      teamId: k.teamId,
      teamName: names.teams.get(k.teamId) ?? null,
      gatewayId: k.gatewayId,
      gatewayName: names.gateways.get(k.gatewayId) ?? null,
      status: k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt.getTime() <= now ? "expired" : "active",
      expiresAt: k.expiresAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      previousSecretExpiresAt: k.previousSecretExpiresAt && k.previousSecretExpiresAt.getTime() > now ? k.previousSecretExpiresAt.toISOString() : null,
      createdById: k.createdById,
      createdAt: k.createdAt.toISOString(),
      updatedAt: k.updatedAt.toISOString(),
    }));
  }
}

/** What the audit log keeps of a key: never a secret or its hash. */
function auditView(k: KeyRow) {
  return { name: k.name, prefix: k.prefix, teamId: k.teamId, gatewayId: k.gatewayId, expiresAt: k.expiresAt, revokedAt: k.revokedAt, previousSecretExpiresAt: k.previousSecretExpiresAt };
}
