import { Injectable } from "@nestjs/common";
import {
  contentHash,
  hasLintErrors,
  parsePolicyConfig,
  policyConfigJsonSchema,
  type TCreatePolicyConfig,
  type TLintPolicyConfigResponse,
  type TListPolicyConfigsQuery,
  type TPolicyConfig,
  type TPolicyConfigDetail,
  type TPolicyConfigSaveResult,
  type TSavePolicyConfigVersion,
  type TUpdatePolicyConfig,
} from "@kt/contract";
import type { OrgTx } from "@kt/db";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { GatewaySyncNotifier } from "../gateway-sync/gateway-sync.notifier";
import { TeamAccess } from "../gateways/team-access";
import { policyInvalid, toConfig, toVersion, versionAuditView } from "./policy-config.presenter";
import { PolicyConfigsRepository } from "./policy-configs.repository";

type ConfigRow = NonNullable<Awaited<ReturnType<PolicyConfigsRepository["find"]>>>;
type NewSource = { yaml: string; message: string; commitSha?: string | null };

@Injectable()
export class PolicyConfigsService {
  constructor(
    private readonly db: DbService,
    private readonly configs: PolicyConfigsRepository,
    private readonly access: TeamAccess,
    private readonly audit: AuditService,
    private readonly notifier: GatewaySyncNotifier,
  ) {}

  lint(yaml: string): TLintPolicyConfigResponse {
    const { config, issues } = parsePolicyConfig(yaml);
    return { valid: !hasLintErrors(issues), issues, config, contentHash: config ? contentHash(config) : null };
  }

  schema(): Record<string, unknown> {
    return policyConfigJsonSchema();
  }

  async list(ctx: AuthContext, q: TListPolicyConfigsQuery): Promise<{ items: TPolicyConfig[] }> {
    const db = this.db.forOrg(ctx.orgId);
    const rows = await this.configs.list(db, q);
    const ids = rows.map((r) => r.id);
    const [versions, counts] = await Promise.all([
      this.configs.versionsByIds(db, rows.flatMap((r) => (r.currentVersionId ? [r.currentVersionId] : []))),
      this.configs.gatewayCounts(db, ids),
    ]);
    const byId = new Map(versions.map((v) => [v.id, v]));
    return { items: rows.map((r) => toConfig(r, r.currentVersionId ? (byId.get(r.currentVersionId) ?? null) : null, counts.get(r.id) ?? 0)) };
  }

  async get(ctx: AuthContext, id: string): Promise<TPolicyConfigDetail> {
    const config = await this.configs.find(this.db.forOrg(ctx.orgId), id);
    if (!config) throw AppError.notFound("Policy config");
    return this.detail(ctx, config);
  }

