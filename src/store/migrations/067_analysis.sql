-- 067_analysis: the analyst's 研判 note of a day (issue 17), one per day and
-- unit (the 县局 or a station), kept and printable.
CREATE TABLE analysis_note (
  day        TEXT NOT NULL,
  unit_id    INTEGER NOT NULL REFERENCES org_unit(id),
  text       TEXT NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (day, unit_id)
);
