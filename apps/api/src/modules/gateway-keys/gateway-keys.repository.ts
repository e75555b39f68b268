import { Injectable } from "@nestjs/common";
import type { TGatewayKeyStatus } from "@kt/contract";
import type { OrgDb, OrgTx } from "@kt/db";

type Db = OrgDb | OrgTx;

export type GatewayKeyWhere = { teamIds: string[] | null; teamId?: string; gatewayId?: string; status?: TGatewayKeyStatus; now: Date };

function statusWhere(status: TGatewayKeyStatus | undefined, now: Date) {
  switch (status) {
    case undefined:
      return {};
    case "revoked":
      return { revokedAt: { not: null } };
    case "expired":
      return { revokedAt: null, expiresAt: { lte: now } };
    case "active":
      return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  }
}

/** The only place gateway keys touch Prisma. Secrets never reach it: only their SHA-256. */
@Injectable()
export class GatewayKeysRepository {
  list(db: Db, w: GatewayKeyWhere) {
    const teamId = w.teamIds === null ? w.teamId : { in: w.teamId ? w.teamIds.filter((t) => t === w.teamId) : w.teamIds };
    return db.gatewayKey.findMany({
      where: { teamId, gatewayId: w.gatewayId, ...statusWhere(w.status, w.now) },
      orderBy: { createdAt: "desc" },
    });
  }

  find(db: Db, id: string) {
    return db.gatewayKey.findFirst({ where: { id } });
  }

  create(tx: OrgTx, data: { orgId: string; teamId: string; gatewayId: string; name: string; prefix: string; secretHash: string; expiresAt: Date | null; createdById: string }) {
    return tx.gatewayKey.create({ data });
  }

  update(
    tx: OrgTx,
    id: string,
    data: { prefix?: string; secretHash?: string; previousSecretHash?: string | null; previousSecretExpiresAt?: Date | null; revokedAt?: Date },
  ) {
    return tx.gatewayKey.update({ where: { id }, data });
  }

  gateway(db: Db, id: string) {
    return db.gateway.findFirst({ where: { id }, select: { id: true, name: true, teamId: true, archivedAt: true } });
  }

  async names(db: Db, teamIds: string[], gatewayIds: string[]) {
    const [teams, gateways] = await Promise.all([
      db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }),
      db.gateway.findMany({ where: { id: { in: gatewayIds } }, select: { id: true, name: true } }),
    ]);
    return { teams: new Map(teams.map((t) => [t.id, t.name])), gateways: new Map(gateways.map((g) => [g.id, g.name])) };
  }
}
