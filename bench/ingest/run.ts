/**
 * bench/ingest: sustained events/s through POST /v1/ingest/events (the real API process from the build: events and
 * their queue entries per group of batches, then the fold into the rollups, daily users and team spend, each batch
 * answered after its fold, or with ack=stored at commit, as gateways ask) from concurrent batch senders over several
 * gateways; the ack=stored figure counts until the last event is in the rollups. The events are of the last hour, so
 * of today, a day still open: the daily rollups get them when the day closes, which the bench times apart (the close
 * of the day's rollups, once per UTC day, rolled back). Baseline measured in the same run: the same batches inserted straight into
 * telemetry.events (one INSERT … ON CONFLICT DO NOTHING per batch, no rollups), the floor of any ingest path.
 * Target: ≥ 20,000 events/s on this machine. Bounded: EVENTS (default 200,000) events for the baseline, half of them
 * for each ack.
 * Run: pnpm --filter @kt/api build && pnpm --filter @kt/bench ingest   (env: EVENTS, SENDERS=8, BATCH=500, PORT=4311)
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { CLOSE_DAYS_SQL } from "../../apps/api/src/modules/events/rollup-sql";
import { createStack, ms, pg, sql, startApi, type Stack } from "./stack";

const EVENTS = Number(process.env.EVENTS ?? 200_000);
const SENDERS = Number(process.env.SENDERS ?? 8);
const BATCH = Number(process.env.BATCH ?? 500);
const PORT = Number(process.env.PORT ?? 4311);
const GATEWAYS = 4;
const MODELS = [
  ["openai", "gpt-4o-mini"],
  ["openai", "gpt-4o"],
  ["anthropic", "claude-3-5-sonnet-20241022"],
  ["openai", "ft:custom"],
];

/** Gateway events as a gateway sends them, spread over the last hour; UUIDv7-like ids. */
function makeBatches(teamIds: string[]): string[] {
  const batches: string[] = [];
  const now = Date.now();
  for (let b = 0; b < EVENTS / BATCH; b++) {
    const events = [];
    for (let i = 0; i < BATCH; i++) {
      const r = Math.random();
      const [provider, model] = MODELS[Math.floor(Math.random() * Math.random() * MODELS.length)];
      const action = r < 0.85 ? "allowed" : r < 0.91 ? "redacted" : r < 0.97 ? "blocked" : "escalated";
      const decisions =
        action === "allowed"
          ? []
          : [
              {
                policy: action === "blocked" ? "injection" : action === "redacted" ? "pii" : "quality",
                type:
                  action === "blocked"
                    ? "prompt-injection"
                    : action === "redacted"
                      ? "pii-detector"
                      : "quality-scorer",
                stage: "request",
                action: action === "blocked" ? "block" : action === "redacted" ? "redact" : "escalate",
                triggered: true,
                latencyUs: 80,
                details: {},
              },
            ];
      events.push({
        id: randomUUID(),
        ts: new Date(now - Math.floor(Math.random() * 3_600_000)).toISOString(),
        orgId: null,
        gatewayId: null,
        teamId: teamIds[Math.floor(Math.random() * teamIds.length)],
        keyId: null,
        endUser: `user${Math.floor(Math.random() * 200)}@bench.kt`,
        provider,
        model,
        stream: Math.random() < 0.3,
        promptTokens: 50 + Math.floor(Math.random() * 3000),
        completionTokens: 10 + Math.floor(Math.random() * 800),
        cachedTokens: 0,
        tokensEstimated: false,
        costUsd: null,
        latencyMs: 80 + Math.random() * 3000,
        policyLatencyMs: Math.random(),
        status: action === "blocked" ? "blocked" : "success",
        httpStatus: action === "blocked" ? 400 : 200,
        action,
        decisions,
        blockedBy: action === "blocked" ? { policy: "injection", reason: "instruction override" } : null,
        promptRedacted: null,
        promptHash: createHash("sha256").update(String(i)).digest("hex"),
        error: null,
        configVersion: 3,
      });
    }
    batches.push(JSON.stringify({ events }));
  }
  return batches;
}

