import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAi, type TFakeServer } from "./fake-openai";
import { KEY, keyRecord, openAiTarget, standalone, type TStandalone } from "./harness";

let upstream: TFakeServer;
let gw: TStandalone;
const REVOKED = "kt_gk_revoked_aaaaaaaaaaaaaaaaaaaa";
const EXPIRED = "kt_gk_expired_bbbbbbbbbbbbbbbbbbbb";

beforeAll(async () => {
  process.env.FAKE_OPENAI_KEY = "sk-upstream-secret";
  upstream = await startFakeOpenAi();
  gw = await standalone(
    {
      name: "wire",
      providers: [openAiTarget(upstream.url)],
      policies: [{ name: "allow", type: "model-allowlist", action: "block", models: ["gpt-4o-mini", "gpt-4o"] }],
    },
    [keyRecord(KEY), keyRecord(REVOKED, { revokedAt: new Date(Date.now() - 1000).toISOString() }), keyRecord(EXPIRED, { expiresAt: new Date(Date.now() - 1000).toISOString() })],
  );
});
afterAll(async () => {
  await gw.close();
  await upstream.close();
});

describe("OpenAI wire compatibility", () => {
  it("answers a plain chat completion through the official client and writes one event", async () => {
    const res = await gw.client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hello there" }], user: "alice" });
    expect(res.choices[0].message.content).toBe("echo: hello there");
    expect(res.usage?.prompt_tokens).toBe(11);
    expect(upstream.received.at(-1)!.headers.authorization).toBe("Bearer sk-upstream-secret");
    const ev = gw.events().at(-1)!;
    expect(ev).toMatchObject({ status: "success", action: "allowed", provider: "openai", model: "gpt-4o-mini", endUser: "alice", keyId: "key-ghij", teamId: "team-a", promptTokens: 11, completionTokens: 3, tokensEstimated: false, stream: false });
    expect(ev.costUsd).toBeCloseTo((11 * 0.15 + 3 * 0.6) / 1e6, 12);
    expect(ev.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(JSON.stringify(ev)).not.toContain("sk-upstream-secret");
  });

  it("streams, asks the provider for usage and records exact tokens", async () => {
    const stream = await gw.client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "count to three please" }], stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text).toBe("echo: count to three please");
    expect((upstream.received.at(-1)!.body.stream_options as { include_usage: boolean }).include_usage).toBe(true);
    const ev = gw.events().at(-1)!;
    expect(ev).toMatchObject({ stream: true, status: "success", promptTokens: 11, completionTokens: 5, tokensEstimated: false });
    expect(ev.costUsd).toBeGreaterThan(0);
  });

  it("passes usage to a streaming client that asked for it", async () => {
    const stream = await gw.client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], stream: true, stream_options: { include_usage: true } });
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    expect(usage?.completion_tokens).toBe(2);
  });

  it("counts tokens with the tokenizer when the provider gives no usage", async () => {
    upstream.behaviour.omitUsage = true;
    try {
      const stream = await gw.client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "tokens please" }], stream: true });
      for await (const _ of stream) void _;
    } finally {
      upstream.behaviour.omitUsage = false;
    }
    const ev = gw.events().at(-1)!;
    expect(ev.tokensEstimated).toBe(true);
    expect(ev.promptTokens).toBeGreaterThan(3);
    expect(ev.completionTokens).toBeGreaterThan(3);
    expect(ev.costUsd).toBeGreaterThan(0);
  });

  it("answers 401 for missing, bad, revoked and expired keys as the client's AuthenticationError", async () => {
    for (const apiKey of ["kt_gk_not_a_known_key_xxxxxxxxxxx", "sk-something-else", REVOKED, EXPIRED]) {
      const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey, maxRetries: 0 });
      await expect(client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    }
    const res = await fetch(`${gw.url}/v1/chat/completions`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/Missing gateway key/);
  });

  it("answers 403 for a model outside the allowlist, naming the policy and event", async () => {
    const err = await gw.client.chat.completions.create({ model: "gpt-4-turbo", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(err.message).toMatch(/Blocked by policy "allow"/);
    const ev = gw.events().at(-1)!;
    expect(err.message).toContain(ev.id);
    expect(ev).toMatchObject({ status: "blocked", action: "blocked", httpStatus: 403, blockedBy: { policy: "allow" }, costUsd: 0 });
  });

  it("sends the provider the client's own bytes when no policy changed the request", async () => {
    const sent = `{ "model": "gpt-4o-mini",\n  "messages": [{"role": "user", "content": "caf\u00e9 \\u00e9"}], "x_vendor": {"n": 1.50} }`;
    const res = await fetch(`${gw.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: sent });
    expect(res.status).toBe(200);
    expect(upstream.received.at(-1)!.raw).toBe(sent);
  });

  it("rejects a malformed body with a 400 naming the field", async () => {
    const res = await fetch(`${gw.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ model: "gpt-4o" }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^messages/);
  });

  it("answers a body over 8 MiB with 413 and keeps serving", async () => {
    const big = JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "x".repeat(9 * 1024 * 1024) }] });
    const res = await fetch(`${gw.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${KEY}` }, body: big });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    const ok = await gw.client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "still there?" }] });
    expect(ok.choices[0].message.content).toBe("echo: still there?");
  });

  it("passes a provider's 4xx through as the client's typed error", async () => {
    upstream.behaviour.status = 400;
    const err = await gw.client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    upstream.behaviour.status = undefined;
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it("lists the allowed models, and serves /healthz and /metrics", async () => {
    const models = await gw.client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect((await (await fetch(`${gw.url}/healthz`)).json()).status).toBe("ok");
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    expect(metrics).toMatch(/kt_gateway_requests_total\{status="success",action="allowed",stream="false"\} \d+/);
    expect(metrics).toContain("kt_gateway_policy_duration_seconds_bucket");
    expect(metrics).toContain("kt_gateway_spool_depth");
  });
});
