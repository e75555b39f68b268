-- Rollups folded by an aggregator (apps/api/src/modules/ingest/rollup-folder.ts), and rollups for group_by=user.
--
-- * telemetry.rollup_queue: ingest inserts each new event here in the same transaction as the event itself (only
--   rows the events INSERT returned, so a replay queues nothing). One fold at a time moves queued rows into every
--   rollup, team spend and the reservation releases, deleting them in the same transaction: exactly once, and
--   concurrent ingest transactions never lock a shared rollup row. No index: a fold takes every queued row.
-- * user_rollups_hourly / user_rollups_daily: time × org × team × gateway × user only, so group_by=user over long
--   ranges reads one row per user and day even when users number thousands. Instead of action and status columns they
--   count blocked, escalated, redacted and errored requests.
-- * policy_rollups_daily: the daily form of policy_rollups_hourly, for whole days of policy groups and filters.

CREATE TABLE telemetry.rollup_queue (
  org_id             uuid             NOT NULL,
  event_id           uuid             NOT NULL,
  ts                 timestamptz      NOT NULL,
  team_id            uuid,
  gateway_id         uuid,
  provider           text,
  model              text             NOT NULL,
  end_user           text,
  action             text             NOT NULL,
  status             text             NOT NULL,
  prompt_tokens      integer          NOT NULL,
  completion_tokens  integer          NOT NULL,
  cached_tokens      integer          NOT NULL,
  cost_usd           numeric(20, 9),
  latency_ms         double precision NOT NULL,
  triggered_policies text[]           NOT NULL,
  policy_keys        text[]           NOT NULL
);

CREATE TABLE telemetry.user_rollups_hourly (
  hour              timestamptz      NOT NULL,
  org_id            uuid             NOT NULL,
  team_id           uuid,
  gateway_id        uuid,
  end_user          text,
  requests          bigint           NOT NULL,
  prompt_tokens     bigint           NOT NULL,
  completion_tokens bigint           NOT NULL,
  cached_tokens     bigint           NOT NULL,
  cost_usd          numeric(24, 9)   NOT NULL,
  unpriced          bigint           NOT NULL,
  blocked           bigint           NOT NULL,
  escalated         bigint           NOT NULL,
  redacted          bigint           NOT NULL,
  errors            bigint           NOT NULL,
  latency_sum_ms    double precision NOT NULL,
  latency_hist      bigint[]         NOT NULL,
  UNIQUE NULLS NOT DISTINCT (org_id, hour, team_id, gateway_id, end_user)
);

CREATE TABLE telemetry.user_rollups_daily (
  day               date             NOT NULL,
  org_id            uuid             NOT NULL,
  team_id           uuid,
  gateway_id        uuid,
  end_user          text,
  requests          bigint           NOT NULL,
  prompt_tokens     bigint           NOT NULL,
  completion_tokens bigint           NOT NULL,
  cached_tokens     bigint           NOT NULL,
  cost_usd          numeric(24, 9)   NOT NULL,
  unpriced          bigint           NOT NULL,
  blocked           bigint           NOT NULL,
  escalated         bigint           NOT NULL,
  redacted          bigint           NOT NULL,
  errors            bigint           NOT NULL,
  latency_sum_ms    double precision NOT NULL,
  latency_hist      bigint[]         NOT NULL,
  UNIQUE NULLS NOT DISTINCT (org_id, day, team_id, gateway_id, end_user)
);

CREATE TABLE telemetry.policy_rollups_daily (
  day               date             NOT NULL,
  org_id            uuid             NOT NULL,
  team_id           uuid,
  gateway_id        uuid,
  provider          text,
  model             text             NOT NULL,
  action            text             NOT NULL,
  status            text             NOT NULL,
  kind              text             NOT NULL CHECK (kind IN ('name', 'key')),
  policy            text             NOT NULL,
  requests          bigint           NOT NULL,
  prompt_tokens     bigint           NOT NULL,
  completion_tokens bigint           NOT NULL,
  cached_tokens     bigint           NOT NULL,
  cost_usd          numeric(24, 9)   NOT NULL,
  unpriced          bigint           NOT NULL,
  latency_sum_ms    double precision NOT NULL,
  latency_hist      bigint[]         NOT NULL,
  UNIQUE NULLS NOT DISTINCT (org_id, kind, day, policy, team_id, gateway_id, provider, model, action, status)
);

