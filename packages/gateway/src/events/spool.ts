import { promises as fsp } from "node:fs";
import path from "node:path";
import type { TGatewayEvent } from "@kt/contract";
import { NdjsonWriter, type TDurability } from "./ndjson-writer";

const SEGMENT_BYTES = 8 * 1024 * 1024;
/** How much of a segment one peek reads from the cursor on: far more than a batch of events needs. */
const PEEK_BYTES = 4 * 1024 * 1024;
const CURSOR_FILE = "cursor.json";

type TCursor = { segment: string; offset: number };

const segmentName = (seq: number) => `seg-${String(seq).padStart(12, "0")}.ndjson`;

/**
 * The on-disk event spool of a managed gateway. Events are appended (fsync'd, group commit) to numbered segment
 * files before the request is answered; the shipper reads them from a persisted cursor and advances it only after
 * the API accepted a batch. Delivery is at least once; the API deduplicates by event id. A restart opens a new
 * segment, so a line torn by a crash is never appended to.
 */
export class EventSpool {
  private writer!: NdjsonWriter;
  private rotating: Promise<void> | null = null;
  private writeSeq = 0;
  private cursor: TCursor = { segment: "", offset: 0 };
  depth = 0;

  private constructor(
    readonly dir: string,
    private readonly durability: TDurability,
  ) {}

  static async open(dir: string, options: { durability?: TDurability } = {}): Promise<EventSpool> {
    const spool = new EventSpool(dir, options.durability ?? "write");
    await fsp.mkdir(dir, { recursive: true });
    const segments = await spool.segments();
    const last = segments.at(-1);
    spool.writeSeq = last ? Number(/\d+/.exec(last)![0]) + 1 : 1;
    spool.cursor = await spool.readCursor(segments[0] ?? segmentName(spool.writeSeq));
    spool.depth = await spool.countUnshipped(segments);
    spool.writer = await NdjsonWriter.open(path.join(dir, segmentName(spool.writeSeq)), spool.durability);
    return spool;
  }

  async append(event: TGatewayEvent): Promise<void> {
    // Appends that find the segment full while it is being replaced wait for the one rotation.
    if (this.writer.bytes >= SEGMENT_BYTES)
      await (this.rotating ??= this.rotate().finally(() => (this.rotating = null)));
    this.depth++;
    try {
      await this.writer.append(JSON.stringify(event));
    } catch (err) {
      this.depth--;
      throw err;
    }
  }

  private async rotate(): Promise<void> {
    const old = this.writer;
    this.writeSeq++;
    this.writer = await NdjsonWriter.open(path.join(this.dir, segmentName(this.writeSeq)), this.durability);
    await old.close();
  }

  private async segments(): Promise<string[]> {
    return (await fsp.readdir(this.dir)).filter((f) => /^seg-\d+\.ndjson$/.test(f)).sort();
  }

  private async readCursor(fallback: string): Promise<TCursor> {
    try {
      return JSON.parse(await fsp.readFile(path.join(this.dir, CURSOR_FILE), "utf8")) as TCursor;
    } catch {
      return { segment: fallback, offset: 0 };
    }
  }

  private async countUnshipped(segments: string[]): Promise<number> {
    let n = 0;
    for (const seg of segments) {
      if (seg < this.cursor.segment) continue;
      const text = await fsp.readFile(path.join(this.dir, seg), "utf8");
      const from = seg === this.cursor.segment ? this.cursor.offset : 0;
      n += complete(text.slice(from)).lines.length;
    }
    return n;
  }

  /**
   * The next unshipped events, at most `max`, and a cursor to commit once the API has them. Lines are read from
   * byte offsets, so the cursor survives restarts exactly.
   */
  async peek(max: number): Promise<{ events: TGatewayEvent[]; commit: () => Promise<void> } | null> {
    const segments = await this.segments();
    for (const seg of segments) {
      if (seg < this.cursor.segment) continue;
      const file = path.join(this.dir, seg);
      const from = seg === this.cursor.segment ? this.cursor.offset : 0;
      const { lines, consumedBytes } = complete((await readFrom(file, from)).toString("utf8"), max);
      const isWriting = seg === segmentName(this.writeSeq);
      if (!lines.length) {
        // A finished segment (an older one, or one torn by a crash) is done once read to its end.
        if (!isWriting && segments.includes(seg)) await this.advancePast(seg, segments);
        if (isWriting) return null;
        continue;
      }
      const events = lines.map((l) => JSON.parse(l) as TGatewayEvent);
      return {
        events,
        commit: async () => {
          this.cursor = { segment: seg, offset: from + consumedBytes };
          await this.writeCursor();
          this.depth = Math.max(0, this.depth - events.length);
        },
      };
    }
    return null;
  }

  private async advancePast(seg: string, segments: string[]): Promise<void> {
    const next = segments.find((s) => s > seg) ?? segmentName(this.writeSeq);
    this.cursor = { segment: next, offset: 0 };
    await this.writeCursor();
    await fsp.rm(path.join(this.dir, seg), { force: true });
  }

  private async writeCursor(): Promise<void> {
    const tmp = path.join(this.dir, CURSOR_FILE + ".tmp");
    const handle = await fsp.open(tmp, "w");
    await handle.writeFile(JSON.stringify(this.cursor));
    await handle.sync();
    await handle.close();
    await fsp.rename(tmp, path.join(this.dir, CURSOR_FILE));
  }

  async close(): Promise<void> {
    await this.writer.close();
  }
}

/** Up to PEEK_BYTES of a file from a byte offset (not the whole segment each time the shipper looks). */
async function readFrom(file: string, from: number): Promise<Buffer> {
  const handle = await fsp.open(file, "r");
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(Math.max(0, Math.min(size - from, PEEK_BYTES)));
    let at = 0;
    while (at < buf.length) {
      const { bytesRead } = await handle.read(buf, at, buf.length - at, from + at);
      if (!bytesRead) break;
      at += bytesRead;
    }
    return buf.subarray(0, at);
  } finally {
    await handle.close();
  }
}

/** Whole lines only: a trailing line without its newline was torn by a crash before it was acknowledged. */
function complete(text: string, max = Infinity): { lines: string[]; consumedBytes: number } {
  const lines: string[] = [];
  let at = 0;
  while (lines.length < max) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) break;
    const line = text.slice(at, nl);
    if (line.trim()) lines.push(line);
    at = nl + 1;
  }
  return { lines, consumedBytes: Buffer.byteLength(text.slice(0, at), "utf8") };
}
