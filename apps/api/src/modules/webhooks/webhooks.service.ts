import { Inject, Injectable } from "@nestjs/common";
import type { TCreateWebhook, TWebhook } from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import { newSecret } from "../../common/crypto";
import { DbService } from "../../common/db/db.module";
import { ENV, type TEnv } from "../../config/env";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { WebhookDeliveryService } from "./webhook-delivery.service";
import { webhookTargetProblem } from "./webhook-target";
import { WebhooksRepository } from "./webhooks.repository";

type TRow = NonNullable<Awaited<ReturnType<WebhooksRepository["find"]>>>;

@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: DbService,
    private readonly webhooks: WebhooksRepository,
    private readonly delivery: WebhookDeliveryService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: TEnv,
  ) {}

  async list(ctx: AuthContext): Promise<{ items: TWebhook[] }> {
    return { items: (await this.webhooks.list(this.db.forOrg(ctx.orgId))).map(toWebhook) };
  }

  /** The signing secret is returned here once; later reads show its prefix only. */
  async create(
    ctx: AuthContext,
    input: TCreateWebhook & { events: string[] },
  ): Promise<TWebhook & { secret: string }> {
    if (!this.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS) {
      const problem = await webhookTargetProblem(input.url);
      if (problem) throw new AppError("validation_failed", `url: ${problem}`, { field: "url" });
    }
    const { secret } = newSecret("whsec_");
    const row = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const created = await this.webhooks.create(tx, ctx.orgId, {
        url: input.url,
        secret,
        events: input.events,
      });
      await this.audit.record(tx, ctx, {
        action: "webhook.create",
        resourceType: "webhook",
        resourceId: created.id,
        after: { url: input.url, events: input.events },
      });
      return created;
    });
    return { ...toWebhook(row), secret };
  }

  async setDisabled(ctx: AuthContext, id: string, disabled: boolean): Promise<TWebhook> {
    const row = await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (!(await this.webhooks.find(tx, id))) throw AppError.notFound("Webhook");
      await this.webhooks.setDisabled(tx, id, disabled);
      await this.audit.record(tx, ctx, {
        action: disabled ? "webhook.disable" : "webhook.enable",
        resourceType: "webhook",
        resourceId: id,
      });
      return (await this.webhooks.find(tx, id))!;
    });
    return toWebhook(row);
  }

  async remove(ctx: AuthContext, id: string): Promise<void> {
    await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const row = await this.webhooks.find(tx, id);
      if (!row) throw AppError.notFound("Webhook");
      await this.webhooks.remove(tx, id);
      await this.audit.record(tx, ctx, {
        action: "webhook.delete",
        resourceType: "webhook",
        resourceId: id,
        before: { url: row.url, events: row.events },
      });
    });
  }

  /** Sends a signed `webhook.test` delivery once (no retries) and reports the receiver's status. */
  async test(ctx: AuthContext, id: string): Promise<{ status: number }> {
    const row = await this.webhooks.find(this.db.forOrg(ctx.orgId), id);
    if (!row) throw AppError.notFound("Webhook");
    const now = new Date().toISOString();
    const status = await this.delivery.deliver(
      row.url,
      row.secret,
      {
        id: crypto.randomUUID(),
        kind: "webhook.test",
        title: "Test delivery",
        body: "kt can reach this webhook",
        data: null,
        readAt: null,
        createdAt: now,
      },
      4,
    );
    return { status };
  }
}

function toWebhook(r: TRow): TWebhook {
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    secretPrefix: r.secret.slice(0, 12),
    disabled: r.disabledAt !== null,
    createdAt: r.createdAt.toISOString(),
  };
}
