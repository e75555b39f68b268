import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ZNormalizedPolicyConfig } from "@kt/contract";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TRunningGateway } from "../src";
import { FakeControlPlane } from "./fake-control-plane";
import { startFakeOpenAi, type TFakeServer } from "./fake-openai";
import { KEY, keyRecord, openAiTarget } from "./harness";

let upstream: TFakeServer;
let cp: FakeControlPlane;
let gw: TRunningGateway;
let client: OpenAI;

const configWith = (models: string[]) =>
  ZNormalizedPolicyConfig.parse({
    name: "managed",
    providers: [openAiTarget(upstream.url)],
    policies: [
      { name: "allow", type: "model-allowlist", action: "block", models },
    ],
  });

async function eventually(check: () => Promise<boolean> | boolean, withinMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < withinMs) {
    if (await check()) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${withinMs} ms`);
}

beforeAll(async () => {
  upstream = await startFakeOpenAi();
  cp = new FakeControlPlane(configWith(["gpt-4o-mini"]), [keyRecord(KEY)]);
  await cp.start();
  gw = await startGateway({ controlPlane: cp.url, gatewayToken: cp.token, stateDir: mkdtempSync(path.join(tmpdir(), "kt-managed-")), syncWaitSeconds: 20, log: () => {} });
  client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gw.close();
  await cp.stop();
  await upstream.close();
});

describe("managed mode", () => {
  it("pulls its config and keys, serves, and ships events to the control plane", async () => {
    const res = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
    expect(res.choices[0].message.content).toBe("echo: hi");
    await eventually(() => cp.events.size === 1, 5_000);
    const ev = [...cp.events.values()][0] as { orgId: string; gatewayId: string; configVersion: number; teamId: string };
    expect(ev).toMatchObject({ orgId: "org-1", gatewayId: "gw-1", configVersion: 1, teamId: "team-a" });
    await eventually(() => cp.heartbeats.length > 0, 5_000);
    expect(cp.heartbeats[0]).toMatchObject({ configVersion: 1, version: "0.1.0" });
  });

  it("applies a new config version within 5 s without a restart", async () => {
    await expect(client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] })).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    cp.publish({ config: configWith(["gpt-4o-mini", "gpt-4o"]) });
    const ms = await eventually(async () => {
      const r = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] }).catch(() => null);
      return r !== null;
    }, 5_000);
    expect(ms).toBeLessThan(5_000);
    expect(gw.runtime.current?.configVersion).toBe(2);
  });

  it("applies another config that carries the same version number (a gateway moved to another config)", async () => {
    cp.publish({ config: configWith(["gpt-4o-mini"]), sameVersion: true });
    await eventually(async () => {
      const err = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
      return err instanceof OpenAI.PermissionDeniedError;
    }, 5_000);
    expect(gw.runtime.current?.configVersion).toBe(2);
  });

  it("stops accepting a revoked key within 5 s", async () => {
    cp.publish({ keys: [keyRecord(KEY, { revokedAt: new Date().toISOString() })] });
    await eventually(async () => {
      const err = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
      return err instanceof OpenAI.AuthenticationError;
    }, 5_000);
    cp.publish({ keys: [keyRecord(KEY)] });
    await eventually(async () => (await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }).catch(() => null)) !== null, 5_000);
  });

  it("keeps events on disk while the API is down and delivers them when it returns", async () => {
    cp.ingestStatus = 503;
    const before = cp.events.size;
    for (let i = 0; i < 5; i++) await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `q${i}` }] }).catch(() => null);
    await new Promise((r) => setTimeout(r, 400));
    expect(cp.events.size).toBe(before);
    expect(gw.runtime.sink.depth()).toBeGreaterThanOrEqual(5);
    cp.ingestStatus = 200;
    await eventually(() => cp.events.size >= before + 5 && gw.runtime.sink.depth() === 0, 15_000);
    expect(cp.deliveries).toBe(cp.events.size);
  });
});
