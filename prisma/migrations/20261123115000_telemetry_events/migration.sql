-- Telemetry: gateway events and their rollups, as plain SQL in the `telemetry` schema (Prisma manages only
-- `public`, so it never sees or drops these). Design notes: apps/api/src/modules/events/README.md.
--
-- * telemetry.events is range-partitioned by day on ts. Partitions are created ahead by
--   telemetry.ensure_event_partitions (called here, by the ingest path for any day it has not seen, and by
--   the scheduled maintenance job). Retention: whole days older than the longest org retention are dropped
--   by partition (telemetry.drop_event_partitions_before); orgs with a shorter retention lose their older
--   rows by a per-org DELETE in the same job.
-- * The primary key is (ts, id): a gateway resends an event with the same id and ts, so INSERT … ON CONFLICT
--   DO NOTHING makes ingestion idempotent by event id.
-- * Rollups are kept current in the ingest transaction, only for events that were actually inserted.
--   Latency is kept as a sparse log-bucket histogram: a bigint[] of (bucket << 32 | count) for the non-empty
--   buckets, bucket k covering [1.08^k - 1, 1.08^(k+1) - 1) ms (p50/p95 within about ±4 %).

CREATE SCHEMA IF NOT EXISTS telemetry;

CREATE TABLE telemetry.events (
  id                uuid             NOT NULL,
  ts                timestamptz      NOT NULL,
  received_at       timestamptz      NOT NULL DEFAULT now(),
  org_id            uuid             NOT NULL,
  gateway_id        uuid,
  team_id           uuid,
  key_id            uuid,
  end_user          text,
  provider          text,
  model             text             NOT NULL,
  stream            boolean          NOT NULL DEFAULT false,
  prompt_tokens     integer          NOT NULL DEFAULT 0,
  completion_tokens integer          NOT NULL DEFAULT 0,
  cached_tokens     integer          NOT NULL DEFAULT 0,
  tokens_estimated  boolean          NOT NULL DEFAULT false,
  -- Cost as the control plane computes it (org price overrides, then the list price); NULL = price unknown.
  cost_usd          numeric(20, 9),
  -- What the gateway reported, kept for reconciliation.
  reported_cost_usd numeric(20, 9),
  latency_ms        double precision NOT NULL,
  policy_latency_ms double precision NOT NULL DEFAULT 0,
  status            text             NOT NULL,
  http_status       smallint         NOT NULL,
  action            text             NOT NULL,
  -- Names of the policies that triggered, and the distinct names and types together (what `policy=` matches).
  triggered_policies text[]          NOT NULL DEFAULT '{}',
  policy_keys       text[]           NOT NULL DEFAULT '{}',
  blocked_by        text,
  blocked_reason    text,
  decisions         jsonb            NOT NULL DEFAULT '[]',
  prompt_redacted   text,
  prompt_hash       text,
  error             text,
  config_version    integer,
  PRIMARY KEY (ts, id)
) PARTITION BY RANGE (ts);

CREATE INDEX events_org_ts_idx ON telemetry.events (org_id, ts DESC);
CREATE INDEX events_org_team_ts_idx ON telemetry.events (org_id, team_id, ts DESC);
CREATE INDEX events_org_gateway_ts_idx ON telemetry.events (org_id, gateway_id, ts DESC);
CREATE INDEX events_org_user_ts_idx ON telemetry.events (org_id, end_user, ts DESC);
CREATE INDEX events_org_action_ts_idx ON telemetry.events (org_id, action, ts DESC);

-- Creates the daily partitions covering [from_day, to_day] that do not exist yet; returns how many it made.
CREATE FUNCTION telemetry.ensure_event_partitions(from_day date, to_day date) RETURNS integer AS $$
DECLARE
  d date := from_day;
  made integer := 0;
  part text;
BEGIN
  WHILE d <= to_day LOOP
    part := 'events_p' || to_char(d, 'YYYYMMDD');
    IF to_regclass('telemetry.' || part) IS NULL THEN
      EXECUTE format(
        'CREATE TABLE IF NOT EXISTS telemetry.%I PARTITION OF telemetry.events FOR VALUES FROM (%L) TO (%L)',
        part, (d::timestamp AT TIME ZONE 'UTC'), ((d + 1)::timestamp AT TIME ZONE 'UTC'));
      made := made + 1;
    END IF;
    d := d + 1;
  END LOOP;
  RETURN made;
END;
$$ LANGUAGE plpgsql;

-- Drops the daily partitions holding only days before cutoff_day; returns the dropped table names.
CREATE FUNCTION telemetry.drop_event_partitions_before(cutoff_day date) RETURNS SETOF text AS $$
DECLARE
  part record;
BEGIN
  FOR part IN
    SELECT c.relname
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_class p ON p.oid = i.inhparent
    JOIN pg_namespace n ON n.oid = p.relnamespace
    WHERE n.nspname = 'telemetry' AND p.relname = 'events' AND c.relname ~ '^events_p\d{8}$'
      AND to_date(substring(c.relname FROM 9), 'YYYYMMDD') < cutoff_day
    ORDER BY c.relname
  LOOP
    EXECUTE format('DROP TABLE telemetry.%I', part.relname);
    RETURN NEXT part.relname;
  END LOOP;
END;
$$ LANGUAGE plpgsql;

-- The histogram bucket of a latency in ms (see the header).
CREATE FUNCTION telemetry.latency_bucket(ms double precision) RETURNS integer AS $$
  SELECT LEAST(199, GREATEST(0, floor(ln(1 + GREATEST(ms, 0)) / ln(1.08))::integer));
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

