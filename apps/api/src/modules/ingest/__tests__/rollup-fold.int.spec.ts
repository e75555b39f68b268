import { ZIngestResponse, type TGatewayEvent } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { rebuildRollups, rollupSnapshot } from "../../events/__tests__/rollup-snapshot";
import {
  createGateway,
  createTeam,
  eventually,
  gatewayEvent,
  type TestGateway,
} from "../../events/__tests__/telemetry-fixtures";
import { TelemetryPool } from "../../events/telemetry-pool";
import { toEventRows } from "../event-rows";
import { IngestRepository } from "../ingest.repository";

const pii = {
  policy: "pii",
  type: "pii-detector" as const,
  stage: "request" as const,
  action: "redact" as const,
  triggered: true,
  latencyUs: 3,
  details: {},
};

/** Events that share few rollup keys (two users, two models, one hour), so concurrent batches meet on the same rows. */
function events(n: number, at: number): TGatewayEvent[] {
  return Array.from({ length: n }, (_, i) =>
    gatewayEvent({
      ts: new Date(at - (i % 50) * 1000).toISOString(),
      endUser: i % 2 ? "ana" : "bo",
      model: i % 3 ? "gpt-4o-mini" : "gpt-4o",
      latencyMs: 10 + ((i * 37) % 700),
      action: i % 4 ? "allowed" : "redacted",
      decisions: i % 4 ? [] : [pii],
    }),
  );
}