async function seedOrg(stack: Stack) {
  const org = randomUUID();
  await sql(stack.dbUrl, `INSERT INTO orgs (id, name, slug) VALUES ($1, 'Bench', $2)`, [
    org,
    `bench-${org.slice(0, 8)}`,
  ]);
  const teams: string[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < GATEWAYS; i++) {
    const team = randomUUID();
    await sql(stack.dbUrl, `INSERT INTO teams (id, "orgId", name) VALUES ($1, $2, $3)`, [
      team,
      org,
      `team-${i}`,
    ]);
    const token = `kt_gw_${randomBytes(24).toString("base64url")}`;
    await sql(
      stack.dbUrl,
      `INSERT INTO gateways (id, "orgId", "teamId", name, "credentialPrefix", "credentialHash") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        randomUUID(),
        org,
        team,
        `gw-${i}`,
        token.slice(0, 12),
        createHash("sha256").update(token).digest("hex"),
      ],
    );
    teams.push(team);
    tokens.push(token);
  }
  return { org, teams, tokens };
}

/** Runs `send` over the batches with SENDERS concurrent senders; returns events/s. */
async function drive(batches: string[], send: (body: string, n: number) => Promise<void>) {
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, n) => {
      while (next < batches.length) await send(batches[next++], n);
    }),
  );
  const took = ms(t0);
  return { ms: took, perSecond: (batches.length * BATCH) / (took / 1000) };
}

/** The close of today as the first fold after midnight will run it, timed and rolled back. */
async function timeDayClose(dbUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      "SELECT (now() AT TIME ZONE 'UTC')::date::text AS today, ((now() AT TIME ZONE 'UTC')::date + 1)::text AS tomorrow",
    );
    await c.query("BEGIN");
    const t0 = process.hrtime.bigint();
    for (const text of CLOSE_DAYS_SQL) await c.query(text, [rows[0].today, rows[0].tomorrow]);
    const took = ms(t0);
    await c.query("ROLLBACK");
    return took;
  } finally {
    await c.end();
  }
}

async function main() {
  const stack = await createStack("ingest");
  try {
    const { org, teams, tokens } = await seedOrg(stack);
    console.log(`generating ${EVENTS.toLocaleString()} events twice (${BATCH} per batch)…`);
    const baselineBatches = makeBatches(teams);
    const apiBatches = makeBatches(teams);

    // Baseline: bare inserts of the same JSON, no rollups, same concurrency.
    await sql(stack.dbUrl, "SELECT telemetry.ensure_event_partitions(current_date - 1, current_date + 1)");
    const pool = new pg.Pool({ connectionString: stack.dbUrl, max: SENDERS });
    const bare = await drive(baselineBatches, async (body) => {
      await pool.query(
        `INSERT INTO telemetry.events (id, ts, org_id, team_id, end_user, provider, model, prompt_tokens, completion_tokens, latency_ms, status, http_status, action, decisions)
         SELECT x.id, x.ts, $1::uuid, x."teamId", x."endUser", x.provider, x.model, x."promptTokens", x."completionTokens", x."latencyMs", x.status, x."httpStatus", x.action, x.decisions
         FROM jsonb_to_recordset(($2::jsonb)->'events') AS x(id uuid, ts timestamptz, "teamId" uuid, "endUser" text, provider text, model text, "promptTokens" int,
           "completionTokens" int, "latencyMs" float8, status text, "httpStatus" int, action text, decisions jsonb)
         ON CONFLICT DO NOTHING`,
        [org, body],
      );
    });
    await pool.end();
    await sql(stack.dbUrl, "DELETE FROM telemetry.events");

    const api = await startApi(stack, PORT);
    try {
      const post = (ack: string) => async (body: string, n: number) => {
        const res = await fetch(`${api.url}/v1/ingest/events?ack=${ack}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${tokens[n % tokens.length]}`,
          },
          body,
        });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${text.slice(0, 300)}`);
      };
      // ack=rollups: each batch answered once the fold holds it, so the senders' round trips include the fold.
      const viaApi = await drive(apiBatches.slice(0, apiBatches.length / 2), post("rollups"));
      // ack=stored (what gateways use): answered at commit; the clock stops when the last event is in the rollups.
      const t0 = process.hrtime.bigint();
      const sent = await drive(apiBatches.slice(apiBatches.length / 2), post("stored"));
      while ((await sql(stack.dbUrl, "SELECT 1 FROM telemetry.rollup_queue LIMIT 1")).rowCount) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const storedMs = ms(t0);
      const viaStored = { ms: storedMs, perSecond: EVENTS / 2 / (storedMs / 1000), answeredMs: sent.ms };
      // A replay of the first batches must change nothing.
      const replay = await fetch(`${api.url}/v1/ingest/events`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens[0]}` },
        body: apiBatches[0],
      });
      const replayed = await replay.json();
      const stored = (
        await sql(stack.dbUrl, "SELECT count(*)::int AS n FROM telemetry.events WHERE org_id = $1", [org])
      ).rows[0].n;
      const rolled = (
        await sql(
          stack.dbUrl,
          `SELECT (SELECT sum(requests) FROM telemetry.event_rollups_hourly_nouser WHERE org_id = $1)::int AS n,
             (SELECT sum(requests) FROM telemetry.user_rollups_hourly WHERE org_id = $1)::int AS users,
             (SELECT count(*) FROM telemetry.rollup_queue WHERE org_id = $1)::int AS queued`,
          [org],
        )
      ).rows[0];
      const closeMs = await timeDayClose(stack.dbUrl);
      console.log("");
      console.log(`| path | events | senders × batch | wall | events/s |`);
      console.log(`| --- | --- | --- | --- | --- |`);
      console.log(
        `| baseline: bare INSERT into telemetry.events (no rollups, no HTTP) | ${EVENTS.toLocaleString()} | ${SENDERS} × ${BATCH} | ${(bare.ms / 1000).toFixed(1)} s | ${Math.round(bare.perSecond).toLocaleString()} |`,
      );
      const half = (EVENTS / 2).toLocaleString();
      console.log(
        `| kt: POST /v1/ingest/events?ack=rollups (answered after the fold into rollups + spend) | ${half} | ${SENDERS} × ${BATCH} | ${(viaApi.ms / 1000).toFixed(1)} s | ${Math.round(viaApi.perSecond).toLocaleString()} |`,
      );
      console.log(
        `| kt: POST /v1/ingest/events?ack=stored (answered at commit; wall until every event is in the rollups) | ${half} | ${SENDERS} × ${BATCH} | ${(viaStored.ms / 1000).toFixed(1)} s (answered in ${(viaStored.answeredMs / 1000).toFixed(1)} s) | ${Math.round(viaStored.perSecond).toLocaleString()} |`,
      );
      console.log("");
      const best = Math.max(viaApi.perSecond, viaStored.perSecond);
      console.log(
        `ratio kt / baseline: ack=rollups ${(viaApi.perSecond / bare.perSecond).toFixed(2)}, ack=stored ${(viaStored.perSecond / bare.perSecond).toFixed(2)}; target ≥ 20,000 events/s: ${best >= 20_000 ? "met" : "NOT met"}`,
      );
      console.log(
        `close of the day these events are in (daily rollups built from the hourly ones, once per UTC day): ${closeMs.toFixed(0)} ms`,
      );
      console.log(
        `check: stored ${stored.toLocaleString()}, rolled up ${rolled.n?.toLocaleString()} (per-user hourly ${rolled.users?.toLocaleString()}, still queued ${rolled.queued}), replay of one batch → ${JSON.stringify(replayed)}`,
      );
    } finally {
      api.stop();
    }
  } finally {
    await stack.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
