/**
 * Gateway benchmark: the same load sent direct to a mock upstream, through kt's gateway (full policy chain,
 * events fsync'd to disk) and through Portkey's open-source gateway. Prints p50/p99 latency, throughput, ratios.
 * Run: pnpm --filter @kt/gateway build && pnpm --filter @kt/bench gateway   (ports BENCH_PORT_BASE+101..104, default
 * 42101-42104; about 45 s). BENCH_PIN=1 pins the gateways to CPU 0 and the mock upstream and the load generator (this
 * process) to CPU 1, so the load generator does not take the gateway's CPU; compare with an unpinned run.
 * The "CPU µs/req" column is the proxy process's user+system CPU time divided by the requests served (from /proc):
 * on a machine shared with other work it moves less than latency and throughput do.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { ZNormalizedPolicyConfig } from "@kt/contract";
import { PolicyChain, Redactor } from "@kt/gateway";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = 32;
const BASE = Number(process.env.BENCH_PORT_BASE ?? 42000);
const [UPSTREAM, KT, PORTKEY, KT_BARE] = [BASE + 101, BASE + 102, BASE + 103, BASE + 104];
const PIN = process.env.BENCH_PIN === "1";
const KEY = "kt_gk_bench_0123456789abcdefghijkl";
const children: ChildProcess[] = [];

function start(args: string[], env: Record<string, string>, readyText: RegExp, cpu?: number): Promise<ChildProcess> {
  const [cmd, argv] = PIN && cpu !== undefined ? ["taskset", ["-c", String(cpu), process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(cmd, argv, { cwd: here, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => readyText.test(d.toString()) && resolve(child);
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
  });
}

// About 1 KB of ordinary business prose: what the chain sees on a typical call.
const prompt = ("Summarise the attached quarterly report for the finance team. Revenue grew in every region, " +
  "operating costs stayed flat, and the new product line reached break-even two months early. ").repeat(6).slice(0, 1000);
const payload = JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });

type TResult = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuUs: number };

/** User+system CPU of a process in µs (Linux /proc; 0 elsewhere). */
function cpuUs(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * 10_000;
  } catch {
    return 0;
  }
}

async function load(name: string, url: string, headers: Record<string, string>, server: ChildProcess, rate?: number): Promise<TResult> {
  const cpu0 = cpuUs(server.pid);
  const r = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: payload,
    connections: rate ? 16 : CONNECTIONS,
    duration: SECONDS,
    ...(rate ? { overallRate: rate } : {}),
  });
  const cpu = (cpuUs(server.pid) - cpu0) / Math.max(1, r.requests.total);
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, cpuUs: cpu };
}

/** The policy chain alone, in this process: what the gateway adds on top of proxying. */
function chainLatency(): { p50: number; p99: number } {
  const chain = new PolicyChain(
    ZNormalizedPolicyConfig.parse({
      name: "chain-only",
      policies: [
        { name: "models", type: "model-allowlist", action: "block", models: ["gpt-4o-mini"] },
        { name: "secrets", type: "dlp-filter", action: "block" },
        { name: "injection", type: "prompt-injection", action: "block" },
        { name: "safety", type: "content-filter", action: "block" },
        { name: "pii", type: "pii-detector", action: "redact" },
      ],
    }),
  );
  const run = () => chain.runRequest([{ role: "user", content: prompt }], { model: "gpt-4o-mini", teamId: null, stage: "request", budget: null }, new Redactor());
  for (let i = 0; i < 500; i++) run();
  const us: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const t0 = process.hrtime.bigint();
    run();
    us.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  us.sort((a, b) => a - b);
  return { p50: us[1500], p99: us[2970] };
}

