import { ZEventRecord } from "@kt/contract";
import type { Command } from "commander";
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { ApiClient } from "../lib/api-client";
import { errorFrom } from "../lib/api-client";
import { CliError } from "../lib/errors";
import { wantsJson } from "../lib/output";
import { eventLine } from "./events-format";
import { addFilterOptions, filterQuery, type TFilterOptions } from "./events-list";

/** `kt events tail`: follows `GET /v1/events/stream` (SSE) and prints each new event as it arrives. */
export function registerEventsTail(group: Command, api: () => ApiClient): void {
  addFilterOptions(
    group
      .command("tail")
      .description("follow new events live (Ctrl-C to stop)")
      .option("--count <n>", "exit after this many events"),
  ).action(async (opts: TFilterOptions & { count?: string }, cmd: Command) => {
    const client = api();
    const max = opts.count ? Number(opts.count) : Infinity;
    if (!(max > 0)) throw CliError.local("bad_request", "--count must be a positive number");
    const url = `${client.credentials.apiUrl}/v1/events/stream?${filterQuery(opts)}`;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { authorization: `Bearer ${client.credentials.token}`, accept: "text/event-stream" },
      });
    } catch (e) {
      throw CliError.local(
        "unavailable",
        `Cannot reach the kt API at ${client.credentials.apiUrl} (${(e as Error).message})`,
      );
    }
    if (!res.ok || !res.body) {
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      throw errorFrom({ status: res.status, headers: res.headers, body, elapsedMs: 0 });
    }
    const json = wantsJson(cmd);
    if (!json) process.stderr.write("Waiting for events (Ctrl-C to stop)…\n");
    let seen = 0;
    const reader = res.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream())
      .getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw CliError.local("unavailable", "The API closed the stream");
      if (value.event !== "event") continue;
      const e = ZEventRecord.parse(JSON.parse(value.data));
      process.stdout.write(json ? `${JSON.stringify(e)}\n` : `${eventLine(e)}\n`);
      if (++seen >= max) {
        await reader.cancel().catch(() => undefined);
        return;
      }
    }
  });
}
