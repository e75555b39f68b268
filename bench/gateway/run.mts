/**
 * Gateway benchmark: the same load sent direct to a mock upstream (zero think time), through a minimal Node proxy
 * (node:http + undici, no policies: the floor), through kt's gateway (full policy chain; and with no policies) and
 * through Portkey's open-source gateway. Prints throughput, p50/p99 latency, CPU per request of each server, ratios.
 * Run: pnpm --filter @kt/gateway build && pnpm --filter @kt/bench gateway   (ports BENCH_PORT_BASE+101..106, default
 * 42101-42106; about 2 minutes). BENCH_SECONDS (default 5) per measured run, after 2 s of warm-up that is not recorded.
 * Each target runs alone with the upstream (started for its runs, stopped after) and is warmed first by
 * BENCH_WARM_SECONDS (default 4) of closed-loop load, so neither idle servers, nor the backlog of a server that could
 * not keep up with the run before, nor code the JIT has not compiled yet, weigh on its figures.
 *
 * The load generator (loadgen.mts) is its own process. Fixed-rate runs are open loop: each request is due at a
 * fixed time and its latency runs from then, so queueing behind a slow server counts. "Added latency" is a proxy's
 * latency minus direct's at the same offered rate in the same run.
 * "CPU µs/req" is the server process's user+system CPU over the recorded window (from /proc) divided by the requests
 * answered: it hardly depends on what else loads the machine, unlike latency and throughput.
 * BENCH_PIN=1 pins the proxies to CPU 0 and the upstream and the load generator to CPU 1.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ZNormalizedPolicyConfig } from "@kt/contract";
import { PolicyChain, Redactor } from "@kt/gateway";
import type { TLoadResult, TLoadSpec } from "./loadgen.mts";
import { REQUEST_CHAIN_POLICIES } from "./full-chain.mts";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 2;
const WARM_CLOSED_LOOP_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 4);
const CONNECTIONS = 32;
const RATE = Number(process.env.BENCH_RATE ?? 2000);
const BASE = Number(process.env.BENCH_PORT_BASE ?? 42000);
const [UPSTREAM, KT, PORTKEY, KT_BARE, MINIMAL, KT_2W] = [101, 102, 103, 104, 105, 106].map((p) => BASE + p);
const PIN = process.env.BENCH_PIN === "1";
const KEY = "kt_gk_bench_0123456789abcdefghijkl";
const children: ChildProcess[] = [];

function command(args: string[], cpu?: number): [string, string[]] {
  return PIN && cpu !== undefined
    ? ["taskset", ["-c", String(cpu), process.execPath, ...args]]
    : [process.execPath, args];
}

function start(
  args: string[],
  env: Record<string, string>,
  readyText: RegExp,
  cpu?: number,
): Promise<ChildProcess> {
  const [cmd, argv] = command(args, cpu);
  const child = spawn(cmd, argv, {
    cwd: here,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => readyText.test(d.toString()) && resolve(child);
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
  });
}

// About 1 KB of ordinary business prose: what the chain sees on a typical call.
const prompt = (
  "Summarise the attached quarterly report for the finance team. Revenue grew in every region, " +
  "operating costs stayed flat, and the new product line reached break-even two months early. "
)
  .repeat(6)
  .slice(0, 1000);
const payload = JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });

/** User+system CPU of a process and its children (cluster workers) in µs (Linux /proc; 0 elsewhere). */
function cpuUs(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return (Number(f[11]) + Number(f[12])) * 10_000 + children.reduce((sum, c) => sum + cpuUs(Number(c)), 0);
  } catch {
    return 0;
  }
}

type TRow = TLoadResult & { name: string; offered: string; serverCpuUs: number; upstreamCpuUs: number };

/** Runs the load generator in its own process; reads the server's and the upstream's CPU over the recorded window. */
function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  server: ChildProcess,
  upstream: ChildProcess,
  rate?: number,
  seconds = SECONDS,
  warmupSeconds = WARMUP_SECONDS,
): Promise<TRow> {
  const spec: TLoadSpec = {
    url,
    headers: { "content-type": "application/json", ...headers },
    body: payload,
    mode: rate ? "rate" : "max",
    rate,
    connections: CONNECTIONS,
    seconds,
    warmupSeconds,
  };
  const [cmd, argv] = command(["--import", "tsx", "loadgen.mts", JSON.stringify(spec)], 1);
  const gen = spawn(cmd, argv, { cwd: here, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  let cpu0 = [0, 0];
  gen.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.includes("measuring\n") && !cpu0[0]) cpu0 = [cpuUs(server.pid), cpuUs(upstream.pid)];
  });
  return new Promise((resolve, reject) => {
    gen.once("exit", (code) => {
      const cpu = [cpuUs(server.pid) - cpu0[0], cpuUs(upstream.pid) - cpu0[1]];
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) return reject(new Error(`load generator for ${name} exited with ${code}`));
      const r = JSON.parse(line) as TLoadResult;
      const n = Math.max(1, r.completed);
      resolve({
        ...r,
        name,
        offered: rate ? `${rate}/s` : "max",
        serverCpuUs: cpu[0] / n,
        upstreamCpuUs: server === upstream ? 0 : cpu[1] / n,
      });
    });
  });
}

