import { Injectable } from "@nestjs/common";
import {
  gatewayStatus,
  ZGatewayHeartbeat,
  type TCreateGateway,
  type TGateway,
  type TGatewayWithCredential,
  type TListGatewaysQuery,
  type TUpdateGateway,
} from "@kt/contract";
import type { OrgTx } from "@kt/db";
import type { AuthContext } from "../../common/auth/auth-context";
import { GATEWAY_CREDENTIAL_PREFIX } from "../../common/auth/gateway-credential.guard";
import { newSecret } from "../../common/crypto";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { GatewaySyncNotifier } from "../gateway-sync/gateway-sync.notifier";
import { GatewaysRepository } from "./gateways.repository";
import { TeamAccess } from "./team-access";

type GatewayRow = NonNullable<Awaited<ReturnType<GatewaysRepository["find"]>>>;

@Injectable()
export class GatewaysService {
  constructor(
    private readonly db: DbService,
    private readonly gateways: GatewaysRepository,
    private readonly access: TeamAccess,
    private readonly audit: AuditService,
    private readonly notifier: GatewaySyncNotifier,
  ) {}

  async list(ctx: AuthContext, q: TListGatewaysQuery): Promise<{ items: TGateway[] }> {
    const teamIds = await this.access.visibleTeamIds(ctx);
    const rows = await this.gateways.list(this.db.forOrg(ctx.orgId), { teamIds, teamId: q.teamId, archived: q.archived });
    const items = await this.present(ctx, rows);
    return { items: q.status ? items.filter((g) => g.status === q.status) : items };
  }

  async get(ctx: AuthContext, id: string): Promise<TGateway> {
    return (await this.present(ctx, [await this.visible(ctx, id)]))[0];
  }

