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
  private subscriber: Promise<Redis> | null = null;
  private readonly listeners = new Map<string, { set: Set<TListener>; subscribed: Promise<Redis> }>();
  private readonly quietUntil = new Map<string, number>();

  constructor(private readonly redis: RedisService) {}

  private channel(orgId: string) {
    return this.redis.key("events", orgId);
  }

  /** Publishes the events `build` makes, unless nobody listened to this org a moment ago (then nothing is built). */
  async publish(orgId: string, build: () => TEventRecord[]): Promise<void> {
    if ((this.quietUntil.get(orgId) ?? 0) > Date.now()) return;
    const events = build();
    if (events.length === 0) return;
    const receivers = await this.redis.client.publish(this.channel(orgId), JSON.stringify(events));
    if (receivers === 0) this.quietUntil.set(orgId, Date.now() + QUIET_MS);
    else this.quietUntil.delete(orgId);
  }

  /** Calls `listener` with each batch of the org's new events until the returned function is called. */
  async subscribe(orgId: string, listener: TListener): Promise<() => Promise<void>> {
    const channel = this.channel(orgId);
    let entry = this.listeners.get(channel);
    if (!entry) {
      const set = new Set<TListener>();
      // Every tail of the channel waits for the same SUBSCRIBE, so none reports ready before Redis delivers.
      const subscribed = this.subscriberConnection().then((sub) => sub.subscribe(channel).then(() => sub));
      this.listeners.set(channel, (entry = { set, subscribed }));
      subscribed.catch(() => this.listeners.get(channel) === entry && this.listeners.delete(channel));
    }
    entry.set.add(listener);
    const subscriber = await entry.subscribed;
    return async () => {
      const current = this.listeners.get(channel);
      current?.set.delete(listener);
      if (current && current.set.size === 0) {
        this.listeners.delete(channel);
        await subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  /** One connection per process for all tails; subscribing only once it is ready (ioredis' ready check sends INFO, which a subscriber connection refuses). */
  private subscriberConnection(): Promise<Redis> {
    if (this.subscriber) return this.subscriber;
    const sub = this.redis.client.duplicate({ enableReadyCheck: false });
    sub.on("error", (e: Error) => this.logger.warn(`redis subscriber: ${e.message}`));
    sub.on("message", (channel: string, message: string) => {
      const set = this.listeners.get(channel)?.set;
      if (!set) return;
      let events: TEventRecord[];
      try {
        events = JSON.parse(message);
      } catch {
        return;
      }
      for (const listener of set) listener(events);
    });
    this.subscriber =
      sub.status === "ready"
        ? Promise.resolve(sub)
        : new Promise((resolve) => sub.once("ready", () => resolve(sub)));
    return this.subscriber;
  }

  async onModuleDestroy() {
    (await Promise.race([this.subscriber, Promise.resolve(null)]))?.disconnect();
  }
}
