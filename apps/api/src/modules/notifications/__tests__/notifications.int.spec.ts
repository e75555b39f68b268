import { ZNotificationPage, ZWebhook, ZWebhookCreated, ZWebhookList } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";

describe("notifications and webhooks", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "notif"), createOrg(api, "notif-other")]);
  });
  afterAll(() => api?.close());

  it("reads the feed, marks read, and keeps orgs apart", async () => {
    const n = await api.db.notification.create({
      data: { orgId: org.orgId, kind: "budget.threshold", title: "t", body: "b", data: { threshold: 50 } },
    });
    const page = ZNotificationPage.parse((await org.as.viewer.get("/v1/notifications")).body);
    expect(page).toMatchObject({ unreadCount: 1, items: [{ id: n.id, readAt: null }] });
    expect((await other.as.admin.post(`/v1/notifications/${n.id}/read`)).status).toBe(404);
    expect(ZNotificationPage.parse((await other.as.admin.get("/v1/notifications")).body).items).toEqual([]);
    expect((await org.as.viewer.post(`/v1/notifications/${n.id}/read`)).body).toEqual({ marked: 1 });
    expect(
      ZNotificationPage.parse((await org.as.viewer.get("/v1/notifications?unread=true")).body).items,
    ).toEqual([]);
  });

  it("creates webhooks (secret shown once), lets only admins change them, audits, and keeps orgs apart", async () => {
    expect((await org.as.manager.post("/v1/webhooks", { url: "https://example.test/hook" })).status).toBe(
      403,
    );
    expect((await org.as.admin.post("/v1/webhooks", { url: "ftp://example.test" })).status).toBe(400);
    const created = ZWebhookCreated.parse(
      (await org.as.admin.post("/v1/webhooks", { url: "https://example.test/hook" })).body,
    );
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.events).toEqual(["budget.threshold", "escalation.raised"]);
    const listed = ZWebhookList.parse((await org.as.manager.get("/v1/webhooks")).body);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect((await org.as.finance.get("/v1/webhooks")).status).toBe(403);
    const disabled = ZWebhook.parse(
      (await org.as.admin.patch(`/v1/webhooks/${created.id}`, { disabled: true })).body,
    );
    expect(disabled.disabled).toBe(true);
    for (const call of [
      other.as.admin.patch(`/v1/webhooks/${created.id}`, { disabled: false }),
      other.as.admin.delete(`/v1/webhooks/${created.id}`),
      other.as.admin.post(`/v1/webhooks/${created.id}/test`),
    ]) {
      expect((await call).status).toBe(404);
    }
    expect((await org.as.admin.delete(`/v1/webhooks/${created.id}`)).status).toBe(204);
    const actions = (
      await api.db.auditEntry.findMany({
        where: { orgId: org.orgId, resourceType: "webhook" },
        orderBy: { seq: "asc" },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(["webhook.create", "webhook.disable", "webhook.delete"]);
  });
});
