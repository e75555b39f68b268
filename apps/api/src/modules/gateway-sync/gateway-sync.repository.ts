import { Injectable } from "@nestjs/common";
import type { OrgDb } from "@kt/db";

/** What a gateway pulls and pushes about itself; always scoped to the gateway's org. */
@Injectable()
export class GatewaySyncRepository {
  gateway(db: OrgDb, id: string) {
    return db.gateway.findFirst({ where: { id }, select: { id: true, orgId: true, archivedAt: true, policyConfigId: true } });
  }

  /** The assigned config's version in force. */
  async currentVersion(db: OrgDb, configId: string) {
    const config = await db.policyConfig.findFirst({ where: { id: configId }, select: { currentVersionId: true } });
    if (!config?.currentVersionId) return null;
    return db.policyConfigVersion.findFirst({ where: { id: config.currentVersionId }, select: { number: true, normalized: true } });
  }

  keys(db: OrgDb, gatewayId: string) {
    return db.gatewayKey.findMany({ where: { gatewayId }, orderBy: { createdAt: "asc" } });
  }

  recordHeartbeat(db: OrgDb, id: string, heartbeat: object, at: Date) {
    return db.gateway.updateMany({ where: { id, archivedAt: null }, data: { lastHeartbeatAt: at, heartbeat } });
  }
}
