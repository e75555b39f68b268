import { Injectable } from "@nestjs/common";
import type { Db, OrgDb, OrgTx } from "@kt/db";

/** The only place webhooks touch the database. */
@Injectable()
export class WebhooksRepository {
  list(db: OrgDb) {
    return db.webhook.findMany({ orderBy: { createdAt: "asc" } });
  }

  find(db: OrgDb | OrgTx, id: string) {
    return db.webhook.findFirst({ where: { id } });
  }

  create(tx: OrgTx, orgId: string, data: { url: string; secret: string; events: string[] }) {
    return tx.webhook.create({ data: { orgId, ...data } });
  }

  setDisabled(tx: OrgTx, id: string, disabled: boolean) {
    return tx.webhook.updateMany({ where: { id }, data: { disabledAt: disabled ? new Date() : null } });
  }

  remove(tx: OrgTx, id: string) {
    return tx.webhook.deleteMany({ where: { id } });
  }

  /** Enabled webhooks of an org subscribed to a kind (system client: deliveries run outside a request). */
  subscribed(db: Db, orgId: string, kind: string) {
    return db.webhook.findMany({ where: { orgId, disabledAt: null, events: { has: kind } } });
  }
}
