import type { Command } from "commander";
import { apiClient } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { registerEventsList } from "./events-list";
import { registerEventsTail } from "./events-tail";

function signedInClient() {
  const api = apiClient();
  if (!api.credentials.token)
    throw CliError.local(
      "unauthenticated",
      "Not logged in: run `kt login --token kt_api_…` or set KT_API_TOKEN",
    );
  return api;
}

/** `kt events list | tail`. */
export function register(program: Command): void {
  const group = program.command("events").description("list, aggregate and follow gateway events");
  registerEventsList(group, signedInClient);
  registerEventsTail(group, signedInClient);
}
