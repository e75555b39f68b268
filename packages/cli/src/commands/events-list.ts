import { EVENT_FILTER_KEYS, ZEventGroups, ZEventPage } from "@kt/contract";
import type { Command } from "commander";
import type { ApiClient } from "../lib/api-client";
import { print } from "../lib/output";
import { eventLine, eventsTable, groupsTable } from "./events-format";

export type TFilterOptions = Partial<Record<(typeof EVENT_FILTER_KEYS)[number], string>>;

/** The filter flags shared by `events list` and `events tail`; each takes a comma-separated list. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option("--action <actions>", "allowed, redacted, blocked, escalated (or block, escalate, …)")
    .option("--policy <policies>", "a policy that triggered, by name or type")
    .option("--gateway <gateways>", "gateway names or ids")
    .option("--team <teams>", "team names or ids")
    .option("--provider <providers>", "openai, anthropic, azure-openai, demo")
    .option("--model <models>", "model names")
    .option("--user <users>", "end users")
    .option("--status <statuses>", "success, blocked, error");
}

export function filterQuery(opts: TFilterOptions): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of EVENT_FILTER_KEYS) if (opts[key]) q.set(key, opts[key]!);
  return q;
}

export function registerEventsList(group: Command, api: () => ApiClient): void {
  addFilterOptions(
    group
      .command("list")
      .description("list events newest first, or aggregate them with --group-by")
      .option("--since <time>", "30d, 24h, 90m or an ISO time", "24h")
      .option("--until <time>", "30d, 24h, 90m or an ISO time (default: now)")
      .option("--limit <n>", "events to show (1-1000), or groups with --group-by")
      .option(
        "--group-by <keys>",
        "gateway, team, provider, model, user, policy, action, day, hour (comma-separated)",
      )
      .option("--cursor <cursor>", "the next page: the cursor a previous --json answer gave"),
  ).action(
    async (
      opts: TFilterOptions & {
        since: string;
        until?: string;
        limit?: string;
        groupBy?: string;
        cursor?: string;
      },
      cmd: Command,
    ) => {
      const q = filterQuery(opts);
      q.set("since", opts.since);
      if (opts.until) q.set("until", opts.until);
      if (opts.cursor) q.set("cursor", opts.cursor);
      if (opts.groupBy) {
        q.set("group_by", opts.groupBy);
        if (opts.limit) q.set("limit", opts.limit);
        const groups = await api().call(ZEventGroups, "GET", `/v1/events?${q}`);
        print(cmd, groups, groups.groups.length ? groupsTable(groups) : `No events since ${groups.since}`);
        return;
      }
      q.set("limit", opts.limit ?? "20");
      const page = await api().call(ZEventPage, "GET", `/v1/events?${q}`);
      const more = page.nextCursor ? [`(more: --cursor ${page.nextCursor})`] : [];
      print(
        cmd,
        page,
        page.items.length ? [eventsTable(page.items), ...more] : [`No events since ${opts.since}`],
      );
    },
  );
}

export { eventLine };
