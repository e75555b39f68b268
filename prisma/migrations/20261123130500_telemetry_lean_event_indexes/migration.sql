-- Fewer indexes on telemetry.events: each one costs every ingested row, and every read but a user's own list
-- goes through rollups. The primary key leads with the org, so it also serves "an org's events newest first"
-- (keyset paging, raw edges of group_by, exports); a replay of an event id still conflicts on (org_id, ts, id).
-- Team, gateway and action filters on raw events scan that key backwards (those values are never rare in an org);
-- the user filter keeps its own index (users are).
DROP INDEX IF EXISTS telemetry.events_org_team_ts_idx;
DROP INDEX IF EXISTS telemetry.events_org_gateway_ts_idx;
DROP INDEX IF EXISTS telemetry.events_org_action_ts_idx;
ALTER TABLE telemetry.events DROP CONSTRAINT events_pkey;
ALTER TABLE telemetry.events ADD PRIMARY KEY (org_id, ts, id);
DROP INDEX IF EXISTS telemetry.events_org_ts_idx;
