import { Injectable } from "@nestjs/common";
import type { OrgDb, OrgTx, Prisma } from "@kt/db";
import type pg from "pg";
import type { TEscalationDraft } from "./escalation-rules";

export type TEscalationWhere = Prisma.EscalationWhereInput;

const withCount = { _count: { select: { comments: true } } } as const;

/** The only place escalations touch the database: raising (in ingest's transaction) and the review queue. */
@Injectable()
export class EscalationsRepository {
  /** Raises escalations once per event and policy; returns the ones that are new. */
  async raise(
    client: pg.PoolClient,
    orgId: string,
    drafts: TEscalationDraft[],
  ): Promise<{ id: string; priority: string; policy: string; eventId: string }[]> {
    if (drafts.length === 0) return [];
    const result = await client.query(
      `INSERT INTO escalations ("id", "orgId", "eventId", "teamId", "gatewayId", "policy", "reason", "priority", "dueAt")
       SELECT gen_random_uuid(), $1::uuid, x."eventId", x."teamId", x."gatewayId", x.policy, x.reason, x.priority::"Priority", x."dueAt"
       FROM jsonb_to_recordset($2::jsonb) AS x("eventId" uuid, "teamId" uuid, "gatewayId" uuid, policy text, reason text, priority text, "dueAt" timestamptz)
       ON CONFLICT ("orgId", "eventId", "policy") DO NOTHING
       RETURNING id, priority::text AS priority, policy, "eventId" AS "eventId"`,
      [orgId, JSON.stringify(drafts)],
    );
    return result.rows;
  }

  list(db: OrgDb, where: TEscalationWhere, take: number, after: { dueAt: Date; id: string } | null) {
    const page: TEscalationWhere = after
      ? { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] }
      : {};
    return db.escalation.findMany({
      where: { AND: [where, page] },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take,
      include: withCount,
    });
  }

  find(db: OrgDb | OrgTx, id: string) {
    return db.escalation.findFirst({
      where: { id },
      include: { ...withCount, comments: { orderBy: { createdAt: "asc" } } },
    });
  }

  update(tx: OrgTx, id: string, data: Prisma.EscalationUpdateManyMutationInput) {
    return tx.escalation.updateMany({ where: { id }, data });
  }

  /** Resolves only an open escalation: a second resolve (or a race) changes nothing and reports 0. */
  resolve(tx: OrgTx, id: string, data: Prisma.EscalationUpdateManyMutationInput) {
    return tx.escalation.updateMany({ where: { id, status: "open" }, data });
  }

  addComment(
    tx: OrgTx,
    orgId: string,
    escalationId: string,
    data: { authorId: string | null; authorLabel: string; body: string },
  ) {
    return tx.escalationComment.create({ data: { orgId, escalationId, ...data } });
  }

  member(db: OrgDb | OrgTx, userId: string) {
    return db.membership.findFirst({ where: { userId } });
  }

  memberTeamIds(db: OrgDb, userId: string) {
    return db.teamMember.findMany({ where: { userId }, select: { teamId: true } });
  }

  countOpen(db: OrgDb, teamIds: string[] | null) {
    const team = teamIds ? { teamId: { in: teamIds } } : {};
    return Promise.all([
      db.escalation.count({ where: { status: "open", ...team } }),
      db.escalation.count({ where: { status: "open", dueAt: { lt: new Date() }, ...team } }),
    ]);
  }
}
