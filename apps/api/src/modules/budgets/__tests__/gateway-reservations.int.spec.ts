import { priceFor, ZBudget, ZEventRecord, ZNotificationPage } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import { startManagedGateway, type ManagedGatewayProcess } from "../../../test/managed-gateway";
import { eventually } from "../../events/__tests__/telemetry-fixtures";
import {
  createConfig,
  createTeam,
  issueKey,
  registerGateway,
} from "../../gateways/__tests__/control-plane.fixtures";
import {
  metric,
  startCuttableLink,
  startFakeProvider,
  type CuttableLink,
  type FakeProvider,
} from "./budget-gateway.fixtures";

const MODEL = "gpt-4o";
const PRICE = priceFor("openai", MODEL)!;
const MAX_TOKENS = 1_000;
/** The gateway's documented completion allowance for requests without max_tokens. */
const DEFAULT_ALLOWANCE = 1_024;
const CLIENTS = 50;
const RESERVATIONS = "kt_gateway_budget_reservations_total";

const costOf = (prompt: number, completion: number) =>
  (prompt * PRICE.inputPerMTok + completion * PRICE.outputPerMTok) / 1e6;

function policyYaml(providerUrl: string, costLimit: number | null): string {
  const budget =
    costLimit === null
      ? ""
      : `  - name: team-budget\n    type: cost_limit\n    monthly_limit: ${costLimit}\n    action: block\n`;
  return `providers:
  targets:
    - id: fake
      provider: openai
      base_url: ${providerUrl}/v1
      secret_key_ref: { env: FAKE_PROVIDER_KEY }
policies:
${budget}  - name: audit
    type: audit-logger
    action: log
`;
}

type ChatAnswer = { status: number; eventId: string | null; body: any };

