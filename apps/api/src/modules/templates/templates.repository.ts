import { Injectable } from "@nestjs/common";
import type { OrgDb, OrgTx } from "@kt/db";

type Db = OrgDb | OrgTx;

/** The only place org-defined templates touch Prisma; built-in ones live in the contract. */
@Injectable()
export class TemplatesRepository {
  list(db: Db) {
    return db.template.findMany({ orderBy: { name: "asc" } });
  }

  find(db: Db, id: string) {
    return db.template.findFirst({ where: { id } });
  }

  findByName(db: Db, name: string) {
    return db.template.findFirst({ where: { name } });
  }

  create(tx: OrgTx, data: { orgId: string; name: string; description: string; whenToUse: string; source: string; createdById: string | null }) {
    return tx.template.create({ data });
  }

  update(tx: OrgTx, id: string, data: { name?: string; description?: string; whenToUse?: string; source?: string }) {
    return tx.template.update({ where: { id }, data });
  }

  delete(tx: OrgTx, id: string) {
    return tx.template.deleteMany({ where: { id } });
  }
}