-- Existing events (a database migrated before these tables existed), rolled up the way the fold does.
INSERT INTO telemetry.user_rollups_hourly (org_id, hour, team_id, gateway_id, end_user, requests, prompt_tokens, completion_tokens,
  cached_tokens, cost_usd, unpriced, blocked, escalated, redacted, errors, latency_sum_ms, latency_hist)
SELECT org_id, t, team_id, gateway_id, end_user, sum(n), sum(pt), sum(ct), sum(cached), sum(cost), sum(unpriced), sum(blocked),
  sum(escalated), sum(redacted), sum(errors), sum(lat), array_agg((b::bigint << 32) | n ORDER BY b)
FROM (
  SELECT org_id, date_trunc('hour', ts, 'UTC') AS t, team_id, gateway_id, end_user, telemetry.latency_bucket(latency_ms) AS b,
    count(*) AS n, sum(prompt_tokens) AS pt, sum(completion_tokens) AS ct, sum(cached_tokens) AS cached,
    COALESCE(sum(cost_usd), 0) AS cost, count(*) FILTER (WHERE cost_usd IS NULL) AS unpriced,
    count(*) FILTER (WHERE action = 'blocked') AS blocked, count(*) FILTER (WHERE action = 'escalated') AS escalated,
    count(*) FILTER (WHERE action = 'redacted') AS redacted, count(*) FILTER (WHERE status = 'error') AS errors, sum(latency_ms) AS lat
  FROM telemetry.events
  GROUP BY 1, 2, 3, 4, 5, 6
) x
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO telemetry.user_rollups_daily (org_id, day, team_id, gateway_id, end_user, requests, prompt_tokens, completion_tokens,
  cached_tokens, cost_usd, unpriced, blocked, escalated, redacted, errors, latency_sum_ms, latency_hist)
SELECT org_id, t, team_id, gateway_id, end_user, sum(n), sum(pt), sum(ct), sum(cached), sum(cost), sum(unpriced), sum(blocked),
  sum(escalated), sum(redacted), sum(errors), sum(lat), array_agg((b::bigint << 32) | n ORDER BY b)
FROM (
  SELECT org_id, (ts AT TIME ZONE 'UTC')::date AS t, team_id, gateway_id, end_user, telemetry.latency_bucket(latency_ms) AS b,
    count(*) AS n, sum(prompt_tokens) AS pt, sum(completion_tokens) AS ct, sum(cached_tokens) AS cached,
    COALESCE(sum(cost_usd), 0) AS cost, count(*) FILTER (WHERE cost_usd IS NULL) AS unpriced,
    count(*) FILTER (WHERE action = 'blocked') AS blocked, count(*) FILTER (WHERE action = 'escalated') AS escalated,
    count(*) FILTER (WHERE action = 'redacted') AS redacted, count(*) FILTER (WHERE status = 'error') AS errors, sum(latency_ms) AS lat
  FROM telemetry.events
  GROUP BY 1, 2, 3, 4, 5, 6
) x
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO telemetry.policy_rollups_daily (org_id, day, team_id, gateway_id, provider, model, action, status, kind, policy, requests,
  prompt_tokens, completion_tokens, cached_tokens, cost_usd, unpriced, latency_sum_ms, latency_hist)
SELECT org_id, t, team_id, gateway_id, provider, model, action, status, kind, policy, sum(n), sum(pt), sum(ct), sum(cached), sum(cost),
  sum(unpriced), sum(lat), array_agg((b::bigint << 32) | n ORDER BY b)
FROM (
  SELECT e.org_id, (e.ts AT TIME ZONE 'UTC')::date AS t, e.team_id, e.gateway_id, e.provider, e.model, e.action, e.status, k.kind, k.policy,
    telemetry.latency_bucket(e.latency_ms) AS b, count(*) AS n, sum(e.prompt_tokens) AS pt, sum(e.completion_tokens) AS ct,
    sum(e.cached_tokens) AS cached, COALESCE(sum(e.cost_usd), 0) AS cost, count(*) FILTER (WHERE e.cost_usd IS NULL) AS unpriced,
    sum(e.latency_ms) AS lat
  FROM telemetry.events e
  CROSS JOIN LATERAL (SELECT 'name' AS kind, unnest(e.triggered_policies) AS policy UNION ALL SELECT 'key', unnest(e.policy_keys)) k
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
) x
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
