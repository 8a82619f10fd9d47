-- 030_supervision: 执法监督与警务公开 (issue 15 part A) — 执法监督卡 hand-overs,
-- 案件回访, 信访/投诉 with their officers' findings, 复议/诉讼/国家赔偿,
-- 执法过错 findings, and the 干预执法 register. Instants are UTC epoch
-- seconds; act dates are local civil dates 'YYYY-MM-DD'. Nothing here is
-- deleted: a record is answered or decided, never removed.

-- 执法监督卡: one row per hand-over of the card to a party of a case
CREATE TABLE supervision_card (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES police_case(id),
  party_id   INTEGER NOT NULL REFERENCES case_party(id),
  method     TEXT NOT NULL CHECK (method IN ('in_person','post','with_document','other')),
  handed_by  INTEGER NOT NULL REFERENCES users(id),
  handed_at  INTEGER NOT NULL
);
CREATE INDEX supervision_card_case ON supervision_card(case_id);

-- 案件回访: the answer of one party of a closed case (the task itself is
-- derived: every party the setting names of every closed case without a row)
CREATE TABLE return_visit (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES police_case(id),
  party_id     INTEGER NOT NULL REFERENCES case_party(id),
  reached      INTEGER NOT NULL CHECK (reached IN (0,1)),
  method       TEXT NOT NULL CHECK (method IN ('phone','visit','sms','letter','other')),
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),   -- NULL when not reached
  comments     TEXT,
  visited_by   INTEGER NOT NULL REFERENCES users(id),
  visited_at   INTEGER NOT NULL,
  review_needed INTEGER NOT NULL DEFAULT 0,    -- dissatisfied: a review task for the chief
  review_note  TEXT,
  reviewed_by  INTEGER REFERENCES users(id),
  reviewed_at  INTEGER,
  UNIQUE (case_id, party_id)
);

-- 信访 / 投诉
CREATE TABLE complaint (
  id            INTEGER PRIMARY KEY,
  tracking_code TEXT NOT NULL UNIQUE,          -- the complainant's code for the public query
  station_id    INTEGER NOT NULL REFERENCES org_unit(id),
  channel       TEXT NOT NULL CHECK (channel IN ('online','phone','letter','visit')),
  kind          TEXT NOT NULL CHECK (kind IN ('complaint','petition','denunciation')),
  track         TEXT NOT NULL DEFAULT 'residual' CHECK (track IN ('residual','legal_procedure')),
  content       TEXT NOT NULL,
  contact_name  TEXT,
  contact_phone TEXT,
  receipt_code  TEXT,                          -- as the complainant wrote it
  case_id       INTEGER REFERENCES police_case(id),
  incident_id   INTEGER REFERENCES incident(id),
  status        TEXT NOT NULL CHECK (status IN ('received','accepted','not_accepted','finished','reviewing','rechecking','closed')),
  received_at   INTEGER NOT NULL,
  received_by   INTEGER REFERENCES users(id),  -- NULL for the public form
  accepted_at   INTEGER,                       -- the written notice (accept or not)
  extended_at   INTEGER,
  extend_reason TEXT,
  finished_at   INTEGER,                       -- 信访处理意见书 served
  finding       TEXT CHECK (finding IN ('founded','partly','unfounded')),
  opinion       TEXT,                          -- the 处理意见
  review_requested_at INTEGER,                 -- 复查
  review_answered_at  INTEGER,
  recheck_requested_at INTEGER,                -- 复核
  recheck_answered_at  INTEGER,
  created_at    INTEGER NOT NULL
);
CREATE INDEX complaint_station ON complaint(station_id, status);

-- the people a complaint's finding names (from its responsibility trace)
CREATE TABLE complaint_officer (
  complaint_id INTEGER NOT NULL REFERENCES complaint(id),
  user_id      INTEGER NOT NULL REFERENCES users(id),
  finding      TEXT NOT NULL CHECK (finding IN ('founded','partly','unfounded')),
  PRIMARY KEY (complaint_id, user_id)
);

-- 复议 / 行政诉讼 / 国家赔偿 against a decision of a case
CREATE TABLE appeal (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES police_case(id),
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  kind         TEXT NOT NULL CHECK (kind IN ('reconsideration','litigation','state_compensation')),
  applicant    TEXT NOT NULL,
  known_on     TEXT NOT NULL,                  -- the day the applicant knew of the decision
  applied_on   TEXT NOT NULL,
  received_on  TEXT NOT NULL,                  -- copy of the application / complaint received
  answered_on  TEXT,                           -- the written answer / evidence filed
  organ        TEXT NOT NULL,                  -- 复议机关 / court / 赔偿义务机关
  outcome      TEXT CHECK (outcome IN ('upheld','changed','revoked','unlawful','compensated','withdrawn')),
  amount       INTEGER,                        -- 赔偿 in yuan
  outcome_on   TEXT,
  outcome_note TEXT,
  recorded_by  INTEGER NOT NULL REFERENCES users(id),
  recorded_at  INTEGER NOT NULL
);
CREATE INDEX appeal_station ON appeal(station_id);

-- 执法过错责任追究: a finding (or an open review) against named officers
CREATE TABLE fault_finding (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  case_id     INTEGER REFERENCES police_case(id),
  source      TEXT NOT NULL CHECK (source IN ('complaint','appeal','breach','case_review','other')),
  source_id   INTEGER,
  record_type TEXT CHECK (record_type IN ('fault','defect')),  -- SUP-GC-DEF
  kind        TEXT CHECK (kind IN ('fact','law','procedure','decision','other')),
  sanction    TEXT,                            -- a value of the setting fault.sanctions
  reason      TEXT,
  status      TEXT NOT NULL CHECK (status IN ('open','decided')),
  opened_by   INTEGER REFERENCES users(id),
  opened_at   INTEGER NOT NULL,
  decided_by  INTEGER REFERENCES users(id),
  decided_at  INTEGER
);
CREATE INDEX fault_finding_station ON fault_finding(station_id, status);

CREATE TABLE fault_officer (
  finding_id INTEGER NOT NULL REFERENCES fault_finding(id),
  user_id    INTEGER NOT NULL REFERENCES users(id),
  part       TEXT NOT NULL CHECK (part IN ('handler','reviewer','approver','custody','other')),
  PRIMARY KEY (finding_id, user_id)
);
CREATE INDEX fault_officer_user ON fault_officer(user_id);

-- 干预执法 register: append-only (030_supervision.sqlite.sql refuses
-- UPDATE and DELETE)
CREATE TABLE interference (
  id           INTEGER PRIMARY KEY,
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  case_id      INTEGER REFERENCES police_case(id),
  occurred_at  INTEGER NOT NULL,
  who          TEXT NOT NULL,                  -- name and position of the person
  internal     INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0,1)),  -- SUP-INTERFERE-INSIDE
  leader       INTEGER NOT NULL DEFAULT 0 CHECK (leader IN (0,1)),    -- 领导干部
  how          TEXT NOT NULL CHECK (how IN ('phone','visit','letter','message','through_others','other')),
  asked        TEXT NOT NULL,                  -- what was asked
  recorded_by  INTEGER NOT NULL REFERENCES users(id),
  recorded_at  INTEGER NOT NULL
);
CREATE INDEX interference_station ON interference(station_id);
