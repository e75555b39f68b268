import type { Db } from "@kt/db";

/**
 * Inserts `count` gateway events for an org, one every `stepMs` back from `end`, spread over a few teams,
 * users, providers and models, with awkward text (quotes, commas, line breaks, formula starts) every few rows.
 */
export async function seedEvents(db: Db, orgId: string, opts: { count: number; end: Date; stepMs: number; teamIds?: string[] }) {
  const start = new Date(opts.end.getTime() - opts.count * opts.stepMs);
  await db.$queryRawUnsafe(`SELECT telemetry.ensure_event_partitions($1::date, $2::date)`, start.toISOString().slice(0, 10), opts.end.toISOString().slice(0, 10));
  await db.$executeRawUnsafe(
    `INSERT INTO telemetry.events (id, ts, org_id, team_id, end_user, provider, model, stream, prompt_tokens, completion_tokens,
        cached_tokens, cost_usd, latency_ms, policy_latency_ms, status, http_status, action, triggered_policies, policy_keys,
        blocked_by, blocked_reason, decisions, prompt_redacted, error, config_version)
     SELECT gen_random_uuid(), $2::timestamptz - (i * $3::int) * interval '1 millisecond', $1::uuid,
            (CASE WHEN cardinality($5::uuid[]) = 0 THEN NULL ELSE ($5::uuid[])[1 + i % cardinality($5::uuid[])] END),
            'user' || (i % 7) || '@example.test',
            (ARRAY['openai','anthropic','azure'])[1 + i % 3],
            (ARRAY['gpt-4o-mini','claude-3-5-sonnet','gpt-4o'])[1 + i % 3],
            i % 5 = 0, 100 + i % 900, 20 + i % 300, i % 11,
            CASE WHEN i % 13 = 0 THEN NULL ELSE round((0.000123 * (1 + i % 50))::numeric, 9) END,
            12.5 + (i % 400), 0.25 + (i % 10) / 100.0,
            CASE WHEN i % 17 = 0 THEN 'blocked' ELSE 'success' END,
            CASE WHEN i % 17 = 0 THEN 403 ELSE 200 END,
            CASE WHEN i % 17 = 0 THEN 'blocked' WHEN i % 9 = 0 THEN 'redacted' ELSE 'allowed' END,
            CASE WHEN i % 17 = 0 THEN ARRAY['pii-guard'] WHEN i % 9 = 0 THEN ARRAY['redact-emails'] ELSE '{}' END,
            CASE WHEN i % 17 = 0 THEN ARRAY['pii-guard','pii-detector'] WHEN i % 9 = 0 THEN ARRAY['redact-emails','pii-detector'] ELSE '{}' END,
            CASE WHEN i % 17 = 0 THEN 'pii-guard' END,
            CASE WHEN i % 17 = 0 THEN 'SSN found, "blocked", see policy' END,
            '[]'::jsonb,
            CASE i % 6 WHEN 0 THEN '=HYPERLINK("http://x.test","click")' WHEN 1 THEN 'line one' || chr(10) || 'line two, with "quotes"'
                       WHEN 2 THEN '+1 555 0100' WHEN 3 THEN '-2' WHEN 4 THEN '@SUM(A1)' ELSE chr(9) || 'tabbed' END,
            NULL, 3
       FROM generate_series(0, $4::int - 1) AS i`,
    orgId,
    opts.end.toISOString(),
    opts.stepMs,
    opts.count,
    opts.teamIds ?? [],
  );
}

/** Appends `count` audit entries to an org (directly, not through the chain writer: the export does not check hashes). */
export async function seedAuditEntries(db: Db, orgId: string, count: number) {
  await db.$executeRawUnsafe(
    `INSERT INTO audit_entries (id, "orgId", seq, "actorType", "actorId", "actorLabel", action, "resourceType", "resourceId",
        before, after, "requestId", ip, "createdAt", "prevHash", hash)
     SELECT gen_random_uuid(), $1::uuid, base + i, 'user', NULL, 'seed@example.test', 'seed.entry', 'seed', i::text,
            NULL, jsonb_build_object('i', i, 'note', '=1+1'), NULL, '127.0.0.1', now() - interval '1 hour',
            repeat('0', 64), md5(i::text) || md5((i + 1)::text)
       FROM generate_series(1, $2::int) AS i,
            (SELECT coalesce(max(seq), 0) AS base FROM audit_entries WHERE "orgId" = $1::uuid) b`,
    orgId,
    count,
  );
}
