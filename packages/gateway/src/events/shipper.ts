import { GATEWAY_ROUTES, type TEventBatch, type TIngestQuery } from "@kt/contract";
import { request } from "undici";
import type { EventSpool } from "./spool";

const BATCH_MAX = 500;
const IDLE_MS = 250;
const BACKOFF_MAX_MS = 10_000;

export type TShipperOptions = {
  spool: EventSpool;
  controlPlane: string;
  token: string;
  onShipped?: (count: number) => void;
  onError?: (err: Error) => void;
};

/**
 * Ships spooled events to `POST {controlPlane}/v1/ingest/events` in batches, oldest first. The cursor moves only
 * after a 2xx, so an API outage or a crash means a replay, never a loss; the API deduplicates by event id.
 */
export class EventShipper {
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly options: TShipperOptions) {}

  start(): void {
    this.loop = this.run();
  }

  /** Called after an append so a batch goes out without waiting for the idle timer. */
  nudge(): void {
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    let backoff = 200;
    while (!this.stopped) {
      try {
        const next = await this.options.spool.peek(BATCH_MAX);
        if (!next) {
          await this.sleep(IDLE_MS);
          continue;
        }
        await this.post({ events: next.events });
        await next.commit();
        this.options.onShipped?.(next.events.length);
        backoff = 200;
      } catch (err) {
        this.options.onError?.(err as Error);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
      }
    }
  }

  private async post(batch: TEventBatch): Promise<void> {
    // The spool needs the events durable, not yet in the rollups (which follow within about a second).
    const url = new URL(GATEWAY_ROUTES.ingest, this.options.controlPlane);
    url.searchParams.set("ack", "stored" satisfies TIngestQuery["ack"]);
    const res = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${this.options.token}` },
      body: JSON.stringify(batch),
      headersTimeout: 15_000,
      bodyTimeout: 15_000,
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`ingest answered ${res.statusCode}: ${text.slice(0, 200)}`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }
}
