-- A budget reservation in one round trip. The team's team_spend row lock (the lock the rollup fold takes to add
-- spend) is held only while this function runs on the server, not across the client's round trips, so concurrent
-- calls of one team queue for a fraction of a millisecond each. In READ COMMITTED every statement of a plpgsql
-- function takes a new snapshot: the sums read after the lock see every reservation and spend committed before it.
CREATE FUNCTION telemetry.reserve_budget(
  p_org uuid, p_team uuid, p_period text, p_event uuid, p_event_ts timestamptz, p_gateway uuid,
  p_estimate numeric, p_limit numeric, p_ttl_seconds int
) RETURNS TABLE (granted boolean, spent numeric, reserved numeric)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_done boolean;
BEGIN
  SELECT s.spent_usd INTO spent FROM telemetry.team_spend s
   WHERE s.org_id = p_org AND s.team_id = p_team AND s.period = p_period FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO telemetry.team_spend (org_id, team_id, period) VALUES (p_org, p_team, p_period) ON CONFLICT DO NOTHING;
    SELECT s.spent_usd INTO spent FROM telemetry.team_spend s
     WHERE s.org_id = p_org AND s.team_id = p_team AND s.period = p_period FOR UPDATE;
  END IF;

  DELETE FROM telemetry.budget_reservations r
   WHERE r.org_id = p_org AND r.team_id = p_team AND r.expires_at <= now();
  SELECT COALESCE(sum(r.amount_usd), 0) INTO reserved FROM telemetry.budget_reservations r
   WHERE r.org_id = p_org AND r.team_id = p_team AND r.period = p_period AND r.event_id <> p_event AND r.expires_at > now();
  -- A reservation that arrives after its event was ingested (and its cost counted) is never recorded.
  v_done := p_event_ts IS NOT NULL AND EXISTS (
    SELECT 1 FROM telemetry.events e WHERE e.org_id = p_org AND e.ts = p_event_ts AND e.id = p_event);
  granted := v_done OR (spent + reserved + p_estimate <= p_limit AND spent + reserved < p_limit);
  IF granted AND NOT v_done THEN
    INSERT INTO telemetry.budget_reservations (org_id, event_id, team_id, period, gateway_id, amount_usd, expires_at)
    VALUES (p_org, p_event, p_team, p_period, p_gateway, p_estimate, now() + p_ttl_seconds * interval '1 second')
    ON CONFLICT (org_id, event_id) DO UPDATE SET amount_usd = excluded.amount_usd, expires_at = excluded.expires_at;
  END IF;
  RETURN NEXT;
END
$$;
