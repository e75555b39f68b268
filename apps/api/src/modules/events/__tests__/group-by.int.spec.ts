import { EVENT_GROUP_KEYS, ZEventGroups, type TEventGroupKey, type TGatewayEvent } from "@kt/contract";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { naiveAggregate, nearestRank, type TNaiveFilters } from "./naive-aggregate";
import { createGateway, createTeam, gatewayEvent, type TestGateway } from "./telemetry-fixtures";

const HOUR = 3_600_000;
const USERS = ["ana", "bo", "chen", "dee", "eli", null];
const MODELS: [string, string][] = [
  ["openai", "gpt-4o-mini"],
  ["openai", "gpt-4o"],
  ["anthropic", "claude-3-5-sonnet-20241022"],
  ["custom", "mystery-7b"],
];
const POLICIES = [
  { policy: "pii", type: "pii-detector" },
  { policy: "injection", type: "prompt-injection" },
  { policy: "quality", type: "quality-scorer" },
  { policy: "content-filter", type: "content-filter" },
  { policy: "content-extra", type: "content-filter" },
] as const;
const POLICY_FILTER_VALUES = [
  "pii",
  "injection",
  "quality",
  "content-filter",
  "content-extra",
  "pii-detector",
  "prompt-injection",
  "dlp-filter",
];

/** Random events over the last three days (fixed seed: the same data set every run). */
function randomEvents(now: number, count: number, teamIds: string[]): Omit<TGatewayEvent, "id">[] {
  const arb = fc.record({
    age: fc.integer({ min: 60_000, max: 72 * HOUR }),
    user: fc.constantFrom(...USERS),
    model: fc.constantFrom(...MODELS),
    team: fc.constantFrom<string | null>(null, ...teamIds),
    prompt: fc.integer({ min: 0, max: 5000 }),
    completion: fc.integer({ min: 0, max: 2000 }),
    cached: fc.integer({ min: 0, max: 800 }),
    latency: fc.oneof(
      fc.double({ min: 0, max: 3, noNaN: true }),
      fc.double({ min: 3, max: 30_000, noNaN: true }),
    ),
    action: fc.constantFrom("allowed", "allowed", "redacted", "blocked", "escalated"),
    status: fc.constantFrom("success", "success", "success", "error"),
    decisions: fc
      .subarray([...POLICIES])
      .chain((ps) =>
        fc.tuple(
          ...ps.map((p) =>
            fc
              .record({
                triggered: fc.boolean(),
                action: fc.constantFrom("block", "redact", "escalate", "log"),
              })
              .map((d) => ({ ...p, ...d })),
          ),
        ),
      ),
  });
  return fc.sample(arb, { numRuns: count, seed: 20261123 }).map((r) => ({
    ...gatewayEvent({
      ts: new Date(now - r.age).toISOString(),
      endUser: r.user,
      provider: r.model[0],
      model: r.model[1],
      teamId: r.team,
      promptTokens: r.prompt,
      completionTokens: r.completion,
      cachedTokens: r.cached,
      latencyMs: r.latency,
      action: r.action as TGatewayEvent["action"],
      status: r.status as TGatewayEvent["status"],
      decisions: r.decisions.map((d) => ({ ...d, stage: "request" as const, latencyUs: 5, details: {} })),
    }),
  }));
}

