-- 066_leader_tasks: 领导交办, 逐级上报 and 阅示 (issue 17).
-- A leader (bureau or station) assigns a task to a station, one of its
-- officers or a team: content, deadline, the leader's name; the station signs
-- it (签收), notes progress and closes it with a result (办结). A task comes
-- from a leader directly, from a 阅示 on the day's report, or from a 调度会.
CREATE TABLE leader_task (
  id            INTEGER PRIMARY KEY,
  station_id    INTEGER NOT NULL REFERENCES org_unit(id),
  assignee_id   INTEGER REFERENCES users(id),          -- an officer, or NULL (the station)
  team          TEXT,                                  -- a team by name, or NULL
  source        TEXT NOT NULL CHECK (source IN ('leader','instruction','meeting')),
  source_id     INTEGER,                               -- daily_instruction.id / meeting id
  content       TEXT NOT NULL,
  leader_name   TEXT NOT NULL,
  deadline      INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('assigned','signed','done')),
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL,
  signed_by     INTEGER REFERENCES users(id),
  signed_at     INTEGER,
  result        TEXT,
  done_by       INTEGER REFERENCES users(id),
  done_at       INTEGER
);
CREATE INDEX leader_task_station ON leader_task(station_id, status);
CREATE INDEX leader_task_deadline ON leader_task(status, deadline);

CREATE TABLE leader_task_note (
  id        INTEGER PRIMARY KEY,
  task_id   INTEGER NOT NULL REFERENCES leader_task(id),
  note      TEXT NOT NULL,
  user_id   INTEGER NOT NULL REFERENCES users(id),
  at        INTEGER NOT NULL
);
CREATE INDEX leader_task_note_task ON leader_task_note(task_id, id);

-- 逐级上报: a station submits the day's report (its figures as they stood)
CREATE TABLE daily_submission (
  day           TEXT NOT NULL,
  station_id    INTEGER NOT NULL REFERENCES org_unit(id),
  figures       TEXT NOT NULL,                         -- JSON: the station's row of the day
  note          TEXT,
  submitted_by  INTEGER NOT NULL REFERENCES users(id),
  submitted_at  INTEGER NOT NULL,
  PRIMARY KEY (day, station_id)
);

-- 阅示: a leader's instruction on the bureau's summed report of a day
CREATE TABLE daily_instruction (
  id            INTEGER PRIMARY KEY,
  day           TEXT NOT NULL,
  bureau_id     INTEGER NOT NULL REFERENCES org_unit(id),
  leader_name   TEXT NOT NULL,
  text          TEXT NOT NULL,
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX daily_instruction_day ON daily_instruction(bureau_id, day);
