import { Injectable } from "@nestjs/common";
import type { OrgTx } from "@kt/db";
import type { AuthContext } from "../../common/auth/auth-context";
import { entryHash, GENESIS_HASH, toJsonValue } from "./audit-chain";

export type AuditActor = Pick<AuthContext, "userId" | "actorLabel" | "via" | "requestId" | "ip"> & { orgId: string };

export type AuditInput = {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes audit entries inside the caller's transaction, so a mutation and its entry commit together.
 * Entries are chained per org; an advisory lock serialises writers of one org.
 */
@Injectable()
export class AuditService {
  async record(tx: OrgTx, actor: AuditActor, input: AuditInput) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${actor.orgId}`}, 0))`;
    const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    const fields = {
      orgId: actor.orgId,
      seq: (last?.seq ?? 0) + 1,
      actorType: actor.via === "api_token" ? "api_token" : actor.via === "jwt" ? "user" : "system",
      actorId: actor.userId || null,
      actorLabel: actor.actorLabel,
      action: input.action,
      resourceType: input.resourceType,
      resourceId: input.resourceId ?? null,
      before: toJsonValue(input.before),
      after: toJsonValue(input.after),
      requestId: actor.requestId || null,
      ip: actor.ip || null,
      createdAt: new Date(),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    return tx.auditEntry.create({
      data: {
        ...fields,
        before: fields.before ?? undefined,
        after: fields.after ?? undefined,
        hash: entryHash(fields),
      } as any,
    });
  }
}
