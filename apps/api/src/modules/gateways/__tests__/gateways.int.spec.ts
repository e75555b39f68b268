import { ZApiError, ZGateway, ZGatewayList, ZGatewayWithCredential } from "@kt/contract";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createConfig, createTeam, gatewayClient, registerGateway } from "./control-plane.fixtures";

const HEARTBEAT = { version: "0.1.0", uptimeSeconds: 12, requestsServed: 40, spoolDepth: 3, configVersion: 1 };

describe("gateways", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let team: { id: string };
  let otherTeam: { id: string };
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "gw-a"), createOrg(api, "gw-b")]);
    team = await createTeam(org, "Platform", [org.users.manager.id]);
    otherTeam = await createTeam(org, "Data Science");
  });
  afterAll(() => api?.close());

  it("registers a gateway and shows its credential once, storing only its SHA-256", async () => {
    const res = await org.as.admin.post("/v1/gateways", { name: "edge-1", teamId: team.id, environment: "staging" });
    expect(res.status).toBe(201);
    const gw = ZGatewayWithCredential.parse(res.body);
    expect(gw.credential).toMatch(/^kt_gw_[\w-]{40,}$/);
    expect(gw).toMatchObject({ name: "edge-1", teamId: team.id, teamName: "Platform", environment: "staging", status: "down", lastHeartbeatAt: null });
    const row = await api.db.gateway.findUniqueOrThrow({ where: { id: gw.id } });
    expect(row.credentialHash).toBe(createHash("sha256").update(gw.credential).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(gw.credential);
    const detail = await org.as.viewer.get(`/v1/gateways/${gw.id}`);
    expect(ZGateway.strict().parse(detail.body)).not.toHaveProperty("credential");
    const audit = await api.db.auditEntry.findFirstOrThrow({ where: { orgId: org.orgId, resourceId: gw.id, action: "gateway.create" } });
    expect(JSON.stringify(audit)).not.toContain(gw.credential);
  });

  it("derives status from heartbeats: healthy under 30 s, stale under 120 s, down after", async () => {
    const gw = await registerGateway(org.as.admin, { name: "edge-status", teamId: team.id });
    const beat = await gatewayClient(api, gw.credential).heartbeat(HEARTBEAT);
    expect(beat.status).toBe(204);
    const healthy = ZGateway.parse((await org.as.admin.get(`/v1/gateways/${gw.id}`)).body);
    expect(healthy).toMatchObject({ status: "healthy", version: "0.1.0", uptimeSeconds: 12, requestsServed: 40, spoolDepth: 3, configVersionInForce: 1 });
    expect(Date.now() - Date.parse(healthy.lastHeartbeatAt!)).toBeLessThan(10_000);
    for (const [ageSeconds, status] of [[45, "stale"], [119, "stale"], [121, "down"], [3600, "down"]] as const) {
      await api.db.gateway.update({ where: { id: gw.id }, data: { lastHeartbeatAt: new Date(Date.now() - ageSeconds * 1000) } });
      expect((await org.as.admin.get(`/v1/gateways/${gw.id}`)).body.status).toBe(status);
    }
    const down = ZGatewayList.parse((await org.as.admin.get("/v1/gateways?status=down")).body);
    expect(down.items.map((g) => g.id)).toContain(gw.id);
  });

  it("refuses heartbeats with a bad credential (401) or a bad body (400 naming the field)", async () => {
    const gw = await registerGateway(org.as.admin, { name: "edge-hb", teamId: team.id });
    const bad = await gatewayClient(api, "kt_gw_not-a-real-credential").heartbeat(HEARTBEAT);
    expect(bad.status).toBe(401);
    ZApiError.parse(await bad.json());
    const apiToken = await fetch(`${api.url}/v1/gateway/heartbeat`, { method: "POST", headers: { authorization: `Bearer ${org.session.token}` } });
    expect(apiToken.status).toBe(401);
    const invalid = await gatewayClient(api, gw.credential).heartbeat({ ...HEARTBEAT, spoolDepth: -1 });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as any).error.details.issues[0].path).toBe("request.spoolDepth");
  });

  it("assigns and unassigns a policy config, auditing before and after", async () => {
    const config = await createConfig(org.as.admin, { name: "assign-me" });
    const gw = await registerGateway(org.as.admin, { name: "edge-assign", teamId: team.id });
    const assigned = await org.as.admin.put(`/v1/gateways/${gw.id}/policy-config`, { policyConfigId: config.id });
    expect(assigned.status).toBe(200);
    expect(ZGateway.parse(assigned.body)).toMatchObject({ policyConfigId: config.id, policyConfigName: "assign-me", assignedConfigVersion: 1 });
    expect((await org.as.admin.put(`/v1/gateways/${gw.id}/policy-config`, { policyConfigId: null })).body.policyConfigId).toBeNull();
    const entries = await api.db.auditEntry.findMany({ where: { orgId: org.orgId, resourceId: gw.id, action: "gateway.assign_config" }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [{ policyConfigId: null }, { policyConfigId: config.id }],
      [{ policyConfigId: config.id }, { policyConfigId: null }],
    ]);
    const theirs = await createConfig(other.as.admin, { name: "theirs" });
    expect((await org.as.admin.put(`/v1/gateways/${gw.id}/policy-config`, { policyConfigId: theirs.id })).status).toBe(404);
  });

  it("archives a gateway: its credential stops working, and it leaves the default list", async () => {
    const gw = await registerGateway(org.as.admin, { name: "edge-archive", teamId: team.id });
    const client = gatewayClient(api, gw.credential);
    expect((await client.sync()).status).toBe(200);
    const archived = await org.as.admin.patch(`/v1/gateways/${gw.id}`, { archived: true });
    expect(ZGateway.parse(archived.body).archived).toBe(true);
    expect((await client.sync()).status).toBe(401);
    expect((await client.heartbeat(HEARTBEAT)).status).toBe(401);
    expect((await org.as.admin.get("/v1/gateways")).body.items.map((g: any) => g.id)).not.toContain(gw.id);
    expect((await org.as.admin.get("/v1/gateways?archived=true")).body.items.map((g: any) => g.id)).toContain(gw.id);
    const actions = (await api.db.auditEntry.findMany({ where: { orgId: org.orgId, resourceId: gw.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["gateway.create", "gateway.archive"]);
  });

  it("rotates the credential: the new one works, the old one answers 401", async () => {
    const gw = await registerGateway(org.as.admin, { name: "edge-rotate", teamId: team.id });
    const rotated = ZGatewayWithCredential.parse((await org.as.admin.post(`/v1/gateways/${gw.id}/credential`)).body);
    expect(rotated.credential).not.toBe(gw.credential);
    expect((await gatewayClient(api, gw.credential).sync()).status).toBe(401);
    expect((await gatewayClient(api, rotated.credential).sync()).status).toBe(200);
  });

  it("renames, refuses duplicate names (409) and bad input (400 naming the field)", async () => {
    const gw = await registerGateway(org.as.admin, { name: "edge-rename", teamId: team.id });
    expect((await org.as.admin.patch(`/v1/gateways/${gw.id}`, { name: "edge-renamed", environment: "dev" })).body).toMatchObject({ name: "edge-renamed", environment: "dev" });
    expect((await org.as.admin.post("/v1/gateways", { name: "edge-renamed", teamId: team.id })).status).toBe(409);
    const bad = await org.as.admin.post("/v1/gateways", { name: "x", environment: "Prod Env" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe("request.environment");
    expect((await org.as.admin.post("/v1/gateways", { name: "x", teamId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });

  it("lets managers see and manage only their teams' gateways", async () => {
    const mine = await registerGateway(org.as.manager, { name: "mgr-mine", teamId: team.id });
    const notMine = await registerGateway(org.as.admin, { name: "mgr-not-mine", teamId: otherTeam.id });
    const orgWide = await registerGateway(org.as.admin, { name: "mgr-org-wide", teamId: null });
    const listed = ZGatewayList.parse((await org.as.manager.get("/v1/gateways")).body).items.map((g) => g.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(notMine.id);
    expect(listed).not.toContain(orgWide.id);
    expect((await org.as.manager.get(`/v1/gateways/${notMine.id}`)).status).toBe(404);
    expect((await org.as.manager.patch(`/v1/gateways/${notMine.id}`, { name: "taken" })).status).toBe(404);
    expect((await org.as.manager.put(`/v1/gateways/${notMine.id}/policy-config`, { policyConfigId: null })).status).toBe(404);
    expect((await org.as.manager.post(`/v1/gateways/${notMine.id}/credential`)).status).toBe(404);
    expect((await org.as.manager.post("/v1/gateways", { name: "mgr-other", teamId: otherTeam.id })).status).toBe(403);
    expect((await org.as.manager.post("/v1/gateways", { name: "mgr-none" })).status).toBe(403);
    expect((await org.as.manager.patch(`/v1/gateways/${mine.id}`, { environment: "dev" })).status).toBe(200);
    // Read-only roles see every gateway.
    const viewerSees = (await org.as.viewer.get("/v1/gateways")).body.items.map((g: any) => g.id);
    expect(viewerSees).toEqual(expect.arrayContaining([mine.id, notMine.id, orgWide.id]));
  });

  it("refuses writes to viewers and finance (403)", async () => {
    const gw = await registerGateway(org.as.admin, { name: "edge-roles", teamId: team.id });
    for (const role of ["viewer", "finance"] as const) {
      expect((await org.as[role].post("/v1/gateways", { name: `by-${role}`, teamId: team.id })).status).toBe(403);
      expect((await org.as[role].patch(`/v1/gateways/${gw.id}`, { name: "nope" })).status).toBe(403);
      expect((await org.as[role].put(`/v1/gateways/${gw.id}/policy-config`, { policyConfigId: null })).status).toBe(403);
      expect((await org.as[role].post(`/v1/gateways/${gw.id}/credential`)).status).toBe(403);
    }
    expect((await org.as.finance.get(`/v1/gateways/${gw.id}`)).status).toBe(200);
  });

  it("answers 404 to another org's gateway ids, exactly as to a missing one", async () => {
    const theirs = await registerGateway(other.as.admin, { name: "secret-gw" });
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const id of [theirs.id, missing]) {
      expect((await org.as.admin.get(`/v1/gateways/${id}`)).status).toBe(404);
      expect((await org.as.admin.patch(`/v1/gateways/${id}`, { name: "mine" })).status).toBe(404);
      expect((await org.as.admin.put(`/v1/gateways/${id}/policy-config`, { policyConfigId: null })).status).toBe(404);
      expect((await org.as.admin.post(`/v1/gateways/${id}/credential`)).status).toBe(404);
    }
    expect((await org.as.admin.get("/v1/gateways?archived=all")).body.items.map((g: any) => g.id)).not.toContain(theirs.id);
    expect((await other.as.admin.get(`/v1/gateways/${theirs.id}`)).body.name).toBe("secret-gw");
  });
});
