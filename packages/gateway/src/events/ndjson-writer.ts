import { promises as fsp } from "node:fs";

type TWaiter = { resolve: () => void; reject: (err: Error) => void };

/**
 * Appends lines to a file with group commit: lines queued in the same tick go out in one write followed by one
 * fdatasync, and each append resolves only after its line is on disk. With `fsync: false` appends resolve after
 * the write (the OS page cache); a crash of the machine, not of the process, may then lose recent lines.
 */
export class NdjsonWriter {
  private queue: string[] = [];
  private waiters: TWaiter[] = [];
  private flushing: Promise<void> | null = null;
  private handle: fsp.FileHandle | null = null;
  bytes = 0;

  private constructor(
    readonly path: string,
    private readonly fsync: boolean,
  ) {}

  static async open(path: string, fsync = true): Promise<NdjsonWriter> {
    const w = new NdjsonWriter(path, fsync);
    w.handle = await fsp.open(path, "a");
    w.bytes = (await w.handle.stat()).size;
    return w;
  }

  append(line: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push(line + "\n");
      this.waiters.push({ resolve, reject });
      if (!this.flushing) this.flushing = new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const lines = this.queue;
      const waiters = this.waiters;
      this.queue = [];
      this.waiters = [];
      try {
        if (!this.handle) throw new Error(`spool file ${this.path} is closed`);
        const buf = Buffer.from(lines.join(""), "utf8");
        await this.handle.write(buf);
        if (this.fsync) await this.handle.datasync();
        this.bytes += buf.length;
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err as Error);
      }
    }
    this.flushing = null;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.handle?.close();
    this.handle = null;
  }
}
