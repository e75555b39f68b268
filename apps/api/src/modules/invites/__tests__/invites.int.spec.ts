import { ZAcceptedInvite, ZCreatedInvite, ZInviteList, ZInvitePreview } from "@kt/contract";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  client,
  createOrg,
  startApi,
  TEST_PASSWORD,
  type TestApi,
  type TestOrg,
} from "../../../test/harness";

const uniqueEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe("invites", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  const anon = () => client(api.url);
  beforeAll(async () => {
    api = await startApi({ CONSOLE_URL: "http://console.test:3000" });
    [org, other] = await Promise.all([createOrg(api, "a"), createOrg(api, "b")]);
  });
  afterAll(() => api?.close());

  it("invites with a one-time link: previewed, accepted with a new password, then the link is spent", async () => {
    const email = uniqueEmail("invitee");
    const res = await org.as.admin.post("/v1/invites", {
      email,
      name: "Ines Invitee",
      role: "manager",
      expiresInHours: 24,
    });
    expect(res.status).toBe(201);
    const created = ZCreatedInvite.strict().parse(res.body);
    expect(created.token).toMatch(/^kt_inv_/);
    expect(created.acceptUrl).toBe(`http://console.test:3000/accept-invite#token=${created.token}`);
    expect(created.invite).toMatchObject({ email, role: "manager", status: "pending" });
    const row = await api.db.invite.findUniqueOrThrow({ where: { id: created.invite.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(24 * 3600_000, -4);

    const preview = await anon().post("/v1/invites/preview", { token: created.token });
    expect(preview.status).toBe(200);
    expect(ZInvitePreview.strict().parse(preview.body)).toMatchObject({
      email,
      role: "manager",
      existingAccount: false,
      org: { id: org.orgId },
    });

    const accepted = await anon().post("/v1/invites/accept", {
      token: created.token,
      password: "a-brand-new-password",
    });
    expect(accepted.status).toBe(200);
    expect(ZAcceptedInvite.strict().parse(accepted.body)).toMatchObject({
      user: { email, name: "Ines Invitee" },
      role: "manager",
      org: { id: org.orgId },
    });
    const login = await anon().post("/v1/auth/login", { email, password: "a-brand-new-password" });
    expect(login.status).toBe(200);
    expect(login.body.role).toBe("manager");

    const again = await anon().post("/v1/invites/accept", {
      token: created.token,
      password: "another-password-1",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("already accepted");
    const list = ZInviteList.strict().parse((await org.as.admin.get("/v1/invites")).body);
    expect(list.items.find((i) => i.id === created.invite.id)?.status).toBe("accepted");

    const actions = (
      await api.db.auditEntry.findMany({
        where: { orgId: org.orgId, action: { startsWith: "invite." } },
        orderBy: { seq: "asc" },
      })
    )
      .filter((e) => e.resourceId === created.invite.id || e.resourceId === accepted.body.user.id)
      .map((e) => [e.action, e.actorLabel]);
    expect(actions).toEqual([
      ["invite.create", org.users.admin.email],
      ["invite.accept", email],
    ]);
  });

  it("lets someone with an account elsewhere join only with their current password", async () => {
    const created = (
      await org.as.admin.post("/v1/invites", {
        email: other.users.finance.email,
        name: "Fin",
        role: "viewer",
      })
    ).body;
    expect((await anon().post("/v1/invites/preview", { token: created.token })).body.existingAccount).toBe(
      true,
    );
    const wrong = await anon().post("/v1/invites/accept", {
      token: created.token,
      password: "trying-to-take-over",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain("enter its current password");

    const ok = await anon().post("/v1/invites/accept", { token: created.token, password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    const intoThisOrg = await anon().post("/v1/auth/login", {
      email: other.users.finance.email,
      password: TEST_PASSWORD,
      orgId: org.orgId,
    });
    expect(intoThisOrg.body.role).toBe("viewer");
    // Still a finance member of the org they came from.
    expect(
      (
        await anon().post("/v1/auth/login", {
          email: other.users.finance.email,
          password: TEST_PASSWORD,
          orgId: other.orgId,
        })
      ).body.role,
    ).toBe("finance");
  });

  it("refuses expired, revoked and unknown links with a message saying what to do", async () => {
    const expiring = (
      await org.as.admin.post("/v1/invites", { email: uniqueEmail("late"), name: "Late", role: "viewer" })
    ).body;
    await api.db.invite.update({
      where: { id: expiring.invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await anon().post("/v1/invites/accept", {
      token: expiring.token,
      password: "some-password-1",
    });
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/expired .*ask an admin for a new one/);
    expect(
      (await org.as.admin.get("/v1/invites")).body.items.find(
        (i: { id: string }) => i.id === expiring.invite.id,
      ).status,
    ).toBe("expired");

    const withdrawn = (
      await org.as.admin.post("/v1/invites", { email: uniqueEmail("gone"), name: "Gone", role: "viewer" })
    ).body;
    const revoke = await org.as.admin.delete(`/v1/invites/${withdrawn.invite.id}`);
    expect(revoke.status).toBe(200);
    expect(
      (await anon().post("/v1/invites/accept", { token: withdrawn.token, password: "some-password-1" }))
        .status,
    ).toBe(404);
    expect((await anon().post("/v1/invites/preview", { token: "kt_inv_made-up" })).status).toBe(404);
    expect(
      (
        await api.db.auditEntry.findFirstOrThrow({
          where: { orgId: org.orgId, resourceId: withdrawn.invite.id, action: "invite.revoke" },
        })
      ).actorLabel,
    ).toBe(org.users.admin.email);
  });

  it("refuses to invite a current member or someone with a pending invite", async () => {
    expect(
      (await org.as.admin.post("/v1/invites", { email: org.users.viewer.email, name: "V", role: "viewer" }))
        .status,
    ).toBe(409);
    const email = uniqueEmail("twice");
    expect((await org.as.admin.post("/v1/invites", { email, name: "T", role: "viewer" })).status).toBe(201);
    const dup = await org.as.admin.post("/v1/invites", { email, name: "T", role: "viewer" });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain("pending invite");
  });

  it("accepts a link once even when two requests race", async () => {
    const created = (
      await org.as.admin.post("/v1/invites", { email: uniqueEmail("race"), name: "Race", role: "viewer" })
    ).body;
    const results = await Promise.all(
      [1, 2].map(() =>
        anon().post("/v1/invites/accept", { token: created.token, password: "race-password-1" }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("lets only admins see, create or revoke invites", async () => {
    const created = (
      await org.as.admin.post("/v1/invites", { email: uniqueEmail("perm"), name: "P", role: "viewer" })
    ).body;
    for (const role of ["manager", "finance", "viewer"] as const) {
      expect((await org.as[role].get("/v1/invites")).status).toBe(403);
      expect(
        (await org.as[role].post("/v1/invites", { email: uniqueEmail(role), name: "X", role: "viewer" }))
          .status,
      ).toBe(403);
      expect((await org.as[role].delete(`/v1/invites/${created.invite.id}`)).status).toBe(403);
    }
  });

  it("answers 404 to another org's invites", async () => {
    const theirs = (
      await other.as.admin.post("/v1/invites", { email: uniqueEmail("theirs"), name: "T", role: "viewer" })
    ).body;
    expect((await org.as.admin.delete(`/v1/invites/${theirs.invite.id}`)).status).toBe(404);
    expect((await org.as.admin.get("/v1/invites")).body.items.map((i: { id: string }) => i.id)).not.toContain(
      theirs.invite.id,
    );
  });
});
