import { Injectable, Logger, OnModuleDestroy } from "@nestjs/common";
import type { TEventRecord } from "@kt/contract";
import type { Redis } from "ioredis";
import { RedisService } from "../../common/redis/redis.module";

type TListener = (events: TEventRecord[]) => void;

const QUIET_MS = 1_000;

/**
 * Live events across API instances: ingest publishes each batch's new events on a per-org Redis channel; every
 * instance with SSE clients subscribes. When nobody listens to an org, publishing pauses for a second (PUBLISH
 * answers how many received it), so a tail that starts may miss at most that second.
 */
@Injectable()
export class EventStreamService implements OnModuleDestroy {
  private readonly logger = new Logger("EventStream");
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, Set<TListener>>();
  private readonly quietUntil = new Map<string, number>();

  constructor(private readonly redis: RedisService) {}

  private channel(orgId: string) {
    return this.redis.key("events", orgId);
  }

  async publish(orgId: string, events: TEventRecord[]): Promise<void> {
    if (events.length === 0 || (this.quietUntil.get(orgId) ?? 0) > Date.now()) return;
    const receivers = await this.redis.client.publish(this.channel(orgId), JSON.stringify(events));
    if (receivers === 0) this.quietUntil.set(orgId, Date.now() + QUIET_MS);
    else this.quietUntil.delete(orgId);
  }

  /** Calls `listener` with each batch of the org's new events until the returned function is called. */
  async subscribe(orgId: string, listener: TListener): Promise<() => Promise<void>> {
    const subscriber = this.subscriberConnection();
    const channel = this.channel(orgId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await subscriber.subscribe(channel);
    }
    set.add(listener);
    return async () => {
      const current = this.listeners.get(channel);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.listeners.delete(channel);
        await subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  private subscriberConnection(): Redis {
    if (this.subscriber) return this.subscriber;
    const sub = this.redis.client.duplicate();
    sub.on("error", (e: Error) => this.logger.warn(`redis subscriber: ${e.message}`));
    sub.on("message", (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      let events: TEventRecord[];
      try {
        events = JSON.parse(message);
      } catch {
        return;
      }
      for (const listener of set) listener(events);
    });
    this.subscriber = sub;
    return sub;
  }

  async onModuleDestroy() {
    this.subscriber?.disconnect();
  }
}
