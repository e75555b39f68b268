/**
 * Load generator for the gateway benchmark, run as its own process so its CPU is not the servers'. Raw keep-alive
 * sockets with a small HTTP/1.1 response parser (content-length and chunked), so the generator spends little CPU.
 *
 * - `rate` mode is open loop (as wrk2): request i is due at start + i/rate whatever the answers do, and its latency
 *   runs from when it was due, so a server that falls behind is charged its queueing delay (no coordinated omission).
 *   autocannon's overallRate is not that: each connection sends back to back until its per-second quota is used.
 * - `max` mode: N connections, each sends its next request as soon as the previous answer is in.
 * The first `warmupSeconds` are sent but not recorded. Prints one JSON line (TLoadResult); prints "measuring" when
 * the recorded window starts, so the caller can read the servers' CPU over exactly that window.
 */
import net from "node:net";

export type TLoadSpec = {
  url: string;
  headers: Record<string, string>;
  body: string;
  mode: "rate" | "max";
  rate?: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
};

export type TLoadResult = {
  completed: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** Requests that were due but could not be sent before the window closed (rate mode: the target fell behind). */
  unsent: number;
  /** This process's CPU per recorded request, µs. */
  loadgenCpuUs: number;
};

type TPending = { dueMs: number; recorded: boolean };

/** One keep-alive connection; one request in flight at a time. */
class Conn {
  readonly socket: net.Socket;
  busy: TPending | null = null;
  private buf: Buffer = Buffer.alloc(0);

  constructor(
    port: number,
    host: string,
    private readonly onAnswer: (c: Conn, req: TPending, status: number) => void,
    private readonly onError: (c: Conn, req: TPending | null) => void,
  ) {
    this.socket = net.connect(port, host);
    this.socket.setNoDelay(true);
    this.socket.on("data", (d) => this.onData(d));
    this.socket.on("error", () => this.fail());
    this.socket.on("close", () => this.fail());
  }

  private fail(): void {
    const req = this.busy;
    this.busy = null;
    this.onError(this, req);
  }

  send(req: TPending, bytes: Buffer): void {
    this.busy = req;
    this.socket.write(bytes);
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    const done = parseResponse(this.buf);
    if (!done) return;
    this.buf = this.buf.subarray(done.length);
    const req = this.busy!;
    this.busy = null;
    this.onAnswer(this, req, done.status);
  }
}

/** A whole response at the start of `b`, or null if more bytes are needed. */
function parseResponse(b: Buffer): { status: number; length: number } | null {
  const headEnd = b.indexOf("\r\n\r\n");
  if (headEnd < 0) return null;
  const head = b.toString("latin1", 0, headEnd);
  const status = Number(head.slice(9, 12));
  const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  let at = headEnd + 4;
  if (cl) {
    const end = at + Number(cl[1]);
    return b.length >= end ? { status, length: end } : null;
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return { status, length: at };
  for (;;) {
    const lineEnd = b.indexOf("\r\n", at);
    if (lineEnd < 0) return null;
    const size = parseInt(b.toString("latin1", at, lineEnd), 16);
    if (size === 0) {
      const end = b.indexOf("\r\n\r\n", lineEnd - 2 < at ? at : lineEnd - 2);
      return end < 0 ? null : { status, length: end + 4 };
    }
    at = lineEnd + 2 + size + 2;
    if (at > b.length) return null;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : 0;
}

export async function runLoad(spec: TLoadSpec, onMeasuring: () => void = () => {}): Promise<TLoadResult> {
  const u = new URL(spec.url);
  const headerLines = Object.entries({
    host: u.host,
    "content-length": String(Buffer.byteLength(spec.body)),
    ...spec.headers,
  })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  const bytes = Buffer.from(`POST ${u.pathname}${u.search} HTTP/1.1\r\n${headerLines}\r\n${spec.body}`);
  const latencies: number[] = [];
  let answered = 0;
  let non2xx = 0;
  let errors = 0;
  let unsent = 0;
  const t0 = performance.now();
  const recordFrom = t0 + spec.warmupSeconds * 1000;
  const stopAt = recordFrom + spec.seconds * 1000;
  let measuring = false;
  let cpu0 = process.cpuUsage();
  let stopped = false;

  const idle: Conn[] = [];
  const queue: TPending[] = [];
  const all = new Set<Conn>();
  const dispatch = (req: TPending) => {
    const c = idle.pop();
    if (c) c.send(req, bytes);
    else queue.push(req);
  };
  const release = (c: Conn) => {
    if (stopped) return;
    const now = performance.now();
    const next =
      spec.mode === "max" ? { dueMs: now, recorded: now >= recordFrom && now < stopAt } : queue.shift();
    if (next) c.send(next, bytes);
    else idle.push(c);
  };
  const onAnswer = (c: Conn, req: TPending, status: number) => {
    if (req.recorded) {
      latencies.push(performance.now() - req.dueMs);
      answered++;
      if (status < 200 || status >= 300) non2xx++;
    }
    release(c);
  };
  const onError = (c: Conn, req: TPending | null) => {
    if (!all.delete(c)) return;
    if (req?.recorded) errors++;
    const i = idle.indexOf(c);
    if (i >= 0) idle.splice(i, 1);
    if (!stopped) open();
  };
  const open = () => {
    const c = new Conn(Number(u.port), u.hostname, onAnswer, onError);
    all.add(c);
    c.socket.once("connect", () => release(c));
  };
  for (let i = 0; i < spec.connections; i++) open();
  await new Promise((r) => setTimeout(r, 200));

  await new Promise<void>((resolve) => {
    const start = performance.now();
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      if (!measuring && now >= recordFrom) {
        measuring = true;
        cpu0 = process.cpuUsage();
        onMeasuring();
      }
      if (now >= stopAt + 200) {
        stopped = true;
        const end = performance.now();
        for (const q of queue) {
          if (!q.recorded) continue;
          latencies.push(end - q.dueMs);
          unsent++;
        }
        return resolve();
      }
      if (spec.mode === "rate") {
        const due = Math.floor(((now - start) * spec.rate!) / 1000);
        for (; sent < due; sent++) {
          const dueMs = start + (sent * 1000) / spec.rate!;
          dispatch({ dueMs, recorded: dueMs >= recordFrom && dueMs < stopAt });
        }
      }
      setTimeout(tick, 1);
    };
    tick();
  });
  const cpu = process.cpuUsage(cpu0);
  // In rate mode, requests still in flight or never sent when the window closed count as late as they are by then.
  if (spec.mode === "rate")
    for (const c of all) if (c.busy?.recorded) latencies.push(performance.now() - c.busy.dueMs);
  for (const c of all) c.socket.destroy();
  latencies.sort((a, b) => a - b);
  return {
    completed: answered,
    rps: answered / spec.seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    non2xx,
    errors,
    unsent,
    loadgenCpuUs: (cpu.user + cpu.system) / Math.max(1, answered),
  };
}

if (process.argv[1]?.endsWith("loadgen.mts")) {
  const spec = JSON.parse(process.argv[2]) as TLoadSpec;
  const result = await runLoad(spec, () => process.stdout.write("measuring\n"));
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
}