-- Adds two sparse histograms (bucket << 32 | count).
CREATE FUNCTION telemetry.hist_add(a bigint[], b bigint[]) RETURNS bigint[] AS $$
  SELECT COALESCE(array_agg((k << 32) | c ORDER BY k), '{}')
  FROM (
    SELECT v >> 32 AS k, sum(v & 4294967295)::bigint AS c
    FROM (SELECT unnest(a) AS v UNION ALL SELECT unnest(b)) AS x
    GROUP BY 1
  ) AS y;
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

-- Hour × org × team × gateway × provider × model × user × action (× status).
CREATE TABLE telemetry.event_rollups_hourly (
  hour              timestamptz    NOT NULL,
  org_id            uuid           NOT NULL,
  team_id           uuid,
  gateway_id        uuid,
  provider          text,
  model             text           NOT NULL,
  end_user          text,
  action            text           NOT NULL,
  status            text           NOT NULL,
  requests          bigint         NOT NULL,
  prompt_tokens     bigint         NOT NULL,
  completion_tokens bigint         NOT NULL,
  cached_tokens     bigint         NOT NULL,
  cost_usd          numeric(24, 9) NOT NULL,
  unpriced          bigint         NOT NULL,
  latency_sum_ms    double precision NOT NULL,
  latency_hist      bigint[]       NOT NULL,
  UNIQUE NULLS NOT DISTINCT (org_id, hour, team_id, gateway_id, provider, model, end_user, action, status)
);

-- The same without the user: small enough that 30-day dashboards and group_by read it in milliseconds.
CREATE TABLE telemetry.event_rollups_hourly_nouser (
  hour              timestamptz    NOT NULL,
  org_id            uuid           NOT NULL,
  team_id           uuid,
  gateway_id        uuid,
  provider          text,
  model             text           NOT NULL,
  action            text           NOT NULL,
  status            text           NOT NULL,
  requests          bigint         NOT NULL,
  prompt_tokens     bigint         NOT NULL,
  completion_tokens bigint         NOT NULL,
  cached_tokens     bigint         NOT NULL,
  cost_usd          numeric(24, 9) NOT NULL,
  unpriced          bigint         NOT NULL,
  latency_sum_ms    double precision NOT NULL,
  latency_hist      bigint[]       NOT NULL,
  UNIQUE NULLS NOT DISTINCT (org_id, hour, team_id, gateway_id, provider, model, action, status)
);

-- Triggered policies. kind 'name': one row per distinct triggered policy name (group_by=policy);
-- kind 'key': one row per distinct name-or-type (what the policy= filter matches), so neither double counts.
CREATE TABLE telemetry.policy_rollups_hourly (
  hour              timestamptz    NOT NULL,
  org_id            uuid           NOT NULL,
  team_id           uuid,
  gateway_id        uuid,
  provider          text,
  model             text           NOT NULL,
  action            text           NOT NULL,
  status            text           NOT NULL,
  kind              text           NOT NULL CHECK (kind IN ('name', 'key')),
  policy            text           NOT NULL,
  requests          bigint         NOT NULL,
  prompt_tokens     bigint         NOT NULL,
  completion_tokens bigint         NOT NULL,
  cached_tokens     bigint         NOT NULL,
  cost_usd          numeric(24, 9) NOT NULL,
  unpriced          bigint         NOT NULL,
  latency_sum_ms    double precision NOT NULL,
  latency_hist      bigint[]       NOT NULL,
  UNIQUE NULLS NOT DISTINCT (org_id, kind, hour, policy, team_id, gateway_id, provider, model, action, status)
);

-- Distinct end users per day (dashboard "active users" without scanning the per-user rollup).
CREATE TABLE telemetry.active_users_daily (
  day      date   NOT NULL,
  org_id   uuid   NOT NULL,
  team_id  uuid,
  end_user text   NOT NULL,
  requests bigint NOT NULL,
  UNIQUE NULLS NOT DISTINCT (org_id, day, team_id, end_user)
);

-- Spend per team and calendar month (UTC), updated by ingest: what budgets and gateways read.
CREATE TABLE telemetry.team_spend (
  org_id    uuid           NOT NULL,
  team_id   uuid           NOT NULL,
  period    text           NOT NULL,
  spent_usd numeric(24, 9) NOT NULL DEFAULT 0,
  unpriced  bigint         NOT NULL DEFAULT 0,
  updated_at timestamptz   NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, team_id, period)
);

-- Budget reservations: a gateway reserves a call's estimated cost before forwarding it; the event's ingest
-- (same event id) or expiry releases it. Admission is decided under the team_spend row lock, so several
-- gateways never overrun a limit by more than what is in flight.
CREATE TABLE telemetry.budget_reservations (
  org_id     uuid           NOT NULL,
  event_id   uuid           NOT NULL,
  team_id    uuid           NOT NULL,
  period     text           NOT NULL,
  gateway_id uuid,
  amount_usd numeric(20, 9) NOT NULL,
  expires_at timestamptz    NOT NULL,
  created_at timestamptz    NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, event_id)
);
CREATE INDEX budget_reservations_team_idx ON telemetry.budget_reservations (org_id, team_id, period, expires_at);

-- Today, yesterday (late events) and a week ahead.
SELECT telemetry.ensure_event_partitions(current_date - 1, current_date + 7);