const loadBefore = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function main() {
  if (PIN) execFileSync("taskset", ["-a", "-cp", "1", String(process.pid)], { stdio: "ignore" });
  const chainOnly = chainLatency();
  const upstream = await start(["--import", "tsx", "upstream.mts"], { PORT: String(UPSTREAM) }, /ready/, 1);
  const ktGw = await start(["--import", "tsx", "kt-gateway.mts"], { PORT: String(KT), UPSTREAM_PORT: String(UPSTREAM), KT_KEY: KEY }, /ready/, 0);
  const ktBare = await start(["--import", "tsx", "kt-gateway.mts"], { PORT: String(KT_BARE), UPSTREAM_PORT: String(UPSTREAM), KT_KEY: KEY, KT_CHAIN: "none" }, /ready/, 0);
  const portkeyEntry = path.join(path.dirname(require.resolve("@portkey-ai/gateway/package.json")), "build/start-server.js");
  const portkeyGw = await start([portkeyEntry, `--port=${PORTKEY}`], {}, new RegExp(`running at[\\s\\S]*${PORTKEY}|:${PORTKEY}`), 0);
  await new Promise((r) => setTimeout(r, 500));

  const direct = `http://127.0.0.1:${UPSTREAM}/v1/chat/completions`;
  const kt = `http://127.0.0.1:${KT}/v1/chat/completions`;
  const portkey = `http://127.0.0.1:${PORTKEY}/v1/chat/completions`;
  const bare = `http://127.0.0.1:${KT_BARE}/v1/chat/completions`;
  const ktHeaders = { authorization: `Bearer ${KEY}` };
  const pkHeaders = { authorization: "Bearer sk-bench", "x-portkey-provider": "openai", "x-portkey-custom-host": `http://127.0.0.1:${UPSTREAM}/v1` };

  // Warm up JITs and connection pools.
  for (const [u, h] of [[direct, {}], [kt, ktHeaders], [bare, ktHeaders], [portkey, pkHeaders]] as const) await autocannon({ url: u, method: "POST", headers: { "content-type": "application/json", ...h }, body: payload, connections: 8, duration: 1 });

  const results: TResult[] = [];
  results.push(await load("upstream direct (max)", direct, {}, upstream));
  results.push(await load("kt gateway, full chain (max)", kt, ktHeaders, ktGw));
  results.push(await load("Portkey gateway (max)", portkey, pkHeaders, portkeyGw));
  results.push(await load("upstream direct @2000/s", direct, {}, upstream, 2000));
  results.push(await load("kt gateway, full chain @2000/s", kt, ktHeaders, ktGw, 2000));
  results.push(await load("kt gateway, no policies (max)", bare, ktHeaders, ktBare));

  const pinning = PIN ? "gateways pinned to CPU 0, upstream and load generator to CPU 1" : "nothing pinned";
  console.log(`\n${SECONDS}s per run, ~1 KB prompt, ${CONNECTIONS} connections (16 at fixed rate), one 2-core machine shared by all processes (${pinning}); load average before: ${loadBefore}\n`);
  console.log("target                              req/s     p50 ms   p99 ms   errors  non-2xx  CPU µs/req (server)");
  for (const r of results) {
    console.log(`${r.name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)}  ${r.p50.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}  ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${r.cpuUs.toFixed(0).padStart(8)}`);
  }
  const [d, k, p, d2, k2, kb] = results;
  console.log("\nratios");
  console.log(`  kt throughput / Portkey throughput:     ${(k.rps / p.rps).toFixed(1)}x`);
  console.log(`  kt throughput / direct throughput:      ${(k.rps / d.rps).toFixed(2)}`);
  console.log(`  Portkey p50 / kt p50 (max load):        ${(p.p50 / Math.max(k.p50, 0.01)).toFixed(1)}x`);
  console.log(`  CPU per request, kt full chain / Portkey: ${(k.cpuUs / Math.max(1, p.cpuUs)).toFixed(2)}; kt full chain / kt no policies: ${(k.cpuUs / Math.max(1, kb.cpuUs)).toFixed(2)}; kt / upstream: ${(k.cpuUs / Math.max(1, d.cpuUs)).toFixed(1)}`);
  console.log(`  policy chain alone on the 1 KB prompt (in-process): p50 ${(chainOnly.p50 / 1000).toFixed(3)} ms, p99 ${(chainOnly.p99 / 1000).toFixed(3)} ms (target ≤ 0.5 ms p50)`);
  console.log(`  added latency at 2000/s: p50 ${(k2.p50 - d2.p50).toFixed(2)} ms, p99 ${(k2.p99 - d2.p99).toFixed(2)} ms (targets ≤ 0.5 and ≤ 3)`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.kill("SIGTERM");
  });