async function chat(
  gatewayUrl: string,
  key: string,
  opts: { content?: string; maxTokens?: number } = {},
): Promise<ChatAnswer> {
  const res = await fetch(`${gatewayUrl}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({
      model: MODEL,
      messages: [{ role: "user", content: opts.content ?? "Summarise the release notes in three bullets" }],
      ...(opts.maxTokens ? { max_tokens: opts.maxTokens } : {}),
    }),
  });
  const body = (await res.json()) as any;
  return {
    status: res.status,
    eventId: res.headers.get("x-kt-event-id") ?? body?.error?.event_id ?? null,
    body,
  };
}

/**
 * Managed gateways enforce team budgets centrally: each call of a budgeted team reserves its estimated cost with the
 * API before it is forwarded, and the call's event replaces the reservation with its actual cost at ingest.
 * Real gateway processes (`kt gateway run --control-plane`), the real API, PostgreSQL and Redis; the only fake is the
 * LLM provider, a real HTTP server.
 */
describe("team budgets enforced through reservations by managed gateways", { timeout: 240_000 }, () => {
  let api: TestApi;
  let org: TestOrg;
  let provider: FakeProvider;
  let link: CuttableLink;
  const gateways: ManagedGatewayProcess[] = [];
  let capped: [ManagedGatewayProcess, ManagedGatewayProcess];
  let plain: ManagedGatewayProcess;
  const teams: Record<"search" | "ads" | "calibration" | "legal" | "docs", { id: string }> = {} as never;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "gw-budget");
    provider = await startFakeProvider();
    link = await startCuttableLink(api.url);
    for (const name of ["search", "ads", "calibration", "legal", "docs"] as const)
      teams[name] = await createTeam(org, name);
    // Two shared gateways (no team of their own) whose config has a generous cost_limit; the API budgets below are
    // lower, so they are the limits in force. A third gateway's config has no cost_limit at all.
    const cappedConfig = await createConfig(org.as.admin, {
      name: "capped",
      yaml: policyYaml(provider.url, 2_000),
    });
    const plainConfig = await createConfig(org.as.admin, {
      name: "plain",
      yaml: policyYaml(provider.url, null),
    });
    const g1 = await registerGateway(org.as.admin, { name: "gw-1", policyConfigId: cappedConfig.id });
    const g2 = await registerGateway(org.as.admin, { name: "gw-2", policyConfigId: cappedConfig.id });
    const g3 = await registerGateway(org.as.admin, { name: "gw-3", policyConfigId: plainConfig.id });
    for (const [gw, team] of [
      [g1, "search"],
      [g2, "search"],
      [g1, "ads"],
      [g2, "ads"],
      [g1, "calibration"],
      [g3, "legal"],
      [g3, "docs"],
    ] as const) {
      const key = await issueKey(org.as.admin, {
        name: `${team}@${gw.name}`,
        teamId: teams[team].id,
        gatewayId: gw.id,
      });
      keys[`${team}@${gw.name}`] = key.secret;
    }
    const started = await Promise.all([
      startManagedGateway(api.url, g1.credential),
      startManagedGateway(api.url, g2.credential),
      // gw-3 reaches the API through a link the test can cut.
      startManagedGateway(link.url, g3.credential),
    ]);
    gateways.push(...started);
    capped = [started[0], started[1]];
    plain = started[2];
  }, 180_000);

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await link?.close();
    await provider?.close();
    await api?.close();
  });

  const budgetOf = async (teamId: string) =>
    ZBudget.parse((await org.as.finance.get(`/v1/budgets/${teamId}`)).body);
  const eventOf = (id: string) =>
    eventually(async () => {
      const res = await org.as.viewer.get(`/v1/events/${id}`);
      return res.status === 200 ? ZEventRecord.parse(res.body) : undefined;
    }, 30_000);
  /** Once every admitted call's event is ingested, no reservation is left and spend is final. */
  const settled = (teamId: string, spent: number) =>
    eventually(async () => {
      const b = await budgetOf(teamId);
      return b.reservedUsd === 0 && Math.abs(b.spentUsd - spent) < 1e-9 ? b : undefined;
    }, 30_000);

  /** `CLIENTS` clients call through both gateways in turn until each is refused. */
  async function storm(teamId: string, key: (gw: number) => string, maxTokens?: number) {
    let inFlight = 0;
    let maxInFlight = 0;
    const admitted: string[] = [];
    const refused: ChatAnswer[] = [];
    const client = async (n: number) => {
      for (;;) {
        const gw = n % 2;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        const answer = await chat(capped[gw].url, key(gw), { maxTokens });
        inFlight--;
        if (answer.status !== 200) return void refused.push(answer);
        admitted.push(answer.eventId!);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    return { admitted, refused, maxInFlight, teamId };
  }

  it("50 clients through two gateways: spend stops at the limit, refusals name cost_limit, alerts fire once each", async () => {
    // The gateway estimates a call from the prompt's tokens (its tokenizer) and max_tokens. One call whose provider
    // reports no usage shows the gateway's count; the provider then reports exactly that, so estimates are exact.
    const calibration = await chat(capped[0].url, keys["calibration@gw-1"], { maxTokens: MAX_TOKENS });
    expect(calibration.status).toBe(200);
    const counted = await eventOf(calibration.eventId!);
    expect(counted.tokensEstimated).toBe(true);
    provider.promptTokens = counted.promptTokens;
    const callCost = costOf(counted.promptTokens, MAX_TOKENS);
    const limit = Math.round(40 * callCost * 1e4) / 1e4; // budgets hold 4 decimals: 40 calls fit exactly
    expect(limit).toBeCloseTo(40 * callCost, 12);
    const search = teams.search.id;
    expect((await org.as.admin.put(`/v1/budgets/${search}`, { monthlyLimitUsd: limit })).status).toBe(200);

    provider.delayMs = () => 20 + Math.random() * 60;
    const run = await storm(search, (gw) => keys[`search@gw-${gw + 1}`], MAX_TOKENS);
    const budget = await settled(search, run.admitted.length * callCost);

    // Estimates equal actual costs, so the limit holds exactly: 40 calls, never more.
    const outcomes = await Promise.all(
      ["granted", "refused", "unknown"].map((outcome) => metric(capped[0].url, RESERVATIONS, { outcome })),
    );
    expect(run.admitted, `gw-1 reservations granted/refused/unknown: ${outcomes.join("/")}`).toHaveLength(40);
    expect(budget.spentUsd).toBeLessThanOrEqual(limit + 1e-9);
    expect(budget.spentUsd).toBeLessThanOrEqual(limit + run.maxInFlight * callCost);
    expect(budget.spentUsd).toBeCloseTo(limit, 9);
    expect(run.refused).toHaveLength(CLIENTS);
    for (const r of run.refused) {
      expect(r.status).toBe(429);
      expect(r.body.error).toMatchObject({
        type: "policy_violation",
        code: "budget_exceeded",
        policy: "team-budget",
        event_id: expect.any(String),
      });
      expect(r.body.error.reason).toMatch(/would be exceeded: \$[\d.]+ spent and \$[\d.]+ reserved/);
      expect(r.body.error.message).toContain(`Look up event ${r.body.error.event_id}`);
    }
    const blocked = await eventOf(run.refused[0].body.error.event_id);
    expect(blocked).toMatchObject({
      status: "blocked",
      blockedBy: { policy: "team-budget" },
      teamId: search,
    });

    const alerts = await eventually(async () => {
      const page = ZNotificationPage.parse((await org.as.viewer.get("/v1/notifications?limit=200")).body);
      const mine = page.items.filter((n) => n.kind === "budget.threshold" && n.data?.teamId === search);
      return mine.length >= 3 ? mine : undefined;
    }, 15_000);
    expect(alerts.map((n) => n.data?.threshold).sort()).toEqual([100, 50, 80]);
    expect((await budgetOf(search)).alertsFired).toEqual([50, 80, 100]);
    // A refused call adds nothing and fires nothing again.
    expect((await chat(capped[1].url, keys["search@gw-2"], { maxTokens: MAX_TOKENS })).status).toBe(429);
    await new Promise((r) => setTimeout(r, 500));
    const again = ZNotificationPage.parse((await org.as.viewer.get("/v1/notifications?limit=200")).body);
    expect(
      again.items.filter((n) => n.kind === "budget.threshold" && n.data?.teamId === search),
    ).toHaveLength(3);
  });

  it("overruns by at most what calls in flight cost beyond their estimates (no max_tokens: default allowance)", async () => {
    expect(provider.promptTokens).not.toBeNull();
    provider.completionTokens = 1_500; // longer than the 1,024 tokens the gateway assumes
    try {
      const ads = teams.ads.id;
      await org.as.admin.put(`/v1/budgets/${ads}`, { monthlyLimitUsd: 0.5 });
      const run = await storm(ads, (gw) => keys[`ads@gw-${gw + 1}`]);
      const actual = costOf(provider.promptTokens!, 1_500);
      const estimate = costOf(provider.promptTokens!, DEFAULT_ALLOWANCE);
      const budget = await settled(ads, run.admitted.length * actual);
      expect(run.refused.length).toBe(CLIENTS);
      expect(budget.spentUsd).toBeGreaterThan(0.5 - actual);
      expect(budget.spentUsd).toBeLessThanOrEqual(0.5 + run.maxInFlight * (actual - estimate) + 1e-9);
    } finally {
      provider.completionTokens = null;
    }
  });

  it("reserves only for budgeted teams, settles each reservation with the event's cost, and names cost_limit without such a policy", async () => {
    const { legal, docs } = { legal: teams.legal.id, docs: teams.docs.id };
    const reservationsOf = (teamId: string) =>
      api.db.$queryRaw<{ event_id: string; amount_usd: string }[]>`
        SELECT event_id::text, amount_usd::text FROM telemetry.budget_reservations WHERE team_id = ${teamId}::uuid`;

    // No budget: no round trip (the gateway's own count of reservation requests stays at 0), no cost_limit decision.
    const slowDocs = chat(plain.url, keys["docs@gw-3"], { content: "slow: docs" });
    await new Promise((r) => setTimeout(r, 500));
    expect(await reservationsOf(docs)).toEqual([]);
    const docsAnswer = await slowDocs;
    expect(docsAnswer.status).toBe(200);
    expect(await metric(plain.url, RESERVATIONS)).toBe(0);
    expect((await eventOf(docsAnswer.eventId!)).decisions.map((d) => d.type)).toEqual(["audit-logger"]);

    // A budget set through the API reaches the gateway through its sync; from then on Legal's calls reserve.
    await org.as.admin.put(`/v1/budgets/${legal}`, { monthlyLimitUsd: 5 });
    await eventually(async () => {
      expect((await chat(plain.url, keys["legal@gw-3"], { maxTokens: 10 })).status).toBe(200);
      return (await metric(plain.url, RESERVATIONS, { outcome: "granted" })) > 0 || undefined;
    }, 15_000);
    const before = await metric(plain.url, RESERVATIONS);

    // Earlier calls' reservations are gone once their events are ingested.
    await eventually(async () => ((await reservationsOf(legal)).length === 0 ? true : undefined));
    const slowLegal = chat(plain.url, keys["legal@gw-3"], { content: "slow: legal", maxTokens: 200 });
    const held = await eventually(async () => {
      const rows = await reservationsOf(legal);
      return rows.length === 1 ? rows[0] : undefined;
    });
    const legalAnswer = await slowLegal;
    for (let i = 0; i < 3; i++) expect((await chat(plain.url, keys["docs@gw-3"])).status).toBe(200);
    expect(legalAnswer.status).toBe(200);
    expect(held.event_id).toBe(legalAnswer.eventId);
    expect(await metric(plain.url, RESERVATIONS)).toBe(before + 1);
    const event = await eventOf(legalAnswer.eventId!);
    const decision = event.decisions.find((d) => d.type === "cost_limit")!;
    expect(decision).toMatchObject({
      policy: "cost_limit",
      triggered: false,
      details: { budget: "reserved" },
    });
    expect(Number(held.amount_usd)).toBeCloseTo(decision.details.estimateUsd as number, 9);
    // Ingest replaced the reservation with the actual cost: spend is the sum of Legal's events, nothing held.
    await eventually(async () => ((await reservationsOf(legal)).length === 0 ? true : undefined));
    const [{ sum }] = await api.db.$queryRaw<{ sum: string }[]>`
      SELECT COALESCE(sum(cost_usd), 0)::text AS sum FROM telemetry.events WHERE team_id = ${legal}::uuid`;
    const legalBudget = await settled(legal, Number(sum));
    expect(legalBudget.spentUsd).toBeGreaterThan(0);

    // Refused without a cost_limit policy in the config: the block names cost_limit.
    await org.as.admin.put(`/v1/budgets/${legal}`, { monthlyLimitUsd: 0 });
    const refused = await chat(plain.url, keys["legal@gw-3"]);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "budget_exceeded", policy: "cost_limit" });
    expect(refused.body.error.message).toMatch(
      /^Blocked by policy "cost_limit": Team monthly budget of \$0\.00 would be exceeded/,
    );
    expect((await chat(plain.url, keys["docs@gw-3"])).status).toBe(200);
  });

  it("lets calls through as budget_unknown while the control plane is unreachable, and settles them once it is back", async () => {
    const legal = teams.legal.id;
    await org.as.admin.put(`/v1/budgets/${legal}`, { monthlyLimitUsd: 5 });
    await eventually(
      async () => ((await chat(plain.url, keys["legal@gw-3"])).status === 200 ? true : undefined),
      15_000,
    );
    const unknownBefore = await metric(plain.url, RESERVATIONS, { outcome: "unknown" });
    await link.down();
    let during: ChatAnswer[];
    try {
      during = [await chat(plain.url, keys["legal@gw-3"]), await chat(plain.url, keys["legal@gw-3"])];
    } finally {
      await link.up();
    }
    expect(during.map((a) => a.status)).toEqual([200, 200]);
    expect(await metric(plain.url, RESERVATIONS, { outcome: "unknown" })).toBe(unknownBefore + 2);
    for (const answer of during) {
      const event = await eventOf(answer.eventId!);
      expect(event.decisions.find((d) => d.type === "cost_limit")).toMatchObject({
        triggered: false,
        details: { budget: "budget_unknown" },
      });
    }
    const [{ sum }] = await api.db.$queryRaw<{ sum: string }[]>`
      SELECT COALESCE(sum(cost_usd), 0)::text AS sum FROM telemetry.events WHERE team_id = ${legal}::uuid`;
    await settled(legal, Number(sum));
  });

  it("waits for a control plane that does not answer only up to the reservation timeout, then proceeds as budget_unknown", async () => {
    const legal = teams.legal.id;
    await eventually(
      async () => ((await chat(plain.url, keys["legal@gw-3"])).status === 200 ? true : undefined),
      15_000,
    );
    const grantedBefore = await metric(plain.url, RESERVATIONS, { outcome: "granted" });
    await eventually(async () => {
      expect((await chat(plain.url, keys["legal@gw-3"])).status).toBe(200);
      return (await metric(plain.url, RESERVATIONS, { outcome: "granted" })) > grantedBefore || undefined;
    }, 15_000);
    const unknownBefore = await metric(plain.url, RESERVATIONS, { outcome: "unknown" });
    link.stall();
    let answer: ChatAnswer;
    try {
      answer = await chat(plain.url, keys["legal@gw-3"]);
    } finally {
      await link.up();
    }
    expect(answer.status).toBe(200);
    expect(await metric(plain.url, RESERVATIONS, { outcome: "unknown" })).toBe(unknownBefore + 1);
    const event = await eventOf(answer.eventId!);
    expect(event.decisions.find((d) => d.type === "cost_limit")).toMatchObject({
      triggered: false,
      details: { budget: "budget_unknown", error: expect.stringMatching(/timeout/i) },
    });
    expect(event.teamId).toBe(legal);
  });
});
