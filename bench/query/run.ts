/**
 * bench/query: GET /v1/events?group_by=… and GET /v1/dashboard/summary over EVENTS (default 1 M) synthetic events
 * spread over 30 days (the load-1m-events seed scenario), against the real API process from the build. Baseline
 * measured in the same run: a 30-day group by model as one naive SQL aggregate over the raw events (what a
 * dashboard would cost without rollups); every query prints its ratio to it. Target: ≤ 200 ms for every 30-day
 * group_by and the dashboard summary.
 * Run: pnpm --filter @kt/api build && pnpm --filter @kt/bench query
 * env: EVENTS, RUNS=15, BASELINE_RUNS=RUNS, PORT=4312, BENCH_KEEP_DB=1, BENCH_DB=<name> (a database of that name:
 * seeded once and reused by later runs with the same EVENTS; kept unless BENCH_DROP_DB=1), ONLY=<substring>.
 */
import { createDb } from "../../packages/db/src/index";
import { newSecret } from "../../apps/api/src/common/crypto";
import { LOAD_ORG_SLUG, seedLoadEvents } from "../../apps/api/src/seed/load-events.scenario";
import { createStack, ms, percentile, pg, startApi, type Stack } from "../ingest/stack";
import { namedStack } from "./named-stack";

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 15);
const BASELINE_RUNS = Number(process.env.BASELINE_RUNS ?? RUNS);
const PORT = Number(process.env.PORT ?? 4312);

const g = (keys: string, since = "30d", extra = "") => `/v1/events?since=${since}&group_by=${keys}${extra}`;
const QUERIES: [string, string][] = [
  ["group_by=gateway, 30d", g("gateway")],
  ["group_by=team, 30d", g("team")],
  ["group_by=provider, 30d", g("provider")],
  ["group_by=model, 30d", g("model")],
  ["group_by=user, 30d", g("user")],
  ["group_by=policy, 30d", g("policy")],
  ["group_by=action, 30d", g("action")],
  ["group_by=day, 30d", g("day")],
  ["group_by=hour, 30d", g("hour")],
  ["group_by=day,team, 30d", g("day,team")],
  ["group_by=day,action, 30d", g("day,action")],
  ["group_by=team,provider, 30d", g("team,provider")],
  ["group_by=team,user, 30d", g("team,user")],
  ["group_by=gateway, 30d, action=block", g("gateway", "30d", "&action=block")],
  ["group_by=model, 30d, team=Support", g("model", "30d", "&team=Support")],
  ["group_by=model, 30d, user=user0007@load.kt", g("model", "30d", "&user=user0007@load.kt")],
  ["group_by=team, 30d, policy=injection", g("team", "30d", "&policy=injection")],
  ["group_by=hour, 24h", g("hour", "24h")],
  ["group_by=hour,action, 24h", g("hour,action", "24h")],
  ["dashboard summary, 30d", "/v1/dashboard/summary?since=30d"],
  ["dashboard summary, 24h", "/v1/dashboard/summary?since=24h"],
  ["list newest 50, action=block, 30d", "/v1/events?since=30d&action=block&limit=50"],
];

