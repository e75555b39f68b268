import type { TExport } from "@kt/contract";
import type { Command } from "commander";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { errorFrom, type ApiClient } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { print } from "../lib/output";
import { getExport } from "./export-create";

export type Downloaded = { path: string; bytes: number; sha256: string };

/**
 * Streams an export's file to `path` (through a temporary name, renamed once complete) and checks its SHA-256
 * against the one the API recorded when the file was written.
 */
export async function downloadExport(api: ApiClient, job: TExport, path: string): Promise<Downloaded> {
  const headers: Record<string, string> = {};
  if (api.credentials.token) headers.authorization = `Bearer ${api.credentials.token}`;
  const res = await fetch(`${api.credentials.apiUrl}/v1/exports/${job.id}/download`, { headers });
  if (!res.ok || !res.body) {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    throw errorFrom({ status: res.status, headers: res.headers, body, elapsedMs: 0 });
  }
  const target = resolve(path);
  const partial = `${target}.part`;
  const hash = createHash("sha256");
  let bytes = 0;
  const digest = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), digest, createWriteStream(partial));
  } catch (e) {
    await rm(partial, { force: true });
    throw CliError.local("unavailable", `Download of export ${job.id} was interrupted: ${(e as Error).message}`);
  }
  const sha256 = hash.digest("hex");
  const expected = res.headers.get("x-checksum-sha256") ?? job.checksumSha256;
  if (expected && expected !== sha256) {
    await rm(partial, { force: true });
    throw CliError.local("internal", `Downloaded file does not match the export's SHA-256 (${sha256} ≠ ${expected}); try again`);
  }
  await rename(partial, target);
  return { path: target, bytes, sha256 };
}

export function registerDownload(group: Command, api: () => ApiClient): void {
  group
    .command("download")
    .description("download a finished export's file (checked against its SHA-256)")
    .argument("<id>", "the export's id")
    .option("-o, --output <file>", "where to write it (default: the export's file name, here)")
    .action(async (id: string, opts: { output?: string }, cmd: Command) => {
      const client = api();
      const job = await getExport(client, id);
      if (job.status !== "succeeded") {
        throw CliError.local("conflict", `Export ${id} is ${job.status}${job.error ? ` (${job.error})` : ""}; only a succeeded export can be downloaded`);
      }
      const file = await downloadExport(client, job, opts.output ?? job.fileName ?? `${id}.${job.format}`);
      print(cmd, { export: job, file }, `Saved ${file.path} (${file.bytes} bytes, sha256 ${file.sha256})`);
    });
}
