import type { INestApplicationContext } from "@nestjs/common";
import { ZExport, ZExportList } from "@kt/contract";
import { parse } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKt, tempConfigDir } from "../../../test/cli";
import { createOrg, type TestApi, type TestOrg } from "../../../test/harness";
import { startExportsApi, startWorker } from "./exports-harness";
import { seedEvents } from "./seed";

describe("kt export", () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  const dir = tempConfigDir();
  const as = (role: "finance" | "viewer") => ({ KT_API_URL: api.url, KT_API_TOKEN: org.as[role].token, KT_CONFIG_DIR: dir });

  beforeAll(async () => {
    api = await startExportsApi();
    worker = await startWorker(api.env);
    org = await createOrg(api, "exp-cli");
    await seedEvents(api.db, org.orgId, { count: 120, end: new Date(Date.now() - 60_000), stepMs: 60_000 });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it("kt export create waits for the job and --output downloads the file, checked against its SHA-256", async () => {
    const out = join(dir, "vendor-review.csv");
    const res = await runKt(["export", "create", "--type", "events", "--format", "csv", "--since", "90d", "--description", "Quarterly vendor review", "--output", out], as("finance"));
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Export [0-9a-f-]{36} succeeded: 120 rows, [\d.]+ KB, sha256 [0-9a-f]{64}$/m);
    expect(res.stdout).toContain(`Saved ${out}`);
    const text = readFileSync(out);
    expect(parse(text, { columns: true })).toHaveLength(120);
    const sha = /sha256 ([0-9a-f]{64})/.exec(res.stdout)![1];
    expect(createHash("sha256").update(text).digest("hex")).toBe(sha);
  });

  it("--no-wait returns the queued job at once; list and download find it", async () => {
    const res = await runKt(["export", "create", "--type", "cost", "--format", "ndjson", "--since", "7d", "--action", "block,allow", "--no-wait", "--json"], as("finance"));
    expect(res.code).toBe(0);
    const job = ZExport.parse(JSON.parse(res.stdout));
    expect(job).toMatchObject({ status: "queued", type: "cost", format: "ndjson", filters: { action: ["blocked", "allowed"] } });

    const list = await runKt(["export", "list", "--json"], as("finance"));
    expect(ZExportList.parse(JSON.parse(list.stdout)).items.map((e) => e.id)).toContain(job.id);
    const table = await runKt(["export", "list"], as("finance"));
    expect(table.stdout).toContain(job.id);
    expect(table.stdout).toMatch(/TYPE.*FORMAT.*STATUS/);

    let downloaded = await runKt(["export", "download", job.id, "--output", join(dir, "cost.ndjson")], as("finance"));
    for (let i = 0; i < 50 && downloaded.code !== 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      downloaded = await runKt(["export", "download", job.id, "--output", join(dir, "cost.ndjson")], as("finance"));
    }
    expect(downloaded.stderr).toBe("");
    expect(downloaded.stdout).toMatch(/^Saved .*cost\.ndjson \(\d+ bytes, sha256 [0-9a-f]{64}\)$/m);
    const rows = readFileSync(join(dir, "cost.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toHaveProperty("costUsd");
  });

  it("kt export cancel refuses a finished export with the API's reason, and stops a queued one", async () => {
    const done = await runKt(["export", "create", "--type", "events", "--since", "1d", "--json"], as("finance"));
    const finished = ZExport.parse(JSON.parse(done.stdout));
    const refused = await runKt(["export", "cancel", finished.id], as("finance"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already succeeded; only a queued or running export can be cancelled.*\(conflict, HTTP 409\)/);

    await worker.close(); // nothing runs the next one, so it is still queued when cancelled
    const queued = ZExport.parse(JSON.parse((await runKt(["export", "create", "--type", "events", "--since", "1d", "--no-wait", "--json"], as("finance"))).stdout));
    const res = await runKt(["export", "cancel", queued.id], as("finance"));
    expect(res.stderr).toBe("");
    expect(res.stdout.trim()).toBe(`Export ${queued.id} cancelled after 0 row(s).`);
    worker = await startWorker(api.env);
  });

  it("explains a refusal: viewers may not create exports", async () => {
    const res = await runKt(["export", "create", "--type", "events", "--since", "1d"], as("viewer"));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^error: Your role \(viewer\) cannot do this.*\(forbidden, HTTP 403\)$/m);
  });

  it("names a bad flag value the API refuses", async () => {
    const res = await runKt(["export", "create", "--type", "events", "--since", "yesterday"], as("finance"));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/request\.since/);
  });
});
