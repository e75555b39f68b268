import { mkdirSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { TGatewayKeyRecord, TGatewaySyncResponse, TNormalizedPolicyConfig } from "@kt/contract";
import { loadStandaloneConfig } from "./config/standalone";
import { ManagedSync } from "./config/managed";
import { loadCachedSync, cacheSyncTo } from "./config/sync-cache";
import { localBudget, RemoteBudget } from "./events/budget";
import { fileSink, spoolSink } from "./events/event-sink";
import { EventShipper } from "./events/shipper";
import { EventSpool } from "./events/spool";
import type { TDurability } from "./events/ndjson-writer";
import { GatewayMetrics } from "./metrics";
import { GatewayRuntime } from "./runtime";
import { createGatewayServer } from "./server";

export type TStartGatewayOptions = {
  port?: number;
  /** Defaults to 127.0.0.1; pass 0.0.0.0 to serve other machines. */
  host?: string;
  /** Standalone: a policy config file (either YAML form, or the normalised model), optionally with `gateway_keys`. */
  policyConfig?: string;
  /** Standalone, programmatic: the config and keys themselves. */
  config?: TNormalizedPolicyConfig;
  keys?: TGatewayKeyRecord[];
  /** Standalone: where events go (NDJSON, one per line). Default ./kt-gateway-events.ndjson. */
  eventsFile?: string;
  /** Managed: the control plane's base URL and this gateway's credential. */
  controlPlane?: string;
  gatewayToken?: string;
  /** Managed: directory of the event spool and the last synced config. Default ./.kt/gateway. */
  stateDir?: string;
  /** "write" (default): each event written before answering, fdatasync every 100 ms; "fsync": fdatasync before answering. */
  durability?: TDurability;
  /** Managed: longest long-poll in seconds (default 25). */
  syncWaitSeconds?: number;
  log?: (message: string) => void;
};

export type TRunningGateway = { port: number; url: string; runtime: GatewayRuntime; close(): Promise<void> };

/** Starts a gateway: standalone from a file or config object, or managed by a control plane. */
export async function startGateway(options: TStartGatewayOptions): Promise<TRunningGateway> {
  const log = options.log ?? ((m: string) => console.error(`[kt-gateway] ${m}`));
  const metrics = new GatewayMetrics();
  const stoppers: (() => Promise<void>)[] = [];
  let runtime: GatewayRuntime;

  if (options.controlPlane) {
    if (!options.gatewayToken) throw new Error("managed mode needs a gateway token (--gateway-token)");
    const stateDir = options.stateDir ?? path.resolve(".kt/gateway");
    mkdirSync(stateDir, { recursive: true });
    const spool = await EventSpool.open(path.join(stateDir, "spool"), { durability: options.durability });
    const shipper = new EventShipper({
      spool,
      controlPlane: options.controlPlane,
      token: options.gatewayToken,
      onError: (e) => log(`shipping events: ${e.message}`),
    });
    const budget = new RemoteBudget(options.controlPlane, options.gatewayToken, (outcome, seconds) => {
      metrics.budgetReservations.inc({ outcome });
      if (seconds !== null) metrics.budgetReserveLatency.observe(seconds);
    });
    runtime = new GatewayRuntime(
      spoolSink(spool, () => shipper.nudge()),
      budget,
      metrics,
    );
    const cacheSync = cacheSyncTo(stateDir);
    const onSynced = (synced: TGatewaySyncResponse) => {
      budget.setBudgetTeams(synced.budgetTeamIds);
      cacheSync(synced);
    };
    const sync = new ManagedSync(runtime, {
      controlPlane: options.controlPlane,
      token: options.gatewayToken,
      waitSeconds: options.syncWaitSeconds,
      log,
      onSynced,
    });
    try {
      await sync.syncOnce(0);
    } catch (err) {
      const cached = loadCachedSync(stateDir);
      if (!cached)
        throw new Error(
          `cannot reach the control plane at ${options.controlPlane} and no config was synced before: ${(err as Error).message}`,
        );
      runtime.identity = { orgId: cached.orgId, gatewayId: cached.gatewayId };
      budget.setBudgetTeams(cached.budgetTeamIds);
      if (cached.config) runtime.apply(cached.config, cached.configVersion, cached.keys);
      log(`control plane unreachable; running config version ${cached.configVersion} from the last sync`);
    }
    sync.start();
    shipper.start();
    stoppers.push(
      () => sync.stop(),
      () => shipper.stop(),
    );
  } else {
    const loaded = options.policyConfig ? loadStandaloneConfig(options.policyConfig) : null;
    const config = options.config ?? loaded?.config;
    if (!config) throw new Error("standalone mode needs a policy config (--policy-config FILE)");
    const keys = [...(options.keys ?? []), ...(loaded?.keys ?? [])];
    if (!keys.length)
      log(
        "no gateway keys configured (gateway_keys in the file or KT_GATEWAY_KEYS): every request will get 401",
      );
    const eventsFile = path.resolve(options.eventsFile ?? "kt-gateway-events.ndjson");
    runtime = new GatewayRuntime(
      await fileSink(eventsFile, options.durability),
      await localBudget(eventsFile),
      metrics,
    );
    runtime.apply(config, null, keys);
  }

  const server = createGatewayServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log(
    `listening on http://${options.host ?? "127.0.0.1"}:${port}/v1 (${options.controlPlane ? "managed" : "standalone"})`,
  );
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    runtime,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      for (const stop of stoppers) await stop();
      await runtime.close();
    },
  };
}
