import { Injectable } from "@nestjs/common";
import type { OrgDb, OrgTx } from "@kt/db";

type Db = OrgDb | OrgTx;

export type NewVersion = {
  orgId: string;
  configId: string;
  number: number;
  source: string;
  normalized: object;
  contentHash: string;
  message: string;
  commitSha: string | null;
  authorId: string | null;
  authorLabel: string;
};

/** The only place policy configs and their immutable versions touch Prisma. */
@Injectable()
export class PolicyConfigsRepository {
  list(db: Db, w: { name?: string; teamId?: string; archived: "true" | "false" | "all" }) {
    const archivedAt = w.archived === "all" ? undefined : w.archived === "true" ? { not: null } : null;
    return db.policyConfig.findMany({ where: { name: w.name, teamId: w.teamId, archivedAt }, orderBy: { name: "asc" } });
  }

  find(db: Db, id: string) {
    return db.policyConfig.findFirst({ where: { id } });
  }

  findByName(db: Db, name: string) {
    return db.policyConfig.findFirst({ where: { name } });
  }

  /** Serialises saves of one config, so version numbers never collide. */
  async lock(tx: OrgTx, id: string) {
    await tx.$executeRaw`SELECT 1 FROM policy_configs WHERE id = ${id}::uuid FOR UPDATE`;
  }

  create(tx: OrgTx, data: { orgId: string; name: string; description: string; teamId: string | null }) {
    return tx.policyConfig.create({ data });
  }

  update(tx: OrgTx, id: string, data: { name?: string; description?: string; archivedAt?: Date | null; currentVersionId?: string }) {
    return tx.policyConfig.update({ where: { id }, data });
  }

  createVersion(tx: OrgTx, data: NewVersion) {
    return tx.policyConfigVersion.create({ data });
  }

  async lastNumber(tx: OrgTx, configId: string): Promise<number> {
    const last = await tx.policyConfigVersion.findFirst({ where: { configId }, orderBy: { number: "desc" }, select: { number: true } });
    return last?.number ?? 0;
  }

  versionById(db: Db, id: string) {
    return db.policyConfigVersion.findFirst({ where: { id } });
  }

  versionsByIds(db: Db, ids: string[]) {
    return db.policyConfigVersion.findMany({ where: { id: { in: ids } }, omit: { source: true, normalized: true } });
  }

  version(db: Db, configId: string, number: number) {
    return db.policyConfigVersion.findFirst({ where: { configId, number } });
  }

  versions(db: Db, configId: string, beforeNumber: number | undefined, take: number) {
    return db.policyConfigVersion.findMany({
      where: { configId, number: beforeNumber ? { lt: beforeNumber } : undefined },
      orderBy: { number: "desc" },
      take,
      omit: { source: true, normalized: true },
    });
  }

  /** Gateways (not archived) per config. */
  async gatewayCounts(db: Db, configIds: string[]): Promise<Map<string, number>> {
    const rows = await db.gateway.groupBy({ by: ["policyConfigId"], where: { policyConfigId: { in: configIds }, archivedAt: null }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.policyConfigId!, r._count._all]));
  }

  assignedGateways(db: Db, configId: string) {
    return db.gateway.findMany({ where: { policyConfigId: configId, archivedAt: null }, select: { id: true, name: true } });
  }
}
