import { ZExportList, type TExport } from "@kt/contract";
import Table from "cli-table3";
import type { Command } from "commander";
import type { ApiClient } from "../lib/api-client";
import { print } from "../lib/output";

export function formatBytes(n: number | null): string {
  if (n === null) return "";
  const units = ["B", "KB", "MB", "GB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

function rows(job: TExport): string {
  if (job.rowCount !== null) return String(job.rowCount);
  const { rowsWritten, rowsEstimate } = job.progress;
  return rowsEstimate === null ? String(rowsWritten) : `${rowsWritten}/${rowsEstimate}`;
}

export function registerList(group: Command, api: () => ApiClient): void {
  group
    .command("list")
    .description("list the org's exports, newest first")
    .option("--status <status>", "queued, running, succeeded, failed or cancelled")
    .option("--type <type>", "events, cost or audit")
    .option("--limit <n>", "how many (1-500)", "20")
    .action(async (opts: { status?: string; type?: string; limit: string }, cmd: Command) => {
      const query = new URLSearchParams({ limit: opts.limit });
      if (opts.status) query.set("status", opts.status);
      if (opts.type) query.set("type", opts.type);
      const page = await api().call(ZExportList, "GET", `/v1/exports?${query}`);
      const table = new Table({ head: ["ID", "TYPE", "FORMAT", "STATUS", "ROWS", "SIZE", "CREATED", "DESCRIPTION"] });
      for (const job of page.items) {
        const status = job.expired ? "expired" : job.status;
        table.push([job.id, job.type, job.format, status, rows(job), formatBytes(job.sizeBytes), job.createdAt.slice(0, 16).replace("T", " "), job.description]);
      }
      print(cmd, page, page.items.length ? table.toString() : "No exports yet: create one with `kt export create --type events --since 30d`");
    });
}
