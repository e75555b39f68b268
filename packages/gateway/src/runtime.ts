import type { TGatewayKeyRecord, TNormalizedPolicyConfig } from "@kt/contract";
import { KeyStore } from "./auth/key-store";
import type { TBudgetTracker } from "./events/budget";
import type { TEventSink } from "./events/event-sink";
import type { GatewayMetrics } from "./metrics";
import { PolicyChain } from "./policy/chain";
import { ProviderRouter } from "./providers/router";

/** Everything one config version needs, built once and swapped as a whole; a request keeps the one it started with. */
export type TSnapshot = {
  config: TNormalizedPolicyConfig;
  configVersion: number | null;
  chain: PolicyChain;
  router: ProviderRouter;
  keys: KeyStore;
};

export type TGatewayIdentity = { orgId: string | null; gatewayId: string | null };

export class GatewayRuntime {
  current: TSnapshot | null = null;
  identity: TGatewayIdentity = { orgId: null, gatewayId: null };
  requestsServed = 0;
  readonly startedAt = Date.now();

  constructor(
    readonly sink: TEventSink,
    readonly budget: TBudgetTracker,
    readonly metrics: GatewayMetrics,
  ) {}

  /** Applies a config version and key set; the previous router's pools close after their in-flight requests. */
  apply(config: TNormalizedPolicyConfig, configVersion: number | null, keys: TGatewayKeyRecord[]): void {
    const prev = this.current;
    const sameProviders = prev && JSON.stringify(prev.config.providers) === JSON.stringify(config.providers);
    const router = sameProviders
      ? prev.router
      : ProviderRouter.fromTargets(config.providers, (target, reason) => this.metrics.upstreamErrors.inc({ target, reason }));
    this.current = { config, configVersion, chain: new PolicyChain(config), router, keys: new KeyStore(keys) };
    if (configVersion != null) this.metrics.configVersion.set(configVersion);
    if (prev && !sameProviders) void prev.router.close();
  }

  /** Swaps only the key set (a key revoked or issued without a config change). */
  applyKeys(keys: TGatewayKeyRecord[]): void {
    if (this.current) this.current = { ...this.current, keys: new KeyStore(keys) };
  }

  /** No config is assigned any more: new requests get 503; in-flight ones finish on their router. */
  unassign(): void {
    const prev = this.current;
    this.current = null;
    if (prev) void prev.router.close();
  }

  async close(): Promise<void> {
    await this.current?.router.close();
    await this.budget.close();
    await this.sink.close();
  }
}
