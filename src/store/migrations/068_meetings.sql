-- 068_meetings: 局长调度分析会 (issue 17) — the bureau's CompStat meeting:
-- the figures it looked at frozen as they stood (the ranking and 研判 of the
-- period, each station against its own previous period), what each station
-- chief answered for, decisions, commendations and criticisms, the tasks it
-- assigned (leader_task source 'meeting'), and the follow-up of every
-- earlier decision recorded at the next meeting.
CREATE TABLE meeting (
  id            INTEGER PRIMARY KEY,
  bureau_id     INTEGER NOT NULL REFERENCES org_unit(id),
  held_on       TEXT NOT NULL,
  title         TEXT NOT NULL,
  attendees     TEXT NOT NULL,
  period_from   TEXT NOT NULL,
  period_to     TEXT NOT NULL,
  snapshot      TEXT NOT NULL,                     -- JSON, as it stood at the meeting
  commendations TEXT,
  criticisms    TEXT,
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX meeting_bureau ON meeting(bureau_id, held_on);

CREATE TABLE meeting_answer (
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id),
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  chief_name  TEXT NOT NULL,
  answer      TEXT NOT NULL,
  PRIMARY KEY (meeting_id, station_id)
);

CREATE TABLE meeting_decision (
  id           INTEGER PRIMARY KEY,
  meeting_id   INTEGER NOT NULL REFERENCES meeting(id),
  text         TEXT NOT NULL,
  follow_up    TEXT,                               -- recorded at a later meeting
  followed_in  INTEGER REFERENCES meeting(id)
);
CREATE INDEX meeting_decision_meeting ON meeting_decision(meeting_id);
