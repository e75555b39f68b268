import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ZEventBatch, ZGatewayHeartbeat, type TGatewayHeartbeat, type TGatewayKeyRecord, type TNormalizedPolicyConfig } from "@kt/contract";

/**
 * A small real control plane for tests, serving the gateway routes of packages/contract/src/gateway-sync.ts:
 * sync with ETag and long-poll, heartbeat and idempotent ingest. Budget reservations are tested against the real API
 * (apps/api/src/modules/budgets/__tests__).
 */
export class FakeControlPlane {
  server: Server | null = null;
  port = 0;
  token = "kt_gw_cred_test";
  configVersion = 1;
  config: TNormalizedPolicyConfig;
  keys: TGatewayKeyRecord[];
  readonly events = new Map<string, unknown>();
  deliveries = 0;
  readonly heartbeats: TGatewayHeartbeat[] = [];
  ingestStatus = 200;
  private waiters: (() => void)[] = [];
  private revision = 1;

  constructor(config: TNormalizedPolicyConfig, keys: TGatewayKeyRecord[]) {
    this.config = config;
    this.keys = keys;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  private get etag() {
    return `"v${this.configVersion}-r${this.revision}"`;
  }

  /** `sameVersion`: another config whose version number happens to equal the current one's. */
  publish(change: { config?: TNormalizedPolicyConfig; keys?: TGatewayKeyRecord[]; sameVersion?: boolean }): void {
    if (change.config) {
      this.config = change.config;
      if (!change.sameVersion) this.configVersion++;
    }
    if (change.keys) this.keys = change.keys;
    this.revision++;
    for (const w of this.waiters.splice(0)) w();
  }

  async start(port = 0): Promise<void> {
    const server = createServer(async (req, res) => {
      if (req.headers.authorization !== `Bearer ${this.token}`) {
        res.writeHead(401, { "content-type": "application/json" });
        return res.end(JSON.stringify({ error: { code: "unauthenticated", message: "bad gateway credential" } }));
      }
      const url = new URL(req.url ?? "/", "http://x");
      let body = "";
      for await (const c of req) body += c;
      const send = (status: number, value?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(value === undefined ? {} : { "content-type": "application/json" }), ...headers });
        res.end(value === undefined ? undefined : JSON.stringify(value));
      };
      switch (`${req.method} ${url.pathname}`) {
        case "GET /v1/gateway/sync": {
          const wait = Math.min(Number(url.searchParams.get("wait") ?? 0), 30);
          if (req.headers["if-none-match"] === this.etag && wait > 0) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, wait * 1000);
              this.waiters.push(() => (clearTimeout(timer), resolve()));
            });
          }
          if (req.headers["if-none-match"] === this.etag) return send(304, undefined, { etag: this.etag });
          return send(200, { gatewayId: "gw-1", orgId: "org-1", configVersion: this.configVersion, config: this.config, keys: this.keys }, { etag: this.etag });
        }
        case "POST /v1/gateway/heartbeat":
          this.heartbeats.push(ZGatewayHeartbeat.parse(JSON.parse(body)));
          return send(204);
        case "POST /v1/ingest/events": {
          if (this.ingestStatus !== 200) return send(this.ingestStatus, { error: { code: "unavailable", message: "down" } });
          const batch = ZEventBatch.parse(JSON.parse(body));
          let duplicates = 0;
          for (const e of batch.events) {
            this.deliveries++;
            if (this.events.has(e.id)) duplicates++;
            else this.events.set(e.id, e);
          }
          return send(200, { accepted: batch.events.length - duplicates, duplicates });
        }
        default:
          return send(404, { error: { code: "not_found", message: url.pathname } });
      }
    });
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}
