import { PRICE_TABLE } from "@kt/contract";
import type { Db } from "@kt/db";
import { newSecret } from "../common/crypto";
import { REBUILD_ROLLUPS_SQL } from "../modules/events/maintenance/rollup-rebuild";
import { HOLD_OPEN_DAYS_SQL, ROLLUP_TABLES, ROLLUPS } from "../modules/events/rollup-sql";
import { COST_SQL } from "../modules/prices/price-book";

export const LOAD_ORG_SLUG = "load-test";
const TEAMS = ["Platform", "Data Science", "Support", "Sales", "Legal", "Marketing", "Research", "Finance"];
const MODELS: [string, string][] = [
  ["openai", "gpt-4o"],
  ["openai", "gpt-4o-mini"],
  ["openai", "gpt-4.1"],
  ["anthropic", "claude-3-5-sonnet-20241022"],
  ["anthropic", "claude-3-5-haiku"],
  ["openai", "ft:gpt-4o-mini:acme:support"],
];
/** End users: 200 for small seeds, one per 2,000 events beyond (5,000 at 10 M), each in one team. */
const usersFor = (count: number) => Math.max(200, Math.round(count / 2000));
const CHUNK = 100_000;

export type LoadSeedResult = {
  orgId: string;
  apiToken: string;
  events: number;
  days: number;
  seconds: number;
  teams: { id: string; name: string }[];
};

/**
 * `load-1m-events [count] [days]`: a fresh "load-test" org (replacing any previous one) with 8 teams, a gateway per
 * team, 200+ end users (one per 2,000 events; each belongs to one team) and `count` (default 1 M) synthetic events spread over the last `days` (default 30), written
 * straight into the partitions with SQL, then rolled up from them. Prints an admin API token for benchmarks (the
 * admin has no password: sign in with the token).
 */
export async function seedLoadEvents(db: Db, args: string[]): Promise<LoadSeedResult> {
  const count = Number(args[0] ?? 1_000_000);
  const days = Number(args[1] ?? 30);
  if (!(count > 0 && days > 0)) throw new Error("usage: load-1m-events [count > 0] [days > 0]");
  const started = Date.now();
  const previous = await db.org.findUnique({ where: { slug: LOAD_ORG_SLUG } });
  if (previous) {
    const tables = [
      "telemetry.events",
      "telemetry.rollup_queue",
      ...ROLLUP_TABLES,
      "telemetry.active_users_daily",
      "telemetry.rollup_versions",
    ];
    for (const t of [...tables, "telemetry.team_spend", "telemetry.budget_reservations"]) {
      await db.$executeRawUnsafe(`DELETE FROM ${t} WHERE org_id = $1::uuid`, previous.id);
    }
    await db.org.delete({ where: { id: previous.id } });
  }
  const org = await db.org.create({ data: { name: "Load Test Org", slug: LOAD_ORG_SLUG } });
  const admin = await db.user.upsert({
    where: { email: "admin@load.kt" },
    update: {},
    create: { email: "admin@load.kt", name: "Load Admin" },
  });
  await db.membership.create({ data: { orgId: org.id, userId: admin.id, role: "admin" } });
  const token = newSecret("kt_api_");
  await db.apiToken.create({
    data: {
      orgId: org.id,
      name: "load-test",
      prefix: token.displayPrefix,
      secretHash: token.hash,
      role: "admin",
      createdById: admin.id,
    },
  });
  const teams = [];
  const gateways = [];
  for (const name of TEAMS) {
    const team = await db.team.create({ data: { orgId: org.id, name } });
    const credential = newSecret("kt_gw_");
    const gw = await db.gateway.create({
      data: {
        orgId: org.id,
        teamId: team.id,
        name: `${name.toLowerCase().replace(/ /g, "-")}-gw`,
        credentialPrefix: credential.displayPrefix,
        credentialHash: credential.hash,
        lastHeartbeatAt: new Date(),
      },
    });
    teams.push({ id: team.id, name });
    gateways.push(gw.id);
  }
  const now = Date.now();
  await db.$executeRawUnsafe(
    "SELECT telemetry.ensure_event_partitions($1::date, $2::date)",
    new Date(now - days * 86_400_000).toISOString().slice(0, 10),
    new Date(now).toISOString().slice(0, 10),
  );
  const rates = MODELS.map(
    ([p, m]) => PRICE_TABLE.models.find((r) => r.provider === p && m.startsWith(r.model)) ?? null,
  );
  const span = days * 86_400_000;
  for (let done = 0; done < count; done += CHUNK) {
    const n = Math.min(CHUNK, count - done);
    await db.$executeRawUnsafe(
      insertChunk(),
      org.id,
      n,
      // Chunk after chunk forward in time, as gateways deliver them (an hour's events sit together on disk).
      now - span + Math.floor((span * done) / count),
      Math.ceil((span * n) / count),
      teams.map((t) => t.id),
      gateways,
      MODELS.map((m) => m[0]),
      MODELS.map((m) => m[1]),
      rates.map((r) => r?.inputPerMTok ?? null),
      rates.map((r) => r?.outputPerMTok ?? null),
      rates.map((r) => r?.cachedInputPerMTok ?? null),
      usersFor(count),
    );
  }
  await db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(HOLD_OPEN_DAYS_SQL);
      for (const sql of REBUILD_ROLLUPS_SQL) await tx.$executeRawUnsafe(sql, org.id);
    },
    { maxWait: 60_000, timeout: 60 * 60_000 },
  );
  // Planner statistics for the rollups too: a fresh table's defaults lead to nested loops over 100k-row ranges.
  await db.$executeRawUnsafe("ANALYZE telemetry.events");
  for (const r of Object.values(ROLLUPS)) await db.$executeRawUnsafe(`ANALYZE ${r.table}`);
  await db.$executeRawUnsafe("ANALYZE telemetry.active_users_daily");
  return {
    orgId: org.id,
    apiToken: token.secret,
    events: count,
    days,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    teams,
  };
}

