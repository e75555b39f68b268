import { ZEventGroups, ZEventPage, ZEventRecord } from "@kt/contract";
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKt, tempConfigDir } from "../../../test/cli";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { createGateway, gatewayEvent, type TestGateway } from "./telemetry-fixtures";

const ROOT = resolve(__dirname, "../../../../../..");

describe("kt events list | tail", () => {
  let api: TestApi;
  let org: TestOrg;
  let gw: TestGateway;
  let env: Record<string, string>;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "cli");
    gw = await createGateway(api, org, { name: "cli-gw" });
    env = { KT_API_URL: api.url, KT_API_TOKEN: org.as.viewer.token!, KT_CONFIG_DIR: tempConfigDir() };
    const blocked = {
      action: "blocked" as const,
      status: "blocked" as const,
      httpStatus: 400,
      blockedBy: { policy: "injection-guard", reason: "instruction override" },
    };
    await gw.api.post("/v1/ingest/events", {
      events: [
        gatewayEvent({ endUser: "ana" }),
        gatewayEvent({ endUser: "bo", ...blocked }),
        gatewayEvent({ endUser: "ana", model: "gpt-4o", ...blocked }),
      ],
    });
  });
  afterAll(() => api?.close());

  it("lists events as a table and as JSON, with the guides' filters", async () => {
    const table = await runKt(
      ["events", "list", "--since", "24h", "--action", "block", "--limit", "20"],
      env,
    );
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("injection-guard: instruction override");
    expect(table.stdout).toContain("cli-gw");
    const json = await runKt(
      ["events", "list", "--since", "1h", "--action", "block", "--limit", "1", "--json"],
      env,
    );
    const page = ZEventPage.parse(JSON.parse(json.stdout));
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
  });

  it("aggregates with --group-by", async () => {
    const out = await runKt(["events", "list", "--since", "1h", "--group-by", "user,action", "--json"], env);
    const groups = ZEventGroups.parse(JSON.parse(out.stdout));
    expect(groups.groups.map((g) => [g.key.user, g.key.action, g.requests]).sort()).toEqual([
      ["ana", "allowed", 1],
      ["ana", "blocked", 1],
      ["bo", "blocked", 1],
    ]);
    const table = await runKt(["events", "list", "--since", "1h", "--group-by", "model"], env);
    expect(table.stdout).toMatch(/gpt-4o-mini\s*│\s*2/);
    const bad = await runKt(["events", "list", "--group-by", "colour"], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("group_by");
  });

  it("tails new events live", async () => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=source",
        "--import",
        "tsx",
        "packages/cli/src/dev.ts",
        "events",
        "tail",
        "--action",
        "blocked",
        "--count",
        "1",
        "--json",
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const exited = new Promise<number>((r) => child.on("exit", (code) => r(code ?? 1)));
    // Send until the tail has subscribed and printed one (events before it subscribed are not news to it).
    const blocked = gatewayEvent({
      endUser: "tailed",
      action: "blocked",
      status: "blocked",
      httpStatus: 400,
    });
    for (let i = 0; i < 100 && !stdout; i++) {
      await gw.api.post("/v1/ingest/events", {
        events: [gatewayEvent({ endUser: "not-shown" }), { ...blocked, id: gatewayEvent().id }],
      });
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await exited, stderr).toBe(0);
    const printed = ZEventRecord.parse(JSON.parse(stdout.trim().split("\n")[0]));
    expect(printed).toMatchObject({ user: "tailed", action: "blocked" });
  }, 30_000);
});
