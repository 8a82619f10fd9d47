-- 153_addr_leader_notice: 社区警务 gaps (issue 16, addr2).
-- 1. A 包片领导's assignment ends (撤销) and stays in the history: the table
--    gets an id, the end (day, reason, by whom) and a unique index on the
--    current assignments only, so that a leader may be assigned again later.
CREATE TABLE leader_assignment_153 (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  assigned_by INTEGER NOT NULL REFERENCES users(id),
  assigned_at INTEGER NOT NULL,
  ended_on    TEXT,                                  -- YYYY-MM-DD, NULL while current
  end_reason  TEXT,
  ended_by    INTEGER REFERENCES users(id),
  ended_at    INTEGER
);
INSERT INTO leader_assignment_153(station_id, user_id, assigned_by, assigned_at)
  SELECT station_id, user_id, assigned_by, assigned_at FROM leader_assignment
  ORDER BY assigned_at, station_id, user_id;
DROP TABLE leader_assignment;
ALTER TABLE leader_assignment_153 RENAME TO leader_assignment;
CREATE UNIQUE INDEX leader_assignment_current ON leader_assignment(station_id, user_id) WHERE ended_on IS NULL;
CREATE INDEX leader_assignment_station ON leader_assignment(station_id, ended_on);

-- 2. The 整改通知书 of an inspection (COM-KEYUNIT-CHECK, NBZA Art 16): its
--    number is issued once, on the first print, and kept.
ALTER TABLE trade_inspection ADD COLUMN notice_no TEXT;
ALTER TABLE trade_inspection ADD COLUMN notice_issued_at INTEGER;
ALTER TABLE trade_inspection ADD COLUMN notice_issued_by INTEGER REFERENCES users(id);
CREATE UNIQUE INDEX trade_inspection_notice ON trade_inspection(notice_no);
