-- 003_clocks: coercive measures with their clocks, case-limit extensions and
-- pauses, recorded breaches (执法监督), and the case-handling area (办案区).

CREATE TABLE measure (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES police_case(id),
  party_id    INTEGER NOT NULL REFERENCES case_party(id),
  kind        TEXT NOT NULL,               -- rules/measures.c kinds
  tier        TEXT NOT NULL,
  days        INTEGER,                     -- 行政拘留 days (from the decision)
  reason      TEXT,                        -- reason code / text for a tier that needs one
  special_person INTEGER NOT NULL DEFAULT 0, -- CQ-SPECIAL
  started_at  INTEGER NOT NULL,            -- 到案 / 带至公安机关 / decision execution
  ended_at    INTEGER,
  end_reason  TEXT,
  status      TEXT NOT NULL CHECK (status IN ('active','ended')),
  approved_by INTEGER REFERENCES users(id),
  kss_at      INTEGER,                     -- milestones (measures.c)
  family_at   INTEGER,
  question_at INTEGER,
  family_exception TEXT,
  previous_id INTEGER REFERENCES measure(id), -- the measure this one follows (transfer, next measure)
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX measure_active ON measure(status, case_id);

CREATE TABLE measure_extension (
  id          INTEGER PRIMARY KEY,
  measure_id  INTEGER NOT NULL REFERENCES measure(id),
  from_tier   TEXT NOT NULL,
  to_tier     TEXT NOT NULL,
  reason      TEXT NOT NULL,
  approved_by INTEGER NOT NULL REFERENCES users(id),
  approved_at INTEGER NOT NULL
);

-- ADM-CASE-30D: approved extensions (+30 days, by the county bureau) and
-- pauses for 鉴定 / 听证
CREATE TABLE case_extension (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES police_case(id),
  days        INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  approved_by INTEGER NOT NULL REFERENCES users(id),
  approved_at INTEGER NOT NULL
);

CREATE TABLE case_pause (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES police_case(id),
  kind        TEXT NOT NULL CHECK (kind IN ('appraisal','hearing')),
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER,
  created_by  INTEGER NOT NULL REFERENCES users(id)
);

-- a clock that ran out: recorded once, never deleted, only answered
CREATE TABLE breach (
  id          INTEGER PRIMARY KEY,
  clock_key   TEXT NOT NULL UNIQUE,        -- e.g. 'measure:12:main', 'case:5:limit'
  unit_id     INTEGER NOT NULL REFERENCES org_unit(id),
  case_id     INTEGER REFERENCES police_case(id),
  measure_id  INTEGER REFERENCES measure(id),
  rule        TEXT NOT NULL,
  label       TEXT NOT NULL,
  deadline    INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  answer_kind TEXT CHECK (answer_kind IN ('release','next_measure','extension','explanation')),
  answer_text TEXT,
  answered_by INTEGER REFERENCES users(id),
  answered_at INTEGER
);
CREATE INDEX breach_unit ON breach(unit_id, answered_at);

-- 办案区: every person brought in
CREATE TABLE custody_entry (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES org_unit(id),
  case_id      INTEGER NOT NULL REFERENCES police_case(id),
  party_id     INTEGER NOT NULL REFERENCES case_party(id),
  measure_id   INTEGER REFERENCES measure(id),
  reason       TEXT NOT NULL,
  officer_id   INTEGER NOT NULL REFERENCES users(id),
  arrived_at   INTEGER NOT NULL,             -- 到案
  safety_check_at INTEGER,                   -- PROC-SEC-CHECK
  safety_check_by INTEGER REFERENCES users(id),
  safety_notes TEXT,
  locker_no    TEXT,
  room_kind    TEXT CHECK (room_kind IN ('holding_room','inquiry_room','interrogation_room')),
  room_no      TEXT,
  out_at       INTEGER,                      -- temporarily out (医院、辨认 …)
  exited_at    INTEGER,
  exit_reason  TEXT,
  belongings_returned INTEGER NOT NULL DEFAULT 0,
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX custody_inside ON custody_entry(unit_id, exited_at);

CREATE TABLE custody_item (
  id          INTEGER PRIMARY KEY,
  entry_id    INTEGER NOT NULL REFERENCES custody_entry(id),
  name        TEXT NOT NULL,
  quantity    TEXT NOT NULL,
  returned_at INTEGER
);

CREATE TABLE custody_log (
  id          INTEGER PRIMARY KEY,
  entry_id    INTEGER NOT NULL REFERENCES custody_entry(id),
  kind        TEXT NOT NULL CHECK (kind IN ('meal','rest','room','out','back','note')),
  at          INTEGER NOT NULL,
  note        TEXT,
  user_id     INTEGER NOT NULL REFERENCES users(id)
);
