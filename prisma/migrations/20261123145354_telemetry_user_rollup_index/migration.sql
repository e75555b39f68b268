-- group_by with a user filter reads the per-user hourly rollup for one or a few users; its unique key puts end_user
-- seventh, so without this index such a query walks every row of the range (millions at 10 M events a month).
CREATE INDEX IF NOT EXISTS event_rollups_hourly_org_user_hour_idx ON telemetry.event_rollups_hourly (org_id, end_user, hour);
