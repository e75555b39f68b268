/**
 * bench/query: GET /v1/events?group_by=… and GET /v1/dashboard/summary over EVENTS (default 1 M) synthetic events
 * spread over 30 days (the load-1m-events seed scenario), against the real API process from the build. Baseline
 * measured in the same run: the same 30-day group_by as one naive SQL aggregate over the raw events (what a
 * dashboard would cost without rollups). Target: ≤ 200 ms for a 30-day group_by.
 * Run: pnpm --filter @kt/api build && pnpm --filter @kt/bench query   (env: EVENTS, RUNS=15, PORT=4312, BENCH_KEEP_DB=1)
 */
import { createDb } from "../../packages/db/src/index";
import { seedLoadEvents } from "../../apps/api/src/seed/load-events.scenario";
import { createStack, ms, percentile, pg, startApi } from "../ingest/stack";

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 15);
const PORT = Number(process.env.PORT ?? 4312);

const QUERIES: [string, string][] = [
  ["group_by=model, 30d", "/v1/events?since=30d&group_by=model"],
  ["group_by=team,provider, 30d", "/v1/events?since=30d&group_by=team,provider"],
  ["group_by=gateway, 30d, action=block", "/v1/events?since=30d&group_by=gateway&action=block"],
  ["group_by=day, 30d", "/v1/events?since=30d&group_by=day"],
  ["group_by=policy, 30d", "/v1/events?since=30d&group_by=policy"],
  ["group_by=user, 30d (per-user rollup)", "/v1/events?since=30d&group_by=user"],
  ["group_by=model, 30d, team=Support", "/v1/events?since=30d&group_by=model&team=Support"],
  ["group_by=hour, 24h", "/v1/events?since=24h&group_by=hour"],
  ["dashboard summary, 30d", "/v1/dashboard/summary?since=30d"],
  ["dashboard summary, 24h", "/v1/dashboard/summary?since=24h"],
  ["list newest 50, action=block, 30d", "/v1/events?since=30d&action=block&limit=50"],
];

async function time(run: () => Promise<void>) {
  for (let i = 0; i < 2; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    samples.push(ms(t0));
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

async function main() {
  const stack = await createStack("query");
  try {
    const db = createDb({ url: stack.dbUrl, max: 2 });
    console.log(`seeding ${EVENTS.toLocaleString()} events over 30 days (load-1m-events)…`);
    const seed = await seedLoadEvents(db, [String(EVENTS), "30"]);
    await db.$disconnect();
    console.log(`seeded in ${seed.seconds} s`);
    const sizes = await new pg.Client({ connectionString: stack.dbUrl });
    await sizes.connect();
    const counts = (
      await sizes.query(`SELECT
      (SELECT count(*) FROM telemetry.event_rollups_hourly)::int AS hourly, (SELECT count(*) FROM telemetry.event_rollups_hourly_nouser)::int AS nouser,
      (SELECT count(*) FROM telemetry.policy_rollups_hourly)::int AS policies`)
    ).rows[0];
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
      });
      rows.push(
        `| baseline: naive SQL group by model over raw events, 30d | ${baseline.p50.toFixed(1)} | ${baseline.p95.toFixed(1)} | |`,
      );
      let groupByModel = 0;
      for (const [name, path] of QUERIES) {
        let source = "";
        const t = await time(async () => {
          const res = await fetch(`${api.url}${path}`, {
            headers: { authorization: `Bearer ${seed.apiToken}` },
          });
          const body = (await res.json()) as { source?: string };
          if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(body)}`);
          source = body.source ?? "";
        });
        if (name.startsWith("group_by=model, 30d")) groupByModel = t.p50;
        rows.push(`| kt: ${name} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${source} |`);
      }
      console.log("");
      console.log(
        `${EVENTS.toLocaleString()} events over 30 days; rollup rows: per-user hourly ${counts.hourly.toLocaleString()}, hourly ${counts.nouser.toLocaleString()}, policy hourly ${counts.policies.toLocaleString()}`,
      );
      console.log(`| query (HTTP, ${RUNS} runs after 2 warm-up) | p50 ms | p95 ms | source |`);
      console.log(`| --- | --- | --- | --- |`);
      for (const r of rows) console.log(r);
      console.log("");
      console.log(
        `ratio naive SQL / kt group_by=model 30d: ${(baseline.p50 / groupByModel).toFixed(1)}×; target ≤ 200 ms: ${groupByModel <= 200 ? "met" : "NOT met"}`,
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
