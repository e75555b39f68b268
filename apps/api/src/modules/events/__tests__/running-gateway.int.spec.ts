import { ZEventPage } from "@kt/contract";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../test/net";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { AuditService } from "../../audit/audit.service";
import { seedDemoGateway, type DemoGatewaySeed } from "../../gateways/demo-gateway.seed";
import { createTeam } from "./telemetry-fixtures";

const ROOT = resolve(__dirname, "../../../../../..");
const VISIBLE_WITHIN_MS = 5_000;

/** A real `kt gateway run --control-plane` process in front of the demo provider, shipping to this API. */
describe("an event sent by a running gateway", { timeout: 120_000 }, () => {
  let api: TestApi;
  let org: TestOrg;
  let seed: DemoGatewaySeed;
  let gateway: ChildProcess;
  let url: string;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "running-gw");
    const team = await createTeam(org, "Platform");
    seed = await seedDemoGateway(api.db, {
      orgId: org.orgId,
      teamId: team.id,
      createdById: org.users.admin.id,
      actor: { orgId: org.orgId, userId: "", actorLabel: "system (test)", via: "jwt", requestId: "", ip: "" },
      audit: new AuditService(),
    });
    url = `http://127.0.0.1:${await freePort()}`;
    const args = [
      "--conditions=source",
      "--import",
      "tsx",
      "packages/cli/src/dev.ts",
      "gateway",
      "run",
      "--control-plane",
      api.url,
      "--port",
      new URL(url).port,
      "--state-dir",
      mkdtempSync(join(tmpdir(), "kt-events-gw-")),
    ];
    gateway = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, KT_GATEWAY_TOKEN: seed.credential },
      stdio: "ignore",
    });
    for (;;) {
      if ((await fetch(`${url}/healthz`).catch(() => null))?.ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 120_000);
  afterAll(async () => {
    gateway?.kill("SIGTERM");
    await api?.close();
  });

  it("shows up in GET /v1/events within 5 s, with its gateway, user, tokens and cost", async () => {
    const user = `dev-${Date.now()}@example.test`;
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${seed.key.secret}`,
        "content-type": "application/json",
        "x-kt-user": user,
      },
      body: JSON.stringify({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "Summarise our release notes" }],
      }),
    });
    expect(res.status).toBe(200);
    const answered = Date.now();
    let found = null;
    while (!found && Date.now() - answered < VISIBLE_WITHIN_MS) {
      const page = ZEventPage.parse(
        (await org.as.viewer.get(`/v1/events?since=10m&user=${encodeURIComponent(user)}`)).body,
      );
      found = page.items[0] ?? null;
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found, `not visible ${VISIBLE_WITHIN_MS} ms after the gateway answered`).not.toBeNull();
    expect(found).toMatchObject({ gatewayId: seed.id, user, model: "gpt-4o-mini", status: "success" });
    expect(found!.promptTokens).toBeGreaterThan(0);
  });
});