/** The policy chain alone, in this process: what the gateway adds on top of proxying. */
function chainLatency(): { p50: number; p99: number } {
  const chain = new PolicyChain(
    ZNormalizedPolicyConfig.parse({
      name: "chain-only",
      policies: REQUEST_CHAIN_POLICIES,
    }),
  );
  const run = () =>
    chain.runRequest(
      [{ role: "user", content: prompt }],
      { model: "gpt-4o-mini", teamId: null, stage: "request", budget: null },
      new Redactor(),
    );
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

/** Stops a server and waits until it is gone (its port and CPU with it). */
async function stop(server: ChildProcess): Promise<void> {
  const pid = server.pid;
  if (!pid) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(pid, "SIGKILL");
}

/** The pid that listens on a port (Portkey serves from a child process of the one we start). */
function listenerPid(port: number, fallback: ChildProcess): ChildProcess {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = Number(/pid=(\d+)/.exec(out)?.[1]);
  if (!pid || pid === fallback.pid) return fallback;
  children.push({ pid, kill: (sig: NodeJS.Signals) => process.kill(pid, sig) } as unknown as ChildProcess);
  return { pid } as ChildProcess;
}

const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function main() {
  const loadBefore = loadavg();
  if (PIN) execFileSync("taskset", ["-a", "-cp", "1", String(process.pid)], { stdio: "ignore" });
  const chainOnly = chainLatency();
  const upstream = await start(["--import", "tsx", "upstream.mts"], { PORT: String(UPSTREAM) }, /ready/, 1);
  const upstreamEnv = { UPSTREAM_PORT: String(UPSTREAM), KT_KEY: KEY };
  const ktServer = (port: number, env: Record<string, string>) => () =>
    start(["--import", "tsx", "kt-gateway.mts"], { PORT: String(port), ...upstreamEnv, ...env }, /ready/, 0);
  const portkeyEntry = path.join(
    path.dirname(require.resolve("@portkey-ai/gateway/package.json")),
    "build/start-server.js",
  );
  const url = (port: number) => `http://127.0.0.1:${port}/v1/chat/completions`;
  const ktHeaders = { authorization: `Bearer ${KEY}` };
  const pkHeaders = {
    authorization: "Bearer sk-bench",
    "x-portkey-provider": "openai",
    "x-portkey-custom-host": `http://127.0.0.1:${UPSTREAM}/v1`,
  };
  type TTarget = {
    name: string;
    url: string;
    headers: Record<string, string>;
    /** Starts the server (none for direct: the upstream itself); resolves with the process whose CPU is counted. */
    start?: () => Promise<ChildProcess>;
    /** Measured at max throughput only. */
    maxOnly?: boolean;
  };
  const targets: Record<string, TTarget> = {
    direct: { name: "upstream direct", url: url(UPSTREAM), headers: {} },
    minimal: {
      name: "minimal proxy (node:http+undici)",
      url: url(MINIMAL),
      headers: {},
      start: () =>
        start(
          ["--import", "tsx", "minimal-proxy.mts"],
          { PORT: String(MINIMAL), UPSTREAM_PORT: String(UPSTREAM) },
          /ready/,
          0,
        ),
    },
    kt: { name: "kt gateway, full chain", url: url(KT), headers: ktHeaders, start: ktServer(KT, {}) },
    kt2w: {
      name: "kt gateway, full chain, 2 workers",
      url: url(KT_2W),
      headers: ktHeaders,
      start: ktServer(KT_2W, { KT_WORKERS: "2" }),
    },
    bare: {
      name: "kt gateway, no policies",
      url: url(KT_BARE),
      headers: ktHeaders,
      start: ktServer(KT_BARE, { KT_CHAIN: "none" }),
    },
    portkey: {
      name: "Portkey gateway",
      url: url(PORTKEY),
      headers: pkHeaders,
      maxOnly: true,
      start: async () =>
        listenerPid(
          PORTKEY,
          await start(
            [portkeyEntry, `--port=${PORTKEY}`],
            {},
            new RegExp(`running at[\\s\\S]*${PORTKEY}|:${PORTKEY}`),
            0,
          ),
        ),
    },
  };

  // Each target is measured with only the upstream and itself running, so neither idle servers nor the backlog of
  // a server that could not keep up with the previous run weigh on it. A closed-loop warm-up (not recorded) lets
  // the JIT settle first: otherwise a fixed-rate run records the backlog that the still-cold code built.
  const rows: TRow[] = [];
  const atRate: Record<string, TRow> = {};
  const atMax: Record<string, TRow> = {};
  for (const [key, t] of Object.entries(targets)) {
    const server = t.start ? await t.start() : upstream;
    await new Promise((r) => setTimeout(r, 300));
    try {
      await load(t.name, t.url, t.headers, server, upstream, undefined, WARM_CLOSED_LOOP_SECONDS, 0);
      await new Promise((r) => setTimeout(r, 500));
      if (!t.maxOnly) rows.push((atRate[key] = await load(t.name, t.url, t.headers, server, upstream, RATE)));
      rows.push((atMax[key] = await load(t.name, t.url, t.headers, server, upstream)));
    } finally {
      if (server !== upstream) await stop(server);
    }
  }

  const pinning = PIN ? "proxies pinned to CPU 0, upstream and load generator to CPU 1" : "nothing pinned";
  console.log(
    `\n${SECONDS}s recorded per run after ${WARMUP_SECONDS}s warm-up (each target alone with the upstream, after ${WARM_CLOSED_LOOP_SECONDS}s of closed-loop warm-up), ~1 KB prompt, load generator in its own process (open loop at a fixed rate, or ${CONNECTIONS} connections closed loop at max), one 2-core machine shared by all processes (${pinning}); load average before: ${loadBefore}, after: ${loadavg()}\n`,
  );
  console.log(
    "target                            offered    req/s   p50 ms   p99 ms  non-2xx+err  CPU µs/req: server  upstream  loadgen",
  );
  for (const r of rows) {
    const bad = r.non2xx + r.errors + r.unsent;
    console.log(
      `${r.name.padEnd(33)} ${r.offered.padStart(7)}  ${r.rps.toFixed(0).padStart(7)}  ${r.p50.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}  ${String(bad).padStart(11)}  ${r.serverCpuUs.toFixed(0).padStart(18)}  ${r.upstreamCpuUs.toFixed(0).padStart(8)}  ${r.loadgenCpuUs.toFixed(0).padStart(7)}`,
    );
  }
  const { direct: d, minimal: m, kt: k, kt2w: k2 } = atRate;
  console.log("\nratios");
  console.log(
    `  throughput at max: kt / Portkey ${(atMax.kt.rps / atMax.portkey.rps).toFixed(1)}x; kt / minimal proxy ${(atMax.kt.rps / atMax.minimal.rps).toFixed(2)}; kt / direct ${(atMax.kt.rps / atMax.direct.rps).toFixed(2)}`,
  );
  console.log(
    `  CPU per request at max: kt full chain / minimal proxy ${(atMax.kt.serverCpuUs / atMax.minimal.serverCpuUs).toFixed(2)}; kt no policies / minimal proxy ${(atMax.bare.serverCpuUs / atMax.minimal.serverCpuUs).toFixed(2)}; kt / Portkey ${(atMax.kt.serverCpuUs / atMax.portkey.serverCpuUs).toFixed(2)}`,
  );
  console.log(
    `  policy chain alone on the 1 KB prompt (in-process): p50 ${(chainOnly.p50 / 1000).toFixed(3)} ms, p99 ${(chainOnly.p99 / 1000).toFixed(3)} ms`,
  );
  console.log(
    `  added latency at ${RATE}/s, kt - direct: p50 ${(k.p50 - d.p50).toFixed(2)} ms, p99 ${(k.p99 - d.p99).toFixed(2)} ms (targets ≤ 0.5 and ≤ 3); kt 2 workers - direct: p50 ${(k2.p50 - d.p50).toFixed(2)} ms, p99 ${(k2.p99 - d.p99).toFixed(2)} ms; minimal proxy - direct: p50 ${(m.p50 - d.p50).toFixed(2)} ms, p99 ${(m.p99 - d.p99).toFixed(2)} ms`,
  );
  console.log(
    `  throughput at max, kt 2 workers / kt 1 process: ${(atMax.kt2w.rps / atMax.kt.rps).toFixed(2)}; CPU per request 2 workers / 1 process: ${(atMax.kt2w.serverCpuUs / atMax.kt.serverCpuUs).toFixed(2)}`,
  );
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children.reverse()) {
      try {
        c.kill("SIGTERM");
      } catch {
        // already gone
      }
    }
  });
