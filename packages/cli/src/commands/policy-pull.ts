import { writeFile } from "node:fs/promises";
import { ZPolicyConfigDetail, ZPolicyConfigList, ZPolicyConfigVersion, type TPolicyConfigVersion } from "@kt/contract";
import type { Command } from "commander";
import type { ApiClient } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { print, wantsJson } from "../lib/output";
import { policyGroup } from "./policy-lint";
import { findConfigByName, signedInClient } from "./policy-push";

type PullOptions = { config?: string; output?: string; atVersion?: string };

/** The config's id: the named one, or the org's only config when no name is given. */
async function resolveConfigId(api: ApiClient, name: string | undefined): Promise<string> {
  if (name) {
    const config = await findConfigByName(api, name);
    if (!config) throw CliError.local("not_found", `No policy config named "${name}"; list them with the API: GET /v1/policy-configs`);
    return config.id;
  }
  const { items } = await api.call(ZPolicyConfigList, "GET", "/v1/policy-configs");
  if (items.length === 1) return items[0].id;
  if (items.length === 0) throw CliError.local("not_found", "The org has no policy config yet: create one with `kt policy push --file F --message M`");
  throw CliError.local("bad_request", `Several policy configs exist; pick one with --config: ${items.map((c) => c.name).join(", ")}`);
}

async function fetchVersion(api: ApiClient, id: string, version: string | undefined): Promise<TPolicyConfigVersion> {
  if (version === undefined) return (await api.call(ZPolicyConfigDetail, "GET", `/v1/policy-configs/${id}`)).current;
  if (!/^[1-9]\d*$/.test(version)) throw CliError.local("bad_request", `--at-version must be a version number such as 3, not "${version}"`);
  return api.call(ZPolicyConfigVersion, "GET", `/v1/policy-configs/${id}/versions/${version}`);
}

export function register(program: Command): void {
  policyGroup(program)
    .command("pull")
    .description("write the YAML of the version in force (or of --at-version N) to a file or standard output")
    .option("--config <name>", "config to pull (default: the org's only config)")
    .option("--output <path>", "file to write (default: standard output)")
    .option("--at-version <n>", "an older version instead of the one in force (--version is kt's own)")
    .action(async (opts: PullOptions, cmd: Command) => {
      const api = signedInClient();
      const version = await fetchVersion(api, await resolveConfigId(api, opts.config), opts.atVersion);
      if (opts.output) {
        await writeFile(opts.output, version.source);
        print(cmd, version, `wrote version ${version.number} (${version.message || "no message"}) to ${opts.output}`);
        return;
      }
      if (wantsJson(cmd)) return print(cmd, version, "");
      process.stdout.write(version.source);
    });
}
