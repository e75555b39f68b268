import { ZMember, ZMemberList } from "@kt/contract";
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

describe("members", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "a"), createOrg(api, "b")]);
  });
  afterAll(() => api?.close());

  const auditActions = async (orgId: string, resourceId: string) =>
    (await api.db.auditEntry.findMany({ where: { orgId, resourceId }, orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );

  it("lists members with their roles for every role, and reads one", async () => {
    const list = await org.as.viewer.get("/v1/members");
    expect(list.status).toBe(200);
    const items = ZMemberList.strict().parse(list.body).items;
    expect(items.map((m) => m.role).sort()).toEqual(["admin", "finance", "manager", "viewer"]);
    const one = await org.as.finance.get(`/v1/members/${org.users.manager.id}`);
    expect(ZMember.strict().parse(one.body)).toMatchObject({
      email: org.users.manager.email,
      role: "manager",
      teamIds: [],
    });
  });

  it("adds a member with an initial password, who can then log in; the password is never audited", async () => {
    const email = uniqueEmail("new");
    const res = await org.as.admin.post("/v1/members", {
      email,
      name: "New Person",
      role: "finance",
      password: "initial-password-1",
    });
    expect(res.status).toBe(201);
    const member = ZMember.strict().parse(res.body);
    expect(member).toMatchObject({ email, role: "finance" });
    const login = await client(api.url).post("/v1/auth/login", { email, password: "initial-password-1" });
    expect(login.status).toBe(200);
    expect(login.body.org.id).toBe(org.orgId);

    const entry = await api.db.auditEntry.findFirstOrThrow({
      where: { orgId: org.orgId, resourceId: member.userId, action: "member.add" },
    });
    expect(entry.actorLabel).toBe(org.users.admin.email);
    expect(JSON.stringify(entry)).not.toContain("initial-password-1");
    // An email that already has an account is invited instead.
    const again = await org.as.admin.post("/v1/members", {
      email: other.users.viewer.email,
      name: "X",
      role: "viewer",
      password: "initial-password-1",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("invite");
  });

  it("changes roles, which apply to the member's next request", async () => {
    const email = uniqueEmail("promote");
    const added = (
      await org.as.admin.post("/v1/members", { email, name: "P", role: "viewer", password: TEST_PASSWORD })
    ).body;
    const session = (await client(api.url).post("/v1/auth/login", { email, password: TEST_PASSWORD })).body;
    const them = client(api.url, session.token);
    expect((await them.post("/v1/teams", { name: `T ${email}` })).status).toBe(403);

    const changed = await org.as.admin.patch(`/v1/members/${added.userId}`, { role: "admin" });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe("admin");
    expect((await them.post("/v1/teams", { name: `T ${email}` })).status).toBe(201);
    expect(await auditActions(org.orgId, added.userId)).toEqual(["member.add", "member.role.change"]);
  });

  it("never demotes or removes the last admin", async () => {
    const solo = await createOrg(api, "solo");
    const demote = await solo.as.admin.patch(`/v1/members/${solo.users.admin.id}`, { role: "viewer" });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/at least one admin/);
    expect((await solo.as.admin.delete(`/v1/members/${solo.users.admin.id}`)).status).toBe(409);

    // With a second admin, one may step down; then the other is the last one.
    await solo.as.admin.patch(`/v1/members/${solo.users.manager.id}`, { role: "admin" });
    expect((await solo.as.admin.patch(`/v1/members/${solo.users.admin.id}`, { role: "viewer" })).status).toBe(
      200,
    );
    const managerSession = (
      await client(api.url).post("/v1/auth/login", {
        email: solo.users.manager.email,
        password: TEST_PASSWORD,
      })
    ).body;
    expect(
      (await client(api.url, managerSession.token).delete(`/v1/members/${solo.users.manager.id}`)).status,
    ).toBe(409);
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const race = await createOrg(api, "race");
    await race.as.admin.patch(`/v1/members/${race.users.manager.id}`, { role: "admin" });
    const second = client(
      api.url,
      (
        await client(api.url).post("/v1/auth/login", {
          email: race.users.manager.email,
          password: TEST_PASSWORD,
        })
      ).body.token,
    );
    const results = await Promise.all([
      race.as.admin.patch(`/v1/members/${race.users.manager.id}`, { role: "viewer" }),
      second.patch(`/v1/members/${race.users.admin.id}`, { role: "viewer" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await api.db.membership.count({ where: { orgId: race.orgId, role: "admin" } })).toBe(1);
  });

  it("removes a member: their session stops, they leave their teams, and their API tokens are revoked", async () => {
    const target = await createOrg(api, "rm");
    const team = (await target.as.admin.post("/v1/teams", { name: "Core" })).body;
    await target.as.admin.post(`/v1/teams/${team.id}/members`, { userId: target.users.finance.id });
    const token = (await target.as.finance.post("/v1/api-tokens", { name: "ci" })).body;
    expect((await target.as.finance.get("/v1/me")).status).toBe(200);

    const removed = await target.as.admin.delete(`/v1/members/${target.users.finance.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ email: target.users.finance.email, teamIds: [team.id] });
    expect((await target.as.finance.get("/v1/me")).status).toBe(401);
    expect((await client(api.url, token.secret).get("/v1/me")).status).toBe(401);
    expect((await target.as.admin.get(`/v1/teams/${team.id}`)).body.members).toEqual([]);
    expect((await target.as.admin.get(`/v1/api-tokens/${token.id}`)).body.status).toBe("revoked");
    expect((await target.as.admin.get(`/v1/members/${target.users.finance.id}`)).status).toBe(404);
    const entry = await api.db.auditEntry.findFirstOrThrow({
      where: { orgId: target.orgId, action: "member.remove" },
    });
    expect(entry.after).toEqual({ apiTokensRevoked: 1 });
  });

  it("lets only admins add, change or remove members", async () => {
    for (const role of ["manager", "finance", "viewer"] as const) {
      const as = org.as[role];
      expect(
        (
          await as.post("/v1/members", {
            email: uniqueEmail(role),
            name: "X",
            role: "viewer",
            password: TEST_PASSWORD,
          })
        ).status,
      ).toBe(403);
      expect((await as.patch(`/v1/members/${org.users.viewer.id}`, { role: "admin" })).status).toBe(403);
      expect((await as.delete(`/v1/members/${org.users.viewer.id}`)).status).toBe(403);
    }
  });

  it("names each bad field", async () => {
    const bad = await org.as.admin.post("/v1/members", {
      email: "nope",
      name: "",
      role: "owner",
      password: "short",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "request.email",
      "request.name",
      "request.password",
      "request.role",
    ]);
  });

  it("answers 404 to another org's members, exactly as to a missing one", async () => {
    const theirs = other.users.viewer.id;
    expect((await org.as.admin.get(`/v1/members/${theirs}`)).status).toBe(404);
    expect((await org.as.admin.patch(`/v1/members/${theirs}`, { role: "admin" })).status).toBe(404);
    expect((await org.as.admin.delete(`/v1/members/${theirs}`)).status).toBe(404);
    expect((await other.as.admin.get(`/v1/members/${theirs}`)).body.role).toBe("viewer");
  });
});
