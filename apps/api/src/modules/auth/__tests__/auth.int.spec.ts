import { ZApiError, ZMe, ZSession } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createOrg, startApi, TEST_PASSWORD, type TestApi } from "../../../test/harness";

describe("auth", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ LOGIN_LIMIT_PER_ACCOUNT: "3", LOGIN_LIMIT_PER_IP: "1000" });
  });
  afterAll(() => api?.close());

  it("signs up an org with its first admin and returns a session", async () => {
    const res = await client(api.url).post("/v1/auth/signup", {
      orgName: "Acme Corp",
      name: "Ada Admin",
      email: "Ada@Example.test",
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(201);
    const session = ZSession.parse(res.body);
    expect(session.role).toBe("admin");
    expect(session.user.email).toBe("ada@example.test");
    const me = await client(api.url, session.token).get("/v1/me");
    expect(me.status).toBe(200);
    expect(ZMe.parse(me.body)).toMatchObject({ role: "admin", via: "jwt", org: { name: "Acme Corp" } });
    const user = await api.db.user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a second sign-up with the same email", async () => {
    const body = { orgName: "Dup", name: "Dup", email: "dup@example.test", password: TEST_PASSWORD };
    expect((await client(api.url).post("/v1/auth/signup", body)).status).toBe(201);
    const again = await client(api.url).post("/v1/auth/signup", body);
    expect(again.status).toBe(409);
    expect(ZApiError.parse(again.body).error.message).toMatch(/log in instead/);
  });

  it("logs in with the right password and answers 401 to a wrong one", async () => {
    const org = await createOrg(api);
    const ok = await client(api.url).post("/v1/auth/login", { email: org.users.viewer.email, password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ZSession.parse(ok.body).role).toBe("viewer");
    const bad = await client(api.url).post("/v1/auth/login", { email: org.users.viewer.email, password: "wrong-password" });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatchObject({ code: "unauthenticated", message: "Email or password is incorrect" });
    const unknown = await client(api.url).post("/v1/auth/login", { email: "nobody@example.test", password: "whatever-it-is" });
    expect(unknown.status).toBe(401);
  });

  it("rate-limits failed log-ins per account with 429", async () => {
    const org = await createOrg(api);
    const anon = client(api.url);
    const email = org.users.finance.email;
    for (let i = 0; i < 3; i++) {
      expect((await anon.post("/v1/auth/login", { email, password: "nope-nope-nope" })).status).toBe(401);
    }
    const limited = await anon.post("/v1/auth/login", { email, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    // Another account from the same IP is unaffected.
    expect((await anon.post("/v1/auth/login", { email: org.users.viewer.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it("answers 401 without a token, with a malformed header, or with a forged JWT", async () => {
    expect((await client(api.url).get("/v1/me")).status).toBe(401);
    expect((await client(api.url).get("/v1/me", { authorization: "Token abc" })).status).toBe(401);
    const forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwib3JnIjoieSJ9.c2lnbmF0dXJl";
    const res = await client(api.url, forged).get("/v1/me");
    expect(res.status).toBe(401);
    expect(ZApiError.parse(res.body).error.code).toBe("unauthenticated");
  });

  it("writes an audit entry for the org's creation", async () => {
    const org = await createOrg(api);
    const entries = await api.db.auditEntry.findMany({ where: { orgId: org.orgId } });
    expect(entries.map((e) => e.action)).toEqual(["org.create"]);
    expect(entries[0].seq).toBe(1);
  });
});
