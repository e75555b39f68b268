import { Inject, Injectable, Logger, type OnModuleDestroy } from "@nestjs/common";
import { WEBHOOK_SIGNATURE_HEADER, type TNotification } from "@kt/contract";
import { isIP } from "node:net";
import { fetch, type Agent } from "undici";
import { DbService } from "../../common/db/db.module";
import { ENV, type TEnv } from "../../config/env";
import { signWebhook } from "./webhook-signature";
import { isPrivateAddress, publicOnlyAgent } from "./webhook-target";
import { WebhooksRepository } from "./webhooks.repository";

const ATTEMPTS = 4;
const TIMEOUT_MS = 5_000;
const backoffMs = (attempt: number) => 500 * 4 ** (attempt - 1);

/**
 * Delivers notifications to the org's webhooks: a signed POST, retried with backoff (0.5 s, 2 s, 8 s) on network
 * errors and non-2xx answers. Deliveries are best effort from the process that raised the notification; the feed
 * (`GET /v1/notifications`) is the record. Unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set, connections only go to
 * public addresses, checked when they are made (see webhook-target.ts).
 */
@Injectable()
export class WebhookDeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger("Webhooks");
  private readonly publicOnly: Agent | undefined;

  constructor(
    private readonly db: DbService,
    private readonly webhooks: WebhooksRepository,
    @Inject(ENV) private readonly env: TEnv,
  ) {
    this.publicOnly = env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ? undefined : publicOnlyAgent();
  }

  async onModuleDestroy(): Promise<void> {
    await this.publicOnly?.close();
  }

  async dispatch(orgId: string, n: TNotification): Promise<void> {
    const hooks = await this.webhooks.subscribed(this.db.system, orgId, n.kind);
    for (const hook of hooks) void this.deliver(hook.url, hook.secret, n);
  }

  /** One delivery with retries; resolves with the last HTTP status (0: no answer). */
  async deliver(url: string, secret: string, n: TNotification, attempt = 1): Promise<number> {
    const body = JSON.stringify({
      id: n.id,
      kind: n.kind,
      createdAt: n.createdAt,
      title: n.title,
      body: n.body,
      data: n.data,
    });
    let status = 0;
    try {
      // IP literals never pass through the agent's lookup, so they are checked here.
      const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
      if (this.publicOnly && isIP(host) && isPrivateAddress(host))
        throw new Error(`${host} is a private address`);
      const res = await fetch(url, {
        dispatcher: this.publicOnly,
        method: "POST",
        headers: {
          "content-type": "application/json",
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, body),
          "x-kt-event": n.kind,
          "x-kt-delivery": n.id,
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "manual",
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return status;
    } catch {
      status = 0;
    }
    if (attempt >= ATTEMPTS) {
      this.logger.warn(
        `webhook delivery of ${n.kind} ${n.id} to ${new URL(url).host} failed after ${attempt} attempts (last status ${status})`,
      );
      return status;
    }
    await new Promise((r) => setTimeout(r, backoffMs(attempt)).unref());
    return this.deliver(url, secret, n, attempt + 1);
  }
}
