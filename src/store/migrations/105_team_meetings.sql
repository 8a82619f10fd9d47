-- 105_team_meetings: 队伍管理 — a station's meetings, study and training
-- (issue 18): 例会 (Monday), 案件通报研讨 (Friday), 业务培训, 电视电话会议,
-- 集体法律学习 (the 5th of the month), 思想教育/党建. Who attended and who
-- was absent (and why) per officer; training days count toward the yearly
-- minimum (TEAM-TRAIN-DAYS). Dates are local civil dates 'YYYY-MM-DD';
-- instants UTC epoch seconds.
CREATE TABLE team_meeting (
  id            INTEGER PRIMARY KEY,
  station_id    INTEGER NOT NULL REFERENCES org_unit(id),
  held_on       TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('weekly','case_review','training','teleconference','legal_study','political')),
  topic         TEXT NOT NULL,
  speaker       TEXT NOT NULL,
  training_days INTEGER NOT NULL DEFAULT 0,   -- days of training it gave each attendee (training only)
  materials     TEXT,                         -- titles of the materials handed out
  minutes       TEXT,                         -- 会议记录
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX team_meeting_station ON team_meeting(station_id, held_on);

CREATE TABLE team_meeting_attendee (
  meeting_id     INTEGER NOT NULL REFERENCES team_meeting(id),
  user_id        INTEGER NOT NULL REFERENCES users(id),
  present        INTEGER NOT NULL CHECK (present IN (0, 1)),
  absence_reason TEXT,                        -- 请假、值班、出警 …
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX team_meeting_attendee_user ON team_meeting_attendee(user_id);
