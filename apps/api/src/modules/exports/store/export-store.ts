import type { Readable, Writable } from "node:stream";

/** An upload in progress: bytes go to `sink`; nothing is visible under the key until `commit`. */
export type ExportUpload = {
  sink: Writable;
  /** Makes the file visible under its key, atomically (rename, or completing a multipart upload). */
  commit: () => Promise<void>;
  /** Drops whatever was written; safe to call after a failure. */
  abort: () => Promise<void>;
};

/** Where export files live: a local directory by default, an S3-compatible bucket when configured. */
export type ExportStore = {
  readonly kind: "local" | "s3";
  /** Starts writing `key` from scratch; a previous attempt's partial upload is discarded. */
  begin: (key: string, contentType: string) => Promise<ExportUpload>;
  /** The committed file's bytes; rejects with ExportFileMissingError when it is not there. */
  open: (key: string) => Promise<Readable>;
  remove: (key: string) => Promise<void>;
  /** Removes partial files older than `olderThan` left by killed workers (the bucket's lifecycle does it for S3). */
  prunePartials: (olderThan: Date) => Promise<number>;
};

export const EXPORT_STORE = Symbol("EXPORT_STORE");

export class ExportFileMissingError extends Error {
  constructor(key: string) {
    super(`export file ${key} is not in the store`);
  }
}
