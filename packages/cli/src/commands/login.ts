import { ZMe } from "@kt/contract";
import type { Command } from "commander";
import { apiClient } from "../lib/api-client";
import { normalizeApiUrl, readConfig, resolveCredentials, writeConfig } from "../lib/config";
import { CliError } from "../lib/errors";
import { print } from "../lib/output";

type LoginOptions = { apiUrl?: string; token?: string };

export function register(program: Command): void {
  program
    .command("login")
    .description("store the API URL and an API token (checked with GET /v1/me) in your config directory")
    .option("--api-url <url>", "the kt API, e.g. http://127.0.0.1:4000")
    .option("--token <token>", "an API token (kt_api_…) from the Console or POST /v1/api-tokens")
    .action(async (opts: LoginOptions, cmd: Command) => {
      const current = resolveCredentials();
      const apiUrl = normalizeApiUrl(opts.apiUrl ?? current.apiUrl);
      const token = opts.token ?? current.token;
      if (!token)
        throw CliError.local(
          "bad_request",
          "Give a token: kt login --token kt_api_… (create one in the Console or with POST /v1/api-tokens)",
        );
      if (!/^https?:\/\//.test(apiUrl))
        throw CliError.local("bad_request", `--api-url must start with http:// or https:// (got ${apiUrl})`);

      const me = await apiClient({ apiUrl, token }).call(ZMe, "GET", "/v1/me");
      const file = writeConfig({ ...readConfig(), apiUrl, token });
      print(
        cmd,
        { apiUrl, configPath: file, me },
        `Logged in to ${apiUrl} as ${me.user.email} (${me.role}) in ${me.org.name}; saved to ${file}`,
      );
    });
}
