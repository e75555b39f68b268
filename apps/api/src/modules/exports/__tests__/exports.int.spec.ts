import type { INestApplicationContext } from "@nestjs/common";
import { ZExport, ZExportList } from "@kt/contract";
import { parse } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, type TestApi, type TestOrg } from "../../../test/harness";
import { download, startExportsApi, startWorker, waitForExport } from "./exports-harness";
import { seedAuditEntries, seedEvents } from "./seed";

describe("exports", () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let other: TestOrg;
  const end = new Date(Date.now() - 60_000);

  beforeAll(async () => {
    api = await startExportsApi();
    worker = await startWorker(api.env);
    [org, other] = await Promise.all([createOrg(api, "exp-a"), createOrg(api, "exp-b")]);
    await seedEvents(api.db, org.orgId, { count: 500, end, stepMs: 60_000 });
    await seedAuditEntries(api.db, org.orgId, 40);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it("queues an events CSV export at once and ends succeeded with size, row count and checksum", async () => {
    const created = await org.as.finance.post("/v1/exports", { type: "events", format: "csv", since: "30d", description: "Quarterly vendor review" });
    expect(created.status).toBe(201);
    const job = ZExport.parse(created.body);
    expect(job.status).toBe("queued");
    const done = await waitForExport(org.as.finance, job.id);
    expect(done).toMatchObject({ status: "succeeded", rowCount: 500, error: null, progress: { rowsWritten: 500, rowsEstimate: 500, percent: 100 } });
    const file = await download(api, org.as.finance.token!, job.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="${done.fileName}"`);
    expect(Buffer.byteLength(file.text)).toBe(done.sizeBytes);
    expect(createHash("sha256").update(file.text).digest("hex")).toBe(done.checksumSha256);
    const rows = parse(file.text, { columns: true });
    expect(rows).toHaveLength(500);
  });
});
