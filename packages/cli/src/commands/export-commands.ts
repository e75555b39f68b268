import type { Command } from "commander";
import { apiClient } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { registerCancel } from "./export-cancel";
import { registerCreate } from "./export-create";
import { registerDownload } from "./export-download";
import { registerList } from "./export-list";

/** A client that needs credentials: exports are never anonymous. */
function signedInClient() {
  const api = apiClient();
  if (!api.credentials.token) throw CliError.local("unauthenticated", "Not logged in: run `kt login --token kt_api_…` or set KT_API_TOKEN");
  return api;
}

/** `kt export create | list | download | cancel`. */
export function register(program: Command): void {
  const group = program.command("export").description("export events, cost and the audit log; list, download and cancel exports");
  registerCreate(group, signedInClient);
  registerList(group, signedInClient);
  registerDownload(group, signedInClient);
  registerCancel(group, signedInClient);
}
