import { createServer } from "node:http";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, startFakeAnthropic, startFakeOpenAi, type TFakeServer } from "./fake-openai";
import { openAiTarget, standalone } from "./harness";

let openai: TFakeServer;
let backup: TFakeServer;
let anthropic: TFakeServer;

beforeAll(async () => {
  process.env.FAKE_OPENAI_KEY = "sk-upstream";
  process.env.FAKE_ANTHROPIC_KEY = "sk-ant-upstream";
  openai = await startFakeOpenAi();
  backup = await startFakeOpenAi({ reply: () => "from backup" });
  anthropic = await startFakeAnthropic();
});
afterAll(async () => {
  await Promise.all([openai.close(), backup.close(), anthropic.close()]);
});

const anthropicTarget = () => ({ id: "claude", provider: "anthropic", baseUrl: anthropic.url, secretEnv: "FAKE_ANTHROPIC_KEY", models: ["claude-*"] });

describe("providers", () => {
  it("translates a chat request to Anthropic's Messages API and back", async () => {
    const gw = await standalone({ name: "a", providers: [anthropicTarget()], policies: [] });
    try {
      const res = await gw.client.chat.completions.create({
        model: "claude-3-5-sonnet-20241022",
        messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hello claude" }],
        max_tokens: 100,
      });
      expect(res.choices[0].message.content).toBe("claude says: hello claude");
      expect(res.choices[0].finish_reason).toBe("stop");
      expect(res.usage).toMatchObject({ prompt_tokens: 21, completion_tokens: 4 });
      const sent = anthropic.received.at(-1)!;
      expect(sent.path).toBe("/v1/messages");
      expect(sent.headers["x-api-key"]).toBe("sk-ant-upstream");
      expect(sent.headers["anthropic-version"]).toBe("2023-06-01");
      expect(sent.body).toMatchObject({ system: "be brief", max_tokens: 100, messages: [{ role: "user", content: [{ type: "text", text: "hello claude" }] }] });
      const ev = gw.events().at(-1)!;
      expect(ev).toMatchObject({ provider: "anthropic", promptTokens: 21, completionTokens: 4 });
      expect(ev.costUsd).toBeCloseTo((21 * 3 + 4 * 15) / 1e6, 12);
    } finally {
      await gw.close();
    }
  });

  it("streams from Anthropic as OpenAI chunks with exact usage", async () => {
    const gw = await standalone({ name: "a", providers: [anthropicTarget()], policies: [] });
    try {
      const stream = await gw.client.chat.completions.create({ model: "claude-sonnet-4", messages: [{ role: "user", content: "stream it now" }], stream: true });
      let text = "";
      let finish: string | null = null;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? "";
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      expect(text).toBe("claude says: stream it now");
      expect(finish).toBe("stop");
      expect(gw.events().at(-1)).toMatchObject({ stream: true, promptTokens: 21, completionTokens: 5, tokensEstimated: false });
    } finally {
      await gw.close();
    }
  });

  it("calls Azure OpenAI deployment URLs with api-version and api-key", async () => {
    const gw = await standalone({
      name: "az",
      providers: [{ id: "az", provider: "azure-openai", baseUrl: `http://127.0.0.1:${openai.port}`, secretEnv: "FAKE_OPENAI_KEY", apiVersion: "2024-10-21", deployments: { "gpt-4o": "prod-4o" } }],
      policies: [],
    });
    try {
      await gw.client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
      const sent = openai.received.at(-1)!;
      expect(sent.path).toBe("/openai/deployments/prod-4o/chat/completions?api-version=2024-10-21");
      expect(sent.headers["api-key"]).toBe("sk-upstream");
      expect(gw.events().at(-1)!.provider).toBe("azure-openai");
    } finally {
      await gw.close();
    }
  });

  it("fails over on 5xx, on refused connections and on timeouts", async () => {
    const failing = await startFakeOpenAi({ status: 503 });
    const slow = await startFakeOpenAi({ delayMs: 2_000 });
    const dead = createServer();
    const deadPort = await listen(dead);
    await new Promise((r) => dead.close(r));
    const gw = await standalone({
      name: "fo",
      providers: [
        openAiTarget(failing.url, { id: "failing" }),
        openAiTarget(`http://127.0.0.1:${deadPort}/v1`, { id: "dead" }),
        openAiTarget(slow.url, { id: "slow", timeoutMs: 200 }),
        openAiTarget(backup.url, { id: "backup" }),
      ],
      policies: [],
    });
    try {
      const res = await gw.client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
      expect(res.choices[0].message.content).toBe("from backup");
      const stream = await gw.client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }], stream: true });
      let text = "";
      for await (const c of stream) text += c.choices[0]?.delta?.content ?? "";
      expect(text).toBe("from backup");
      const metrics = await (await fetch(`${gw.url}/metrics`)).text();
      expect(metrics).toMatch(/kt_gateway_upstream_errors_total\{target="failing",reason="server_error"\} 2/);
      expect(metrics).toMatch(/kt_gateway_upstream_errors_total\{target="dead",reason="connect"\} 2/);
      expect(metrics).toMatch(/kt_gateway_upstream_errors_total\{target="slow",reason="timeout"\} 2/);
    } finally {
      await gw.close();
      await failing.close();
      await slow.close();
    }
  });

  it("answers 502 when every target fails, as the client's InternalServerError", async () => {
    const failing = await startFakeOpenAi({ status: 500 });
    const gw = await standalone({ name: "x", providers: [openAiTarget(failing.url)], policies: [] });
    try {
      const err = await gw.client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
      expect(err).toBeInstanceOf(OpenAI.InternalServerError);
      expect(err.status).toBe(502);
      expect(gw.events().at(-1)).toMatchObject({ status: "error", httpStatus: 502 });
    } finally {
      await gw.close();
      await failing.close();
    }
  });

  it("serves the deterministic demo provider without network", async () => {
    const gw = await standalone({ name: "demo", providers: [{ id: "demo", provider: "demo" }], policies: [] });
    try {
      const ask = () => gw.client.chat.completions.create({ model: "demo", messages: [{ role: "user", content: "What is kt?" }] });
      const [a, b] = [await ask(), await ask()];
      expect(a.choices[0].message.content).toBe(b.choices[0].message.content);
      expect(a.choices[0].message.content).toContain("What is kt?");
      expect(a.usage!.completion_tokens).toBeGreaterThan(10);
      const stream = await gw.client.chat.completions.create({ model: "demo", messages: [{ role: "user", content: "What is kt?" }], stream: true });
      let text = "";
      for await (const c of stream) text += c.choices[0]?.delta?.content ?? "";
      expect(text).toBe(a.choices[0].message.content);
      expect(gw.events().at(-1)!.costUsd).toBeGreaterThan(0);
    } finally {
      await gw.close();
    }
  });
});
