import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { ZNormalizedPolicyConfig } from "@kt/contract";
import { Agent, request } from "undici";
import { afterEach, expect, it } from "vitest";
import { FakeControlPlane } from "./fake-control-plane";
import { startFakeOpenAi, type TFakeServer } from "./fake-openai";
import { KEY, keyRecord, openAiTarget } from "./harness";

const children: ChildProcess[] = [];
let upstream: TFakeServer;
let cp: FakeControlPlane;

async function spawnGateway(stateDir: string, durability: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", path.join(__dirname, "fixtures/child-gateway.mts")], {
    env: { ...process.env, KT_CP_URL: cp.url, KT_CP_TOKEN: cp.token, KT_STATE_DIR: stateDir, KT_DURABILITY: durability },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`gateway exited with ${code}`)));
  });
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await cp?.stop();
  await upstream?.close();
});

it.each(["write", "fsync"])("loses no acknowledged event when killed with SIGKILL under load while the API is down (durability %s)", async (durability) => {
  upstream = await startFakeOpenAi();
  cp = new FakeControlPlane(ZNormalizedPolicyConfig.parse({ name: "kill", providers: [openAiTarget(upstream.url)], policies: [{ name: "pii", type: "pii-detector", action: "redact" }] }), [keyRecord(KEY)]);
  await cp.start();
  const stateDir = mkdtempSync(path.join(tmpdir(), "kt-kill-"));
  const first = await spawnGateway(stateDir, durability);
  const cpPort = cp.port;
  await cp.stop(); // the API goes away; the gateway keeps serving from its synced config

  const acked = new Set<string>();
  const agent = new Agent({ connections: 16 });
  let stop = false;
  const worker = async () => {
    while (!stop) {
      try {
        const res = await request(`http://127.0.0.1:${first.port}/v1/chat/completions`, {
          method: "POST",
          dispatcher: agent,
          headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "mail me at a@b.example" }] }),
        });
        await res.body.text();
        const id = res.headers["x-kt-event-id"];
        if (res.statusCode === 200 && typeof id === "string") acked.add(id);
      } catch {
        // Requests cut by the kill were never acknowledged.
      }
    }
  };
  const workers = Array.from({ length: 16 }, worker);
  await new Promise((r) => setTimeout(r, 1_500));
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));
  stop = true;
  await Promise.all(workers);
  await agent.close();
  expect(acked.size).toBeGreaterThan(50);

  await cp.start(cpPort);
  await spawnGateway(stateDir, durability);
  const t0 = Date.now();
  while ([...acked].some((id) => !cp.events.has(id)) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 100));

  const missing = [...acked].filter((id) => !cp.events.has(id));
  expect(missing).toEqual([]);
  // Each acknowledged event stored once; no event was delivered twice either (the cursor commits after each batch).
  expect(cp.deliveries).toBe(cp.events.size);
  console.log(`kill -9 test (${durability}): ${acked.size} acknowledged, ${cp.events.size} delivered (${cp.events.size - acked.size} written but unacknowledged when killed), ${cp.deliveries} deliveries`);
}, 60_000);
