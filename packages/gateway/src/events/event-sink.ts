import type { TGatewayEvent } from "@kt/contract";
import { NdjsonWriter, type TDurability } from "./ndjson-writer";
import type { EventSpool } from "./spool";

/** Where a gateway writes the event of each request before answering. */
export type TEventSink = {
  append(event: TGatewayEvent): Promise<void>;
  depth(): number;
  close(): Promise<void>;
};

/** Standalone mode: one NDJSON file of events, as durable as the spool. */
export async function fileSink(path: string, durability: TDurability = "write"): Promise<TEventSink> {
  const writer = await NdjsonWriter.open(path, durability);
  return {
    append: (event) => writer.append(JSON.stringify(event)),
    depth: () => 0,
    close: () => writer.close(),
  };
}

export function spoolSink(spool: EventSpool, onAppend: () => void): TEventSink {
  return {
    async append(event) {
      await spool.append(event);
      onAppend();
    },
    depth: () => spool.depth,
    close: () => spool.close(),
  };
}
