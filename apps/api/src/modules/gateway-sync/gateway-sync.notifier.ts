import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from "@nestjs/common";
import type { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { RedisService } from "../../common/redis/redis.module";

type Listener = () => void;

/** A subscription to one org's changes; `next` resolves at once when a change came since the last call. */
export type ChangeWatch = {
  next(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  close(): void;
};

/**
 * Wakes long-polling gateway syncs when something they serve changes (a config version, an assignment, a key).
 * Services call `changed(orgId)` after their transaction commits; the message goes to every API instance over
 * Redis pub/sub, and to this instance's waiters at once (so a Redis outage delays nobody on this instance).
 */
@Injectable()
export class GatewaySyncNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger("GatewaySync");
  private readonly origin = randomUUID();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly channel: string;
  private subscriber: Redis | null = null;

  constructor(private readonly redis: RedisService) {
    this.channel = redis.key("gateway-sync", "changed");
  }

  onModuleInit() {
    this.subscriber = this.redis.client.duplicate();
    this.subscriber.on("error", () => undefined);
    this.subscriber.on("message", (_channel: string, message: string) => this.onMessage(message));
    // Not awaited: with Redis away the API still boots, and waiters fall back to periodic re-checks.
    this.subscriber.subscribe(this.channel).catch((e: Error) => this.logger.warn(`gateway sync subscription failed: ${e.message}`));
  }

  onModuleDestroy() {
    this.subscriber?.disconnect();
  }

  /** Call after commit: what gateways of `orgId` sync may have changed. */
  changed(orgId: string): void {
    this.dispatch(orgId);
    this.redis.client.publish(this.channel, JSON.stringify({ orgId, origin: this.origin })).catch(() => undefined);
  }

  watch(orgId: string): ChangeWatch {
    let pending = false;
    let wake: (() => void) | null = null;
    const listener = () => {
      pending = true;
      wake?.();
    };
    this.add(orgId, listener);
    return {
      next: (timeoutMs, signal) =>
        new Promise<void>((resolve) => {
          if (pending || signal?.aborted) {
            pending = false;
            return resolve();
          }
          const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", done);
            wake = null;
            pending = false;
            resolve();
          };
          const timer = setTimeout(done, timeoutMs);
          signal?.addEventListener("abort", done, { once: true });
          wake = done;
        }),
      close: () => this.remove(orgId, listener),
    };
  }

  private onMessage(message: string) {
    try {
      const { orgId, origin } = JSON.parse(message) as { orgId?: unknown; origin?: unknown };
      if (typeof orgId === "string" && origin !== this.origin) this.dispatch(orgId);
    } catch {
      /* not ours: ignore */
    }
  }

  private dispatch(orgId: string) {
    for (const l of this.listeners.get(orgId) ?? []) l();
  }

  private add(orgId: string, l: Listener) {
    const set = this.listeners.get(orgId) ?? new Set<Listener>();
    set.add(l);
    this.listeners.set(orgId, set);
  }

  private remove(orgId: string, l: Listener) {
    const set = this.listeners.get(orgId);
    if (!set) return;
    set.delete(l);
    if (set.size === 0) this.listeners.delete(orgId);
  }
}
