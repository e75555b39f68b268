/**
 * bench/budget: the latency a budget reservation adds to a call through a managed gateway.
 * A real API process (from the build) on a throwaway database, a managed gateway (this process, from source) and a
 * zero-think-time OpenAI upstream. Baseline measured in the same run: the same calls by a team without a budget,
 * which make no round trip to the control plane; the budgeted team's calls each reserve their estimated cost first.
 * Calls alternate between the two teams so drift in machine load hits both alike.
 * Run: pnpm --filter @kt/api build && pnpm --filter @kt/bench budget   (env: CALLS=300 per team and phase, PORT=43000)
 */
import { randomBytes, randomUUID } from "node:crypto";
import { Agent, createServer, request as httpRequest } from "node:http";
import { createServer as createNetServer } from "node:net";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startGateway } from "@kt/gateway";
import { createStack, percentile, startApi } from "../ingest/stack";

const CALLS = Number(process.env.CALLS ?? 300);
const PORT = Number(process.env.PORT ?? 43000);

async function call(base: string, method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as any;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The first port from `from` on that nothing listens on (test runs' ephemeral ports can land in our range). */
async function freePort(from: number, skip: number[] = []): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (skip.includes(port)) continue;
    const free = await new Promise<boolean>((r) => {
      const probe = createNetServer();
      probe.once("error", () => r(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => r(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${from + 99}`);
}

function startUpstream(port: number): Promise<() => void> {
  const body = JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion",
    created: 1700000000,
    model: "gpt-4o",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: "Revenue grew while costs held steady." },
        finish_reason: "stop",
      },
    ],
    usage: { prompt_tokens: 40, completion_tokens: 8, total_tokens: 48 },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () =>
      res
        .writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
        .end(body),
    );
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(() => server.close()));
  });
}

const stats = (xs: number[]) => ({
  p50: percentile(xs, 0.5),
  p90: percentile(xs, 0.9),
  p99: percentile(xs, 0.99),
  mean: xs.reduce((a, b) => a + b, 0) / xs.length,
});
const f = (n: number) => n.toFixed(2).padStart(7);

async function main() {
  const stack = await createStack("gwbudget");
  const apiPort = await freePort(PORT);
  const upstreamPort = await freePort(PORT + 10, [apiPort]);
  const gatewayPort = await freePort(PORT + 20, [apiPort, upstreamPort]);
  const api = await startApi(stack, apiPort).catch(async (err) => {
    await stack.drop();
    throw err;
  });
  const apiExited = new Promise((r) => api.proc.once("exit", r));
  let stopUpstream = () => {};
  let gw: Awaited<ReturnType<typeof startGateway>> | null = null;
  let agentRef: Agent | null = null;
  try {
    stopUpstream = await startUpstream(upstreamPort);
    const session = await call(api.url, "POST", "/v1/auth/signup", "", {
      orgName: "Bench budget",
      name: "Bench",
      email: `bench-${randomBytes(3).toString("hex")}@example.test`,
      password: "bench-password-123456",
    });
    const admin = session.token as string;
    const budgeted = await call(api.url, "POST", "/v1/teams", admin, { name: "Budgeted" });
    const free = await call(api.url, "POST", "/v1/teams", admin, { name: "No budget" });
    const yaml = `providers:\n  targets:\n    - id: up\n      provider: openai\n      base_url: http://127.0.0.1:${upstreamPort}/v1\n      secret_key_ref: { env: BENCH_UPSTREAM_KEY }\npolicies:\n  - name: audit\n    type: audit-logger\n    action: log\n`;
    const config = (
      await call(api.url, "POST", "/v1/policy-configs", admin, { name: "bench", yaml, teamId: null })
    ).config;
    const gateway = await call(api.url, "POST", "/v1/gateways", admin, {
      name: "bench-gw",
      policyConfigId: config.id,
    });
    const keyOf = async (teamId: string) =>
      (
        await call(api.url, "POST", "/v1/gateway-keys", admin, {
          name: `k-${teamId}`,
          teamId,
          gatewayId: gateway.id,
        })
      ).secret as string;
    const keys = { budgeted: await keyOf(budgeted.id), free: await keyOf(free.id) };
    await call(api.url, "PUT", `/v1/budgets/${budgeted.id}`, admin, { monthlyLimitUsd: 1_000_000 });
    gw = await startGateway({
      controlPlane: api.url,
      gatewayToken: gateway.credential,
      stateDir: mkdtempSync(join(tmpdir(), "gwbudget-bench-")),
      port: gatewayPort,
      log: () => {},
    });
    const url = `${gw.url}/v1/chat/completions`;
    const payload = JSON.stringify({
      model: "gpt-4o",
      max_tokens: 200,
      messages: [{ role: "user", content: "Summarise the quarterly report in two sentences." }],
    });
    const agent = (agentRef = new Agent({ keepAlive: true, maxSockets: 16 }));
    const once = (key: string) =>
      new Promise<number>((resolve, reject) => {
        const t0 = process.hrtime.bigint();
        const req = httpRequest(
          url,
          {
            method: "POST",
            agent,
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          },
          (res) => {
            res.resume();
            res.on("end", () =>
              res.statusCode === 200
                ? resolve(Number(process.hrtime.bigint() - t0) / 1e6)
                : reject(new Error(`gateway answered ${res.statusCode}`)),
            );
          },
        );
        req.on("error", reject);
        req.end(payload);
      });
    // The sync that lists the budgeted team, then warm-up.
    for (let i = 0; ; i++) {
      await once(keys.budgeted);
      if (
        (await gw.runtime.metrics.budgetReservations.get()).values.some((v) => v.labels.outcome === "granted")
      )
        break;
      if (i > 200) throw new Error("the gateway never reserved for the budgeted team");
      await new Promise((r) => setTimeout(r, 50));
    }
    for (let i = 0; i < 100; i++) await Promise.all([once(keys.budgeted), once(keys.free)]);

    console.log(
      `bench/budget: ${CALLS} calls per team and phase; load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    for (const concurrency of [1, 8]) {
      const lat = { budgeted: [] as number[], free: [] as number[] };
      let next = 0;
      const worker = async () => {
        while (next < CALLS * 2) {
          const team = next++ % 2 === 0 ? "budgeted" : "free";
          lat[team].push(await once(keys[team]));
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const b = stats(lat.budgeted);
      const n = stats(lat.free);
      console.log(`\nconcurrency ${concurrency} (ms)     p50     p90     p99    mean`);
      console.log(`no budget (baseline) ${f(n.p50)} ${f(n.p90)} ${f(n.p99)} ${f(n.mean)}`);
      console.log(`budgeted (reserve)   ${f(b.p50)} ${f(b.p90)} ${f(b.p99)} ${f(b.mean)}`);
      console.log(
        `added by reservation ${f(b.p50 - n.p50)} ${f(b.p90 - n.p90)} ${f(b.p99 - n.p99)} ${f(b.mean - n.mean)}   ratio p50 ${(b.p50 / n.p50).toFixed(2)}x`,
      );
    }
    // The API's side alone: reservations asked directly, one at a time, with no calls (and so no ingest) running.
    await new Promise((r) => setTimeout(r, 1_000));
    const direct: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const t0 = process.hrtime.bigint();
      const r = await call(api.url, "POST", "/v1/gateway/budget/reserve", gateway.credential, {
        teamId: budgeted.id,
        eventId: randomUUID(),
        estimatedCostUsd: 0.001,
        ttlSeconds: 5,
      });
      if (!r.granted) throw new Error("reservation refused");
      direct.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const d = stats(direct);
    console.log(`
direct POST reserve ${f(d.p50)} ${f(d.p90)} ${f(d.p99)} ${f(d.mean)}   (fetch, no calls in flight)`);
    const hist = await gw.runtime.metrics.budgetReserveLatency.get();
    const sum = hist.values.find((v) => v.metricName?.endsWith("_sum"))?.value ?? 0;
    const count = hist.values.find((v) => v.metricName?.endsWith("_count"))?.value ?? 1;
    const outcomes = (await gw.runtime.metrics.budgetReservations.get()).values.map(
      (v) => `${v.labels.outcome}=${v.value}`,
    );
    console.log(
      `\ngateway: reservation round trip mean ${((sum / count) * 1000).toFixed(2)} ms over ${count} (${outcomes.join(", ")})`,
    );
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await gw?.close();
    agentRef?.destroy();
    stopUpstream();
    api.stop();
    await apiExited;
    await stack.drop();
  }
}

await main();
