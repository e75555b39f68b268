import { BUILTIN_TEMPLATES, ZPolicyConfigSaveResult, ZTemplate, ZTemplateList, ZTemplatePreview } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createTeam, policyYaml } from "../../gateways/__tests__/control-plane.fixtures";

const ORG_TEMPLATE = { name: "Strict budget", description: "A 100 USD cap", whenToUse: "Pilots", yaml: policyYaml(100) };

describe("templates", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let team: { id: string };
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "tpl-a"), createOrg(api, "tpl-b")]);
    team = await createTeam(org, "Platform", [org.users.manager.id]);
  });
  afterAll(() => api?.close());

  it("lists the built-in catalog, each template with when to use it, to every role", async () => {
    for (const role of ["admin", "manager", "finance", "viewer"] as const) {
      const list = ZTemplateList.parse((await org.as[role].get("/v1/templates?origin=builtin")).body);
      expect(list.items.map((t) => t.id)).toEqual(BUILTIN_TEMPLATES.map((t) => t.id));
    }
    const one = ZTemplate.parse((await org.as.viewer.get("/v1/templates/team-budget")).body);
    expect(one).toMatchObject({ origin: "builtin", category: "cost", whenToUse: expect.any(String) });
    const security = ZTemplateList.parse((await org.as.viewer.get("/v1/templates?category=security")).body);
    expect(security.items.every((t) => t.category === "security")).toBe(true);
    expect((await org.as.viewer.get("/v1/templates/no-such-template")).status).toBe(404);
    expect((await org.as.viewer.get("/v1/templates/Bad_Id!")).status).toBe(400);
  });

  it("creates, updates and deletes org templates, auditing each change", async () => {
    const created = await org.as.manager.post("/v1/templates", ORG_TEMPLATE);
    expect(created.status).toBe(201);
    const tpl = ZTemplate.parse(created.body);
    expect(tpl).toMatchObject({ origin: "org", category: "team", yaml: ORG_TEMPLATE.yaml, createdById: org.users.manager.id });
    expect((await org.as.viewer.get("/v1/templates?origin=org")).body.items.map((t: any) => t.id)).toEqual([tpl.id]);
    expect((await org.as.admin.post("/v1/templates", ORG_TEMPLATE)).status).toBe(409);
    const updated = ZTemplate.parse((await org.as.manager.patch(`/v1/templates/${tpl.id}`, { description: "A 50 USD cap", yaml: policyYaml(50) })).body);
    expect(updated.yaml).toBe(policyYaml(50));
    expect((await org.as.manager.delete(`/v1/templates/${tpl.id}`)).status).toBe(204);
    expect((await org.as.viewer.get(`/v1/templates/${tpl.id}`)).status).toBe(404);
    const entries = await api.db.auditEntry.findMany({ where: { orgId: org.orgId, resourceId: tpl.id }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["template.create", "template.update", "template.delete"]);
    expect((entries[1].before as any).source).toBe(policyYaml(100));
    expect((entries[1].after as any).source).toBe(policyYaml(50));
  });

  it("refuses an org template whose YAML has errors (422 with line numbers)", async () => {
    const res = await org.as.admin.post("/v1/templates", { ...ORG_TEMPLATE, name: "Broken", yaml: "policies:\n  - name: x\n    type: nope\n" });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues[0]).toMatchObject({ code: "unknown-policy-type", line: 3 });
  });

  it("keeps built-in templates read-only and org templates to their author or an admin", async () => {
    expect((await org.as.admin.patch("/v1/templates/team-budget", { description: "mine" })).status).toBe(400);
    expect((await org.as.admin.delete("/v1/templates/team-budget")).status).toBe(400);
    const byAdmin = ZTemplate.parse((await org.as.admin.post("/v1/templates", { ...ORG_TEMPLATE, name: "Admin's" })).body);
    expect((await org.as.manager.patch(`/v1/templates/${byAdmin.id}`, { description: "x" })).status).toBe(403);
    expect((await org.as.manager.delete(`/v1/templates/${byAdmin.id}`)).status).toBe(403);
    for (const role of ["viewer", "finance"] as const) {
      expect((await org.as[role].post("/v1/templates", { ...ORG_TEMPLATE, name: `by ${role}` })).status).toBe(403);
      expect((await org.as[role].patch(`/v1/templates/${byAdmin.id}`, { description: "x" })).status).toBe(403);
      expect((await org.as[role].delete(`/v1/templates/${byAdmin.id}`)).status).toBe(403);
      expect((await org.as[role].post("/v1/templates/team-budget/configs", { name: `cfg ${role}` })).status).toBe(403);
    }
  });

  it("previews a template with overrides, linted", async () => {
    const res = await org.as.viewer.post("/v1/templates/team-budget/render", { overrides: { monthly_limit: 750 } });
    expect(res.status).toBe(200);
    const preview = ZTemplatePreview.parse(res.body);
    expect(preview.valid).toBe(true);
    expect(preview.yaml).toContain("monthly_limit: 750");
    expect(preview.config!.policies[0]).toMatchObject({ type: "cost_limit", monthlyLimitUsd: 750 });
    const negative = ZTemplatePreview.parse((await org.as.viewer.post("/v1/templates/team-budget/render", { overrides: { monthly_limit: -1 } })).body);
    expect(negative.valid).toBe(false);
    expect(negative.issues.find((i) => i.code === "negative-limit")).toBeDefined();
    expect(negative.issues.find((i) => i.code === "negative-limit")!.line).toBeGreaterThan(1);
    const unused = ZTemplatePreview.parse((await org.as.viewer.post("/v1/templates/team-security/render", { overrides: { monthly_limit: 5 } })).body);
    expect(unused.unusedOverrides).toEqual(["monthly_limit"]);
    expect((await org.as.viewer.post("/v1/templates/team-budget/render", { overrides: { montly_limit: 5 } })).status).toBe(400);
  });

  it("creates a config from a built-in or org template with overrides", async () => {
    const res = await org.as.manager.post("/v1/templates/demo-team-policy/configs", { name: "from-demo", teamId: team.id, overrides: { monthly_limit: 300, models: ["gpt-4o-mini"] } });
    expect(res.status).toBe(201);
    const { config } = ZPolicyConfigSaveResult.parse(res.body);
    expect(config).toMatchObject({ name: "from-demo", teamId: team.id, current: { number: 1, message: 'Created from template "Demo team policy"' } });
    expect(config.current.normalized.policies.find((p) => p.type === "cost_limit")).toMatchObject({ monthlyLimitUsd: 300 });
    expect(config.current.normalized.policies.find((p) => p.type === "model-allowlist")).toMatchObject({ models: ["gpt-4o-mini"] });
    const orgTpl = ZTemplate.parse((await org.as.admin.post("/v1/templates", { ...ORG_TEMPLATE, name: "For configs" })).body);
    const fromOrg = ZPolicyConfigSaveResult.parse((await org.as.admin.post(`/v1/templates/${orgTpl.id}/configs`, { name: "from-org" })).body);
    expect(fromOrg.config.current.source).toBe(ORG_TEMPLATE.yaml);
    const invalid = await org.as.admin.post("/v1/templates/team-budget/configs", { name: "bad", overrides: { monthly_limit: -3 } });
    expect(invalid.status).toBe(422);
    const unused = await org.as.admin.post("/v1/templates/team-security/configs", { name: "bad2", overrides: { monthly_limit: 3 } });
    expect(unused.status).toBe(400);
    expect(unused.body.error.message).toContain("monthly_limit");
    expect((await org.as.manager.post("/v1/templates/team-budget/configs", { name: "mgr-org-wide" })).status).toBe(403);
  });

  it("answers 404 to another org's templates", async () => {
    const theirs = ZTemplate.parse((await other.as.admin.post("/v1/templates", { ...ORG_TEMPLATE, name: "Theirs" })).body);
    expect((await org.as.admin.get(`/v1/templates/${theirs.id}`)).status).toBe(404);
    expect((await org.as.admin.patch(`/v1/templates/${theirs.id}`, { description: "x" })).status).toBe(404);
    expect((await org.as.admin.delete(`/v1/templates/${theirs.id}`)).status).toBe(404);
    expect((await org.as.admin.post(`/v1/templates/${theirs.id}/render`, {})).status).toBe(404);
    expect((await org.as.admin.post(`/v1/templates/${theirs.id}/configs`, { name: "stolen" })).status).toBe(404);
    expect((await org.as.admin.get("/v1/templates")).body.items.map((t: any) => t.id)).not.toContain(theirs.id);
  });
});
