import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKt, tempConfigDir } from "../../../test/cli";
import { freePort } from "../../../test/net";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { DEMO_YAML, policyYaml } from "../../gateways/__tests__/control-plane.fixtures";

const dir = mkdtempSync(join(tmpdir(), "kt-policy-cli-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Each step spawns the CLI from its sources (a few seconds on a busy 2-core machine): a budget, not an assertion.
describe("kt policy push / pull / lint", { timeout: 180_000 }, () => {
  let api: TestApi;
  let org: TestOrg;
  let env: Record<string, string>;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "cli-policy");
    const token = (await org.as.admin.post("/v1/api-tokens", { name: "ci" })).body.secret;
    env = { KT_API_URL: api.url, KT_API_TOKEN: token, KT_CONFIG_DIR: tempConfigDir() };
  });
  afterAll(() => api?.close());

  it("push creates the config named after the file, then adds versions with message and commit", async () => {
    const path = file("team-policy.yaml", policyYaml(100));
    const first = await runKt(["policy", "push", "--file", path, "--message", "first"], env);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/^team-policy: pushed version 1 \(content [0-9a-f]{12}\)$/m);
    writeFileSync(path, policyYaml(250));
    const second = await runKt(["policy", "push", "--file", path, "--message", "raise budget", "--commit", "0123abcd"], env);
    expect(second.stdout).toContain("team-policy: pushed version 2");
    expect(second.stdout).toContain("commit 0123abcd");
    const unchanged = await runKt(["policy", "push", "--file", path, "--message", "again"], { ...env, GITHUB_SHA: "fedcba98" });
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain("team-policy: unchanged, version 2 already has exactly this YAML");
    const versions = (await org.as.admin.get(`/v1/policy-configs/${(await org.as.admin.get("/v1/policy-configs?name=team-policy")).body.items[0].id}/versions`)).body.items;
    expect(versions.map((v: any) => [v.number, v.message, v.commitSha])).toEqual([
      [2, "raise budget", "0123abcd"],
      [1, "first", null],
    ]);
  });

  it("push takes the commit from $GITHUB_SHA and the name from pack.name or --config, and prints JSON with --json", async () => {
    const path = file("whatever.yaml", DEMO_YAML);
    const res = await runKt(["policy", "push", "--file", path, "--message", "ci deploy", "--json"], { ...env, GITHUB_SHA: "abcdef1234567" });
    expect(res.code).toBe(0);
    const body = JSON.parse(res.stdout);
    expect(body.config).toMatchObject({ name: "demo-team-policy", current: { number: 1, commitSha: "abcdef1234567" } });
    const named = await runKt(["policy", "push", "--file", path, "--message", "copy", "--config", "copy-of-demo"], env);
    expect(named.stdout).toContain("copy-of-demo: pushed version 1");
  });

  it("push refuses a file with errors, printing file:line:col, and saves nothing", async () => {
    const path = file("broken.yaml", "policies:\n  - name: b\n    type: cost_limit\n    monthly_limit: -1\n");
    const res = await runKt(["policy", "push", "--file", path, "--message", "x"], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`${path}:4:20 error negative-limit`);
    expect(res.stderr).toContain("not pushed");
    expect((await org.as.admin.get("/v1/policy-configs?name=broken")).body.items).toEqual([]);
  });

  it("pull writes the version in force, or an older one, to a file or standard output", async () => {
    const path = file("pull-me.yaml", policyYaml(1));
    await runKt(["policy", "push", "--file", path, "--message", "v1"], env);
    writeFileSync(path, policyYaml(2));
    await runKt(["policy", "push", "--file", path, "--message", "v2"], env);
    const out = join(dir, "pulled.yaml");
    const res = await runKt(["policy", "pull", "--config", "pull-me", "--output", out], env);
    expect(res.stdout).toContain(`wrote version 2 (v2) to ${out}`);
    expect(readFileSync(out, "utf8")).toBe(policyYaml(2));
    const older = await runKt(["policy", "pull", "--config", "pull-me", "--at-version", "1"], env);
    expect(older.stdout).toBe(policyYaml(1));
    const missing = await runKt(["policy", "pull", "--config", "no-such-config"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No policy config named "no-such-config"');
  });

  it("pull without --config takes the org's only config, and asks to choose when there are several", async () => {
    const solo = await createOrg(api, "cli-solo");
    const token = (await solo.as.admin.post("/v1/api-tokens", { name: "ci" })).body.secret;
    const soloEnv = { ...env, KT_API_TOKEN: token };
    const none = await runKt(["policy", "pull"], soloEnv);
    expect(none.stderr).toContain("no policy config yet");
    await runKt(["policy", "push", "--file", file("only.yaml", policyYaml(7)), "--message", "only"], soloEnv);
    expect((await runKt(["policy", "pull"], soloEnv)).stdout).toBe(policyYaml(7));
    await runKt(["policy", "push", "--file", file("second.yaml", policyYaml(8)), "--message", "second"], soloEnv);
    const several = await runKt(["policy", "pull"], soloEnv);
    expect(several.code).toBe(1);
    expect(several.stderr).toContain("pick one with --config: only, second");
  });

  it("push and pull need a token; lint needs no API at all", async () => {
    const path = file("lint-me.yaml", "policies:\n  - name: x\n    type: pii-detektor\n");
    const noToken = await runKt(["policy", "pull"], { KT_API_URL: api.url, KT_CONFIG_DIR: tempConfigDir() });
    expect(noToken.stderr).toContain("Not logged in");
    const offline = { KT_API_URL: `http://127.0.0.1:${await freePort()}`, KT_CONFIG_DIR: tempConfigDir() };
    const lint = await runKt(["policy", "lint", "--file", path], offline);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(new RegExp(`^${path}:3:11 error unknown-policy-type`, "m"));
  });
});
