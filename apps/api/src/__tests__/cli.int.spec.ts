import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKt, tempConfigDir } from "../test/cli";
import { freePort } from "../test/net";
import { createOrg, startApi, type TestApi, type TestOrg } from "../test/harness";
import { startOwnRedis, type OwnRedis } from "../test/redis-server";

type DoctorReport = {
  ok: boolean;
  checks: { name: string; status: string; message: string; hint?: string }[];
};

describe("kt CLI against a running API", () => {
  let api: TestApi;
  let org: TestOrg;
  let token: string;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "cli");
    token = (await org.as.admin.post("/v1/api-tokens", { name: "kt CLI" })).body.secret;
  });
  afterAll(() => api?.close());

  it("kt doctor passes every check against a healthy stack", async () => {
    const res = await runKt(["doctor"], {
      KT_API_URL: api.url,
      KT_API_TOKEN: token,
      KT_CONFIG_DIR: tempConfigDir(),
    });
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    for (const name of ["api", "credentials", "postgres", "redis", "migrations", "clock", "gateways"]) {
      expect(res.stdout).toMatch(new RegExp(`^✓ ${name}\\s`, "m"));
    }
    expect(res.stdout).toContain("All checks passed.");
  });

  it("kt doctor --json reports each check, and a bad token fails the credentials check with a hint", async () => {
    const res = await runKt(["doctor", "--json"], {
      KT_API_URL: api.url,
      KT_API_TOKEN: "not-a-real-token",
      KT_CONFIG_DIR: tempConfigDir(),
    });
    expect(res.code).toBe(1);
    const report: DoctorReport = JSON.parse(res.stdout);
    expect(report.ok).toBe(false);
    const credentials = report.checks.find((c) => c.name === "credentials")!;
    expect(credentials).toMatchObject({
      status: "fail",
      message: expect.stringContaining("Invalid or expired token"),
    });
    expect(credentials.hint).toContain("kt login");
    expect(report.checks.filter((c) => c.status === "fail").map((c) => c.name)).toEqual(["credentials"]);
  });

  it("kt doctor names the API as unreachable and skips the rest", async () => {
    const port = await freePort();
    const res = await runKt(["doctor"], {
      KT_API_URL: `http://127.0.0.1:${port}`,
      KT_API_TOKEN: token,
      KT_CONFIG_DIR: tempConfigDir(),
    });
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(
      new RegExp(
        `^✗ api\\s+cannot reach http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\s+→ fix: start the API`,
        "m",
      ),
    );
    expect(res.stdout).toMatch(/^- redis\s+skipped/m);
  });

  it("kt login checks the token, stores it with 0600 permissions, and kt whoami uses it", async () => {
    const dir = tempConfigDir();
    const login = await runKt(["login", "--api-url", `${api.url}/v1`, "--token", token], {
      KT_CONFIG_DIR: dir,
    });
    expect(login.stderr).toBe("");
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`as ${org.users.admin.email} (admin)`);
    const file = join(dir, "config.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const who = await runKt(["whoami", "--json"], { KT_CONFIG_DIR: dir });
    expect(who.code).toBe(0);
    expect(JSON.parse(who.stdout)).toMatchObject({
      apiUrl: api.url,
      user: { email: org.users.admin.email },
      role: "admin",
      org: { id: org.orgId },
    });

    // KT_API_TOKEN overrides the stored token.
    const asViewer = await runKt(["whoami", "--json"], {
      KT_CONFIG_DIR: dir,
      KT_API_TOKEN: org.as.viewer.token,
    });
    expect(JSON.parse(asViewer.stdout)).toMatchObject({
      role: "viewer",
      user: { email: org.users.viewer.email },
    });
  });

  it("kt login refuses a bad token and prints the API's error as the API wrote it", async () => {
    const dir = tempConfigDir();
    const human = await runKt(["login", "--api-url", api.url, "--token", "kt_api_nope"], {
      KT_CONFIG_DIR: dir,
    });
    expect(human.code).toBe(1);
    expect(human.stderr).toBe("error: API token is invalid or revoked (unauthenticated, HTTP 401)\n");
    const json = await runKt(["login", "--api-url", api.url, "--token", "kt_api_nope", "--json"], {
      KT_CONFIG_DIR: dir,
    });
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: "unauthenticated", message: "API token is invalid or revoked" },
    });
    expect(() => statSync(join(dir, "config.json"))).toThrow();
  });
});

describe("kt doctor with Redis stopped", () => {
  let redis: OwnRedis;
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    redis = await startOwnRedis();
    api = await startApi({ REDIS_URL: redis.url });
    token = (await createOrg(api, "cli-redis")).session.token;
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it("passes while its Redis runs, then names Redis and exits non-zero once it is stopped", async () => {
    const env = { KT_API_URL: api.url, KT_API_TOKEN: token, KT_CONFIG_DIR: tempConfigDir() };
    const before = await runKt(["doctor"], env);
    expect(before.code).toBe(0);

    await redis.stop();
    const after = await runKt(["doctor", "--json"], env);
    expect(after.code).toBe(1);
    const report: DoctorReport = JSON.parse(after.stdout);
    expect(report.checks.filter((c) => c.status === "fail").map((c) => c.name)).toEqual(["redis"]);
    expect(report.checks.find((c) => c.name === "redis")!.hint).toMatch(/Redis is running/);

    const human = await runKt(["doctor"], env);
    expect(human.stdout).toMatch(/^✗ redis\s+.+→ fix: check REDIS_URL and that Redis is running/m);
    expect(human.stdout).toContain("1 check(s) failed: redis");
  });
});
