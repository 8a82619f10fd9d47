-- 065_daily_ranking: the 警务动态日报 frozen at the end of each day (issue 17).
-- One row per local day and 县局: the ranking as it stood when the day ended
-- (the figures of every station, their scores, the weights applied), written
-- by the first read of the report after the day ended. A past day's report
-- shows these figures; a later correction of the records is shown beside
-- them as 更正, never written over them.
CREATE TABLE daily_ranking (
  day        TEXT NOT NULL,                              -- YYYY-MM-DD, Asia/Shanghai
  bureau_id  INTEGER NOT NULL REFERENCES org_unit(id),
  figures    TEXT NOT NULL,                              -- JSON: {"rows":[…],"weights":{…}}
  frozen_at  INTEGER NOT NULL,
  PRIMARY KEY (day, bureau_id)
);
