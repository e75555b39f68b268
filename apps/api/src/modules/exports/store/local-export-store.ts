import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Readable } from "node:stream";
import { ExportFileMissingError, type ExportStore, type ExportUpload } from "./export-store";

const PARTIAL = ".partial";

/** Files under one directory; an upload is written beside its final name and renamed into place. */
export class LocalExportStore implements ExportStore {
  readonly kind = "local";
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async begin(key: string): Promise<ExportUpload> {
    const final = this.path(key);
    await mkdir(dirname(final), { recursive: true });
    await this.removePartialsOf(final);
    const partial = `${final}.${randomBytes(6).toString("hex")}${PARTIAL}`;
    const sink = createWriteStream(partial, { flags: "wx" });
    return {
      sink,
      commit: async () => {
        // The bytes reach the disk before the name does, so a crash never leaves a short file under the final name.
        const handle = await open(partial, "r+");
        await handle.sync();
        await handle.close();
        await rename(partial, final);
      },
      abort: async () => {
        sink.destroy();
        await rm(partial, { force: true });
      },
    };
  }

  async open(key: string): Promise<Readable> {
    const path = this.path(key);
    try {
      await stat(path);
    } catch {
      throw new ExportFileMissingError(key);
    }
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async prunePartials(olderThan: Date): Promise<number> {
    let removed = 0;
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(PARTIAL)) continue;
      const path = join(entry.parentPath, entry.name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtime < olderThan) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private async removePartialsOf(final: string) {
    const prefix = `${basename(final)}.`;
    const names = await readdir(dirname(final)).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith(PARTIAL)).map((n) => rm(join(dirname(final), n), { force: true })));
  }

  private path(key: string): string {
    const path = resolve(this.root, key);
    const rel = relative(this.root, path);
    if (!rel || rel.startsWith("..")) throw new Error(`export key ${key} leaves the export directory`);
    return path;
  }
}