describe("rollup fold: queued events reach every rollup exactly once", () => {
  let api: TestApi;
  let org: TestOrg;
  let pool: TelemetryPool;
  let gateways: TestGateway[];
  const queued = async () =>
    Number(
      (
        await pool.pool.query("SELECT count(*) AS n FROM telemetry.rollup_queue WHERE org_id = $1", [
          org.orgId,
        ])
      ).rows[0].n,
    );
  const stored = async () =>
    Number(
      (await pool.pool.query("SELECT count(*) AS n FROM telemetry.events WHERE org_id = $1", [org.orgId]))
        .rows[0].n,
    );
  const expectRollupsMatchRebuild = async () => {
    const incremental = await rollupSnapshot(pool, org.orgId);
    await rebuildRollups(pool, org.orgId);
    expect(await rollupSnapshot(pool, org.orgId)).toEqual(incremental);
  };

  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "fold");
    pool = api.app.get(TelemetryPool);
    const team = await createTeam(org, "Fold");
    gateways = await Promise.all([
      createGateway(api, org, { teamId: team.id, name: "fold-a" }),
      createGateway(api, org, { teamId: team.id, name: "fold-b" }),
      createGateway(api, org, { name: "fold-c" }),
    ]);
  });
  afterAll(() => api?.close());

  it("answers only after the fold: an acknowledged batch is in the rollups and the queue is empty", async () => {
    const batch = events(40, Date.now() - 60_000);
    const res = await gateways[0].api.post("/v1/ingest/events", { events: batch });
    expect(ZIngestResponse.parse(res.body)).toEqual({ accepted: 40, duplicates: 0 });
    expect(await queued()).toBe(0);
    const { rows } = await pool.pool.query(
      "SELECT sum(requests)::int AS n FROM telemetry.user_rollups_hourly WHERE org_id = $1",
      [org.orgId],
    );
    expect(rows[0].n).toBe(40);
    await expectRollupsMatchRebuild();
  });

  it("ack=stored answers once the events are stored; the rollups follow without another request", async () => {
    const before = await stored();
    const batch = events(60, Date.now() - 90_000);
    // Holding the fold's lock keeps every fold waiting: only an answer that does not wait for one can come back.
    const blocker = await pool.pool.connect();
    let res;
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT pg_advisory_xact_lock(hashtextextended('telemetry:rollup-fold', 0))");
      res = await gateways[1].api.post("/v1/ingest/events?ack=stored", { events: batch });
      expect(await queued()).toBe(60);
    } finally {
      await blocker.query("ROLLBACK");
      blocker.release();
    }
    expect(ZIngestResponse.parse(res.body)).toEqual({ accepted: 60, duplicates: 0 });
    expect(await stored()).toBe(before + 60);
    await eventually(async () => ((await queued()) === 0 ? true : undefined), 5_000);
    await expectRollupsMatchRebuild();
    const replay = await gateways[0].api.post("/v1/ingest/events?ack=stored", { events: batch });
    expect(ZIngestResponse.parse(replay.body)).toEqual({ accepted: 0, duplicates: 60 });
    expect(await stored()).toBe(before + 60);
  });

  it("rejects an unknown ack with a 400 that names the choices", async () => {
    const res = await gateways[0].api.post("/v1/ingest/events?ack=never", { events: events(1, Date.now()) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/rollups.*stored|ack/);
  });

  it("concurrent batches and replays on the same rollup rows: no deadlock, every event counted once", async () => {
    const at = Date.now() - 120_000;
    const batches = Array.from({ length: 12 }, () => events(150, at));
    // Each batch is sent twice, at the same time and from different gateways (a replay racing its original).
    const sends = [...batches, ...batches].map((b, i) =>
      gateways[i % gateways.length].api.post("/v1/ingest/events", { events: b }),
    );
    const answers = (await Promise.all(sends)).map((r) => {
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return ZIngestResponse.parse(r.body);
    });
    expect(answers.reduce((n, a) => n + a.accepted, 0)).toBe(12 * 150);
    expect(answers.reduce((n, a) => n + a.duplicates, 0)).toBe(12 * 150);
    expect(await queued()).toBe(0);
    await expectRollupsMatchRebuild();
  });

  it("folds rows a process queued and never folded (it died) exactly once, however many folds race for them", async () => {
    const before = await stored();
    const rows = toEventRows(
      events(300, Date.now() - 30_000),
      { gatewayId: gateways[2].id, orgId: org.orgId, teamId: null, name: gateways[2].name },
      [],
    );
    const repo = api.app.get(IngestRepository);
    // Stored and queued in one transaction, as ingest does, but without asking for a fold.
    await pool.transaction((c) => repo.insertAndQueue(c, org.orgId, rows));
    // Four folds at once (the API's own sweep may join in): each queued row is taken by exactly one of them.
    const folds = await Promise.all(Array.from({ length: 4 }, () => repo.fold()));
    expect(folds.reduce((n, f) => n + f.folded, 0)).toBeLessThanOrEqual(300);
    expect(await queued()).toBe(0);
    expect(await stored()).toBe(before + 300);
    await expectRollupsMatchRebuild();
  });

  it("the periodic sweep folds orphaned rows without any ingest", async () => {
    const rows = toEventRows(
      events(20, Date.now() - 10_000),
      { gatewayId: gateways[1].id, orgId: org.orgId, teamId: null, name: gateways[1].name },
      [],
    );
    await pool.transaction((c) => api.app.get(IngestRepository).insertAndQueue(c, org.orgId, rows));
    await eventually(async () => ((await queued()) === 0 ? true : undefined), 5_000);
    await expectRollupsMatchRebuild();
  });

  it("a price change folds queued events first, so their rollups get the new cost like every other event", async () => {
    const model = "fold-model";
    const rows = toEventRows(
      Array.from({ length: 30 }, () => gatewayEvent({ model, provider: "openai", endUser: "ana" })),
      { gatewayId: gateways[0].id, orgId: org.orgId, teamId: null, name: gateways[0].name },
      [],
    );
    await pool.transaction((c) => api.app.get(IngestRepository).insertAndQueue(c, org.orgId, rows));
    const res = await org.as.admin.put("/v1/prices", {
      provider: "openai",
      model,
      inputPerMTok: 1,
      outputPerMTok: 2,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await queued()).toBe(0);
    const cost = await pool.pool.query(
      "SELECT sum(cost_usd)::text AS c, count(*) FILTER (WHERE cost_usd IS NULL)::int AS unpriced FROM telemetry.events WHERE org_id = $1 AND model = $2",
      [org.orgId, model],
    );
    expect(cost.rows[0]).toEqual({ c: "0.008400000", unpriced: 0 }); // 30 × (120 × $1 + 80 × $2) per million
    await expectRollupsMatchRebuild();
  });
});
