import { ZAuditVerifyResult, ZGatewaySyncResponse } from "@kt/contract";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { AuditService, type AuditActor } from "../../audit/audit.service";
import { seedDemoGateway } from "../demo-gateway.seed";
import { createTeam, gatewayClient } from "./control-plane.fixtures";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("demo seed: managed gateway", () => {
  let api: TestApi;
  let org: TestOrg;
  let input: Parameters<typeof seedDemoGateway>[1];
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "demo-seed");
    const team = await createTeam(org, "Platform");
    const actor: AuditActor = { orgId: org.orgId, userId: "", actorLabel: "system (demo seed)", via: "jwt", requestId: "", ip: "" };
    input = { orgId: org.orgId, teamId: team.id, createdById: org.users.admin.id, actor, audit: new AuditService() };
  });
  afterAll(() => api?.close());

  it("registers demo-gateway running the demo team policy, with a key the sync serves", async () => {
    const seed = await seedDemoGateway(api.db, input);
    expect(seed.credential).toMatch(/^kt_gw_/);
    expect(seed.key.secret).toMatch(/^kt_gk_/);
    const res = await gatewayClient(api, seed.credential).sync();
    const sync = ZGatewaySyncResponse.parse(await res.json());
    expect(sync.config!.name).toBe("demo-team-policy");
    expect(sync.config!.providers).toEqual([expect.objectContaining({ id: "demo", provider: "demo" })]);
    expect(sync.config!.policies.map((p) => p.type).sort()).toEqual(
      ["content-filter", "cost_limit", "model-allowlist", "pii-detector", "prompt-injection", "quality-scorer"].sort(),
    );
    expect(sync.keys.map((k) => k.secretHash)).toEqual([sha256(seed.key.secret)]);
  });

  it("is idempotent: one config version, the same gateway, a fresh credential and key each run", async () => {
    const first = await seedDemoGateway(api.db, input);
    const second = await seedDemoGateway(api.db, input);
    expect(second.id).toBe(first.id);
    expect(second.policyConfig).toEqual({ ...first.policyConfig, version: 1 });
    expect((await gatewayClient(api, first.credential).sync()).status).toBe(401);
    const sync = ZGatewaySyncResponse.parse(await (await gatewayClient(api, second.credential).sync()).json());
    const live = sync.keys.filter((k) => k.revokedAt === null).map((k) => k.secretHash);
    expect(live).toEqual([sha256(second.key.secret)]);
    const verify = ZAuditVerifyResult.parse((await org.as.admin.get("/v1/audit-log/verify")).body);
    expect(verify.ok).toBe(true);
  });
});
