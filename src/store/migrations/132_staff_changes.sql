-- 132_staff_changes: TEAM-TRAIN-GATE (issue 18): an officer's training
-- records (the course, the training body, the days, passed or not) and
-- his staff changes (任职, 职务晋升, 授予或晋升警衔: the day, the new post or
-- rank, the approving body and its document), each change tied to the
-- passed training record that allowed it.
CREATE TABLE staff_training (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users(id),
  unit_id        INTEGER NOT NULL REFERENCES org_unit(id),
  course         TEXT NOT NULL,              -- enum training_course
  body           TEXT NOT NULL,              -- the police training body
  from_on        TEXT NOT NULL,
  to_on          TEXT NOT NULL,
  passed         INTEGER NOT NULL CHECK (passed IN (0,1)),
  certificate_no TEXT,
  recorded_by    INTEGER NOT NULL REFERENCES users(id),
  recorded_at    INTEGER NOT NULL
);
CREATE INDEX staff_training_user ON staff_training(user_id, course);

CREATE TABLE staff_change (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users(id),
  unit_id        INTEGER NOT NULL REFERENCES org_unit(id),
  kind           TEXT NOT NULL,              -- enum staff_change_kind
  effective_on   TEXT NOT NULL,
  title          TEXT NOT NULL,              -- the post or rank taken
  approving_body TEXT NOT NULL,
  document_no    TEXT NOT NULL,
  training_id    INTEGER NOT NULL REFERENCES staff_training(id),
  recorded_by    INTEGER NOT NULL REFERENCES users(id),
  recorded_at    INTEGER NOT NULL
);
CREATE INDEX staff_change_user ON staff_change(user_id, effective_on);
