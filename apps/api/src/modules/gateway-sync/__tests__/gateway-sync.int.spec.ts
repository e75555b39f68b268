import { ZGatewaySyncResponse, type TGatewaySyncResponse } from "@kt/contract";
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createConfig, gatewayClient, issueKey, managedSetup, policyYaml, registerGateway } from "../../gateways/__tests__/control-plane.fixtures";
import { GatewaySyncNotifier } from "../gateway-sync.notifier";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function syncBody(res: Response): Promise<TGatewaySyncResponse> {
  expect(res.status).toBe(200);
  return ZGatewaySyncResponse.parse(await res.json());
}

describe("gateway sync", () => {
  // Two API instances on one Redis prefix: changes made through one must wake syncs waiting on the other.
  let apiA: TestApi;
  let apiB: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    const REDIS_PREFIX = `${inject("redisPrefix")}_sync_${randomBytes(3).toString("hex")}`;
    [apiA, apiB] = await Promise.all([startApi({ REDIS_PREFIX }), startApi({ REDIS_PREFIX })]);
    [org, other] = await Promise.all([createOrg(apiA, "sync-a"), createOrg(apiA, "sync-b")]);
  });
  afterAll(async () => {
    await Promise.all([apiA?.close(), apiB?.close()]);
  });

  it("serves the assigned config version and the gateway's keys, with an ETag", async () => {
    const { team, config, gateway, gw } = await managedSetup(apiA, org, "serve");
    const key = await issueKey(org.as.admin, { name: "app", teamId: team.id, gatewayId: gateway.id });
    const elsewhere = await registerGateway(org.as.admin, { name: "gw-serve-other", teamId: team.id });
    await issueKey(org.as.admin, { name: "not-for-this-gateway", teamId: team.id, gatewayId: elsewhere.id });
    const res = await gw.sync();
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const body = await syncBody(res);
    expect(body).toMatchObject({ gatewayId: gateway.id, orgId: org.orgId, configVersion: 1 });
    expect(body.config).toEqual(config.current.normalized);
    expect(body.keys).toEqual([{ id: key.id, secretHash: sha256(key.secret), teamId: team.id, name: "app", expiresAt: null, revokedAt: null, models: [] }]);
    expect(JSON.stringify(body)).not.toContain(key.secret);
    expect((await gw.sync()).headers.get("etag")).toBe(etag);
  });

  it("answers 304 without a body to a matching If-None-Match, and 200 once something changed", async () => {
    const { config, gw } = await managedSetup(apiA, org, "etag");
    const etag = (await gw.sync()).headers.get("etag")!;
    const unchanged = await gw.sync({ etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect((await gw.sync({ etag: `W/${etag}, "other"` })).status).toBe(304);
    await org.as.admin.post(`/v1/policy-configs/${config.id}/versions`, { yaml: policyYaml(900), message: "lower budget" });
    const changed = await gw.sync({ etag });
    expect((await syncBody(changed)).configVersion).toBe(2);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("answers configVersion 0 and config null to a gateway with no config", async () => {
    const gateway = await registerGateway(org.as.admin, { name: "gw-bare" });
    const body = await syncBody(await gatewayClient(apiA, gateway.credential).sync());
    expect(body).toMatchObject({ configVersion: 0, config: null, keys: [] });
  });

  it("wakes a long-poll on another API instance when a new config version is saved", async () => {
    const { config, gateway } = await managedSetup(apiA, org, "wake-config");
    const onB = gatewayClient(apiB, gateway.credential);
    const etag = (await onB.sync()).headers.get("etag")!;
    const waiting = onB.sync({ etag, wait: 25 });
    await new Promise((r) => setTimeout(r, 300));
    const saved = await org.as.admin.post(`/v1/policy-configs/${config.id}/versions`, { yaml: policyYaml(1234), message: "new limit" });
    expect(saved.status).toBe(201);
    const body = await syncBody(await waiting);
    expect(body.configVersion).toBe(2);
    expect(body.config!.policies.find((p) => p.type === "cost_limit")).toMatchObject({ monthlyLimitUsd: 1234 });
  });

  it("wakes a long-poll when a key is revoked, listing it as revoked", async () => {
    const { team, gateway, gw } = await managedSetup(apiA, org, "wake-revoke");
    const key = await issueKey(org.as.manager, { name: "to-revoke", teamId: team.id, gatewayId: gateway.id });
    const etag = (await gw.sync()).headers.get("etag")!;
    const waiting = gatewayClient(apiB, gateway.credential).sync({ etag, wait: 25 });
    await new Promise((r) => setTimeout(r, 300));
    expect((await org.as.manager.post(`/v1/gateway-keys/${key.id}/revoke`)).status).toBe(200);
    const body = await syncBody(await waiting);
    const record = body.keys.find((k) => k.id === key.id)!;
    expect(record.revokedAt).not.toBeNull();
    expect(Date.parse(record.revokedAt!)).toBeLessThanOrEqual(Date.now());
  });

  it("wakes a long-poll when the gateway is given another config, and answers 401 once it is archived", async () => {
    const { gateway, gw } = await managedSetup(apiA, org, "wake-assign");
    const next = await createConfig(org.as.admin, { name: "wake-assign-next", yaml: policyYaml(5) });
    const etag = (await gw.sync()).headers.get("etag")!;
    const waiting = gatewayClient(apiB, gateway.credential).sync({ etag, wait: 25 });
    await new Promise((r) => setTimeout(r, 300));
    await org.as.admin.put(`/v1/gateways/${gateway.id}/policy-config`, { policyConfigId: next.id });
    expect((await syncBody(await waiting)).config!.name).toBe("wake-assign-next");

    const etag2 = (await gw.sync()).headers.get("etag")!;
    const waiting2 = gatewayClient(apiB, gateway.credential).sync({ etag: etag2, wait: 25 });
    await new Promise((r) => setTimeout(r, 300));
    await org.as.admin.patch(`/v1/gateways/${gateway.id}`, { archived: true });
    expect((await waiting2).status).toBe(401);
  });

  it("lists a rotated key's old secret until the end of its grace period", async () => {
    const { team, gateway, gw } = await managedSetup(apiA, org, "rotate");
    const key = await issueKey(org.as.admin, { name: "rotating", teamId: team.id, gatewayId: gateway.id });
    const before = Date.now();
    const rotated = (await org.as.admin.post(`/v1/gateway-keys/${key.id}/rotate`, { gracePeriodSeconds: 600 })).body;
    const records = (await syncBody(await gw.sync())).keys.filter((k) => k.id === key.id);
    expect(records.map((r) => r.secretHash).sort()).toEqual([sha256(key.secret), sha256(rotated.secret)].sort());
    const old = records.find((r) => r.secretHash === sha256(key.secret))!;
    expect(Date.parse(old.expiresAt!)).toBeGreaterThanOrEqual(before + 600_000 - 1000);
    expect(Date.parse(old.expiresAt!)).toBeLessThanOrEqual(Date.now() + 600_000 + 1000);
    expect(records.find((r) => r.secretHash === sha256(rotated.secret))!.expiresAt).toBeNull();

    await org.as.admin.post(`/v1/gateway-keys/${key.id}/rotate`, { gracePeriodSeconds: 0 });
    const after = (await syncBody(await gw.sync())).keys.filter((k) => k.id === key.id);
    expect(after).toHaveLength(1);
  });

  it("answers 304 when a long-poll ends without a change", async () => {
    const { gw } = await managedSetup(apiA, org, "quiet");
    const etag = (await gw.sync()).headers.get("etag")!;
    const res = await gw.sync({ etag, wait: 1 });
    expect(res.status).toBe(304);
  });

  it("delivers a change notification to every API instance through Redis", async () => {
    const watch = apiB.app.get(GatewaySyncNotifier).watch(other.orgId);
    try {
      const woken = watch.next(60_000);
      apiA.app.get(GatewaySyncNotifier).changed(other.orgId);
      // No fallback timer here: without pub/sub this would wait the full minute and the test would time out.
      await woken;
    } finally {
      watch.close();
    }
  });

  it("refuses a missing or unknown gateway credential with 401, and user tokens too", async () => {
    expect((await fetch(`${apiA.url}/v1/gateway/sync`)).status).toBe(401);
    expect((await gatewayClient(apiA, "kt_gw_unknown").sync()).status).toBe(401);
    const asUser = await fetch(`${apiA.url}/v1/gateway/sync`, { headers: { authorization: `Bearer ${org.session.token}` } });
    expect(asUser.status).toBe(401);
  });

  it("never serves another org's keys or config", async () => {
    const mine = await managedSetup(apiA, org, "iso");
    const theirs = await managedSetup(apiA, other, "iso");
    await issueKey(other.as.admin, { name: "their-key", teamId: theirs.team.id, gatewayId: theirs.gateway.id });
    const body = await syncBody(await mine.gw.sync());
    expect(body.orgId).toBe(org.orgId);
    expect(body.keys).toEqual([]);
    expect(body.config!.name).toBe(mine.config.name);
  });
});