/**
 * One chunk of random events at times from $3 (ms) over the next $4 ms, written in time order: user u is in team
 * u mod 8, team i always goes through gateway i; actions and policies in plausible shares.
 */
function insertChunk(): string {
  const cost = COST_SQL({
    prompt: "pt",
    completion: "ct",
    cached: "cached",
    input: "($9::numeric[])[mi]",
    output: "($10::numeric[])[mi]",
    cachedRate: "($11::numeric[])[mi]",
  });
  return `
    INSERT INTO telemetry.events (id, ts, org_id, gateway_id, team_id, end_user, provider, model, prompt_tokens, completion_tokens, cached_tokens,
      cost_usd, latency_ms, policy_latency_ms, status, http_status, action, triggered_policies, policy_keys, blocked_by, blocked_reason, decisions)
    SELECT gen_random_uuid(), to_timestamp(($3::bigint + floor(random() * $4::bigint)) / 1000.0) AS ts, $1::uuid, ($6::uuid[])[ti], ($5::uuid[])[ti],
      'user' || lpad(ui::text, 4, '0') || '@load.kt', ($7::text[])[mi], ($8::text[])[mi], pt, ct, cached, ${cost},
      round((80 + random() * random() * 4000)::numeric, 2)::float8, round((random() * 2)::numeric, 3)::float8,
      CASE WHEN act = 'blocked' THEN 'blocked' WHEN r < 0.01 THEN 'error' ELSE 'success' END,
      CASE WHEN act = 'blocked' THEN 400 WHEN r < 0.01 THEN 502 ELSE 200 END, act,
      CASE act WHEN 'redacted' THEN ARRAY['pii'] WHEN 'blocked' THEN ARRAY[pol] WHEN 'escalated' THEN ARRAY['quality'] ELSE '{}' END,
      CASE act WHEN 'redacted' THEN ARRAY['pii', 'pii-detector'] WHEN 'blocked' THEN ARRAY[pol, pol_type] WHEN 'escalated' THEN ARRAY['quality', 'quality-scorer'] ELSE '{}' END,
      CASE WHEN act = 'blocked' THEN pol END, CASE WHEN act = 'blocked' THEN 'synthetic block' END, '[]'::jsonb
    FROM (
      SELECT *, CASE WHEN r2 < 0.5 THEN 'injection' ELSE 'content' END AS pol, CASE WHEN r2 < 0.5 THEN 'prompt-injection' ELSE 'content-filter' END AS pol_type,
        CASE WHEN r < 0.85 THEN 'allowed' WHEN r < 0.91 THEN 'redacted' WHEN r < 0.97 THEN 'blocked' ELSE 'escalated' END AS act
      FROM (
        SELECT 1 + ui % cardinality($5::uuid[]) AS ti, *
      FROM (
        SELECT floor(random() * $12::int)::int AS ui,
          1 + floor(power(random(), 2) * cardinality($7::text[]))::int AS mi, (50 + random() * 3000)::int AS pt, (10 + random() * 800)::int AS ct,
          CASE WHEN random() < 0.2 THEN (random() * 40)::int ELSE 0 END AS cached, random() AS r, random() AS r2
        FROM generate_series(1, $2::int)
      ) u
      ) a
    ) b
    ORDER BY ts`;
}