  async create(ctx: AuthContext, input: TCreatePolicyConfig): Promise<TPolicyConfigSaveResult> {
    if (input.teamId) await this.access.requireTeam(ctx, input.teamId);
    await this.access.assertMayManage(ctx, input.teamId);
    const parsed = this.parse(input.yaml, input.name);
    const config = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (await this.configs.findByName(tx, input.name)) throw new AppError("conflict", `A policy config named "${input.name}" already exists`);
      const created = await this.configs.create(tx, { orgId: ctx.orgId, name: input.name, description: input.description ?? "", teamId: input.teamId ?? null });
      const version = await this.addVersion(tx, ctx, created, parsed, { yaml: input.yaml, message: input.message ?? "Initial version", commitSha: input.commitSha });
      await this.audit.record(tx, ctx, {
        action: "policy_config.create",
        resourceType: "policy_config",
        resourceId: created.id,
        after: { name: created.name, description: created.description, teamId: created.teamId, version: versionAuditView(version) },
      });
      return (await this.configs.find(tx, created.id))!;
    });
    return { config: await this.detail(ctx, config), created: true, issues: parsed.issues };
  }

  /** Saves the YAML as a new immutable version, unless it is byte-identical to the version in force. */
  async saveVersion(ctx: AuthContext, id: string, input: TSavePolicyConfigVersion): Promise<TPolicyConfigSaveResult> {
    const existing = await this.writable(ctx, id);
    const parsed = this.parse(input.yaml, existing.name);
    const result = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      await this.configs.lock(tx, id);
      const config = (await this.configs.find(tx, id))!;
      if (config.archivedAt) throw new AppError("conflict", `Policy config "${config.name}" is archived; restore it first`);
      const before = config.currentVersionId ? await this.configs.versionById(tx, config.currentVersionId) : null;
      if (before?.source === input.yaml) return { config, created: false };
      const version = await this.addVersion(tx, ctx, config, parsed, input);
      await this.audit.record(tx, ctx, {
        action: "policy_config.version.create",
        resourceType: "policy_config",
        resourceId: id,
        before: versionAuditView(before),
        after: versionAuditView(version),
      });
      return { config: (await this.configs.find(tx, id))!, created: true };
    });
    if (result.created) this.notifier.changed(ctx.orgId);
    return { config: await this.detail(ctx, result.config), created: result.created, issues: parsed.issues };
  }

  /** A new version whose YAML is that of version `toVersion`. */
  async rollback(ctx: AuthContext, id: string, toVersion: number, message?: string): Promise<TPolicyConfigSaveResult> {
    const existing = await this.writable(ctx, id);
    const target = await this.configs.version(this.db.forOrg(ctx.orgId), id, toVersion);
    if (!target) throw AppError.notFound(`Version ${toVersion} of policy config "${existing.name}"`);
    const parsed = this.parse(target.source, existing.name);
    const config = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      await this.configs.lock(tx, id);
      const config = (await this.configs.find(tx, id))!;
      if (config.archivedAt) throw new AppError("conflict", `Policy config "${config.name}" is archived; restore it first`);
      if (config.currentVersionId === target.id) throw new AppError("conflict", `Version ${toVersion} is already in force`);
      const before = config.currentVersionId ? await this.configs.versionById(tx, config.currentVersionId) : null;
      const version = await this.addVersion(tx, ctx, config, parsed, { yaml: target.source, message: message || `Rollback to version ${toVersion}`, commitSha: null });
      await this.audit.record(tx, ctx, {
        action: "policy_config.rollback",
        resourceType: "policy_config",
        resourceId: id,
        before: versionAuditView(before),
        after: { ...versionAuditView(version), rolledBackTo: toVersion },
      });
      return (await this.configs.find(tx, id))!;
    });
    this.notifier.changed(ctx.orgId);
    return { config: await this.detail(ctx, config), created: true, issues: parsed.issues };
  }

  async update(ctx: AuthContext, id: string, input: TUpdatePolicyConfig): Promise<TPolicyConfigDetail> {
    await this.writable(ctx, id);
    const config = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = (await this.configs.find(tx, id))!;
      if (input.name && input.name !== before.name && (await this.configs.findByName(tx, input.name))) {
        throw new AppError("conflict", `A policy config named "${input.name}" already exists`);
      }
      if (input.archived === true && !before.archivedAt) {
        const assigned = await this.configs.assignedGateways(tx, id);
        if (assigned.length > 0) {
          throw new AppError("conflict", `The config is assigned to gateway(s) ${assigned.map((g) => `"${g.name}"`).join(", ")}; assign them another config first`);
        }
      }
      const archivedAt = input.archived === undefined ? undefined : input.archived ? (before.archivedAt ?? new Date()) : null;
      const after = await this.configs.update(tx, id, { name: input.name, description: input.description, archivedAt });
      const action = input.archived === true ? "policy_config.archive" : input.archived === false ? "policy_config.unarchive" : "policy_config.update";
      const view = (c: ConfigRow) => ({ name: c.name, description: c.description, archivedAt: c.archivedAt });
      await this.audit.record(tx, ctx, { action, resourceType: "policy_config", resourceId: id, before: view(before), after: view(after) });
      return after;
    });
    return this.detail(ctx, config);
  }

  /** The config, or 404; 403 when a manager may not change it (org-wide, or another team's). */
  private async writable(ctx: AuthContext, id: string): Promise<ConfigRow> {
    const config = await this.configs.find(this.db.forOrg(ctx.orgId), id);
    if (!config) throw AppError.notFound("Policy config");
    await this.access.assertMayManage(ctx, config.teamId);
    return config;
  }

  private parse(yaml: string, name: string) {
    const parsed = parsePolicyConfig(yaml, { defaultName: name });
    if (!parsed.config || hasLintErrors(parsed.issues)) throw policyInvalid(parsed.issues);
    return { config: parsed.config, issues: parsed.issues };
  }

  private async addVersion(tx: OrgTx, ctx: AuthContext, config: ConfigRow, parsed: ReturnType<PolicyConfigsService["parse"]>, src: NewSource) {
    const version = await this.configs.createVersion(tx, {
      orgId: ctx.orgId,
      configId: config.id,
      number: (await this.configs.lastNumber(tx, config.id)) + 1,
      source: src.yaml,
      normalized: parsed.config,
      contentHash: contentHash(parsed.config),
      message: src.message,
      commitSha: src.commitSha ?? null,
      authorId: ctx.userId || null,
      authorLabel: ctx.actorLabel,
    });
    await this.configs.update(tx, config.id, { currentVersionId: version.id });
    return version;
  }

  private async detail(ctx: AuthContext, config: ConfigRow): Promise<TPolicyConfigDetail> {
    const db = this.db.forOrg(ctx.orgId);
    const [current, counts] = await Promise.all([
      config.currentVersionId ? this.configs.versionById(db, config.currentVersionId) : null,
      this.configs.gatewayCounts(db, [config.id]),
    ]);
    if (!current) throw new AppError("internal", `Policy config ${config.id} has no version`);
    return { ...toConfig(config, current, counts.get(config.id) ?? 0), current: toVersion(current) };
  }
}
