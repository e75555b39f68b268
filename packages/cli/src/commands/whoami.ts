import { ZMe } from "@kt/contract";
import type { Command } from "commander";
import { apiClient } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { print } from "../lib/output";

export function register(program: Command): void {
  program
    .command("whoami")
    .description("show who the stored or KT_API_TOKEN credentials act as")
    .action(async (_opts: unknown, cmd: Command) => {
      const api = apiClient();
      if (!api.credentials.token)
        throw CliError.local(
          "unauthenticated",
          "Not logged in: run `kt login --token kt_api_…` or set KT_API_TOKEN",
        );
      const me = await api.call(ZMe, "GET", "/v1/me");
      const via = me.via === "api_token" ? "API token" : "session";
      print(cmd, { apiUrl: api.credentials.apiUrl, ...me }, [
        `${me.user.email} (${me.user.name})`,
        `role ${me.role} in ${me.org.name} [${me.org.slug}] via ${via}`,
        `API ${api.credentials.apiUrl}`,
      ]);
    });
}
