-- Rollup rows are counters: every fold adds to rows it has written before. With the default fillfactor (100) a page
-- has no room for the new version of a row, so each update moves the row to another page and adds entries to every
-- index of the table; with room left on the page, PostgreSQL updates in place (a HOT update: no index entry, and the
-- old version is pruned from the page). Applies to pages written from now on.
ALTER TABLE telemetry.event_rollups_hourly SET (fillfactor = 50);
ALTER TABLE telemetry.event_rollups_hourly_nouser SET (fillfactor = 50);
ALTER TABLE telemetry.event_rollups_daily SET (fillfactor = 50);
ALTER TABLE telemetry.policy_rollups_hourly SET (fillfactor = 50);
ALTER TABLE telemetry.policy_rollups_daily SET (fillfactor = 50);
ALTER TABLE telemetry.user_rollups_hourly SET (fillfactor = 50);
ALTER TABLE telemetry.user_rollups_daily SET (fillfactor = 50);
ALTER TABLE telemetry.active_users_daily SET (fillfactor = 50);
ALTER TABLE telemetry.team_spend SET (fillfactor = 50);
ALTER TABLE telemetry.rollup_versions SET (fillfactor = 50);
