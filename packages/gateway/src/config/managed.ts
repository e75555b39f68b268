import { GATEWAY_ROUTES, GATEWAY_SYNC_MAX_WAIT_SECONDS, ZGatewaySyncResponse, type TGatewayHeartbeat, type TGatewaySyncResponse } from "@kt/contract";
import { request } from "undici";
import type { GatewayRuntime } from "../runtime";

export const GATEWAY_VERSION = "0.1.0";
const HEARTBEAT_MS = 10_000;

export type TManagedOptions = { controlPlane: string; token: string; waitSeconds?: number; log?: (msg: string) => void; onSynced?: (sync: TGatewaySyncResponse) => void };

/**
 * Keeps the runtime in step with the control plane: long-polls GET /v1/gateway/sync with If-None-Match (a
 * change lands within a round trip; ?wait bounds each poll), applies each new config version and key set, and
 * sends heartbeats. Errors back off and retry; the last applied version stays in force meanwhile.
 */
export class ManagedSync {
  private etag: string | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private inflight: AbortController | null = null;

  constructor(
    private readonly runtime: GatewayRuntime,
    private readonly options: TManagedOptions,
  ) {}

  private get headers() {
    return { authorization: `Bearer ${this.options.token}` };
  }

  /** One sync round trip; `wait` 0 for the first, blocking pull. Returns true when something was applied. */
  async syncOnce(wait: number): Promise<boolean> {
    const url = new URL(GATEWAY_ROUTES.sync, this.options.controlPlane);
    if (wait > 0) url.searchParams.set("wait", String(wait));
    this.inflight = new AbortController();
    const res = await request(url, {
      headers: { ...this.headers, ...(this.etag ? { "if-none-match": this.etag } : {}) },
      headersTimeout: (wait + 15) * 1000,
      bodyTimeout: (wait + 15) * 1000,
      signal: this.inflight.signal,
    });
    if (res.statusCode === 304) {
      await res.body.dump();
      return false;
    }
    const body = await res.body.json();
    if (res.statusCode !== 200) throw new Error(`sync answered ${res.statusCode}: ${JSON.stringify(body).slice(0, 200)}`);
    const sync = ZGatewaySyncResponse.parse(body);
    this.runtime.identity = { orgId: sync.orgId, gatewayId: sync.gatewayId };
    const current = this.runtime.current;
    // Version numbers are per config, so a gateway moved from config A v2 to config B v2 sees the same
    // number: compare the config itself.
    if (!sync.config) {
      if (current) this.options.log?.("no policy config is assigned to this gateway: answering 503 until one is");
      this.runtime.unassign();
    } else if (!current || current.configVersion !== sync.configVersion || JSON.stringify(current.config) !== JSON.stringify(sync.config)) {
      this.runtime.apply(sync.config, sync.configVersion, sync.keys);
      this.options.log?.(`applied config version ${sync.configVersion} with ${sync.keys.length} keys`);
    } else {
      this.runtime.applyKeys(sync.keys);
    }
    this.options.onSynced?.(sync);
    const etag = res.headers.etag;
    this.etag = typeof etag === "string" ? etag : null;
    return true;
  }

  start(): void {
    this.loop = this.run();
    this.heartbeatTimer = setInterval(() => void this.heartbeat().catch(() => {}), HEARTBEAT_MS);
    this.heartbeatTimer.unref();
    void this.heartbeat().catch(() => {});
  }

  private async run(): Promise<void> {
    let backoff = 500;
    const wait = Math.min(this.options.waitSeconds ?? 25, GATEWAY_SYNC_MAX_WAIT_SECONDS);
    while (!this.stopped) {
      try {
        await this.syncOnce(wait);
        backoff = 500;
      } catch (err) {
        if (this.stopped) return;
        this.options.log?.(`sync failed: ${(err as Error).message}; retrying`);
        await new Promise((r) => setTimeout(r, backoff).unref());
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  async heartbeat(): Promise<void> {
    const beat: TGatewayHeartbeat = {
      version: GATEWAY_VERSION,
      uptimeSeconds: Math.round((Date.now() - this.runtime.startedAt) / 1000),
      requestsServed: this.runtime.requestsServed,
      spoolDepth: this.runtime.sink.depth(),
      configVersion: this.runtime.current?.configVersion ?? null,
    };
    const res = await request(new URL(GATEWAY_ROUTES.heartbeat, this.options.controlPlane), {
      method: "POST",
      headers: { ...this.headers, "content-type": "application/json" },
      body: JSON.stringify(beat),
      headersTimeout: 5_000,
    });
    await res.body.dump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.inflight?.abort();
    await this.loop?.catch(() => {});
  }
}
