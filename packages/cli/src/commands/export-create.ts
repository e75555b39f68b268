import { EVENT_FILTER_KEYS, isExportFinished, ZExport, type TCreateExport, type TExport } from "@kt/contract";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import type { ApiClient } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { print, wantsJson } from "../lib/output";
import { downloadExport, type Downloaded } from "./export-download";
import { formatBytes } from "./export-list";

const POLL_MS = 500;

type CreateOptions = {
  type: string;
  format: string;
  since: string;
  until?: string;
  description?: string;
  wait: boolean;
  output?: string;
} & Partial<Record<(typeof EVENT_FILTER_KEYS)[number], string>>;

export function getExport(api: ApiClient, id: string): Promise<TExport> {
  return api.call(ZExport, "GET", `/v1/exports/${encodeURIComponent(id)}`);
}

/** Polls the job until it ends, drawing a progress bar on a terminal (stderr, so stdout stays clean). */
async function waitForEnd(api: ApiClient, job: TExport, showBar: boolean): Promise<TExport> {
  const bar = showBar ? new SingleBar({ format: "{bar} {percentage}% | {value}/{total} rows | {status}", hideCursor: true, stream: process.stderr }) : null;
  // Until the worker has counted the rows, a total of 1 shows 0 % rather than a full bar.
  bar?.start(job.progress.rowsEstimate || 1, 0, { status: job.status });
  let current = job;
  try {
    while (!isExportFinished(current.status)) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      current = await getExport(api, job.id);
      if (current.progress.rowsEstimate) bar?.setTotal(current.progress.rowsEstimate);
      bar?.update(current.progress.rowsWritten, { status: current.error && current.status === "queued" ? "retrying" : current.status });
    }
  } finally {
    bar?.stop();
  }
  return current;
}

function summary(job: TExport, file: Downloaded | null): string[] {
  const lines = [`Export ${job.id} ${job.status}: ${job.rowCount} rows, ${formatBytes(job.sizeBytes)}, sha256 ${job.checksumSha256}`];
  lines.push(file ? `Saved ${file.path}` : `Download it with: kt export download ${job.id}`);
  return lines;
}

export function registerCreate(group: Command, api: () => ApiClient): void {
  const create = group
    .command("create")
    .description("export events, cost or the audit log to CSV, JSON or NDJSON, and wait for it")
    .requiredOption("--type <type>", "events, cost (spend by day, team, user, provider and model) or audit")
    .option("--format <format>", "csv, json or ndjson", "csv")
    .option("--since <time>", "a duration back from now (90d, 24h) or an ISO 8601 time", "30d")
    .option("--until <time>", "end of the range (default: now)")
    .option("--description <text>", "what the export is for")
    .option("--no-wait", "return as soon as the job is queued")
    .option("-o, --output <file>", "download the file here once it has succeeded");
  for (const key of EVENT_FILTER_KEYS) create.option(`--${key} <values>`, `only events with this ${key} (comma-separated list)`);
  create.action(async (opts: CreateOptions, cmd: Command) => {
    if (!opts.wait && opts.output) throw CliError.local("bad_request", "--output needs to wait for the export; drop --no-wait");
    const client = api();
    const filters = Object.fromEntries(EVENT_FILTER_KEYS.flatMap((k) => (opts[k] ? [[k, opts[k]]] : [])));
    const body: TCreateExport = {
      type: opts.type as TCreateExport["type"],
      format: opts.format as TCreateExport["format"],
      since: opts.since,
      ...(opts.until ? { until: opts.until } : {}),
      ...(opts.description ? { description: opts.description } : {}),
      ...(Object.keys(filters).length ? { filters } : {}),
    };
    const job = await client.call(ZExport, "POST", "/v1/exports", body);
    if (!opts.wait) {
      print(cmd, job, [`Export ${job.id} queued (${job.type}, ${job.format}, ${job.since} → ${job.until})`, `Follow it with: kt export list`]);
      return;
    }
    const done = await waitForEnd(client, job, !wantsJson(cmd) && Boolean(process.stderr.isTTY));
    if (done.status !== "succeeded") {
      throw CliError.local("internal", `Export ${done.id} ${done.status}: ${done.error ?? "no reason given"}`, { export: done });
    }
    const file = opts.output ? await downloadExport(client, done, opts.output) : null;
    print(cmd, file ? { export: done, file } : done, summary(done, file));
  });
}
