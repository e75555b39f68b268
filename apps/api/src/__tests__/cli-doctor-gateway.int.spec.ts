import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKt, tempConfigDir } from "../test/cli";
import { createOrg, startApi, type TestApi, type TestOrg } from "../test/harness";
import { seedTestDemoGateway, startManagedGateway, type ManagedGatewayProcess } from "../test/managed-gateway";
import type { DemoGatewaySeed } from "../modules/gateways/demo-gateway.seed";

type DoctorReport = {
  ok: boolean;
  checks: { name: string; status: string; message: string; hint?: string }[];
};

describe("kt doctor with a running gateway", { timeout: 120_000 }, () => {
  let api: TestApi;
  let org: TestOrg;
  let seed: DemoGatewaySeed;
  let gateway: ManagedGatewayProcess;
  let env: Record<string, string>;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "doctor-gw");
    const team = (await org.as.admin.post("/v1/teams", { name: "Platform" })).body;
    seed = await seedTestDemoGateway(api, org, team.id);
    gateway = await startManagedGateway(api.url, seed.credential);
    const token = (await org.as.admin.post("/v1/api-tokens", { name: "doctor" })).body.secret;
    env = { KT_API_URL: api.url, KT_API_TOKEN: token, KT_CONFIG_DIR: tempConfigDir() };
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await api?.close();
  });

  const doctor = async (args: string[], extra: Record<string, string> = {}) => {
    const res = await runKt(["doctor", "--json", ...args], { ...env, ...extra });
    return { code: res.code, report: JSON.parse(res.stdout) as DoctorReport };
  };
  const check = (report: DoctorReport, name: string) => report.checks.find((c) => c.name === name);

  it("passes with the gateway registered and heartbeating, probed at its URL with a valid key", async () => {
    const { code, report } = await doctor(["--gateway-url", `${gateway.url}/v1`], {
      KT_GATEWAY_KEY: seed.key.secret,
    });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(code).toBe(0);
    expect(check(report, "gateways")!.message).toBe("1 of 1 healthy");
    expect(check(report, "gateway")!.message).toMatch(/config v\d+, up \d+ s/);
    expect(check(report, "gateway-key")!.message).toContain("gpt-4o-mini");
  });

  it("fails the key check with the gateway's own reason when the key is not valid", async () => {
    const { code, report } = await doctor(["--gateway-url", gateway.url, "--gateway-key", "kt_gk_not-a-key"]);
    expect(code).toBe(1);
    expect(report.checks.filter((c) => c.status === "fail").map((c) => c.name)).toEqual(["gateway-key"]);
    expect(check(report, "gateway-key")!.hint).toContain("Gateway keys");
  });

  it("names a gateway that stopped phoning home, and an unreachable gateway URL", async () => {
    await gateway.stop();
    // Its last heartbeat as the control plane would see it five minutes after the process died.
    await api.db.gateway.update({
      where: { id: seed.id },
      data: { lastHeartbeatAt: new Date(Date.now() - 5 * 60_000) },
    });
    const { code, report } = await doctor(["--gateway-url", gateway.url], {
      KT_GATEWAY_KEY: seed.key.secret,
    });
    expect(code).toBe(1);
    expect(report.checks.filter((c) => c.status === "fail").map((c) => c.name)).toEqual([
      "gateways",
      "gateway",
    ]);
    expect(check(report, "gateways")!.message).toMatch(/^demo-gateway down, last heartbeat 5 min ago/);
    expect(check(report, "gateway")!.message).toContain("ECONNREFUSED");
    expect(check(report, "gateway-key")!.status).toBe("skip");
  });

  it("refuses --gateway-key without a gateway URL", async () => {
    const res = await runKt(["doctor", "--gateway-key", "kt_gk_x"], env);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain("--gateway-key needs --gateway-url");
  });
});
