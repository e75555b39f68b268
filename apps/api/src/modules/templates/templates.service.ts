import { Injectable } from "@nestjs/common";
import {
  findBuiltinTemplate,
  hasLintErrors,
  parsePolicyConfig,
  renderTemplateSource,
  type TCreateConfigFromTemplate,
  type TCreateTemplate,
  type TListTemplatesQuery,
  type TPolicyConfigSaveResult,
  type TTemplate,
  type TTemplateOverrides,
  type TTemplatePreview,
  type TUpdateTemplate,
} from "@kt/contract";
import { z } from "zod";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { policyInvalid } from "../policy-configs/policy-config.presenter";
import { PolicyConfigsService } from "../policy-configs/policy-configs.service";
import { builtinTemplates, fromBuiltin, fromRow } from "./template.presenter";
import { TemplatesRepository } from "./templates.repository";

type TemplateRow = NonNullable<Awaited<ReturnType<TemplatesRepository["find"]>>>;
const isUuid = (v: string) => z.uuid().safeParse(v).success;

@Injectable()
export class TemplatesService {
  constructor(
    private readonly db: DbService,
    private readonly templates: TemplatesRepository,
    private readonly configs: PolicyConfigsService,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: AuthContext, q: TListTemplatesQuery): Promise<{ items: TTemplate[] }> {
    const builtin = q.origin === "org" ? [] : builtinTemplates();
    const org = q.origin === "builtin" ? [] : (await this.templates.list(this.db.forOrg(ctx.orgId))).map(fromRow);
    const items = [...builtin, ...org];
    return { items: q.category ? items.filter((t) => t.category === q.category) : items };
  }

  async get(ctx: AuthContext, id: string): Promise<TTemplate> {
    const builtin = findBuiltinTemplate(id);
    if (builtin) return fromBuiltin(builtin);
    return fromRow(await this.orgTemplate(ctx, id));
  }

  async create(ctx: AuthContext, input: TCreateTemplate): Promise<TTemplate> {
    assertValid(input.yaml);
    const row = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (await this.templates.findByName(tx, input.name)) throw new AppError("conflict", `A template named "${input.name}" already exists`);
      const created = await this.templates.create(tx, {
        orgId: ctx.orgId,
        name: input.name,
        description: input.description,
        whenToUse: input.whenToUse ?? "",
        source: input.yaml,
        createdById: ctx.userId || null,
      });
      await this.audit.record(tx, ctx, { action: "template.create", resourceType: "template", resourceId: created.id, after: auditView(created) });
      return created;
    });
    return fromRow(row);
  }

  async update(ctx: AuthContext, id: string, input: TUpdateTemplate): Promise<TTemplate> {
    await this.changeable(ctx, id);
    if (input.yaml !== undefined) assertValid(input.yaml);
    const row = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = (await this.templates.find(tx, id))!;
      if (input.name && input.name !== before.name && (await this.templates.findByName(tx, input.name))) {
        throw new AppError("conflict", `A template named "${input.name}" already exists`);
      }
      const after = await this.templates.update(tx, id, { name: input.name, description: input.description, whenToUse: input.whenToUse, source: input.yaml });
      await this.audit.record(tx, ctx, { action: "template.update", resourceType: "template", resourceId: id, before: auditView(before), after: auditView(after) });
      return after;
    });
    return fromRow(row);
  }

  async remove(ctx: AuthContext, id: string): Promise<void> {
    await this.changeable(ctx, id);
    await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const before = (await this.templates.find(tx, id))!;
      await this.templates.delete(tx, id);
      await this.audit.record(tx, ctx, { action: "template.delete", resourceType: "template", resourceId: id, before: auditView(before) });
    });
  }

  async render(ctx: AuthContext, id: string, overrides: TTemplateOverrides): Promise<TTemplatePreview> {
    const template = await this.get(ctx, id);
    const rendered = renderTemplateSource(template.yaml, overrides);
    return {
      templateId: template.id,
      yaml: rendered.yaml,
      valid: rendered.config !== null && !hasLintErrors(rendered.issues),
      issues: rendered.issues,
      config: rendered.config,
      unusedOverrides: rendered.unusedOverrides,
    };
  }

  /** A new policy config whose version 1 is the template rendered with the overrides. */
  async createConfig(ctx: AuthContext, id: string, input: TCreateConfigFromTemplate): Promise<TPolicyConfigSaveResult> {
    const preview = await this.render(ctx, id, input.overrides ?? {});
    if (!preview.valid) throw policyInvalid(preview.issues);
    if (preview.unusedOverrides.length > 0) {
      throw new AppError("bad_request", `These overrides match no policy of the template: ${preview.unusedOverrides.join(", ")}`);
    }
    const template = await this.get(ctx, id);
    return this.configs.create(ctx, {
      name: input.name,
      description: input.description ?? template.description,
      teamId: input.teamId,
      yaml: preview.yaml,
      message: input.message ?? `Created from template "${template.name}"`,
    });
  }

  private async orgTemplate(ctx: AuthContext, id: string): Promise<TemplateRow> {
    const row = isUuid(id) ? await this.templates.find(this.db.forOrg(ctx.orgId), id) : null;
    if (!row) throw AppError.notFound("Template");
    return row;
  }

  /** Built-in templates are read-only; managers change the org templates they created, admins any. */
  private async changeable(ctx: AuthContext, id: string): Promise<TemplateRow> {
    if (findBuiltinTemplate(id)) throw new AppError("bad_request", "Built-in templates cannot be changed; create an org template from its YAML instead");
    const row = await this.orgTemplate(ctx, id);
    if (ctx.role !== "admin" && row.createdById !== ctx.userId) throw AppError.forbidden("Only admins and the template's author can change it");
    return row;
  }
}

function assertValid(yaml: string) {
  const { config, issues } = parsePolicyConfig(yaml);
  if (!config || hasLintErrors(issues)) throw policyInvalid(issues);
}

function auditView(t: TemplateRow) {
  return { name: t.name, description: t.description, whenToUse: t.whenToUse, source: t.source };
}
