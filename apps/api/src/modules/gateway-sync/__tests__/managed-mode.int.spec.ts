import { ZEventPage } from "@kt/contract";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAi, type FakeOpenAi } from "../../../test/fake-openai";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { startManagedGateway, type ManagedGatewayProcess } from "../../../test/managed-gateway";
import { createConfig, issueKey } from "../../gateways/__tests__/control-plane.fixtures";
import {
  allowModels,
  chat,
  eventually,
  fakeProviderYaml,
  gatewayHealth,
  gatewayView,
  PROVIDER_ENV,
  registerManagedGateway,
} from "./managed-gateway.fixtures";

/** What the product promises for a config or key change to reach a running gateway. */
const APPLIED_WITHIN_MS = 5_000;
/** Heartbeats come every 10 s; what the API shows of the gateway follows within one or two. */
const HEARTBEAT_WITHIN_MS = 30_000;

/**
 * A real `kt gateway run --control-plane` process managed by the real API: everything it serves comes from what an
 * admin did through the API (configs, versions, assignment, keys), and its events come back through ingest. Only
 * the LLM provider is a fake (a real HTTP server speaking OpenAI's wire format).
 */
describe("a managed gateway follows the API", { timeout: 120_000 }, () => {
  let api: TestApi;
  let org: TestOrg;
  let provider: FakeOpenAi;
  let setup: Awaited<ReturnType<typeof registerManagedGateway>>;
  let gateway: ManagedGatewayProcess;
  let client: OpenAI;

  beforeAll(async () => {
    [api, provider] = await Promise.all([startApi(), startFakeOpenAi()]);
    org = await createOrg(api, "managed-mode");
    setup = await registerManagedGateway(org, {
      label: "managed",
      yaml: fakeProviderYaml(provider.url, allowModels(["gpt-4o-mini"])),
    });
    gateway = await startManagedGateway(api.url, setup.gateway.credential, { env: PROVIDER_ENV });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: setup.key.secret, maxRetries: 0 });
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([api?.close(), provider?.close()]);
  });

  const ask = (model: string, apiKey = setup.key.secret) =>
    client.chat.completions.create(
      { model, messages: [{ role: "user", content: "x" }] },
      { headers: { authorization: `Bearer ${apiKey}` } },
    );
  const refusal = (model: string, apiKey?: string) =>
    ask(model, apiKey).then(
      () => null,
      (e: unknown) => e,
    );

  it("pulls its config and keys, serves a call, and the call's event is in GET /v1/events", async () => {
    const user = `managed-${Date.now()}@example.test`;
    const res = await chat(gateway.url, setup.key.secret, { user, content: "hi" });
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content,
    ).toBe("echo: hi");
    const eventId = res.headers.get("x-kt-event-id");
    expect(eventId).toEqual(expect.any(String));

    let page = ZEventPage.parse({ items: [], nextCursor: null });
    await eventually("the event in GET /v1/events", 15_000, async () => {
      page = ZEventPage.parse(
        (await org.as.viewer.get(`/v1/events?since=10m&user=${encodeURIComponent(user)}`)).body,
      );
      return page.items.length > 0;
    });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: eventId,
      gatewayId: setup.gateway.id,
      teamId: setup.team.id,
      keyId: setup.key.id,
      configVersion: 1,
      model: "gpt-4o-mini",
      status: "success",
    });

    await eventually(
      "a heartbeat reporting version 1 in force",
      HEARTBEAT_WITHIN_MS,
      async () => (await gatewayView(org, setup.gateway.id)).configVersionInForce === 1,
    );
    expect(await gatewayView(org, setup.gateway.id)).toMatchObject({
      version: "0.1.0",
      status: "healthy",
      assignedConfigVersion: 1,
    });
  });

  it("applies a new config version saved through the API within 5 s, without a restart", async () => {
    expect(await refusal("gpt-4o")).toBeInstanceOf(OpenAI.PermissionDeniedError);
    const saved = await org.as.admin.post(`/v1/policy-configs/${setup.config.id}/versions`, {
      yaml: fakeProviderYaml(provider.url, allowModels(["gpt-4o-mini", "gpt-4o"])),
      message: "allow gpt-4o",
    });
    expect(saved.status).toBe(201);
    await eventually("gpt-4o allowed", APPLIED_WITHIN_MS, async () => (await refusal("gpt-4o")) === null);
    expect((await gatewayHealth(gateway.url)).configVersion).toBe(2);
    await eventually(
      "a heartbeat reporting version 2 in force",
      HEARTBEAT_WITHIN_MS,
      async () => (await gatewayView(org, setup.gateway.id)).configVersionInForce === 2,
    );
  });

  it("applies another config carrying the same version number when the gateway is moved to it", async () => {
    const other = await createConfig(org.as.admin, {
      name: "config-moved-to",
      yaml: fakeProviderYaml(provider.url, allowModels(["gpt-4o-mini", "gpt-4o"])),
      teamId: setup.team.id,
    });
    const v2 = await org.as.admin.post(`/v1/policy-configs/${other.id}/versions`, {
      yaml: fakeProviderYaml(provider.url, allowModels(["gpt-4o-mini"])),
      message: "gpt-4o-mini only",
    });
    expect(v2.body).toMatchObject({ created: true, config: { current: { number: 2 } } });
    expect(await refusal("gpt-4o")).toBeNull();

    const moved = await org.as.admin.put(`/v1/gateways/${setup.gateway.id}/policy-config`, {
      policyConfigId: other.id,
    });
    expect(moved.status).toBe(200);
    await eventually(
      "the moved-to config blocking gpt-4o",
      APPLIED_WITHIN_MS,
      async () => (await refusal("gpt-4o")) instanceof OpenAI.PermissionDeniedError,
    );
    expect((await gatewayHealth(gateway.url)).configVersion).toBe(2);
    expect(await gatewayView(org, setup.gateway.id)).toMatchObject({
      policyConfigId: other.id,
      assignedConfigVersion: 2,
    });
  });

  it("refuses a revoked key within 5 s, with a 401 in OpenAI's format", async () => {
    const doomed = await issueKey(org.as.admin, {
      name: "doomed",
      teamId: setup.team.id,
      gatewayId: setup.gateway.id,
    });
    await eventually(
      "the new key served",
      APPLIED_WITHIN_MS,
      async () => (await refusal("gpt-4o-mini", doomed.secret)) === null,
    );

    expect((await org.as.admin.post(`/v1/gateway-keys/${doomed.id}/revoke`)).status).toBe(200);
    await eventually(
      "the revoked key refused",
      APPLIED_WITHIN_MS,
      async () => (await refusal("gpt-4o-mini", doomed.secret)) instanceof OpenAI.AuthenticationError,
    );
    const res = await chat(gateway.url, doomed.secret);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        message: expect.any(String),
        type: "invalid_request_error",
        param: null,
        code: expect.any(String),
      },
    });
    expect(await refusal("gpt-4o-mini")).toBeNull();
  });

  it("serves a rotated key's new secret, the old one through its grace period only", async () => {
    const key = await issueKey(org.as.admin, {
      name: "rotating",
      teamId: setup.team.id,
      gatewayId: setup.gateway.id,
    });
    await eventually(
      "the key served",
      APPLIED_WITHIN_MS,
      async () => (await refusal("gpt-4o-mini", key.secret)) === null,
    );

    const graced = await org.as.admin.post(`/v1/gateway-keys/${key.id}/rotate`, { gracePeriodSeconds: 3600 });
    expect(graced.status).toBe(200);
    await eventually(
      "the rotated secret served",
      APPLIED_WITHIN_MS,
      async () => (await refusal("gpt-4o-mini", graced.body.secret)) === null,
    );
    expect(await refusal("gpt-4o-mini", key.secret)).toBeNull();

    const ungraced = await org.as.admin.post(`/v1/gateway-keys/${key.id}/rotate`, { gracePeriodSeconds: 0 });
    expect(ungraced.status).toBe(200);
    await eventually(
      "the second rotation served",
      APPLIED_WITHIN_MS,
      async () => (await refusal("gpt-4o-mini", ungraced.body.secret)) === null,
    );
    await eventually("the previous secrets refused", APPLIED_WITHIN_MS, async () => {
      const [first, second] = await Promise.all([
        refusal("gpt-4o-mini", key.secret),
        refusal("gpt-4o-mini", graced.body.secret),
      ]);
      return first instanceof OpenAI.AuthenticationError && second instanceof OpenAI.AuthenticationError;
    });
  });
});
