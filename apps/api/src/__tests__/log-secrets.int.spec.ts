import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createOrg, startApi, type TestApi } from "../test/harness";

/**
 * Runs the API at trace level with its log lines captured, exercises every route that carries a
 * secret (passwords, JWTs, API tokens, invite tokens, gateway credentials), then searches the logs.
 */
describe("logs", () => {
  let api: TestApi;
  const lines: string[] = [];
  const secrets = new Map<string, string>();
  const logDestination = { write: (line: string) => void lines.push(line) };

  beforeAll(async () => {
    api = await startApi({ LOG_LEVEL: "trace" }, { logDestination });
    const anon = client(api.url);
    const signupPassword = "signup-password-Zq81x";
    const signup = await anon.post("/v1/auth/signup", {
      orgName: "Log Org",
      name: "Lou",
      email: `lou-${Date.now()}@example.test`,
      password: signupPassword,
    });
    secrets.set("signup password", signupPassword).set("session JWT", signup.body.token);
    const admin = client(api.url, signup.body.token);

    await anon.post("/v1/auth/login", { email: signup.body.user.email, password: "wrong-password-Kp02" });
    secrets.set("wrong password", "wrong-password-Kp02");
    const login = await anon.post("/v1/auth/login", {
      email: signup.body.user.email,
      password: signupPassword,
    });
    secrets.set("login JWT", login.body.token);

    const token = await admin.post("/v1/api-tokens", { name: "ci" });
    secrets.set("API token", token.body.secret);
    const asToken = client(api.url, token.body.secret);
    await asToken.get("/v1/me");
    // A secret pasted into a URL by mistake is masked too.
    await asToken.get(`/v1/me?access_token=${token.body.secret}`);
    await anon.get(`/v1/teams?token=${token.body.secret}`);

    const memberPassword = "initial-member-pw-7731";
    await admin.post("/v1/members", {
      email: `m-${Date.now()}@example.test`,
      name: "M",
      role: "viewer",
      password: memberPassword,
    });
    secrets.set("member initial password", memberPassword);

    const invite = await admin.post("/v1/invites", {
      email: `inv-${Date.now()}@example.test`,
      name: "I",
      role: "viewer",
    });
    secrets.set("invite token", invite.body.token);
    await anon.post("/v1/invites/preview", { token: invite.body.token });
    const invitePassword = "invitee-password-5520";
    await anon.post("/v1/invites/accept", { token: invite.body.token, password: invitePassword });
    secrets.set("invitee password", invitePassword);

    const gateway = await admin.post("/v1/gateways", { name: "log-gw" });
    if (gateway.body?.credential) {
      secrets.set("gateway credential", gateway.body.credential);
      await client(api.url, gateway.body.credential).post("/v1/gateway/heartbeat", { version: "test" });
    }
    // Bad input that carries a password still must not echo it.
    await anon.post("/v1/auth/signup", {
      orgName: "",
      name: "x",
      email: "not-an-email",
      password: `${signupPassword}-too-long-${"x".repeat(300)}`,
    });
    await createOrg(api, "logs");
  });
  afterAll(() => api?.close());

  it("are JSON lines, each request's carrying the id the response sent back", async () => {
    const res = await fetch(`${api.url}/v1/me`, { headers: { "x-request-id": "trace-me-123" } });
    expect(res.headers.get("x-request-id")).toBe("trace-me-123");
    await new Promise((r) => setTimeout(r, 50));
    const parsed = lines.map((l) => JSON.parse(l) as { req?: { id?: string }; level: number; time: number });
    const mine = parsed.filter((l) => l.req?.id === "trace-me-123");
    expect(mine.length).toBeGreaterThan(0);
    expect(
      parsed.filter((l) => l.req).every((l) => typeof l.req!.id === "string" && l.req!.id.length > 0),
    ).toBe(true);
  });

  it("never contain a secret", () => {
    expect(lines.length).toBeGreaterThan(20);
    const text = lines.join("");
    expect(secrets.size).toBeGreaterThanOrEqual(8);
    for (const [what, secret] of secrets) {
      expect(text.includes(secret), `${what} appears in the logs`).toBe(false);
    }
    expect(text).toContain("kt_api_[redacted]");
    expect(text).toContain('"authorization":"[redacted]"');
  });

  it("carry no warnings from start-up (such as Nest's legacy route syntax)", () => {
    const warnings = lines
      .map((l) => JSON.parse(l) as { level: number; msg?: string; context?: string })
      .filter((l) => l.level >= 40 && !("req" in l));
    expect(warnings.map((w) => `${w.context}: ${w.msg}`)).toEqual([]);
  });
});
