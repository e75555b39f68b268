-- telemetry.rollup_versions: per org and UTC day, a version that every write to that day's rollups replaces with a
-- fresh value of one sequence (folds, price recomputes, rebuilds; retention deletes the day's row). group_by reuses a
-- rollup slice it has read while the versions of the slice's days are unchanged, so the 29 whole days of a 30-day
-- query are read once, not on every dashboard refresh. A sequence never repeats a value, so a day deleted and written
-- again can never look unchanged.
CREATE SEQUENCE telemetry.rollup_version_seq;

CREATE TABLE telemetry.rollup_versions (
  org_id  uuid   NOT NULL,
  day     date   NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (org_id, day)
);
