import { ZTeamDetail, ZTeamList } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";

describe("teams", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "a"), createOrg(api, "b")]);
  });
  afterAll(() => api?.close());

  it("creates, renames, archives and restores a team, auditing each change", async () => {
    const created = await org.as.admin.post("/v1/teams", { name: "Platform" });
    expect(created.status).toBe(201);
    const team = ZTeamDetail.parse(created.body);
    const renamed = await org.as.admin.patch(`/v1/teams/${team.id}`, { name: "Platform Eng" });
    expect(renamed.body.name).toBe("Platform Eng");
    const archived = await org.as.admin.patch(`/v1/teams/${team.id}`, { archived: true });
    expect(archived.body.archived).toBe(true);
    expect((await org.as.viewer.get("/v1/teams")).body.items.map((t: any) => t.id)).not.toContain(team.id);
    expect(ZTeamList.parse((await org.as.viewer.get("/v1/teams?archived=true")).body).items.map((t) => t.id)).toContain(team.id);
    await org.as.admin.patch(`/v1/teams/${team.id}`, { archived: false });
    const actions = (await api.db.auditEntry.findMany({ where: { orgId: org.orgId, resourceId: team.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["team.create", "team.rename", "team.archive", "team.unarchive"]);
  });

  it("adds and removes members, and refuses duplicates and strangers", async () => {
    const team = (await org.as.admin.post("/v1/teams", { name: "Data" })).body;
    const added = await org.as.admin.post(`/v1/teams/${team.id}/members`, { userId: org.users.manager.id });
    expect(added.status).toBe(201);
    expect(added.body.members).toEqual([expect.objectContaining({ userId: org.users.manager.id, role: "manager" })]);
    expect((await org.as.admin.post(`/v1/teams/${team.id}/members`, { userId: org.users.manager.id })).status).toBe(409);
    // A user of another org is "not found" here.
    expect((await org.as.admin.post(`/v1/teams/${team.id}/members`, { userId: other.users.viewer.id })).status).toBe(404);
    const removed = await org.as.admin.delete(`/v1/teams/${team.id}/members/${org.users.manager.id}`);
    expect(removed.body.members).toEqual([]);
    expect((await org.as.admin.delete(`/v1/teams/${team.id}/members/${org.users.manager.id}`)).status).toBe(404);
  });

  it("refuses a duplicate name with 409 and a bad body with a 400 naming the field", async () => {
    await org.as.admin.post("/v1/teams", { name: "Dup" });
    expect((await org.as.admin.post("/v1/teams", { name: "Dup" })).status).toBe(409);
    const bad = await org.as.admin.post("/v1/teams", { name: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe("request.name");
  });

  it("lets only admins change teams", async () => {
    for (const role of ["manager", "finance", "viewer"] as const) {
      expect((await org.as[role].post("/v1/teams", { name: `By ${role}` })).status).toBe(403);
    }
  });

  it("answers 404 to another org's team ids, exactly as to a missing one", async () => {
    const theirs = (await other.as.admin.post("/v1/teams", { name: "Secret" })).body;
    expect((await org.as.admin.get(`/v1/teams/${theirs.id}`)).status).toBe(404);
    expect((await org.as.admin.patch(`/v1/teams/${theirs.id}`, { name: "Mine" })).status).toBe(404);
    expect((await org.as.admin.post(`/v1/teams/${theirs.id}/members`, { userId: org.users.viewer.id })).status).toBe(404);
    expect((await org.as.admin.get(`/v1/teams/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await other.as.admin.get(`/v1/teams/${theirs.id}`)).body.name).toBe("Secret");
  });
});
