import { ZExport } from "@kt/contract";
import type { Command } from "commander";
import type { ApiClient } from "../lib/api-client";
import { print } from "../lib/output";

export function registerCancel(group: Command, api: () => ApiClient): void {
  group
    .command("cancel <id>")
    .description("stop a queued or running export (its partial file is deleted)")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const job = await api().call(ZExport, "POST", `/v1/exports/${encodeURIComponent(id)}/cancel`);
      print(cmd, job, `Export ${job.id} cancelled after ${job.progress.rowsWritten} row(s).`);
    });
}
