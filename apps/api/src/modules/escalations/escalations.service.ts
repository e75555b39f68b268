import { Injectable } from "@nestjs/common";
import {
  can,
  type TEscalation,
  type TEscalationDetail,
  type TEscalationListQuery,
  type TResolveEscalation,
} from "@kt/contract";
import type { AuthContext } from "../../common/auth/auth-context";
import { DbService } from "../../common/db/db.module";
import { AppError } from "../../common/errors/app-error";
import { AuditService } from "../audit/audit.service";
import { EscalationsRepository, type TEscalationWhere } from "./escalations.repository";

type TRow = NonNullable<Awaited<ReturnType<EscalationsRepository["find"]>>>;
type TListRow = Awaited<ReturnType<EscalationsRepository["list"]>>[number];

@Injectable()
export class EscalationsService {
  constructor(
    private readonly db: DbService,
    private readonly escalations: EscalationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(
    ctx: AuthContext,
    q: TEscalationListQuery,
  ): Promise<{ items: TEscalation[]; nextCursor: string | null }> {
    const db = this.db.forOrg(ctx.orgId);
    const and: TEscalationWhere[] = [];
    if (q.status !== "all") and.push({ status: q.status });
    if (q.priority) and.push({ priority: { in: q.priority } });
    if (q.team) and.push({ teamId: q.team });
    if (q.assignee)
      and.push({ assigneeId: q.assignee === "me" ? ctx.userId : q.assignee === "none" ? null : q.assignee });
    if (q.overdue !== undefined)
      and.push(
        q.overdue
          ? { status: "open", dueAt: { lt: new Date() } }
          : { NOT: { status: "open", dueAt: { lt: new Date() } } },
      );
    const scope = await this.teamScope(ctx);
    if (scope) and.push({ teamId: { in: scope } });
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !after)
      throw new AppError("validation_failed", "cursor is not one this API returned; pass nextCursor as is");
    const rows = await this.escalations.list(db, { AND: and }, q.limit + 1, after);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toEscalation),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  }

  async get(ctx: AuthContext, id: string): Promise<TEscalationDetail> {
    return toDetail(await this.visible(ctx, id));
  }

  async assign(ctx: AuthContext, id: string, assigneeId: string | null): Promise<TEscalationDetail> {
    const before = await this.visible(ctx, id);
    await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      if (assigneeId) {
        const member = await this.escalations.member(tx, assigneeId);
        if (!member) throw AppError.notFound("Member");
        if (!can(member.role, "escalations:decide")) {
          throw new AppError(
            "validation_failed",
            `That member's role (${member.role}) cannot decide escalations; assign an admin or a manager`,
          );
        }
      }
      await this.escalations.update(tx, id, { assigneeId });
      await this.audit.record(tx, ctx, {
        action: "escalation.assign",
        resourceType: "escalation",
        resourceId: id,
        before: { assigneeId: before.assigneeId },
        after: { assigneeId },
      });
    });
    return this.get(ctx, id);
  }

  async comment(ctx: AuthContext, id: string, body: string): Promise<TEscalationDetail> {
    await this.visible(ctx, id);
    await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const c = await this.escalations.addComment(tx, ctx.orgId, id, {
        authorId: ctx.userId,
        authorLabel: ctx.actorLabel,
        body,
      });
      await this.audit.record(tx, ctx, {
        action: "escalation.comment",
        resourceType: "escalation",
        resourceId: id,
        after: { commentId: c.id, body },
      });
    });
    return this.get(ctx, id);
  }

  async resolve(ctx: AuthContext, id: string, input: TResolveEscalation): Promise<TEscalationDetail> {
    await this.visible(ctx, id);
    const status = input.decision === "approve" ? "approved" : "rejected";
    await this.db.forOrg(ctx.orgId).$transaction(async (tx) => {
      const { count } = await this.escalations.resolve(tx, id, {
        status,
        resolvedById: ctx.userId,
        resolutionReason: input.reason,
        resolvedAt: new Date(),
      });
      if (count === 0) throw new AppError("conflict", "This escalation is already resolved");
      await this.audit.record(tx, ctx, {
        action: `escalation.${input.decision}`,
        resourceType: "escalation",
        resourceId: id,
        before: { status: "open" },
        after: { status, reason: input.reason },
      });
    });
    return this.get(ctx, id);
  }

  /** An escalation the caller may see; anything else (another org's, another team's for a manager) is 404. */
  private async visible(ctx: AuthContext, id: string): Promise<TRow> {
    const row = await this.escalations.find(this.db.forOrg(ctx.orgId), id);
    const scope = await this.teamScope(ctx);
    if (!row || (scope && (!row.teamId || !scope.includes(row.teamId))))
      throw AppError.notFound("Escalation");
    return row;
  }

  /** Managers review their own teams' escalations only. */
  private async teamScope(ctx: AuthContext): Promise<string[] | null> {
    if (ctx.role !== "manager") return null;
    return (await this.escalations.memberTeamIds(this.db.forOrg(ctx.orgId), ctx.userId)).map((m) => m.teamId);
  }
}

function toEscalation(r: TListRow): TEscalation {
  return {
    id: r.id,
    eventId: r.eventId,
    teamId: r.teamId,
    gatewayId: r.gatewayId,
    policy: r.policy,
    reason: r.reason,
    priority: r.priority,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    overdue: r.status === "open" && r.dueAt.getTime() < Date.now(),
    assigneeId: r.assigneeId,
    resolvedById: r.resolvedById,
    resolutionReason: r.resolutionReason,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    commentCount: r._count.comments,
  };
}

function toDetail(r: TRow): TEscalationDetail {
  return {
    ...toEscalation(r),
    comments: r.comments.map((c) => ({
      id: c.id,
      authorId: c.authorId,
      authorLabel: c.authorLabel,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

function encodeCursor(r: { dueAt: Date; id: string }): string {
  return Buffer.from(`${r.dueAt.toISOString()}|${r.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { dueAt: Date; id: string } | null {
  const [due, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const dueAt = new Date(due ?? "");
  return id && !Number.isNaN(dueAt.getTime()) && /^[0-9a-f-]{36}$/i.test(id) ? { dueAt, id } : null;
}
