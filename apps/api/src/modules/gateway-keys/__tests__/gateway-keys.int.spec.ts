import { ZGatewayKey, ZGatewayKeyList, ZGatewayKeyWithSecret } from "@kt/contract";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createTeam, issueKey, registerGateway } from "../../gateways/__tests__/control-plane.fixtures";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe("gateway keys", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let team: { id: string };
  let otherTeam: { id: string };
  let gateway: { id: string };
  let otherTeamGateway: { id: string };
  let orgWideGateway: { id: string };
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "keys-a"), createOrg(api, "keys-b")]);
    team = await createTeam(org, "Platform", [org.users.manager.id]);
    otherTeam = await createTeam(org, "Data Science");
    gateway = await registerGateway(org.as.admin, { name: "platform-gw", teamId: team.id });
    otherTeamGateway = await registerGateway(org.as.admin, { name: "ds-gw", teamId: otherTeam.id });
    orgWideGateway = await registerGateway(org.as.admin, { name: "shared-gw" });
  });
  afterAll(() => api?.close());

  it("issues a kt_gk_ key shown once and stored hashed, with an optional expiry", async () => {
    const expiresAt = inAnHour();
    const res = await org.as.admin.post("/v1/gateway-keys", { name: "checkout-app", teamId: team.id, gatewayId: gateway.id, expiresAt });
    expect(res.status).toBe(201);
    const key = ZGatewayKeyWithSecret.parse(res.body);
    expect(key.secret).toMatch(/^kt_gk_[\w-]{40,}$/);
    expect(key.prefix).toBe(key.secret.slice(0, key.prefix.length));
    expect(key).toMatchObject({ status: "active", teamName: "Platform", gatewayName: "platform-gw", expiresAt: new Date(expiresAt).toISOString(), lastUsedAt: null });
    const row = await api.db.gatewayKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.secretHash).toBe(sha256(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);
    const detail = await org.as.viewer.get(`/v1/gateway-keys/${key.id}`);
    expect(ZGatewayKey.strict().parse(detail.body).id).toBe(key.id);
    const audit = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: org.orgId, resourceId: key.id } });
    expect(audit.action).toBe("gateway_key.create");
    expect(JSON.stringify(audit)).not.toContain(key.secret);
    expect(JSON.stringify(audit)).not.toContain(row.secretHash);
  });

  it("lists keys with last use and status, filtered by team, gateway and status", async () => {
    const used = await issueKey(org.as.admin, { name: "used", teamId: team.id, gatewayId: gateway.id });
    const expiring = await issueKey(org.as.admin, { name: "expiring", teamId: team.id, gatewayId: gateway.id, expiresAt: inAnHour() });
    const shared = await issueKey(org.as.admin, { name: "on-shared", teamId: otherTeam.id, gatewayId: orgWideGateway.id });
    const lastUsedAt = new Date(Date.now() - 60_000);
    await api.db.gatewayKey.update({ where: { id: used.id }, data: { lastUsedAt } });
    await api.db.gatewayKey.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const all = ZGatewayKeyList.parse((await org.as.admin.get("/v1/gateway-keys")).body).items;
    expect(all.find((k) => k.id === used.id)!.lastUsedAt).toBe(lastUsedAt.toISOString());
    expect(all.find((k) => k.id === expiring.id)!.status).toBe("expired");
    const expired = (await org.as.admin.get("/v1/gateway-keys?status=expired")).body.items.map((k: any) => k.id);
    expect(expired).toEqual([expiring.id]);
    const active = (await org.as.admin.get(`/v1/gateway-keys?status=active&gatewayId=${gateway.id}`)).body.items.map((k: any) => k.id);
    expect(active).toContain(used.id);
    expect(active).not.toContain(expiring.id);
    expect((await org.as.admin.get(`/v1/gateway-keys?teamId=${otherTeam.id}`)).body.items.map((k: any) => k.id)).toEqual([shared.id]);
  });

  it("rotates a key: a new secret, the old one kept for the grace period", async () => {
    const key = await issueKey(org.as.admin, { name: "rotate-me", teamId: team.id, gatewayId: gateway.id });
    const res = await org.as.admin.post(`/v1/gateway-keys/${key.id}/rotate`, { gracePeriodSeconds: 3600 });
    expect(res.status).toBe(200);
    const rotated = ZGatewayKeyWithSecret.parse(res.body);
    expect(rotated.id).toBe(key.id);
    expect(rotated.secret).not.toBe(key.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt!)).toBeGreaterThan(Date.now() + 3500_000);
    const row = await api.db.gatewayKey.findUniqueOrThrow({ where: { id: key.id } });
    expect([row.secretHash, row.previousSecretHash]).toEqual([sha256(rotated.secret), sha256(key.secret)]);
    const bad = await org.as.admin.post(`/v1/gateway-keys/${key.id}/rotate`, { gracePeriodSeconds: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe("request.gracePeriodSeconds");
    const audit = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: org.orgId, resourceId: key.id, action: "gateway_key.rotate" } });
    expect((audit.before as any).prefix).toBe(key.prefix);
    expect((audit.after as any).prefix).toBe(rotated.prefix);
  });

  it("revokes a key once; a revoked key cannot be rotated", async () => {
    const key = await issueKey(org.as.admin, { name: "revoke-me", teamId: team.id, gatewayId: gateway.id });
    const revoked = ZGatewayKey.parse((await org.as.admin.post(`/v1/gateway-keys/${key.id}/revoke`)).body);
    expect(revoked.status).toBe("revoked");
    expect((await org.as.admin.post(`/v1/gateway-keys/${key.id}/revoke`)).status).toBe(409);
    expect((await org.as.admin.post(`/v1/gateway-keys/${key.id}/rotate`, {})).status).toBe(409);
    const actions = (await api.db.auditEntry.findMany({ where: { orgId: org.orgId, resourceId: key.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["gateway_key.create", "gateway_key.revoke"]);
  });

  it("refuses a key for a gateway of another team, a past expiry, an unknown team or gateway", async () => {
    const wrongGateway = await org.as.admin.post("/v1/gateway-keys", { name: "x", teamId: team.id, gatewayId: otherTeamGateway.id });
    expect(wrongGateway.status).toBe(400);
    expect(wrongGateway.body.error.message).toContain("serves another team");
    const past = await org.as.admin.post("/v1/gateway-keys", { name: "x", teamId: team.id, gatewayId: gateway.id, expiresAt: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await org.as.admin.post("/v1/gateway-keys", { name: "x", teamId: missing, gatewayId: gateway.id })).status).toBe(404);
    expect((await org.as.admin.post("/v1/gateway-keys", { name: "x", teamId: team.id, gatewayId: missing })).status).toBe(404);
  });

  it("lets managers manage only their own teams' keys", async () => {
    const mine = await issueKey(org.as.manager, { name: "mgr-key", teamId: team.id, gatewayId: gateway.id });
    const onShared = await issueKey(org.as.manager, { name: "mgr-shared", teamId: team.id, gatewayId: orgWideGateway.id });
    const notMine = await issueKey(org.as.admin, { name: "ds-key", teamId: otherTeam.id, gatewayId: otherTeamGateway.id });
    const listed = (await org.as.manager.get("/v1/gateway-keys")).body.items.map((k: any) => k.id);
    expect(listed).toEqual(expect.arrayContaining([mine.id, onShared.id]));
    expect(listed).not.toContain(notMine.id);
    expect((await org.as.manager.get(`/v1/gateway-keys/${notMine.id}`)).status).toBe(404);
    expect((await org.as.manager.post(`/v1/gateway-keys/${notMine.id}/rotate`, {})).status).toBe(404);
    expect((await org.as.manager.post(`/v1/gateway-keys/${notMine.id}/revoke`)).status).toBe(404);
    expect((await org.as.manager.post("/v1/gateway-keys", { name: "x", teamId: otherTeam.id, gatewayId: otherTeamGateway.id })).status).toBe(403);
    expect((await org.as.manager.post(`/v1/gateway-keys/${mine.id}/rotate`, {})).status).toBe(200);
    expect((await org.as.manager.post(`/v1/gateway-keys/${mine.id}/revoke`)).status).toBe(200);
  });

  it("refuses key changes to viewers and finance, and key reads to finance (403)", async () => {
    const key = await issueKey(org.as.admin, { name: "roles", teamId: team.id, gatewayId: gateway.id });
    for (const role of ["viewer", "finance"] as const) {
      expect((await org.as[role].post("/v1/gateway-keys", { name: "x", teamId: team.id, gatewayId: gateway.id })).status).toBe(403);
      expect((await org.as[role].post(`/v1/gateway-keys/${key.id}/rotate`, {})).status).toBe(403);
      expect((await org.as[role].post(`/v1/gateway-keys/${key.id}/revoke`)).status).toBe(403);
    }
    expect((await org.as.finance.get("/v1/gateway-keys")).status).toBe(403);
    expect((await org.as.viewer.get("/v1/gateway-keys")).status).toBe(200);
  });

  it("answers 404 to another org's keys, teams and gateways", async () => {
    const theirTeam = await createTeam(other, "Theirs");
    const theirGateway = await registerGateway(other.as.admin, { name: "their-gw", teamId: theirTeam.id });
    const theirKey = await issueKey(other.as.admin, { name: "their-key", teamId: theirTeam.id, gatewayId: theirGateway.id });
    expect((await org.as.admin.get(`/v1/gateway-keys/${theirKey.id}`)).status).toBe(404);
    expect((await org.as.admin.post(`/v1/gateway-keys/${theirKey.id}/rotate`, {})).status).toBe(404);
    expect((await org.as.admin.post(`/v1/gateway-keys/${theirKey.id}/revoke`)).status).toBe(404);
    expect((await org.as.admin.post("/v1/gateway-keys", { name: "x", teamId: theirTeam.id, gatewayId: gateway.id })).status).toBe(404);
    expect((await org.as.admin.post("/v1/gateway-keys", { name: "x", teamId: team.id, gatewayId: theirGateway.id })).status).toBe(404);
    expect((await org.as.admin.get("/v1/gateway-keys")).body.items.map((k: any) => k.id)).not.toContain(theirKey.id);
    expect((await other.as.admin.get(`/v1/gateway-keys/${theirKey.id}`)).body.status).toBe("active");
  });
});
