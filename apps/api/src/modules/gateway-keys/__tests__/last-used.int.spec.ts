import { ZGatewayKeyList } from "@kt/contract";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";

describe("gateway key last used", () => {
  let api: TestApi;
  let org: TestOrg;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "lastused");
  });
  afterAll(() => api?.close());

  it("is the time of the key's latest event, and a replayed older event does not move it back", async () => {
    const team = (await org.as.admin.post("/v1/teams", { name: "Keys" })).body;
    const gateway = (await org.as.admin.post("/v1/gateways", { name: "gw-last-used", teamId: team.id })).body;
    const key = (
      await org.as.admin.post("/v1/gateway-keys", { name: "app", teamId: team.id, gatewayId: gateway.id })
    ).body;
    const listed = async () =>
      ZGatewayKeyList.parse((await org.as.admin.get("/v1/gateway-keys")).body).items.find(
        (k) => k.id === key.id,
      )!;
    expect((await listed()).lastUsedAt).toBeNull();

    const event = (ts: string) => ({
      id: uuidv7({ msecs: Date.parse(ts) }),
      ts,
      teamId: team.id,
      keyId: key.id,
      model: "gpt-4o-mini",
      provider: "openai",
      costUsd: 0.001,
      latencyMs: 100,
      policyLatencyMs: 0.1,
      status: "success",
      httpStatus: 200,
      action: "allowed",
    });
    const gatewayClient = org.as.admin.as(gateway.credential);
    const newer = new Date(Date.now() - 60_000).toISOString();
    expect((await gatewayClient.post("/v1/ingest/events", { events: [event(newer)] })).status).toBe(200);
    const deadline = Date.now() + 5_000;
    while ((await listed()).lastUsedAt === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect((await listed()).lastUsedAt).toBe(newer);

    const older = new Date(Date.now() - 3_600_000).toISOString();
    expect((await gatewayClient.post("/v1/ingest/events", { events: [event(older)] })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect((await listed()).lastUsedAt).toBe(newer);
  });
});
