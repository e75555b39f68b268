-- Daily rollups (event_rollups_daily, policy_rollups_daily, user_rollups_daily) hold closed UTC days only.
--
-- * telemetry.daily_rollups_watermark.open_from: the first UTC day that is still open. Days before it have their daily
--   rows; days from it on have none, and readers take them from the hourly rollups, which are kept current by every
--   fold. A fold writes daily rows only for events of closed days (late arrivals, replays of an old spool).
-- * The first fold after midnight UTC closes the days before the new day: it builds their daily rows from the hourly
--   ones (telemetry.hist_concat gathers the histograms) and moves open_from, in the fold's transaction. Until then a
--   fold updated every daily row its events touched; now each daily row is written once.
-- * Folds run one at a time (an advisory lock), and the close runs inside one. Every other writer of rollups (a price
--   recompute, a rebuild) holds the watermark row FOR SHARE until it commits; the close takes the row FOR UPDATE
--   SKIP LOCKED (or waits for a later fold) and moves it before building: every hourly row of a closed day is in its
--   daily rows, or was added after the close by a writer that saw the day as closed.
-- Days before this migration keep the daily rows they have; today's existing daily rows are replaced when it closes.
CREATE TABLE telemetry.daily_rollups_watermark (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  open_from date    NOT NULL
);
INSERT INTO telemetry.daily_rollups_watermark (open_from) VALUES ((now() AT TIME ZONE 'UTC')::date);

-- Concatenates histograms (bucket << 32 | count entries) over rows; telemetry.hist_add(…, '{}') then merges buckets.
CREATE AGGREGATE telemetry.hist_concat(bigint[]) (SFUNC = array_cat, STYPE = bigint[], INITCOND = '{}');
