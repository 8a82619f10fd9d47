-- 002_cases: 执法办案 — persons, cases, officers, parties, interviews,
-- notices, penalty proposals, approvals, case property, documents.
-- Instants are UTC epoch seconds; act dates are local civil dates 'YYYY-MM-DD'.

-- 实有人口 as far as cases need them; the ID number is validated (GB 11643)
CREATE TABLE person (
  id          INTEGER PRIMARY KEY,
  id_number   TEXT UNIQUE,                 -- normalised 18 chars; NULL when unknown (身份不明)
  name        TEXT NOT NULL,
  sex         TEXT CHECK (sex IN ('M','F')),
  birth_date  TEXT,                        -- from the ID number, or entered
  phone       TEXT,
  address     TEXT,
  occupation  TEXT,
  public_official INTEGER NOT NULL DEFAULT 0,  -- SUP-CIVIL-SERVANT
  unit_id     INTEGER NOT NULL REFERENCES org_unit(id),
  created_by  INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL
);

CREATE TABLE police_case (
  id            INTEGER PRIMARY KEY,
  unit_id       INTEGER NOT NULL REFERENCES org_unit(id),   -- the station that handles it
  kind          TEXT NOT NULL CHECK (kind IN ('admin','criminal')),
  procedure     TEXT NOT NULL DEFAULT 'normal' CHECK (procedure IN ('normal','onspot')),
  case_year     INTEGER NOT NULL,
  case_seq      INTEGER NOT NULL,
  case_no       TEXT NOT NULL UNIQUE,       -- 城关派出所 行 2026 0001
  receipt_code  TEXT NOT NULL UNIQUE,       -- for the public progress query
  status        TEXT NOT NULL,
  title         TEXT NOT NULL,               -- 案由 as written
  offence_code  TEXT,                        -- OF-nnn
  summary       TEXT,                        -- 简要案情
  source        TEXT NOT NULL CHECK (source IN ('walk_in','phone','incident','patrol','transfer_in','other')),
  incident_id   INTEGER,
  act_date      TEXT NOT NULL,               -- 违法行为发生日 (or its end for a continuing act)
  act_place     TEXT,
  discovered_date TEXT NOT NULL,             -- 发现日 (ADM-LIMIT-6M)
  reported_at   INTEGER NOT NULL,
  accepted_at   INTEGER NOT NULL,
  filed_at      INTEGER,
  decided_at    INTEGER,
  closed_at     INTEGER,
  archived_at   INTEGER,
  complex       INTEGER NOT NULL DEFAULT 0,  -- 疑难复杂 (ADM-LEGAL-REVIEW, ADM-COLLECTIVE)
  decline_reason TEXT,
  transfer_to   TEXT,
  close_reason  TEXT,
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  UNIQUE (unit_id, kind, case_year, case_seq)
);
CREATE INDEX police_case_unit ON police_case(unit_id, status);

-- per (station, year, kind): the next case number; never reused
CREATE TABLE case_counter (
  unit_id   INTEGER NOT NULL REFERENCES org_unit(id),
  kind      TEXT NOT NULL,
  case_year INTEGER NOT NULL,
  next_seq  INTEGER NOT NULL,
  PRIMARY KEY (unit_id, kind, case_year)
);

CREATE TABLE case_officer (
  id       INTEGER PRIMARY KEY,
  case_id  INTEGER NOT NULL REFERENCES police_case(id),
  user_id  INTEGER NOT NULL REFERENCES users(id),
  duty     TEXT NOT NULL CHECK (duty IN ('main','co','assist')),  -- assist = auxiliary, never counts
  added_at INTEGER NOT NULL,
  UNIQUE (case_id, user_id)
);

CREATE TABLE case_party (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES police_case(id),
  person_id    INTEGER NOT NULL REFERENCES person(id),
  role         TEXT NOT NULL CHECK (role IN ('suspect','victim','witness','reporter')),
  confidential INTEGER NOT NULL DEFAULT 0,   -- PROC-ACCEPT-ANON
  age_at_act   INTEGER,                      -- 周岁 on the act date (MINOR-AGE-CHECK)
  first_offence INTEGER NOT NULL DEFAULT 1,
  pregnant_or_nursing INTEGER NOT NULL DEFAULT 0,
  guardian_name TEXT,
  guardian_phone TEXT,
  added_at     INTEGER NOT NULL,
  UNIQUE (case_id, person_id, role)
);

-- case timeline: every step, who, when
CREATE TABLE case_event (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES police_case(id),
  at         INTEGER NOT NULL,
  user_id    INTEGER REFERENCES users(id),
  action     TEXT NOT NULL,
  from_status TEXT,
  to_status  TEXT,
  detail     TEXT
);
CREATE INDEX case_event_case ON case_event(case_id, id);