  async create(ctx: AuthContext, input: TCreateGateway): Promise<TGatewayWithCredential> {
    if (input.teamId) await this.access.requireTeam(ctx, input.teamId);
    await this.access.assertMayManage(ctx, input.teamId);
    const credential = newSecret(GATEWAY_CREDENTIAL_PREFIX);
    const gateway = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (await this.gateways.findByName(tx, input.name)) throw new AppError("conflict", `A gateway named "${input.name}" already exists`);
      const policyConfigId = input.policyConfigId ? (await this.assignableConfig(ctx, tx, input.policyConfigId)).id : null;
      const created = await this.gateways.create(tx, {
        orgId: ctx.orgId,
        name: input.name,
        teamId: input.teamId ?? null,
        environment: input.environment ?? "production",
        credentialPrefix: credential.displayPrefix,
        credentialHash: credential.hash,
        policyConfigId,
      });
      await this.audit.record(tx, ctx, { action: "gateway.create", resourceType: "gateway", resourceId: created.id, after: auditView(created) });
      return created;
    });
    return { ...(await this.present(ctx, [gateway]))[0], credential: credential.secret };
  }

  async update(ctx: AuthContext, id: string, input: TUpdateGateway): Promise<TGateway> {
    await this.visible(ctx, id);
    const gateway = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = (await this.gateways.find(tx, id))!;
      if (input.name && input.name !== before.name && (await this.gateways.findByName(tx, input.name))) {
        throw new AppError("conflict", `A gateway named "${input.name}" already exists`);
      }
      const archivedAt = input.archived === undefined ? undefined : input.archived ? (before.archivedAt ?? new Date()) : null;
      const after = await this.gateways.update(tx, id, { name: input.name, environment: input.environment, archivedAt });
      const action = input.archived === true ? "gateway.archive" : input.archived === false ? "gateway.unarchive" : "gateway.update";
      await this.audit.record(tx, ctx, { action, resourceType: "gateway", resourceId: id, before: auditView(before), after: auditView(after) });
      return after;
    });
    this.notifier.changed(ctx.orgId);
    return (await this.present(ctx, [gateway]))[0];
  }

  async assignConfig(ctx: AuthContext, id: string, policyConfigId: string | null): Promise<TGateway> {
    await this.visible(ctx, id);
    const gateway = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = (await this.gateways.find(tx, id))!;
      if (before.archivedAt) throw new AppError("conflict", "The gateway is archived; restore it first");
      if (policyConfigId) await this.assignableConfig(ctx, tx, policyConfigId);
      const after = await this.gateways.update(tx, id, { policyConfigId });
      await this.audit.record(tx, ctx, {
        action: "gateway.assign_config",
        resourceType: "gateway",
        resourceId: id,
        before: { policyConfigId: before.policyConfigId },
        after: { policyConfigId: after.policyConfigId },
      });
      return after;
    });
    this.notifier.changed(ctx.orgId);
    return (await this.present(ctx, [gateway]))[0];
  }

  /** A new credential; the old one stops working at once. */
  async rotateCredential(ctx: AuthContext, id: string): Promise<TGatewayWithCredential> {
    await this.visible(ctx, id);
    const credential = newSecret(GATEWAY_CREDENTIAL_PREFIX);
    const gateway = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = (await this.gateways.find(tx, id))!;
      if (before.archivedAt) throw new AppError("conflict", "The gateway is archived; restore it first");
      const after = await this.gateways.update(tx, id, { credentialPrefix: credential.displayPrefix, credentialHash: credential.hash });
      await this.audit.record(tx, ctx, {
        action: "gateway.credential.rotate",
        resourceType: "gateway",
        resourceId: id,
        before: { credentialPrefix: before.credentialPrefix },
        after: { credentialPrefix: after.credentialPrefix },
      });
      return after;
    });
    return { ...(await this.present(ctx, [gateway]))[0], credential: credential.secret };
  }

  /** The gateway, or 404 when it is missing, in another org, or of a team the manager is not in. */
  private async visible(ctx: AuthContext, id: string): Promise<GatewayRow> {
    const gateway = await this.gateways.find(this.db.forOrg(ctx.orgId), id);
    if (!gateway || !this.access.canSee(await this.access.visibleTeamIds(ctx), gateway.teamId)) throw AppError.notFound("Gateway");
    return gateway;
  }

  private async assignableConfig(ctx: AuthContext, tx: OrgTx, configId: string) {
    const [config] = await this.gateways.configs(tx, [configId]);
    const visible = await this.access.visibleTeamIds(ctx);
    // Managers may use org-wide configs and their teams' configs.
    if (!config || (config.teamId !== null && !this.access.canSee(visible, config.teamId))) throw AppError.notFound("Policy config");
    if (config.archivedAt) throw new AppError("conflict", `Policy config "${config.name}" is archived`);
    if (config.currentVersion === null) throw new AppError("conflict", `Policy config "${config.name}" has no version yet`);
    return config;
  }

  private async present(ctx: AuthContext, rows: GatewayRow[]): Promise<TGateway[]> {
    const db = this.db.forOrg(ctx.orgId);
    const unique = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
    const [teams, configs] = await Promise.all([
      this.gateways.teams(db, unique(rows.map((r) => r.teamId))),
      this.gateways.configs(db, unique(rows.map((r) => r.policyConfigId))),
    ]);
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const config = new Map(configs.map((c) => [c.id, c]));
    const now = new Date();
    return rows.map((g) => {
      const hb = ZGatewayHeartbeat.safeParse(g.heartbeat);
      const beat = hb.success ? hb.data : null;
      const assigned = g.policyConfigId ? config.get(g.policyConfigId) : undefined;
      return {
        id: g.id,
        name: g.name,
        teamId: g.teamId,
        teamName: g.teamId ? (teamName.get(g.teamId) ?? null) : null,
        environment: g.environment,
        credentialPrefix: g.credentialPrefix,
        status: gatewayStatus(g.lastHeartbeatAt, now),
        lastHeartbeatAt: g.lastHeartbeatAt?.toISOString() ?? null,
        version: beat?.version ?? null,
        uptimeSeconds: beat?.uptimeSeconds ?? null,
        requestsServed: beat?.requestsServed ?? null,
        spoolDepth: beat?.spoolDepth ?? null,
        configVersionInForce: beat?.configVersion ?? null,
        policyConfigId: g.policyConfigId,
        policyConfigName: assigned?.name ?? null,
        assignedConfigVersion: assigned?.currentVersion ?? null,
        archived: g.archivedAt !== null,
        archivedAt: g.archivedAt?.toISOString() ?? null,
        createdAt: g.createdAt.toISOString(),
      };
    });
  }
}

function auditView(g: GatewayRow) {
  return { name: g.name, teamId: g.teamId, environment: g.environment, policyConfigId: g.policyConfigId, archivedAt: g.archivedAt, credentialPrefix: g.credentialPrefix };
}
