import { ZApiToken, ZApiTokenList, ZApiTokenWithSecret, ZMe } from "@kt/contract";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";

describe("API tokens", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "a"), createOrg(api, "b")]);
  });
  afterAll(() => api?.close());

  it("creates a token whose secret is shown once, stored only as a SHA-256 hash, and works as a Bearer", async () => {
    const res = await org.as.admin.post("/v1/api-tokens", { name: "CI deploy" });
    expect(res.status).toBe(201);
    const created = ZApiTokenWithSecret.strict().parse(res.body);
    expect(created).toMatchObject({
      name: "CI deploy",
      role: "admin",
      status: "active",
      expiresAt: null,
      lastUsedAt: null,
    });
    expect(created.secret).toMatch(/^kt_api_[A-Za-z0-9_-]{43}$/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    expect(created.createdBy).toEqual({
      userId: org.users.admin.id,
      email: org.users.admin.email,
      name: expect.any(String),
    });

    const row = await api.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretHash).toBe(createHash("sha256").update(created.secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.secret);

    const me = await client(api.url, created.secret).get("/v1/me");
    expect(me.status).toBe(200);
    expect(ZMe.parse(me.body)).toMatchObject({ via: "api_token", role: "admin", org: { id: org.orgId } });
    // Neither the list nor a read ever shows the secret again; last use is recorded.
    const listed = ZApiTokenList.strict()
      .parse((await org.as.admin.get("/v1/api-tokens")).body)
      .items.find((t) => t.id === created.id)!;
    expect(listed).not.toHaveProperty("secret");
    expect(listed.lastUsedAt).not.toBeNull();
    const audit = await api.db.auditEntry.findFirstOrThrow({
      where: { orgId: org.orgId, resourceId: created.id },
    });
    expect(audit.action).toBe("api_token.create");
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it("carries a narrower role when asked, and refuses a wider one with 403", async () => {
    const viewerToken = (await org.as.admin.post("/v1/api-tokens", { name: "read only", role: "viewer" }))
      .body;
    expect(viewerToken.role).toBe("viewer");
    const asToken = client(api.url, viewerToken.secret);
    expect((await asToken.get("/v1/teams")).status).toBe(200);
    const forbidden = await asToken.post("/v1/teams", { name: "nope" });
    expect(forbidden.status).toBe(403);

    const wider = await org.as.finance.post("/v1/api-tokens", { name: "escalate", role: "admin" });
    expect(wider.status).toBe(403);
    expect(wider.body.error.message).toContain("cannot carry more than your own role");
    // finance and manager are not comparable: neither may mint the other.
    expect((await org.as.manager.post("/v1/api-tokens", { name: "sideways", role: "finance" })).status).toBe(
      403,
    );
    expect((await org.as.viewer.post("/v1/api-tokens", { name: "viewer cannot" })).status).toBe(403);
  });

  it("never grants more than the creator has now", async () => {
    const solo = await createOrg(api, "demote");
    await solo.as.admin.patch(`/v1/members/${solo.users.manager.id}`, { role: "admin" });
    const managerAsAdmin = client(
      api.url,
      (
        await client(api.url).post("/v1/auth/login", {
          email: solo.users.manager.email,
          password: "correct-horse-battery",
        })
      ).body.token,
    );
    const token = (await managerAsAdmin.post("/v1/api-tokens", { name: "admin token" })).body;
    expect(token.role).toBe("admin");
    await solo.as.admin.patch(`/v1/members/${solo.users.manager.id}`, { role: "viewer" });
    const me = await client(api.url, token.secret).get("/v1/me");
    expect(me.body.role).toBe("viewer");
    expect((await client(api.url, token.secret).post("/v1/teams", { name: "x" })).status).toBe(403);
  });

  it("revokes a token: it answers 401 at once, stays listed under status=all, and a second revoke is harmless", async () => {
    const token = (await org.as.manager.post("/v1/api-tokens", { name: "short lived" })).body;
    expect((await client(api.url, token.secret).get("/v1/me")).status).toBe(200);
    const revoked = await org.as.manager.delete(`/v1/api-tokens/${token.id}`);
    expect(revoked.status).toBe(200);
    expect(ZApiToken.strict().parse(revoked.body)).toMatchObject({
      status: "revoked",
      revokedAt: expect.any(String),
    });
    const denied = await client(api.url, token.secret).get("/v1/me");
    expect(denied.status).toBe(401);
    expect(denied.body.error.message).toBe("API token is invalid or revoked");

    expect((await org.as.manager.delete(`/v1/api-tokens/${token.id}`)).status).toBe(200);
    const actions = (
      await api.db.auditEntry.findMany({
        where: { orgId: org.orgId, resourceId: token.id },
        orderBy: { seq: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["api_token.create", "api_token.revoke"]);
    expect(
      (await org.as.manager.get("/v1/api-tokens")).body.items.map((t: { id: string }) => t.id),
    ).not.toContain(token.id);
    expect(
      (await org.as.manager.get("/v1/api-tokens?status=all")).body.items.map((t: { id: string }) => t.id),
    ).toContain(token.id);
  });

  it("expires: an expired token answers 401 saying so; a past expiry is refused at creation", async () => {
    const token = (
      await org.as.admin.post("/v1/api-tokens", {
        name: "expiring",
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      })
    ).body;
    expect(token.expiresAt).not.toBeNull();
    expect((await client(api.url, token.secret).get("/v1/me")).status).toBe(200);
    // Time travel by moving the expiry into the past, as the clock would.
    await api.db.apiToken.update({
      where: { id: token.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await client(api.url, token.secret).get("/v1/me");
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe("API token has expired");
    expect((await org.as.admin.get(`/v1/api-tokens/${token.id}`)).body.status).toBe("expired");

    const past = await org.as.admin.post("/v1/api-tokens", {
      name: "past",
      expiresAt: "2020-01-01T00:00:00Z",
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details.issues[0]).toEqual({
      path: "request.expiresAt",
      message: "must be in the future",
    });
  });

  it("shows admins every token and everyone else only their own", async () => {
    const mine = (await org.as.finance.post("/v1/api-tokens", { name: "finance export bot" })).body;
    const adminView = (await org.as.admin.get("/v1/api-tokens")).body.items.map((t: { id: string }) => t.id);
    expect(adminView).toContain(mine.id);
    const viewerView = await org.as.viewer.get("/v1/api-tokens");
    expect(viewerView.status).toBe(200);
    expect(viewerView.body.items).toEqual([]);
    expect((await org.as.manager.get(`/v1/api-tokens/${mine.id}`)).status).toBe(404);
    expect((await org.as.manager.delete(`/v1/api-tokens/${mine.id}`)).status).toBe(404);
    expect((await org.as.admin.delete(`/v1/api-tokens/${mine.id}`)).status).toBe(200);
  });

  it("answers 404 to another org's tokens, exactly as to a missing one", async () => {
    const theirs = (await other.as.admin.post("/v1/api-tokens", { name: "theirs" })).body;
    expect((await org.as.admin.get(`/v1/api-tokens/${theirs.id}`)).status).toBe(404);
    expect((await org.as.admin.delete(`/v1/api-tokens/${theirs.id}`)).status).toBe(404);
    expect((await org.as.admin.get(`/v1/api-tokens/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await client(api.url, theirs.secret).get("/v1/me")).status).toBe(200);
  });
});
