import { Injectable, Logger } from "@nestjs/common";
import type { TNotification, TNotificationPage } from "@kt/contract";
import type { Prisma } from "@kt/db";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { WebhookDeliveryService } from "../webhooks/webhook-delivery.service";
import { NotificationsRepository } from "./notifications.repository";

type TRow = Awaited<ReturnType<NotificationsRepository["create"]>>;

/** The org's feed; every notification is also offered to the org's webhooks subscribed to its kind. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger("Notifications");

  constructor(
    private readonly db: DbService,
    private readonly notifications: NotificationsRepository,
    private readonly webhooks: WebhookDeliveryService,
  ) {}

  async notify(
    orgId: string,
    n: { kind: string; title: string; body: string; data: Record<string, unknown> },
  ): Promise<TNotification> {
    const row = await this.notifications.create(this.db.system, {
      orgId,
      ...n,
      data: n.data as Prisma.InputJsonValue,
    });
    const notification = toNotification(row);
    this.webhooks
      .dispatch(orgId, notification)
      .catch((e: Error) => this.logger.warn(`webhook dispatch failed: ${e.message}`));
    return notification;
  }

  async list(
    ctx: AuthContext,
    q: { unread?: boolean; limit: number; cursor?: string },
  ): Promise<TNotificationPage> {
    const db = this.db.forOrg(ctx.orgId);
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !after)
      throw new AppError("validation_failed", "cursor is not one this API returned; pass nextCursor as is");
    const [rows, unreadCount] = await Promise.all([
      this.notifications.list(
        db,
        q.unread === undefined ? {} : q.unread ? { readAt: null } : { readAt: { not: null } },
        q.limit + 1,
        after,
      ),
      this.notifications.unreadCount(db),
    ]);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toNotification),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
      unreadCount,
    };
  }

  async markRead(ctx: AuthContext, id: string | null): Promise<{ marked: number }> {
    const db = this.db.forOrg(ctx.orgId);
    if (id && !(await this.notifications.find(db, id))) throw AppError.notFound("Notification");
    const { count } = await this.notifications.markRead(db, id ? [id] : null);
    return { marked: count };
  }
}

function toNotification(r: TRow): TNotification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    data: (r.data as Record<string, unknown> | null) ?? null,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

const encodeCursor = (r: { createdAt: Date; id: string }) =>
  Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  return id && !Number.isNaN(createdAt.getTime()) && /^[0-9a-f-]{36}$/i.test(id) ? { createdAt, id } : null;
}
