import { ZEscalationDetail, ZEscalationPage, ZNotificationPage, type TPolicyDecision } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import {
  createGateway,
  createTeam,
  eventually,
  gatewayEvent,
  type TestGateway,
} from "../../events/__tests__/telemetry-fixtures";

const escalate = (policy: string, type: TPolicyDecision["type"], reason: string): TPolicyDecision => ({
  policy,
  type,
  stage: "response",
  action: "escalate",
  triggered: true,
  reason,
  latencyUs: 12,
  details: {},
});

describe("escalations queue", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let gw: TestGateway;
  let team: { id: string };
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "esc"), createOrg(api, "esc-other")]);
    team = await createTeam(org, "Support");
    gw = await createGateway(api, org, { teamId: team.id });
    await api.db.teamMember.create({
      data: { orgId: org.orgId, teamId: team.id, userId: org.users.manager.id },
    });
  });
  afterAll(() => api?.close());

  async function raise(decisions: TPolicyDecision[], ts = new Date().toISOString()) {
    const e = gatewayEvent({ ts, action: "escalated", decisions });
    expect((await gw.api.post("/v1/ingest/events", { events: [e] })).body.accepted).toBe(1);
    return e;
  }

  it("raises escalations from escalated events with SLA due times, once per event and policy", async () => {
    const e = await raise([
      escalate("quality", "quality-scorer", "score 0.41 < 0.7"),
      escalate("inject", "prompt-injection", "role-play jailbreak"),
    ]);
    await gw.api.post("/v1/ingest/events", { events: [e] });
    const page = ZEscalationPage.parse((await org.as.viewer.get("/v1/escalations")).body);
    const mine = page.items.filter((x) => x.eventId === e.id);
    expect(mine.map((x) => [x.policy, x.priority]).sort()).toEqual([
      ["inject", "P1"],
      ["quality", "P3"],
    ]);
    const p1 = mine.find((x) => x.priority === "P1")!;
    expect(Date.parse(p1.dueAt) - Date.parse(e.ts)).toBe(30 * 60_000);
    expect(p1).toMatchObject({
      status: "open",
      overdue: false,
      teamId: team.id,
      gatewayId: gw.id,
      reason: "role-play jailbreak",
    });
    // P1s also land in the org's feed.
    await eventually(async () => {
      const feed = ZNotificationPage.parse((await org.as.viewer.get("/v1/notifications")).body);
      return feed.items.find((n) => n.kind === "escalation.raised" && n.data?.escalationId === p1.id);
    });
  });

  it("filters by status, priority, team and overdue, oldest due first", async () => {
    const old = await raise(
      [escalate("old-one", "content-filter", "harmful: 0.8")],
      new Date(Date.now() - 6 * 3600_000).toISOString(),
    );
    const overdue = ZEscalationPage.parse((await org.as.admin.get("/v1/escalations?overdue=true")).body);
    expect(overdue.items.map((x) => x.eventId)).toContain(old.id);
    expect(overdue.items.every((x) => x.overdue)).toBe(true);
    const p2 = ZEscalationPage.parse(
      (await org.as.admin.get("/v1/escalations?priority=P2&team=" + team.id)).body,
    );
    expect(p2.items.length).toBeGreaterThan(0);
    expect(p2.items.every((x) => x.priority === "P2")).toBe(true);
    const all = ZEscalationPage.parse((await org.as.admin.get("/v1/escalations?status=all&limit=2")).body);
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).not.toBeNull();
    const next = ZEscalationPage.parse(
      (await org.as.admin.get(`/v1/escalations?status=all&limit=2&cursor=${all.nextCursor}`)).body,
    );
    expect(next.items[0].dueAt >= all.items[1].dueAt).toBe(true);
    expect((await org.as.admin.get("/v1/escalations?priority=P9")).status).toBe(400);
  });

  it("assigns, comments and resolves with a reason, audited, with role checks", async () => {
    const e = await raise([escalate("pii", "pii-detector", "2 emails in response")]);
    const esc = ZEscalationPage.parse((await org.as.admin.get("/v1/escalations")).body).items.find(
      (x) => x.eventId === e.id,
    )!;
    for (const role of ["finance", "viewer"] as const) {
      expect(
        (await org.as[role].post(`/v1/escalations/${esc.id}/assign`, { assigneeId: org.users.admin.id }))
          .status,
      ).toBe(403);
      expect((await org.as[role].post(`/v1/escalations/${esc.id}/comments`, { body: "hi" })).status).toBe(
        403,
      );
      expect(
        (await org.as[role].post(`/v1/escalations/${esc.id}/resolve`, { decision: "approve", reason: "ok" }))
          .status,
      ).toBe(403);
    }
    expect((await org.as.finance.get(`/v1/escalations/${esc.id}`)).status).toBe(403);
    expect((await org.as.viewer.get(`/v1/escalations/${esc.id}`)).status).toBe(200);
    expect(
      (await org.as.admin.post(`/v1/escalations/${esc.id}/assign`, { assigneeId: org.users.viewer.id }))
        .status,
    ).toBe(400);
    expect(
      (await org.as.admin.post(`/v1/escalations/${esc.id}/assign`, { assigneeId: other.users.manager.id }))
        .status,
    ).toBe(404);
    const assigned = ZEscalationDetail.parse(
      (await org.as.admin.post(`/v1/escalations/${esc.id}/assign`, { assigneeId: org.users.manager.id }))
        .body,
    );
    expect(assigned.assigneeId).toBe(org.users.manager.id);
    expect(
      ZEscalationPage.parse((await org.as.manager.get("/v1/escalations?assignee=me")).body).items.map(
        (x) => x.id,
      ),
    ).toContain(esc.id);
    const commented = ZEscalationDetail.parse(
      (
        await org.as.manager.post(`/v1/escalations/${esc.id}/comments`, {
          body: "Customer emails in a support reply; checking.",
        })
      ).body,
    );
    expect(commented.comments).toMatchObject([
      { authorId: org.users.manager.id, body: "Customer emails in a support reply; checking." },
    ]);
    expect(
      (await org.as.manager.post(`/v1/escalations/${esc.id}/resolve`, { decision: "reject" })).status,
    ).toBe(400);
    const resolved = ZEscalationDetail.parse(
      (
        await org.as.manager.post(`/v1/escalations/${esc.id}/resolve`, {
          decision: "reject",
          reason: "PII must not leave support",
        })
      ).body,
    );
    expect(resolved).toMatchObject({
      status: "rejected",
      resolvedById: org.users.manager.id,
      resolutionReason: "PII must not leave support",
      overdue: false,
    });
    expect(
      (await org.as.admin.post(`/v1/escalations/${esc.id}/resolve`, { decision: "approve", reason: "again" }))
        .status,
    ).toBe(409);
    const audit = await api.db.auditEntry.findMany({
      where: { orgId: org.orgId, resourceId: esc.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "escalation.assign",
      "escalation.comment",
      "escalation.reject",
    ]);
  });

  it("keeps managers to their teams' escalations", async () => {
    const otherTeam = await createTeam(org, "Finance");
    const gw2 = await createGateway(api, org, { teamId: otherTeam.id });
    const e = gatewayEvent({ action: "escalated", decisions: [escalate("q", "quality-scorer", "low")] });
    await gw2.api.post("/v1/ingest/events", { events: [e] });
    const esc = ZEscalationPage.parse((await org.as.admin.get("/v1/escalations")).body).items.find(
      (x) => x.eventId === e.id,
    )!;
    expect((await org.as.manager.get(`/v1/escalations/${esc.id}`)).status).toBe(404);
    expect(
      (await org.as.manager.post(`/v1/escalations/${esc.id}/resolve`, { decision: "approve", reason: "x" }))
        .status,
    ).toBe(404);
    expect(
      ZEscalationPage.parse((await org.as.manager.get("/v1/escalations")).body).items.map((x) => x.id),
    ).not.toContain(esc.id);
  });

  it("answers 404 to another org on every escalation route", async () => {
    const e = await raise([escalate("dlp", "dlp-filter", "AWS key")]);
    const esc = ZEscalationPage.parse((await org.as.admin.get("/v1/escalations")).body).items.find(
      (x) => x.eventId === e.id,
    )!;
    const them = other.as.admin;
    expect((await them.get(`/v1/escalations/${esc.id}`)).status).toBe(404);
    expect(
      (await them.post(`/v1/escalations/${esc.id}/assign`, { assigneeId: other.users.admin.id })).status,
    ).toBe(404);
    expect((await them.post(`/v1/escalations/${esc.id}/comments`, { body: "x" })).status).toBe(404);
    expect(
      (await them.post(`/v1/escalations/${esc.id}/resolve`, { decision: "approve", reason: "x" })).status,
    ).toBe(404);
    expect(ZEscalationPage.parse((await them.get("/v1/escalations?status=all")).body).items).toEqual([]);
    expect((await org.as.admin.get("/v1/escalations/not-a-uuid")).status).toBe(400);
  });
});
