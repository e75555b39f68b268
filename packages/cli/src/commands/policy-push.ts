import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { hasLintErrors, parsePolicyConfig, ZPolicyConfigList, ZPolicyConfigSaveResult, type TPolicyConfigSaveResult } from "@kt/contract";
import type { Command } from "commander";
import { apiClient, type ApiClient } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { print } from "../lib/output";
import { formatLintIssue, policyGroup } from "./policy-lint";

type PushOptions = { file: string; message: string; commit?: string; config?: string; team?: string };

/** A client with credentials: policy configs are never anonymous. */
export function signedInClient(): ApiClient {
  const api = apiClient();
  if (!api.credentials.token) throw CliError.local("unauthenticated", "Not logged in: run `kt login --token kt_api_…` or set KT_API_TOKEN");
  return api;
}

/** The config named `name`, archived ones included (pushing to one answers the API's clear 409). */
export async function findConfigByName(api: ApiClient, name: string) {
  const list = await api.call(ZPolicyConfigList, "GET", `/v1/policy-configs?${new URLSearchParams({ name, archived: "all" })}`);
  return list.items[0] ?? null;
}

async function push(api: ApiClient, name: string, yaml: string, opts: PushOptions): Promise<TPolicyConfigSaveResult> {
  const existing = await findConfigByName(api, name);
  const version = { yaml, message: opts.message, commitSha: opts.commit || undefined };
  if (existing) return api.call(ZPolicyConfigSaveResult, "POST", `/v1/policy-configs/${existing.id}/versions`, version);
  return api.call(ZPolicyConfigSaveResult, "POST", "/v1/policy-configs", { ...version, name, teamId: opts.team ?? null });
}

export function register(program: Command): void {
  policyGroup(program)
    .command("push")
    .description("save a policy config file as a new version (creating the config on first push); for CI on merge")
    .requiredOption("--file <path>", "policy config YAML")
    .requiredOption("--message <text>", "what changed, kept with the version")
    .option("--commit <sha>", "git commit the file comes from (default: $GITHUB_SHA or $CI_COMMIT_SHA when set)")
    .option("--config <name>", "config to push to (default: pack.name in the file, else the file name)")
    .option("--team <id>", "team owning the config when the push creates it")
    .action(async (opts: PushOptions, cmd: Command) => {
      const yaml = await readFile(opts.file, "utf8").catch((e: Error) => {
        throw CliError.local("bad_request", `Cannot read ${opts.file}: ${e.message}`);
      });
      const { config, issues } = parsePolicyConfig(yaml, { defaultName: basename(opts.file, extname(opts.file)) });
      if (!config || hasLintErrors(issues)) {
        const lines = issues.map((i) => formatLintIssue(opts.file, i)).join("\n");
        throw CliError.local("policy_invalid", `${lines}\n${opts.file}: not pushed, fix the errors above (kt policy lint --file ${opts.file})`, { issues });
      }
      const commit = opts.commit ?? process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA;
      const name = opts.config ?? config.name;
      const result = await push(signedInClient(), name, yaml, { ...opts, commit });
      const v = result.config.current;
      const human = result.created
        ? `${name}: pushed version ${v.number} (content ${v.contentHash.slice(0, 12)}${v.commitSha ? `, commit ${v.commitSha}` : ""})`
        : `${name}: unchanged, version ${v.number} already has exactly this YAML`;
      print(cmd, result, [...issues.map((i) => formatLintIssue(opts.file, i)), human]);
    });
}