describe("group_by equals a naive SQL aggregate", () => {
  let api: TestApi;
  let org: TestOrg;
  let gateways: TestGateway[];
  let teams: { id: string; name: string }[];
  const now = Date.now();
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "grp");
    teams = [await createTeam(org, "Alpha"), await createTeam(org, "Beta")];
    gateways = [
      await createGateway(api, org, { teamId: teams[0].id, name: "gw-alpha" }),
      await createGateway(api, org, { teamId: teams[1].id, name: "gw-beta" }),
      await createGateway(api, org, { name: "gw-shared" }),
    ];
    const events = randomEvents(
      now,
      2400,
      teams.map((t) => t.id),
    ).map((e) => gatewayEvent(e));
    for (let i = 0; i < events.length; i += 400) {
      const res = await gateways[(i / 400) % 3].api.post("/v1/ingest/events", {
        events: events.slice(i, i + 400),
      });
      expect(res.status).toBe(200);
    }
  }, 120_000);
  afterAll(() => api?.close());

  it("for every combination of filters, keys and time range tried", async () => {
    const sources = new Set<string>();
    const some = <T>(values: T[]) =>
      fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 3 },
        { arbitrary: fc.subarray(values, { minLength: 1 }), weight: 1 },
      );
    const query = fc.record({
      sinceAgo: fc.integer({ min: 0, max: 80 * HOUR }),
      span: fc.integer({ min: 60_000, max: 90 * HOUR }),
      alignHours: fc.boolean(),
      groupBy: fc.shuffledSubarray([...EVENT_GROUP_KEYS], { minLength: 1, maxLength: 3 }),
      gateways: some([0, 1, 2]),
      gatewayByName: fc.boolean(),
      teams: some([0, 1]),
      providers: some(["openai", "anthropic", "custom", "azure-openai"]),
      models: some(MODELS.map((m) => m[1])),
      users: some(USERS.filter((u): u is string => u !== null)),
      policies: some(POLICY_FILTER_VALUES),
      actions: some(["allowed", "redacted", "blocked", "escalated"]),
      statuses: some(["success", "error", "blocked"]),
    });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        let since = now - q.sinceAgo - 6 * HOUR;
        let until = since + q.span;
        if (q.alignHours) [since, until] = [Math.floor(since / HOUR) * HOUR, Math.ceil(until / HOUR) * HOUR];
        const f: TNaiveFilters = {
          since: new Date(since).toISOString(),
          until: new Date(until).toISOString(),
          gatewayIds: q.gateways?.map((i) => gateways[i].id),
          teamIds: q.teams?.map((i) => teams[i].id),
          providers: q.providers,
          models: q.models,
          users: q.users,
          policies: q.policies,
          actions: q.actions,
          statuses: q.statuses,
        };
        const params = new URLSearchParams({ since: f.since, until: f.until, group_by: q.groupBy.join(",") });
        const put = (k: string, v?: string[]) => v && params.set(k, v.join(","));
        put(
          "gateway",
          q.gateways?.map((i) => (q.gatewayByName ? gateways[i].name : gateways[i].id)),
        );
        put("team", f.teamIds);
        put("provider", f.providers);
        put("model", f.models);
        put("user", f.users);
        put("policy", f.policies);
        put("action", f.actions);
        put("status", f.statuses);
        const res = await org.as.finance.get(`/v1/events?${params}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const got = ZEventGroups.parse(res.body);
        sources.add(got.source);
        const want = await naiveAggregate(api.env.DATABASE_URL, org.orgId, f, q.groupBy as TEventGroupKey[]);
        const id = (k: Record<string, string | null>) => JSON.stringify(q.groupBy.map((g) => k[g]));
        expect(got.groups.map((g) => id(g.key)).sort()).toEqual(want.map((w) => id(w.key)).sort());
        const byKey = new Map(got.groups.map((g) => [id(g.key), g]));
        for (const w of want) {
          const g = byKey.get(id(w.key))!;
          expect({ ...g, key: undefined, labels: undefined }).toMatchObject({
            requests: w.requests,
            promptTokens: w.promptTokens,
            completionTokens: w.completionTokens,
            cachedTokens: w.cachedTokens,
            costUsd: w.costUsd,
            unpricedRequests: w.unpricedRequests,
            blocked: w.blocked,
            escalated: w.escalated,
            errors: w.errors,
            blockRate: w.blocked / w.requests,
            escalationRate: w.escalated / w.requests,
          });
          expect(g.avgLatencyMs!).toBeCloseTo(w.latencies.reduce((a, b) => a + b, 0) / w.requests, 6);
          for (const [p, est] of [
            [0.5, g.p50LatencyMs],
            [0.95, g.p95LatencyMs],
          ] as const) {
            const exact = nearestRank(w.latencies, p);
            expect(Math.abs(est! - exact)).toBeLessThanOrEqual(exact * 0.04 + 0.05);
          }
        }
      }),
      { numRuns: 120, seed: Number(process.env.KT_PROPERTY_SEED ?? Date.now() % 2 ** 31) },
    );
    expect([...sources].sort()).toEqual(["events", "rollups"]);
  }, 240_000);
});
