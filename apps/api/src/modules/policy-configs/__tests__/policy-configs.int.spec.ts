import {
  contentHash,
  parsePolicyConfig,
  ZApiError,
  ZLintPolicyConfigResponse,
  ZPolicyConfigDetail,
  ZPolicyConfigDiff,
  ZPolicyConfigList,
  ZPolicyConfigSaveResult,
  ZPolicyConfigVersion,
  ZPolicyConfigVersionPage,
} from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createConfig, createTeam, DEMO_YAML, policyYaml, registerGateway } from "../../gateways/__tests__/control-plane.fixtures";

const BROKEN = `policies:
  - name: budget
    type: cost_limit
    monthly_limit: -5
    action: block
  - name: budget
    type: pii-detektor
    action: redact
`;

describe("policy configs", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let team: { id: string };
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "cfg-a"), createOrg(api, "cfg-b")]);
    team = await createTeam(org, "Platform", [org.users.manager.id]);
  });
  afterAll(() => api?.close());

  it("creates a config from YAML as version 1 with author, message, content hash and commit", async () => {
    const res = await org.as.admin.post("/v1/policy-configs", { name: "team-policy", yaml: DEMO_YAML, message: "first", commitSha: "abc1234" });
    expect(res.status).toBe(201);
    const { config, created, issues } = ZPolicyConfigSaveResult.parse(res.body);
    expect(created).toBe(true);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const expected = parsePolicyConfig(DEMO_YAML).config!;
    expect(config.current).toMatchObject({ number: 1, message: "first", commitSha: "abc1234", authorId: org.users.admin.id, authorLabel: org.users.admin.email, source: DEMO_YAML });
    expect(config.current.normalized).toEqual(expected);
    expect(config.current.contentHash).toBe(contentHash(expected));
    const listed = ZPolicyConfigList.parse((await org.as.viewer.get("/v1/policy-configs")).body);
    expect(listed.items.find((c) => c.id === config.id)!.currentVersion!.number).toBe(1);
    expect((await org.as.viewer.get("/v1/policy-configs?name=team-policy")).body.items.map((c: any) => c.id)).toEqual([config.id]);
    const audit = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: org.orgId, resourceId: config.id } });
    expect(audit.action).toBe("policy_config.create");
    expect((audit.after as any).version).toMatchObject({ number: 1, source: DEMO_YAML, contentHash: config.current.contentHash });
  });

  it("refuses YAML with errors: 422 listing every issue with line and column, and no version saved", async () => {
    const res = await org.as.admin.post("/v1/policy-configs", { name: "broken", yaml: BROKEN });
    expect(res.status).toBe(422);
    const err = ZApiError.parse(res.body).error;
    expect(err.code).toBe("policy_invalid");
    const issues = (err.details as any).issues as { line: number; column: number; code: string }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "negative-limit", line: 4 }),
        expect.objectContaining({ code: "duplicate-policy-name", line: 6 }),
        expect.objectContaining({ code: "unknown-policy-type", line: 7 }),
      ]),
    );
    expect(err.message).toMatch(/line 4:\d+/);
    expect((await org.as.admin.get("/v1/policy-configs?name=broken")).body.items).toEqual([]);
  });

  it("lints without saving, and publishes the JSON Schema without authentication", async () => {
    const lint = await org.as.viewer.post("/v1/policy-configs/lint", { yaml: BROKEN });
    expect(lint.status).toBe(200);
    const result = ZLintPolicyConfigResponse.parse(lint.body);
    expect(result.valid).toBe(false);
    expect(result.issues.find((i) => i.code === "unknown-policy-type")).toMatchObject({ line: 7, hint: expect.stringContaining("pii-detector") });
    const clean = ZLintPolicyConfigResponse.parse((await org.as.viewer.post("/v1/policy-configs/lint", { yaml: DEMO_YAML })).body);
    expect(clean).toMatchObject({ valid: true, contentHash: contentHash(parsePolicyConfig(DEMO_YAML).config!) });
    const syntax = ZLintPolicyConfigResponse.parse((await org.as.viewer.post("/v1/policy-configs/lint", { yaml: "policies:\n  - name: [x\n" })).body);
    expect(syntax.issues[0]).toMatchObject({ code: "yaml-syntax", severity: "error" });
    expect((await org.as.finance.post("/v1/policy-configs/lint", { yaml: DEMO_YAML })).status).toBe(403);
    const schema = await fetch(`${api.url}/v1/policy-configs/schema.json`);
    expect(schema.status).toBe(200);
    const json = await schema.json();
    expect(json).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#", $id: expect.stringContaining("policy-config") });
  });

  it("saves immutable versions, lists them newest first with paging, and skips a byte-identical save", async () => {
    const config = await createConfig(org.as.admin, { name: "versions", yaml: policyYaml(100), teamId: team.id });
    for (const limit of [200, 300]) {
      const saved = await org.as.manager.post(`/v1/policy-configs/${config.id}/versions`, { yaml: policyYaml(limit), message: `limit ${limit}` });
      expect(saved.status).toBe(201);
    }
    const same = ZPolicyConfigSaveResult.parse((await org.as.admin.post(`/v1/policy-configs/${config.id}/versions`, { yaml: policyYaml(300), message: "again" })).body);
    expect(same.created).toBe(false);
    expect(same.config.current.number).toBe(3);
    const page1 = ZPolicyConfigVersionPage.parse((await org.as.viewer.get(`/v1/policy-configs/${config.id}/versions?limit=2`)).body);
    expect(page1.items.map((v) => v.number)).toEqual([3, 2]);
    expect(page1.items[0]).toMatchObject({ message: "limit 300", authorLabel: org.users.manager.email });
    const page2 = ZPolicyConfigVersionPage.parse((await org.as.viewer.get(`/v1/policy-configs/${config.id}/versions?limit=2&cursor=${page1.nextCursor}`)).body);
    expect(page2).toMatchObject({ items: [expect.objectContaining({ number: 1 })], nextCursor: null });
    const v2 = ZPolicyConfigVersion.parse((await org.as.viewer.get(`/v1/policy-configs/${config.id}/versions/2`)).body);
    expect(v2.source).toBe(policyYaml(200));
    expect((await org.as.viewer.get(`/v1/policy-configs/${config.id}/versions/9`)).status).toBe(404);
    const audit = await api.db.auditEntry.findMany({ where: { orgId: org.orgId, resourceId: config.id, action: "policy_config.version.create" }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => [(e.before as any).number, (e.after as any).number])).toEqual([[1, 2], [2, 3]]);
    expect((audit[0].before as any).source).toBe(policyYaml(100));
    expect((audit[0].after as any).source).toBe(policyYaml(200));
  });

  it("diffs two versions as unified diffs of the YAML and of the normalised model", async () => {
    const config = await createConfig(org.as.admin, { name: "diffs", yaml: policyYaml(100) });
    await org.as.admin.post(`/v1/policy-configs/${config.id}/versions`, { yaml: policyYaml(250), message: "raise" });
    await org.as.admin.post(`/v1/policy-configs/${config.id}/versions`, { yaml: `# same meaning, new comment\n${policyYaml(250)}`, message: "comment" });
    const diff = ZPolicyConfigDiff.parse((await org.as.viewer.get(`/v1/policy-configs/${config.id}/diff?from=1&to=2`)).body);
    expect(diff.sourceDiff).toContain("--- diffs.yaml\tversion 1");
    expect(diff.sourceDiff).toContain("+++ diffs.yaml\tversion 2");
    expect(diff.sourceDiff).toContain("-    monthly_limit: 100\n+    monthly_limit: 250");
    expect(diff.normalizedDiff).toMatch(/-\s+"monthlyLimitUsd": 100,?\n\+\s+"monthlyLimitUsd": 250/);
    expect(diff.sameContent).toBe(false);
    const cosmetic = ZPolicyConfigDiff.parse((await org.as.viewer.get(`/v1/policy-configs/${config.id}/diff?from=2&to=3`)).body);
    expect(cosmetic.sourceDiff).toContain("+# same meaning, new comment");
    expect(cosmetic.sameContent).toBe(true);
    expect(cosmetic.normalizedDiff).not.toContain("@@");
    expect((await org.as.viewer.get(`/v1/policy-configs/${config.id}/diff?from=1&to=7`)).status).toBe(404);
    expect((await org.as.viewer.get(`/v1/policy-configs/${config.id}/diff?from=x&to=2`)).status).toBe(400);
  });

  it("rolls back by making a new version equal to an old one, audited with before and after", async () => {
    const config = await createConfig(org.as.admin, { name: "rollback", yaml: policyYaml(100) });
    await org.as.admin.post(`/v1/policy-configs/${config.id}/versions`, { yaml: policyYaml(999), message: "oops" });
    const res = await org.as.admin.post(`/v1/policy-configs/${config.id}/rollback`, { toVersion: 1 });
    expect(res.status).toBe(201);
    const rolled = ZPolicyConfigSaveResult.parse(res.body).config.current;
    const v1 = ZPolicyConfigVersion.parse((await org.as.admin.get(`/v1/policy-configs/${config.id}/versions/1`)).body);
    expect(rolled).toMatchObject({ number: 3, source: v1.source, contentHash: v1.contentHash, message: "Rollback to version 1" });
    expect(rolled.normalized).toEqual(v1.normalized);
    expect((await org.as.admin.post(`/v1/policy-configs/${config.id}/rollback`, { toVersion: 3 })).status).toBe(409);
    expect((await org.as.admin.post(`/v1/policy-configs/${config.id}/rollback`, { toVersion: 42 })).status).toBe(404);
    const entry = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: org.orgId, resourceId: config.id, action: "policy_config.rollback" } });
    expect(entry.before).toMatchObject({ number: 2, source: policyYaml(999) });
    expect(entry.after).toMatchObject({ number: 3, source: policyYaml(100), rolledBackTo: 1 });
    expect((await org.as.admin.get(`/v1/policy-configs/${config.id}/versions`)).body.items.map((v: any) => v.number)).toEqual([3, 2, 1]);
  });

  it("renames and archives, refusing to archive a config assigned to a gateway", async () => {
    const config = await createConfig(org.as.admin, { name: "archive-me" });
    const gw = await registerGateway(org.as.admin, { name: "cfg-gw", policyConfigId: config.id });
    const refused = await org.as.admin.patch(`/v1/policy-configs/${config.id}`, { archived: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("cfg-gw");
    expect(ZPolicyConfigDetail.parse((await org.as.admin.get(`/v1/policy-configs/${config.id}`)).body).gatewayCount).toBe(1);
    await org.as.admin.put(`/v1/gateways/${gw.id}/policy-config`, { policyConfigId: null });
    const archived = ZPolicyConfigDetail.parse((await org.as.admin.patch(`/v1/policy-configs/${config.id}`, { archived: true, name: "archived-cfg" })).body);
    expect(archived).toMatchObject({ archived: true, name: "archived-cfg" });
    expect((await org.as.admin.post(`/v1/policy-configs/${config.id}/versions`, { yaml: policyYaml(1), message: "x" })).status).toBe(409);
    expect((await org.as.admin.put(`/v1/gateways/${gw.id}/policy-config`, { policyConfigId: config.id })).status).toBe(409);
    expect((await org.as.admin.post("/v1/policy-configs", { name: "archived-cfg", yaml: policyYaml() })).status).toBe(409);
  });

  it("lets managers change their teams' configs only; viewers and finance change none", async () => {
    const orgWide = await createConfig(org.as.admin, { name: "org-wide" });
    const teamConfig = await createConfig(org.as.manager, { name: "mgr-config", teamId: team.id });
    expect(teamConfig.teamId).toBe(team.id);
    expect((await org.as.manager.post("/v1/policy-configs", { name: "mgr-org-wide", yaml: policyYaml() })).status).toBe(403);
    expect((await org.as.manager.post(`/v1/policy-configs/${orgWide.id}/versions`, { yaml: policyYaml(5), message: "x" })).status).toBe(403);
    expect((await org.as.manager.post(`/v1/policy-configs/${orgWide.id}/rollback`, { toVersion: 1 })).status).toBe(403);
    expect((await org.as.manager.patch(`/v1/policy-configs/${orgWide.id}`, { name: "x" })).status).toBe(403);
    expect((await org.as.manager.post(`/v1/policy-configs/${teamConfig.id}/versions`, { yaml: policyYaml(5), message: "tune" })).status).toBe(201);
    for (const role of ["viewer", "finance"] as const) {
      expect((await org.as[role].post("/v1/policy-configs", { name: `by-${role}`, yaml: policyYaml() })).status).toBe(403);
      expect((await org.as[role].post(`/v1/policy-configs/${teamConfig.id}/versions`, { yaml: policyYaml(6), message: "x" })).status).toBe(403);
      expect((await org.as[role].post(`/v1/policy-configs/${teamConfig.id}/rollback`, { toVersion: 1 })).status).toBe(403);
      expect((await org.as[role].patch(`/v1/policy-configs/${teamConfig.id}`, { name: "x" })).status).toBe(403);
    }
    expect((await org.as.finance.get("/v1/policy-configs")).status).toBe(403);
    expect((await org.as.viewer.get(`/v1/policy-configs/${teamConfig.id}`)).status).toBe(200);
  });

  it("answers 404 to another org's config ids on every route", async () => {
    const theirs = await createConfig(other.as.admin, { name: "their-config" });
    for (const id of [theirs.id, "00000000-0000-4000-8000-000000000000"]) {
      expect((await org.as.admin.get(`/v1/policy-configs/${id}`)).status).toBe(404);
      expect((await org.as.admin.patch(`/v1/policy-configs/${id}`, { name: "mine" })).status).toBe(404);
      expect((await org.as.admin.post(`/v1/policy-configs/${id}/versions`, { yaml: policyYaml(), message: "x" })).status).toBe(404);
      expect((await org.as.admin.get(`/v1/policy-configs/${id}/versions`)).status).toBe(404);
      expect((await org.as.admin.get(`/v1/policy-configs/${id}/versions/1`)).status).toBe(404);
      expect((await org.as.admin.get(`/v1/policy-configs/${id}/diff?from=1&to=1`)).status).toBe(404);
      expect((await org.as.admin.post(`/v1/policy-configs/${id}/rollback`, { toVersion: 1 })).status).toBe(404);
    }
    expect((await org.as.admin.get("/v1/policy-configs?name=their-config")).body.items).toEqual([]);
    // Names are per org: the same name is free here.
    expect((await org.as.admin.post("/v1/policy-configs", { name: "their-config", yaml: policyYaml() })).status).toBe(201);
  });
});
