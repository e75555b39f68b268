import type { INestApplicationContext } from "@nestjs/common";
import { ZExport, type TExport } from "@kt/contract";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, type TestApi, type TestOrg } from "../../../test/harness";
import { ExportsQueue } from "../exports.queue";
import { download, startExportsApi, startWorker, waitForExport } from "./exports-harness";
import { seedEvents } from "./seed";

describe("export failures and retries", () => {
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    // Retries after 1 s, then 2 s: time enough to watch (and end) a transient failure.
    api = await startExportsApi({ EXPORT_BACKOFF_MS: "1000", EXPORT_ATTEMPTS: "3" });
    worker = await startWorker(api.env);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** An org whose export folder cannot be created: a plain file sits where the folder goes. */
  async function orgWithBlockedStore(): Promise<{ org: TestOrg; blocker: string }> {
    const org = await createOrg(api, "exp-fail");
    await seedEvents(api.db, org.orgId, { count: 20, end: new Date(Date.now() - 60_000), stepMs: 1000 });
    await mkdir(api.env.EXPORT_DIR, { recursive: true });
    const blocker = join(api.env.EXPORT_DIR, org.orgId);
    await writeFile(blocker, "not a directory");
    return { org, blocker };
  }

  it("retries a transient failure with backoff, showing why, and then succeeds", async () => {
    const { org, blocker } = await orgWithBlockedStore();
    const job = ZExport.parse((await org.as.admin.post("/v1/exports", { type: "events", format: "csv", since: "1d" })).body);
    const retrying = await waitForExport(org.as.admin, job.id, (e) => e.status === "queued" && e.error !== null, 20_000);
    // Normally seen after the first attempt; on a very busy machine the second may have failed too.
    expect(retrying.error).toMatch(/^attempt ([12]) of 3 failed \(.*(EEXIST|ENOTDIR).*\); retrying in [12] s$/);
    expect(retrying.error).toContain(`attempt ${retrying.attempts} of 3`);
    await rm(blocker);
    const done = await waitForExport(org.as.admin, job.id, undefined, 20_000);
    expect(done).toMatchObject({ status: "succeeded", attempts: retrying.attempts + 1, rowCount: 20, error: null });
    expect((await download(api, org.as.admin.token!, job.id)).status).toBe(200);
  });

  it("ends failed with the reason once every attempt has failed; the download then answers 409 with it", async () => {
    const { org } = await orgWithBlockedStore();
    const job = ZExport.parse((await org.as.admin.post("/v1/exports", { type: "events", format: "csv", since: "1d" })).body);
    const seen = new Set<string>();
    const failed = await waitForExport(
      org.as.admin,
      job.id,
      (e: TExport) => {
        seen.add(e.status);
        return e.status === "failed";
      },
      20_000,
    );
    expect(failed.attempts).toBe(3);
    expect(failed.error).toMatch(/EEXIST|ENOTDIR/);
    expect(failed.error).not.toMatch(/retrying/);
    expect(failed.finishedAt).not.toBeNull();
    expect([...seen]).toEqual(expect.arrayContaining(["queued", "failed"]));
    const res = await download(api, org.as.admin.token!, job.id);
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text).error.message).toMatch(/is failed .*(EEXIST|ENOTDIR)/);
  });

  it("does not retry what no retry can fix: an export whose stored settings are corrupt fails at once", async () => {
    const org = await createOrg(api, "exp-corrupt");
    const row = await api.db.exportJob.create({ data: { orgId: org.orgId, type: "events", format: "csv", filters: { since: "last week" } } });
    await api.app.get(ExportsQueue).enqueue({ orgId: org.orgId, exportId: row.id });
    const failed = await waitForExport(org.as.admin, row.id, (e) => e.status === "failed", 20_000);
    expect(failed.attempts).toBe(1);
    expect(failed.error).toMatch(/stored settings are invalid: since/);
  });

  it("re-reads the row scoped to the payload's org: a payload naming another org's export does nothing to it", async () => {
    const owner = await createOrg(api, "exp-owner");
    const intruder = await createOrg(api, "exp-intruder");
    const row = await api.db.exportJob.create({
      data: { orgId: owner.orgId, type: "audit", format: "csv", filters: { since: new Date(Date.now() - 3600e3).toISOString(), until: new Date().toISOString() } },
    });
    await api.app.get(ExportsQueue).enqueue({ orgId: intruder.orgId, exportId: row.id });
    await new Promise((r) => setTimeout(r, 1500));
    const stored = await api.db.exportJob.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ status: "queued", attempts: 0, storageKey: null });
  });
});
