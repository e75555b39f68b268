import { ZEventGroups } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { naiveAggregate, nearestRank } from "./naive-aggregate";
import { createGateway, gatewayEvent, type TestGateway } from "./telemetry-fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Rollup slices are reused between queries while their days are unchanged: events that arrive late into a range
 * already asked for (whole days and hours, read from rollups), and a price change that recomputes old costs, must
 * still show in the next answer.
 */
describe("group_by after late events into rollup ranges already read", () => {
  let api: TestApi;
  let org: TestOrg;
  let gw: TestGateway;
  const now = Date.now();
  const since = new Date(Math.floor((now - 5 * DAY) / DAY) * DAY - 90 * 60_000).toISOString();
  const until = new Date(now).toISOString();
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "grp-reuse");
    gw = await createGateway(api, org, { name: "gw-reuse" });
    const events = Array.from({ length: 60 }, (_, i) =>
      gatewayEvent({
        ts: new Date(now - 2 * HOUR - i * 2 * HOUR).toISOString(),
        model: i % 3 ? "gpt-4o-mini" : "gpt-4o",
        latencyMs: 100 + i,
      }),
    );
    expect((await gw.api.post("/v1/ingest/events", { events })).status).toBe(200);
  });
  afterAll(() => api?.close());

  /** Fixed bounds, or "the last 5 days" (bounds that move with every request), against naive SQL over the same range. */
  async function expectNaive(groupBy: ("model" | "day")[], range = `since=${since}&until=${until}`) {
    const res = await org.as.viewer.get(`/v1/events?${range}&group_by=${groupBy.join(",")}`);
    const got = ZEventGroups.parse(res.body);
    expect(got.source).toBe("rollups");
    const bounds = { since: got.since, until: got.until };
    const want = await naiveAggregate(api.env.DATABASE_URL, org.orgId, bounds, groupBy);
    const id = (k: Record<string, string | null>) => JSON.stringify(groupBy.map((g) => k[g]));
    const byKey = new Map(got.groups.map((g) => [id(g.key), g]));
    expect(got.groups.length).toBe(want.length);
    for (const w of want) {
      const g = byKey.get(id(w.key))!;
      expect(g.requests).toBe(w.requests);
      expect(g.costUsd).toBeCloseTo(w.costUsd, 9);
      expect(Math.abs(g.p95LatencyMs! - nearestRank(w.latencies, 0.95))).toBeLessThanOrEqual(
        nearestRank(w.latencies, 0.95) * 0.04 + 0.05,
      );
    }
  }

  it("answers with the late events, percentiles included", async () => {
    for (const groupBy of [["model"], ["day"], ["model", "day"]] as const) {
      await expectNaive([...groupBy]);
      await expectNaive([...groupBy]);
      await expectNaive([...groupBy], "since=5d");
      await expectNaive([...groupBy], "since=5d");
    }
    // Slow late events three days back (a whole day in the range): they move the p95 far up.
    const late = Array.from({ length: 40 }, (_, i) =>
      gatewayEvent({
        ts: new Date(now - 3 * DAY - i * 60_000).toISOString(),
        model: "gpt-4o",
        latencyMs: 9000,
      }),
    );
    expect((await gw.api.post("/v1/ingest/events", { events: late })).status).toBe(200);
    for (const groupBy of [["model"], ["day"], ["model", "day"]] as const) {
      await expectNaive([...groupBy]);
      await expectNaive([...groupBy], "since=5d");
    }
    // A negotiated price recomputes the cost of every stored gpt-4o event, days already read included.
    const price = { provider: "openai", model: "gpt-4o", inputPerMTok: 1234, outputPerMTok: 5678 };
    expect((await org.as.admin.put("/v1/prices", price)).status).toBe(200);
    for (const groupBy of [["model"], ["day"], ["model", "day"]] as const) {
      await expectNaive([...groupBy]);
      await expectNaive([...groupBy], "since=5d");
    }
  });
});
