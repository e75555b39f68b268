-- Day × org × team × gateway × provider × model × action × status: what long ranges (30-day dashboards and
-- group_by) read for their whole days, ~24× fewer rows than the hourly rollup. Kept current by ingest like the others.
CREATE TABLE telemetry.event_rollups_daily (
  day               date           NOT NULL,
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
  UNIQUE NULLS NOT DISTINCT (org_id, day, team_id, gateway_id, provider, model, action, status)
);

-- Existing events (a database migrated before this table existed), rolled up the way ingest does.
INSERT INTO telemetry.event_rollups_daily (org_id, day, team_id, gateway_id, provider, model, action, status, requests, prompt_tokens,
  completion_tokens, cached_tokens, cost_usd, unpriced, latency_sum_ms, latency_hist)
SELECT org_id, day, team_id, gateway_id, provider, model, action, status, sum(n), sum(pt), sum(ct), sum(cached), sum(cost), sum(unpriced),
  sum(lat), array_agg((b::bigint << 32) | n ORDER BY b)
FROM (
  SELECT org_id, (ts AT TIME ZONE 'UTC')::date AS day, team_id, gateway_id, provider, model, action, status,
    telemetry.latency_bucket(latency_ms) AS b, count(*) AS n, sum(prompt_tokens) AS pt, sum(completion_tokens) AS ct,
    sum(cached_tokens) AS cached, COALESCE(sum(cost_usd), 0) AS cost, count(*) FILTER (WHERE cost_usd IS NULL) AS unpriced, sum(latency_ms) AS lat
  FROM telemetry.events
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
) x
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
