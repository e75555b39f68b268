import { Injectable } from "@nestjs/common";
import type { OrgDb, OrgTx } from "@kt/db";

type Db = OrgDb | OrgTx;

export type GatewayWhere = { teamIds: string[] | null; teamId?: string; archived: "true" | "false" | "all" };

/** The only place gateways (and the team lookups that scope them) touch Prisma. */
@Injectable()
export class GatewaysRepository {
  list(db: Db, w: GatewayWhere) {
    const archivedAt = w.archived === "all" ? undefined : w.archived === "true" ? { not: null } : null;
    const teamId = w.teamIds === null ? w.teamId : { in: w.teamId ? w.teamIds.filter((t) => t === w.teamId) : w.teamIds };
    return db.gateway.findMany({ where: { archivedAt, teamId }, orderBy: { name: "asc" } });
  }

  find(db: Db, id: string) {
    return db.gateway.findFirst({ where: { id } });
  }

  findByName(db: Db, name: string) {
    return db.gateway.findFirst({ where: { name } });
  }

  create(tx: OrgTx, data: { orgId: string; name: string; teamId: string | null; environment: string; credentialPrefix: string; credentialHash: string; policyConfigId: string | null }) {
    return tx.gateway.create({ data });
  }

  update(tx: OrgTx, id: string, data: { name?: string; environment?: string; archivedAt?: Date | null; policyConfigId?: string | null; credentialPrefix?: string; credentialHash?: string }) {
    return tx.gateway.update({ where: { id }, data });
  }

  teams(db: Db, ids: string[]) {
    return db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, archivedAt: true } });
  }

  /** Teams the user is a member of. */
  async teamIdsOf(db: Db, userId: string): Promise<string[]> {
    const rows = await db.teamMember.findMany({ where: { userId }, select: { teamId: true } });
    return rows.map((r) => r.teamId);
  }

  /** Configs by id with the number of their version in force. */
  async configs(db: Db, ids: string[]) {
    const configs = await db.policyConfig.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, teamId: true, archivedAt: true, currentVersionId: true } });
    const versionIds = configs.flatMap((c) => (c.currentVersionId ? [c.currentVersionId] : []));
    const versions = await db.policyConfigVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, number: true } });
    const numberOf = new Map(versions.map((v) => [v.id, v.number]));
    return configs.map((c) => ({ ...c, currentVersion: c.currentVersionId ? (numberOf.get(c.currentVersionId) ?? null) : null }));
  }
}