-- 电子笔录; immutable once signed (content_hash); a correction is a new version
CREATE TABLE interview (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES police_case(id),
  party_id       INTEGER NOT NULL REFERENCES case_party(id),
  kind           TEXT NOT NULL CHECK (kind IN ('inquiry','interrogation')),
  version        INTEGER NOT NULL DEFAULT 1,
  supersedes_id  INTEGER REFERENCES interview(id),
  status         TEXT NOT NULL CHECK (status IN ('draft','signed','superseded')),
  start_at       INTEGER NOT NULL,
  end_at         INTEGER,
  place_kind     TEXT NOT NULL CHECK (place_kind IN ('station_room','certified_room','scene','home','hospital','remote','other')),
  place          TEXT NOT NULL,
  recording_id   TEXT,
  oral_summons   INTEGER NOT NULL DEFAULT 0,
  summoned       INTEGER NOT NULL DEFAULT 0,   -- the subject was summoned (传唤)
  interpreter    TEXT,
  sign_language  TEXT,
  needs_interpreter INTEGER NOT NULL DEFAULT 0,
  needs_sign_language INTEGER NOT NULL DEFAULT 0,
  guardian_name  TEXT,
  guardian_relation TEXT,                      -- 父亲/母亲/监护人/合适成年人…
  guardian_absent_reason TEXT,
  female_staff   TEXT,                          -- a female staff member present (female minor, MINOR-CRIM-INTERROG)
  family_notified_at INTEGER,
  family_notice_exception TEXT,                 -- identity unknown / refused / force majeure
  qa             TEXT NOT NULL DEFAULT '[]',    -- JSON [{"q":…,"a":…}]
  read_back      INTEGER NOT NULL DEFAULT 0,
  subject_signed_at INTEGER,
  subject_refusal TEXT,
  officer_signed_at INTEGER,
  content_hash   TEXT,
  created_by     INTEGER NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL
);
CREATE INDEX interview_case ON interview(case_id);

CREATE TABLE interview_officer (
  interview_id INTEGER NOT NULL REFERENCES interview(id),
  user_id      INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (interview_id, user_id)
);

-- 告知: rights (陈述申辩), hearing, guardian — before any decision
CREATE TABLE case_notice (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES police_case(id),
  party_id  INTEGER NOT NULL REFERENCES case_party(id),
  kind      TEXT NOT NULL CHECK (kind IN ('rights','hearing','guardian')),
  at        INTEGER NOT NULL,
  penalty_text TEXT NOT NULL,                 -- the proposed penalty as told
  statement TEXT,                             -- 陈述申辩 of the party
  waived    INTEGER NOT NULL DEFAULT 0,       -- the party gave up 陈述申辩 / hearing
  officer_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);

-- 处理意见 per suspect, then 审批 steps, then the 决定
CREATE TABLE penalty_proposal (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES police_case(id),
  party_id    INTEGER NOT NULL REFERENCES case_party(id),
  offence_code TEXT NOT NULL,
  tier        TEXT NOT NULL,
  law         TEXT NOT NULL,                  -- ZA2012 / ZA2025 chosen by VER-1
  warning     INTEGER NOT NULL DEFAULT 0,
  fine        INTEGER NOT NULL DEFAULT 0,
  det_days    INTEGER NOT NULL DEFAULT 0,
  credit_days INTEGER NOT NULL DEFAULT 0,     -- ADM-DET-CREDIT
  lenient     INTEGER NOT NULL DEFAULT 0,     -- 以罚代拘 / 畸轻: counted on the supervision board
  lenient_reason TEXT,
  repeat_offence INTEGER NOT NULL DEFAULT 0,  -- ADM-AGGRAV-REPEAT (shown)
  exec_exempt TEXT,                           -- ADM-DET-EXEMPT category, NULL = executed
  exempt_override_reason TEXT,
  no_penalty  INTEGER NOT NULL DEFAULT 0,     -- 不予处罚
  level       TEXT NOT NULL CHECK (level IN ('station','bureau')),  -- ADM-STATION-POWER
  status      TEXT NOT NULL CHECK (status IN ('draft','submitted','approved','rejected','withdrawn')),
  decision_no TEXT,
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX penalty_proposal_case ON penalty_proposal(case_id);

CREATE TABLE approval (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES police_case(id),
  subject    TEXT NOT NULL,                   -- 'decision', 'file', 'summons' …
  step       INTEGER NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('legal','chief')),
  unit_id    INTEGER NOT NULL REFERENCES org_unit(id),  -- where the approver sits
  status     TEXT NOT NULL CHECK (status IN ('waiting','pending','approved','rejected','cancelled')),
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER,
  opinion    TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX approval_inbox ON approval(status, role, unit_id);

-- 涉案财物 with its custody chain
CREATE TABLE case_property (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES police_case(id),
  name        TEXT NOT NULL,
  quantity    TEXT NOT NULL,
  owner_party_id INTEGER REFERENCES case_party(id),
  seized_at   INTEGER NOT NULL,
  seizure_approved_by INTEGER REFERENCES users(id),
  kept_at     INTEGER,                        -- handed to the property keeper (PROC-PROPERTY-24H)
  keeper      TEXT,
  status      TEXT NOT NULL CHECK (status IN ('seized','kept','returned','confiscated')),
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);

-- numbered documents (文书), a snapshot of what was printed
CREATE TABLE case_document (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES police_case(id),
  kind       TEXT NOT NULL,
  doc_no     TEXT NOT NULL UNIQUE,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);

CREATE TABLE doc_counter (
  unit_id   INTEGER NOT NULL REFERENCES org_unit(id),
  kind      TEXT NOT NULL,
  doc_year  INTEGER NOT NULL,
  next_seq  INTEGER NOT NULL,
  PRIMARY KEY (unit_id, kind, doc_year)
);
