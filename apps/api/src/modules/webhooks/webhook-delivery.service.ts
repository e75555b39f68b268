import { Injectable, Logger } from "@nestjs/common";
import { WEBHOOK_SIGNATURE_HEADER, type TNotification } from "@kt/contract";
import { DbService } from "../../common/db/db.module";
import { signWebhook } from "./webhook-signature";
import { WebhooksRepository } from "./webhooks.repository";

const ATTEMPTS = 4;
const TIMEOUT_MS = 5_000;
const backoffMs = (attempt: number) => 500 * 4 ** (attempt - 1);

/**
 * Delivers notifications to the org's webhooks: a signed POST, retried with backoff (0.5 s, 2 s, 8 s) on network
 * errors and non-2xx answers. Deliveries are best effort from the process that raised the notification; the feed
 * (`GET /v1/notifications`) is the record.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger("Webhooks");

  constructor(
    private readonly db: DbService,
    private readonly webhooks: WebhooksRepository,
  ) {}

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
      const res = await fetch(url, {
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
