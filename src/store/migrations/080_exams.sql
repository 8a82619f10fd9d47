-- 080_exams: 三考题库 (issue 18, part 2) — the question bank (written by the
-- legal staff, or generated from the rule catalog and regenerated when the
-- catalog changes), exam papers set by the legal staff, and sittings: one
-- officer's attempt at a practice, formal or 执法资格 exam, with the time
-- limit the server enforces and the score computed on submission.

CREATE TABLE exam_question (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,                 -- enum exam_question_kind: single / multiple / judge
  stem        TEXT NOT NULL,
  options     TEXT NOT NULL,                 -- JSON array of the option texts ([] for judge)
  answer      TEXT NOT NULL,                 -- option letters ("B", "ACD"); "T" / "F" for judge
  explanation TEXT,
  rule_code   TEXT,                          -- generated: the catalog row it asks about
  gen_key     TEXT,                          -- generated: rule code + template (unique)
  active      INTEGER NOT NULL DEFAULT 1,    -- 0: withdrawn (rule gone or question retired)
  unit_id     INTEGER REFERENCES org_unit(id),  -- the author's unit; NULL for generated questions
  created_by  INTEGER REFERENCES users(id),  -- NULL for generated questions
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX exam_question_gen ON exam_question(gen_key);
CREATE INDEX exam_question_rule ON exam_question(rule_code);

CREATE TABLE exam_paper (
  id             INTEGER PRIMARY KEY,
  unit_id        INTEGER NOT NULL REFERENCES org_unit(id),
  title          TEXT NOT NULL,
  kind           TEXT NOT NULL,              -- enum exam_kind: formal / qualification
  level          TEXT,                       -- enum exam_level, qualification exams only
  time_limit_min INTEGER NOT NULL,
  pass_score     INTEGER NOT NULL,
  questions      TEXT NOT NULL,              -- question ids, comma separated, in order
  created_by     INTEGER NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL
);
CREATE INDEX exam_paper_unit ON exam_paper(unit_id, created_at);

CREATE TABLE exam_sitting (
  id           INTEGER PRIMARY KEY,
  paper_id     INTEGER REFERENCES exam_paper(id),  -- NULL: a practice drawn from the bank
  kind         TEXT NOT NULL,                -- enum exam_kind
  level        TEXT,                         -- qualification exams: the level sat
  user_id      INTEGER NOT NULL REFERENCES users(id),
  unit_id      INTEGER NOT NULL REFERENCES org_unit(id),
  questions    TEXT NOT NULL,                -- question ids, comma separated
  answer_keys  TEXT NOT NULL,                -- the keys when the sitting started, same order
  started_at   INTEGER NOT NULL,
  deadline_at  INTEGER NOT NULL,             -- answers after it are refused
  submitted_at INTEGER,
  answers      TEXT,                         -- JSON array of the answers given, same order
  correct      INTEGER,
  total        INTEGER NOT NULL,
  score        INTEGER,                      -- 0..100
  pass_score   INTEGER NOT NULL,
  passed       INTEGER                       -- 0/1 once submitted
);
CREATE INDEX exam_sitting_user ON exam_sitting(user_id, started_at);
CREATE INDEX exam_sitting_unit ON exam_sitting(unit_id, started_at);
