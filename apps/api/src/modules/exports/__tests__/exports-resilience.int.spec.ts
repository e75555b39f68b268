import type { INestApplicationContext } from "@nestjs/common";
import { isExportFinished, type TExport } from "@kt/contract";
import { parse } from "csv-parse/sync";
import type { ChildProcess } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, createOrg, type TestApi, type TestOrg } from "../../../test/harness";
import { ExportsQueue } from "../exports.queue";
import { ExportSweepHandler } from "../worker/export-sweep.handler";
import { download, spawnWorker, startExportsApi, startWorker, waitForExport, workerOutput } from "./exports-harness";
import { startRestartableRedis, type RestartableRedis } from "./own-redis";
import { seedEvents } from "./seed";

const ROWS = 300_000;
// Ports of this test file (the exports engineer's range is 4500-4599).
const PERSISTENT_REDIS_PORT = 4501;
const EPHEMERAL_REDIS_PORT = 4502;
const LOSING_REDIS_PORT = 4503;
const LATE_REDIS_PORT = 4504;
const NO_REDIS_PORT = 4599;

const running = (e: TExport) => e.status === "running" && e.progress.rowsWritten > 0;

async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

describe("exports under failure", () => {
  let api: TestApi;
  let org: TestOrg;
  const cleanups: (() => Promise<unknown>)[] = [];

  /** The ids in the org's events, in export order: what every complete file must hold, once each. */
  async function expectedIds(): Promise<string[]> {
    const rows = await api.db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM telemetry.events WHERE org_id = $1::uuid ORDER BY ts, id`, org.orgId);
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    api = await startExportsApi();
    org = await createOrg(api, "exp-resilience");
    await seedEvents(api.db, org.orgId, { count: ROWS, end: new Date(Date.now() - 60_000), stepMs: 1000 });
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await api?.close();
  });

  it("reports progress while it writes: rows written rise towards the estimate", async () => {
    const worker = await startWorker(api.env);
    cleanups.push(() => worker.close());
    const job = (await org.as.admin.post("/v1/exports", { type: "events", format: "json", since: "30d" })).body as TExport;
    const seen: TExport["progress"][] = [];
    const done = await waitForExport(
      org.as.admin,
      job.id,
      (e) => {
        if (e.status === "running") seen.push(e.progress);
        return isExportFinished(e.status);
      },
      90_000,
    );
    await worker.close();
    expect(done).toMatchObject({ status: "succeeded", rowCount: ROWS, progress: { rowsWritten: ROWS, rowsEstimate: ROWS, percent: 100 } });
    const midway = seen.filter((p) => p.rowsWritten > 0 && p.rowsWritten < ROWS);
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.every((p) => p.rowsEstimate === ROWS && p.percent! >= 0 && p.percent! < 100)).toBe(true);
    const written = seen.map((p) => p.rowsWritten);
    expect([...written].sort((a, b) => a - b)).toEqual(written);
  }, 120_000);

  it("a worker killed mid-job leaves a job that another worker retries and completes with every row exactly once", async () => {
    const first = spawnWorker(api.env);
    cleanups.push(() => stopChild(first));
    const job = (await org.as.admin.post("/v1/exports", { type: "events", format: "csv", since: "30d" })).body as TExport;
    const midway = await waitForExport(org.as.admin, job.id, running, 60_000).catch((e) => {
      throw new Error(`${e.message}\nworker output:\n${workerOutput(first)}`);
    });
    expect(midway.progress.rowsWritten).toBeLessThan(ROWS);
    await stopChild(first);

    // The dead worker's file never became the export: only its partial file is there.
    const orgDir = join(api.env.EXPORT_DIR, org.orgId);
    expect((await readdir(orgDir)).filter((n) => n.startsWith(job.id))).toEqual([expect.stringMatching(/\.partial$/)]);

    const second = spawnWorker(api.env);
    cleanups.push(() => stopChild(second));
    const done = await waitForExport(org.as.admin, job.id, undefined, 90_000);
    await stopChild(second);
    expect(done, workerOutput(second)).toMatchObject({ status: "succeeded", attempts: 2, rowCount: ROWS, error: null });
    expect((await readdir(orgDir)).filter((n) => n.startsWith(job.id))).toEqual([`${job.id}.csv`]);

    const file = await download(api, org.as.admin.token!, job.id);
    const ids = (parse(file.text, { columns: true }) as { id: string }[]).map((r) => r.id);
    expect(ids.length).toBe(ROWS);
    expect(ids).toEqual(await expectedIds());
  }, 180_000);

  async function apiOn(redisUrl: string) {
    const own = await startExportsApi({ REDIS_URL: redisUrl });
    cleanups.push(() => own.close());
    return { own, as: client(own.url, org.as.admin.token) };
  }

  async function redisRestartDuringJob(redis: RestartableRedis) {
    const { own, as } = await apiOn(redis.url);
    const worker: INestApplicationContext = await startWorker(own.env);
    cleanups.push(() => worker.close());
    const job = (await as.post("/v1/exports", { type: "events", format: "ndjson", since: "30d" })).body as TExport;
    await waitForExport(as, job.id, running, 60_000);
    await redis.restart(1000);
    const done = await waitForExport(as, job.id, undefined, 90_000);
    // Afterwards the queue works again: a new export goes through.
    const next = (await as.post("/v1/exports", { type: "audit", format: "csv", since: "1h" })).body as TExport;
    const nextDone = await waitForExport(as, next.id, undefined, 60_000);
    return { own, worker, done, nextDone };
  }

  it("cancels a running export: its worker stops within seconds, leaves no file, and the export cannot be downloaded", async () => {
    const worker = await startWorker(api.env);
    cleanups.push(() => worker.close());
    const job = (await org.as.finance.post("/v1/exports", { type: "events", format: "csv", since: "30d" })).body as TExport;
    await waitForExport(org.as.finance, job.id, running, 60_000);
    // Managers see only their own exports; nobody but its creator or an admin may stop it.
    expect((await org.as.manager.post(`/v1/exports/${job.id}/cancel`)).status).toBe(404);

    const cancelled = await org.as.finance.post(`/v1/exports/${job.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: job.id, status: "cancelled", error: expect.stringContaining("cancelled by") });

    const orgDir = join(api.env.EXPORT_DIR, org.orgId);
    const files = async () => (await readdir(orgDir).catch(() => [])).filter((n) => n.startsWith(job.id));
    const deadline = Date.now() + 10_000;
    while ((await files()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await files()).toEqual([]);
    await worker.close();

    const after = (await org.as.finance.get(`/v1/exports/${job.id}`)).body as TExport;
    expect(after).toMatchObject({ status: "cancelled" });
    expect(after.progress.rowsWritten).toBeLessThan(ROWS);
    const again = await org.as.finance.post(`/v1/exports/${job.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("already cancelled");
    expect((await org.as.finance.get(`/v1/exports/${job.id}/download`)).status).toBe(409);
    const audit = await api.db.auditEntry.findMany({ where: { orgId: org.orgId, action: "export.cancel", resourceId: job.id } });
    expect(audit).toHaveLength(1);
  }, 120_000);

  it("cancels a queued export before any worker runs it; a worker started later never writes it", async () => {
    const job = (await org.as.admin.post("/v1/exports", { type: "events", format: "json", since: "1h" })).body as TExport;
    expect((await org.as.admin.post(`/v1/exports/${job.id}/cancel`)).body).toMatchObject({ status: "cancelled" });
    expect(await api.app.get(ExportsQueue).has(job.id)).toBe(false);

    const worker = await startWorker(api.env);
    cleanups.push(() => worker.close());
    await new Promise((r) => setTimeout(r, 1500));
    await worker.close();
    expect((await org.as.admin.get(`/v1/exports/${job.id}`)).body).toMatchObject({ status: "cancelled", rowCount: null });
    const orgDir = join(api.env.EXPORT_DIR, org.orgId);
    expect((await readdir(orgDir).catch(() => [])).filter((n) => n.startsWith(job.id))).toEqual([]);
  });

  it("a Redis restart during a job (persistent Redis): the job completes with every row", async () => {
    const redis = await startRestartableRedis(PERSISTENT_REDIS_PORT, true);
    cleanups.push(() => redis.stop());
    const { worker, done, nextDone } = await redisRestartDuringJob(redis);
    expect(done).toMatchObject({ status: "succeeded", rowCount: ROWS });
    expect(nextDone.status).toBe("succeeded");
    await worker.close();
  }, 180_000);

  it("a Redis that restarts empty during a job: the job still completes, and the sweep is scheduled again", async () => {
    const redis = await startRestartableRedis(EPHEMERAL_REDIS_PORT, false);
    cleanups.push(() => redis.stop());
    const { worker, done, nextDone } = await redisRestartDuringJob(redis);
    expect(done).toMatchObject({ status: "succeeded", rowCount: ROWS });
    expect(nextDone.status).toBe("succeeded");
    const schedulers = await worker.get(ExportsQueue).queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain("exports-sweep");
    await worker.close();
  }, 180_000);

  it("an export whose queue entry an empty Redis lost is queued again by the sweep and completes", async () => {
    const redis = await startRestartableRedis(LOSING_REDIS_PORT, false);
    cleanups.push(() => redis.stop());
    const { own, as } = await apiOn(redis.url);
    const job = (await as.post("/v1/exports", { type: "audit", format: "json", since: "1h" })).body as TExport;
    await redis.restart(200);
    const worker = await startWorker(own.env);
    cleanups.push(() => worker.close());
    await new Promise((r) => setTimeout(r, 1000));
    expect((await waitForExport(as, job.id, () => true)).status).toBe("queued");
    const swept = await worker.get(ExportSweepHandler).sweep(new Date(Date.now() + 120_000));
    expect(swept.requeued).toBe(1);
    expect(await waitForExport(as, job.id, undefined, 30_000)).toMatchObject({ status: "succeeded", attempts: 1 });
    await worker.close();
  }, 60_000);

  it("a worker that starts while Redis is down serves exports and schedules its sweep once Redis is back", async () => {
    const redis = await startRestartableRedis(LATE_REDIS_PORT, false);
    cleanups.push(() => redis.stop());
    const { own, as } = await apiOn(redis.url);
    const restarting = redis.restart(3000);
    await new Promise((r) => setTimeout(r, 300));
    const worker = await startWorker(own.env);
    cleanups.push(() => worker.close());
    await restarting;
    const job = (await as.post("/v1/exports", { type: "audit", format: "csv", since: "1h" })).body as TExport;
    expect(await waitForExport(as, job.id, undefined, 30_000)).toMatchObject({ status: "succeeded" });
    const schedulers = await worker.get(ExportsQueue).queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain("exports-sweep");
    await worker.close();
  }, 60_000);

  it("answers 503 naming Redis when the queue is down, and marks the export failed instead of leaving it queued", async () => {
    const { as } = await apiOn(`redis://127.0.0.1:${NO_REDIS_PORT}`);
    const started = Date.now();
    const res = await as.post("/v1/exports", { type: "events", since: "1d" });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/Redis/);
    const [failed] = (await as.get("/v1/exports?limit=1")).body.items as TExport[];
    expect(failed).toMatchObject({ status: "failed", error: expect.stringMatching(/could not be queued/) });
  }, 60_000);
});