/** p50/p95 of RUNS after 2 warm-ups, and the first call alone (rollup slices not yet reused, see GroupSliceCache). */
async function time(run: () => Promise<void>, runs = RUNS) {
  const t = process.hrtime.bigint();
  await run();
  const first = ms(t);
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    samples.push(ms(t0));
  }
  return { first, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/** The load org's id and a fresh admin token, seeding it first unless this database already holds EVENTS events. */
async function loadOrg(stack: Stack): Promise<{ orgId: string; apiToken: string }> {
  const db = createDb({ url: stack.dbUrl, max: 2 });
  try {
    const org = await db.org.findUnique({ where: { slug: LOAD_ORG_SLUG } });
    if (org) {
      const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM telemetry.events WHERE org_id = $1::uuid",
        org.id,
      );
      if (n === EVENTS) {
        console.log(`reusing ${n.toLocaleString()} seeded events in ${stack.dbName}`);
        const token = newSecret("kt_api_");
        const admin = await db.membership.findFirstOrThrow({ where: { orgId: org.id, role: "admin" } });
        await db.apiToken.create({
          data: {
            orgId: org.id,
            name: "bench-query",
            prefix: token.displayPrefix,
            secretHash: token.hash,
            role: "admin",
            createdById: admin.userId,
          },
        });
        return { orgId: org.id, apiToken: token.secret };
      }
    }
    console.log(`seeding ${EVENTS.toLocaleString()} events over 30 days (load-1m-events)…`);
    const seed = await seedLoadEvents(db, [String(EVENTS), "30"]);
    console.log(`seeded in ${seed.seconds} s`);
    return seed;
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const stack = process.env.BENCH_DB ? await namedStack(process.env.BENCH_DB) : await createStack("query");
  try {
    const seed = await loadOrg(stack);
    const sizes = new pg.Client({ connectionString: stack.dbUrl });
    await sizes.connect();
    // Planner estimates (the seed analyzes every rollup): counting 8 M per-user rows at 10 M events takes a minute.
    const estimate = async (table: string) =>
      Number(
        (await sizes.query(`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = $1::regclass`, [table]))
          .rows[0].n,
      );
    const counts = {
      hourly: await estimate("telemetry.event_rollups_hourly"),
      nouser: await estimate("telemetry.event_rollups_hourly_nouser"),
      daily: await estimate("telemetry.event_rollups_daily"),
      policies: await estimate("telemetry.policy_rollups_hourly"),
    };
    const api = await startApi(stack, PORT);
    try {
      const rows: string[] = [];
      const baseline = await time(async () => {
        await sizes.query(
          `SELECT model, count(*), sum(prompt_tokens), sum(completion_tokens), sum(cost_usd), percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms),
          percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms), count(*) FILTER (WHERE action = 'blocked') FROM telemetry.events
          WHERE org_id = $1 AND ts >= now() - interval '30 days' GROUP BY model`,
          [seed.orgId],
        );
      }, BASELINE_RUNS);
      rows.push(
        `| baseline: naive SQL group by model over raw events, 30d | ${baseline.first.toFixed(1)} | ${baseline.p50.toFixed(1)} | ${baseline.p95.toFixed(1)} | 1.0× | |`,
      );
      const missed: string[] = [];
      const missedFirst: string[] = [];
      for (const [name, path] of QUERIES) {
        if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
        let source = "";
        const t = await time(async () => {
          const res = await fetch(`${api.url}${path}`, {
            headers: { authorization: `Bearer ${seed.apiToken}` },
          });
          const body = (await res.json()) as { source?: string };
          if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(body)}`);
          source = body.source ?? "";
        }).catch((e: Error) => {
          rows.push(`| kt: ${name} | failed: ${e.message.slice(0, 200)} | | | | |`);
          return null;
        });
        if (!t) continue;
        if (t.p50 > 200 && !name.startsWith("list")) missed.push(name);
        if (t.first > 200 && !name.startsWith("list")) missedFirst.push(name);
        rows.push(
          `| kt: ${name} | ${t.first.toFixed(1)} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${(baseline.p50 / t.p50).toFixed(1)}× | ${source} |`,
        );
      }
      console.log("");
      console.log(
        `${EVENTS.toLocaleString()} events over 30 days; rollup rows (estimated): per-user hourly ${counts.hourly.toLocaleString()}, hourly ${counts.nouser.toLocaleString()}, daily ${counts.daily.toLocaleString()}, policy hourly ${counts.policies.toLocaleString()}`,
      );
      console.log(
        `| query (HTTP, ${RUNS} runs after 2 warm-up) | first call ms | p50 ms | p95 ms | naive SQL p50 / p50 | source |`,
      );
      console.log(`| --- | --- | --- | --- | --- | --- |`);
      for (const r of rows) console.log(r);
      console.log("");
      console.log(
        `target ≤ 200 ms p50: ${missed.length ? `NOT met by ${missed.join("; ")}` : "met by every query"}`,
      );
      console.log(
        `first calls (nothing reused yet) over 200 ms: ${missedFirst.length ? missedFirst.join("; ") : "none"}`,
      );
    } finally {
      api.stop();
      await sizes.end();
    }
  } finally {
    await stack.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
