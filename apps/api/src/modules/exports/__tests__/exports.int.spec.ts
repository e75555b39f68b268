import type { INestApplicationContext } from "@nestjs/common";
import { ZAuditLogPage, ZEventPage, ZExport, ZExportList, type TExport, type TExportFormat, type TExportType } from "@kt/contract";
import { parse } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, type TestApi, type TestOrg } from "../../../test/harness";
import { EXPORT_SOURCES } from "../worker/sources";
import { parseExportCsv } from "./csv-rows";
import { download, startExportsApi, startWorker, waitForExport } from "./exports-harness";
import { seedAuditEntries, seedEvents } from "./seed";

const EVENTS = 500;

/** Parses a downloaded file into rows, whatever its format. */
function rowsOf(format: TExportFormat, type: TExportType, text: string): Record<string, unknown>[] {
  switch (format) {
    case "csv":
      return parseExportCsv(text, EXPORT_SOURCES[type].columns);
    case "json":
      return JSON.parse(text);
    case "ndjson":
      return text.split("\n").filter(Boolean).map((line) => JSON.parse(line));
  }
}

describe("exports", () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let other: TestOrg;
  const end = new Date(Date.now() - 60_000);

  async function exportAndWait(as: TestOrg["as"]["admin"], body: object): Promise<TExport> {
    const created = await as.post("/v1/exports", body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return waitForExport(as, ZExport.parse(created.body).id);
  }

  async function sqlCount(sql: string, ...params: unknown[]): Promise<number> {
    const [row] = await api.db.$queryRawUnsafe<{ n: number }[]>(sql, ...params);
    return Number(row.n);
  }

  beforeAll(async () => {
    api = await startExportsApi();
    worker = await startWorker(api.env);
    [org, other] = await Promise.all([createOrg(api, "exp-a"), createOrg(api, "exp-b")]);
    const teams = [];
    for (const name of ["Platform", "Data"]) teams.push((await org.as.admin.post("/v1/teams", { name })).body.id);
    await seedEvents(api.db, org.orgId, { count: EVENTS, end, stepMs: 60_000, teamIds: teams });
    await seedEvents(api.db, other.orgId, { count: 50, end, stepMs: 60_000 });
    await seedAuditEntries(api.db, org.orgId, 40);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it("queues an export at once and ends succeeded with size, row count and a checksum of the streamed file", async () => {
    const created = await org.as.finance.post("/v1/exports", { type: "events", format: "csv", since: "30d", description: "Quarterly vendor review" });
    expect(created.status).toBe(201);
    const job = ZExport.parse(created.body);
    expect(job).toMatchObject({ status: "queued", type: "events", format: "csv", description: "Quarterly vendor review", rowCount: null });
    const done = await waitForExport(org.as.finance, job.id);
    expect(done).toMatchObject({ status: "succeeded", rowCount: EVENTS, error: null, attempts: 1, expired: false });
    expect(done.progress).toEqual({ rowsWritten: EVENTS, rowsEstimate: EVENTS, percent: 100 });
    expect(new Date(done.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const file = await download(api, org.as.finance.token!, job.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="${done.fileName}"`);
    expect(done.fileName).toMatch(/^kt-events-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
    expect(Buffer.byteLength(file.text)).toBe(done.sizeBytes);
    expect(createHash("sha256").update(file.text).digest("hex")).toBe(done.checksumSha256);
    expect(file.headers.get("x-checksum-sha256")).toBe(done.checksumSha256);
  });

  it("writes every type in every format, with the same rows whatever the format", async () => {
    const expected: Record<TExportType, number> = {
      events: EVENTS,
      cost: await sqlCount(
        `SELECT count(*) AS n FROM (SELECT 1 FROM telemetry.events WHERE org_id = $1::uuid
           GROUP BY date_trunc('day', ts AT TIME ZONE 'UTC'), team_id, end_user, provider, model) g`,
        org.orgId,
      ),
      audit: await sqlCount(`SELECT count(*) AS n FROM audit_entries WHERE "orgId" = $1::uuid`, org.orgId),
    };
    // One range for all: the audit log grows with each export.create, and every format must see the same rows.
    const until = new Date(Date.now() - 1).toISOString();
    for (const type of ["events", "cost", "audit"] as const) {
      const byFormat: Record<string, Record<string, unknown>[]> = {};
      for (const format of ["csv", "json", "ndjson"] as const) {
        const done = await exportAndWait(org.as.admin, { type, format, since: "30d", until });
        expect(done.status, done.error ?? "").toBe("succeeded");
        const file = await download(api, org.as.admin.token!, done.id);
        expect(file.headers.get("content-type")).toContain({ csv: "text/csv", json: "application/json", ndjson: "application/x-ndjson" }[format]);
        const rows = rowsOf(format, type, file.text);
        expect(rows.length).toBe(done.rowCount);
        byFormat[format] = rows;
      }
      expect(byFormat.csv.length).toBeGreaterThanOrEqual(expected[type]);
      expect(byFormat.json).toEqual(byFormat.ndjson);
      expect(byFormat.csv).toEqual(byFormat.json);
    }
  });

  it("parses the audit CSV back (csv-parse) to exactly the entries GET /v1/audit-log returns", async () => {
    const until = new Date(Date.now() - 1).toISOString();
    const done = await exportAndWait(org.as.admin, { type: "audit", format: "csv", since: "30d", until });
    const rows = parseExportCsv((await download(api, org.as.admin.token!, done.id)).text, EXPORT_SOURCES.audit.columns);
    const fromApi = [];
    let cursor: string | null = null;
    do {
      const page = await org.as.admin.get(`/v1/audit-log?since=30d&until=${until}&limit=500${cursor ? `&cursor=${cursor}` : ""}`);
      const parsed = ZAuditLogPage.parse(page.body);
      fromApi.push(...parsed.items);
      cursor = parsed.nextCursor;
    } while (cursor);
    expect(rows.length).toBeGreaterThan(40);
    expect(rows).toEqual(fromApi.sort((a, b) => a.seq - b.seq));
  });

  it("parses the events CSV back (csv-parse) to exactly the events GET /v1/events returns", async () => {
    const until = new Date().toISOString();
    const done = await exportAndWait(org.as.finance, { type: "events", format: "csv", since: "30d", until, filters: { team: "Platform,Data" } });
    const rows = parseExportCsv((await download(api, org.as.finance.token!, done.id)).text, EXPORT_SOURCES.events.columns);
    const fromApi = [];
    let cursor: string | null = null;
    do {
      const page = await org.as.finance.get(`/v1/events?since=30d&until=${until}&team=Platform,Data&limit=1000${cursor ? `&cursor=${cursor}` : ""}`);
      const parsed = ZEventPage.parse(page.body);
      fromApi.push(...parsed.items);
      cursor = parsed.nextCursor;
    } while (cursor);
    expect(rows.length).toBe(EVENTS);
    // The API lists newest first; exports run oldest first.
    expect(rows).toEqual(fromApi.reverse());
  });

  it("narrows a manager's exports to their teams, and shows managers only the exports they made", async () => {
    const none = await exportAndWait(org.as.manager, { type: "events", format: "ndjson", since: "30d" });
    expect(none).toMatchObject({ status: "succeeded", rowCount: 0 });
    const platform = (await org.as.admin.get("/v1/teams")).body.items.find((t: { name: string }) => t.name === "Platform");
    await org.as.admin.post(`/v1/teams/${platform.id}/members`, { userId: org.users.manager.id });
    const mine = await exportAndWait(org.as.manager, { type: "events", format: "ndjson", since: "30d" });
    const rows = rowsOf("ndjson", "events", (await download(api, org.as.manager.token!, mine.id)).text);
    expect(rows.length).toBe(EVENTS / 2);
    expect(rows.every((r) => r.teamId === platform.id)).toBe(true);
    // Asking for another team gives nothing more.
    const other = await exportAndWait(org.as.manager, { type: "cost", format: "json", since: "30d", filters: { team: "Data" } });
    expect(other.rowCount).toBe(0);

    const admins = await exportAndWait(org.as.admin, { type: "events", format: "csv", since: "1d" });
    expect((await org.as.manager.get(`/v1/exports/${admins.id}`)).status).toBe(404);
    expect((await download(api, org.as.manager.token!, admins.id)).status).toBe(404);
    const listed = ZExportList.parse((await org.as.manager.get("/v1/exports?limit=500")).body).items.map((e) => e.id);
    expect(listed.sort()).toEqual([none.id, mine.id, other.id].sort());
  });

  it("refuses an unknown team or gateway name with a 400 that names it", async () => {
    const res = await org.as.finance.post("/v1/exports", { type: "events", filters: { team: "Nope" } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/No team named "Nope"/);
  });

  it("writes RFC 4180 CSV: header, CRLF, quoting, ISO 8601 UTC times, dot decimals, and neutralised formulas", async () => {
    const done = await exportAndWait(org.as.admin, { type: "events", format: "csv", since: "30d" });
    const text = (await download(api, org.as.admin.token!, done.id)).text;
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(EXPORT_SOURCES.events.columns.map((c) => c.name).join(","));
    const raw: Record<string, string>[] = parse(text, { columns: true });
    const prompts = new Set(raw.map((r) => r.promptRedacted));
    expect(prompts).toEqual(new Set([`'=HYPERLINK("http://x.test","click")`, `line one\nline two, with "quotes"`, "'+1 555 0100", "'-2", "'@SUM(A1)", "'\ttabbed"]));
    // Quoted per RFC 4180 (embedded quotes doubled), and the neutralised cells quoted too.
    expect(text).toContain(`"'=HYPERLINK(""http://x.test"",""click"")"`);
    expect(text).toContain(`"line one\nline two, with ""quotes"""`);
    expect(text).toContain(`"'-2"`);
    for (const r of raw) {
      expect(r.ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(r.costUsd).toMatch(/^(\d+\.\d+|\d+|)$/);
      expect(r.latencyMs).toMatch(/^\d+(\.\d+)?$/);
    }
    // Numbers are never neutralised: a negative number would stay a number.
    expect(raw.find((r) => r.costUsd === "")).toBeDefined();
    expect(raw.some((r) => r.costUsd === "0.000123")).toBe(true);
  });

  it("applies the event filters (lists, names for teams, policy by name or type)", async () => {
    const csvRows = async (filters: object, type: TExportType = "events") => {
      const done = await exportAndWait(org.as.finance, { type, format: "ndjson", since: "30d", filters });
      expect(done.status, done.error ?? "").toBe("succeeded");
      return rowsOf("ndjson", type, (await download(api, org.as.finance.token!, done.id)).text);
    };
    const blocked = await csvRows({ action: "block", provider: "openai,anthropic" });
    expect(blocked.length).toBe(
      await sqlCount(`SELECT count(*) AS n FROM telemetry.events WHERE org_id = $1::uuid AND action = 'blocked' AND provider IN ('openai','anthropic')`, org.orgId),
    );
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((r) => r.action === "blocked" && ["openai", "anthropic"].includes(r.provider as string))).toBe(true);

    const platform = await csvRows({ team: ["Platform"], model: "gpt-4o" });
    expect(platform.length).toBeGreaterThan(0);
    expect(platform.every((r) => r.teamName === "Platform" && r.model === "gpt-4o")).toBe(true);

    const byType = await csvRows({ policy: "pii-detector" });
    const byName = await csvRows({ policy: ["pii-guard", "redact-emails"] });
    expect(byType.map((r) => r.id)).toEqual(byName.map((r) => r.id));

    const cost = await csvRows({ user: "user1@example.test" }, "cost");
    expect(cost.length).toBeGreaterThan(0);
    expect(cost.every((r) => r.user === "user1@example.test")).toBe(true);
    const total = cost.reduce((s, r) => s + (r.requests as number), 0);
    expect(total).toBe(await sqlCount(`SELECT count(*) AS n FROM telemetry.events WHERE org_id = $1::uuid AND end_user = 'user1@example.test'`, org.orgId));
  });

  it("answers 400 naming the field for bad input", async () => {
    const cases: [object, string][] = [
      [{ type: "logs" }, "request.type"],
      [{ type: "events", format: "xlsx" }, "request.format"],
      [{ type: "events", since: "yesterday" }, "request.since"],
      [{ type: "events", filters: { colour: "red" } }, "request.filters"],
      [{ type: "events", filters: { action: "explode" } }, "request.filters.action.0"],
      [{ type: "events", since: "1d", until: "2d" }, "body.since"],
      [{ type: "audit", filters: { provider: "openai" } }, "body.filters"],
    ];
    for (const [body, path] of cases) {
      const res = await org.as.admin.post("/v1/exports", body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });

  it("lets finance create and download events and cost exports, not audit ones; viewers may not create", async () => {
    expect((await org.as.viewer.post("/v1/exports", { type: "events" })).status).toBe(403);
    expect((await org.as.finance.post("/v1/exports", { type: "audit" })).status).toBe(403);
    const cost = await exportAndWait(org.as.finance, { type: "cost", format: "csv", since: "30d" });
    expect((await download(api, org.as.finance.token!, cost.id)).status).toBe(200);
    expect((await download(api, org.as.viewer.token!, cost.id)).status).toBe(200);
    const manager = await exportAndWait(org.as.manager, { type: "events", format: "json", since: "1d" });
    expect(manager.status).toBe("succeeded");

    // The audit log is for admins: other roles neither list nor see nor download audit exports.
    const audit = await exportAndWait(org.as.admin, { type: "audit", format: "csv", since: "1d" });
    for (const role of ["manager", "finance", "viewer"] as const) {
      expect((await org.as[role].get(`/v1/exports/${audit.id}`)).status).toBe(404);
      expect((await download(api, org.as[role].token!, audit.id)).status).toBe(404);
      const list = ZExportList.parse((await org.as[role].get("/v1/exports?limit=500")).body);
      expect(list.items.some((e) => e.type === "audit")).toBe(false);
    }
    expect(ZExportList.parse((await org.as.admin.get("/v1/exports?type=audit")).body).items.map((e) => e.id)).toContain(audit.id);
  });

  it("keeps exports to their org: another org's ids answer 404, and its rows never appear", async () => {
    const theirs = await exportAndWait(other.as.admin, { type: "events", format: "csv", since: "30d" });
    expect(theirs.rowCount).toBe(50);
    expect((await org.as.admin.get(`/v1/exports/${theirs.id}`)).status).toBe(404);
    expect((await download(api, org.as.admin.token!, theirs.id)).status).toBe(404);
    expect((await org.as.admin.get(`/v1/exports/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const mine = ZExportList.parse((await org.as.admin.get("/v1/exports?limit=500")).body);
    expect(mine.items.some((e) => e.id === theirs.id)).toBe(false);
    expect(ZExportList.parse((await other.as.admin.get("/v1/exports")).body).items.map((e) => e.id)).toEqual([theirs.id]);
  });

  it("pages the list newest first and filters it by status and type", async () => {
    const all = ZExportList.parse((await org.as.admin.get("/v1/exports?limit=500")).body).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = ZExportList.parse((await org.as.admin.get(`/v1/exports?limit=3${cursor ? `&cursor=${cursor}` : ""}`)).body);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    const created = all.map((e) => e.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const cost = ZExportList.parse((await org.as.admin.get("/v1/exports?type=cost&status=succeeded")).body).items;
    expect(cost.length).toBeGreaterThan(0);
    expect(cost.every((e) => e.type === "cost" && e.status === "succeeded")).toBe(true);
    expect((await org.as.admin.get("/v1/exports?cursor=nonsense")).status).toBe(400);
  });

  it("audits creating and downloading an export", async () => {
    const done = await exportAndWait(org.as.finance, { type: "cost", format: "json", since: "7d", description: "Budget reconciliation" });
    await download(api, org.as.finance.token!, done.id);
    const entries = await api.db.auditEntry.findMany({ where: { orgId: org.orgId, resourceId: done.id }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => [e.action, e.actorLabel])).toEqual([
      ["export.create", org.users.finance.email],
      ["export.download", org.users.finance.email],
    ]);
    expect(entries[0].after).toMatchObject({ type: "cost", format: "json", description: "Budget reconciliation" });
  });

  it("removes files past their retention with the scheduled sweep; the export then shows expired", async () => {
    const { ExportSweepHandler } = await import("../worker/export-sweep.handler");
    const { ExportsQueue } = await import("../exports.queue");
    const schedulers = await worker.get(ExportsQueue).queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain("exports-sweep");

    const done = await exportAndWait(org.as.admin, { type: "events", format: "csv", since: "1d" });
    await api.db.exportJob.update({ where: { id: done.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const swept = await worker.get(ExportSweepHandler).sweep();
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const after = ZExport.parse((await org.as.admin.get(`/v1/exports/${done.id}`)).body);
    expect(after.expired).toBe(true);
    const res = await download(api, org.as.admin.token!, done.id);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text).error.message).toMatch(/expired/);
  });
});
