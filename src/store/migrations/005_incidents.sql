-- 005_incidents: 110 接处警 — incidents and their timeline, categories,
-- dispatch, callbacks, 督办 tasks.

CREATE TABLE incident_category (
  code        TEXT PRIMARY KEY,            -- '0201'
  name        TEXT NOT NULL,               -- '盗窃'
  parent_code TEXT,                        -- '02' (治安)
  initials    TEXT NOT NULL,               -- pinyin initials for the desk search: 'dq'
  violation   INTEGER NOT NULL DEFAULT 0,  -- a violation or crime happened: a case should follow
  preventable INTEGER NOT NULL DEFAULT 0   -- 可防性案件 (burglary, theft, fraud …)
);

CREATE TABLE incident (
  id           INTEGER PRIMARY KEY,
  incident_no  TEXT NOT NULL UNIQUE,       -- 'JQ20261129000012'
  received_at  INTEGER NOT NULL,           -- time of the call
  source       TEXT NOT NULL CHECK (source IN ('110','phone','walk_in','patrol','other')),
  caller_name  TEXT,
  caller_phone TEXT,
  confidential INTEGER NOT NULL DEFAULT 0,
  place        TEXT NOT NULL,
  place_key    TEXT NOT NULL,              -- normalised place for duplicate detection
  community    TEXT,
  lat          REAL,
  lng          REAL,
  category     TEXT NOT NULL REFERENCES incident_category(code),
  priority     INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  summary      TEXT NOT NULL,
  station_id   INTEGER REFERENCES org_unit(id),
  status       TEXT NOT NULL CHECK (status IN ('received','dispatched','acknowledged','arrived','handled','closed')),
  duplicate_of INTEGER REFERENCES incident(id),
  outcome      TEXT CHECK (outcome IN ('admin_case','criminal_case','mediated','assistance','invalid','transferred','other')),
  outcome_text TEXT,
  case_id      INTEGER REFERENCES police_case(id),
  callback_at  INTEGER,
  dispatched_at INTEGER,
  acknowledged_at INTEGER,
  arrived_at   INTEGER,
  handled_at   INTEGER,
  closed_at    INTEGER,
  unit_id      INTEGER NOT NULL REFERENCES org_unit(id),   -- where it was taken (110 center or station)
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX incident_station ON incident(station_id, received_at);
CREATE INDEX incident_place ON incident(place_key, received_at);
CREATE INDEX incident_received ON incident(received_at);

CREATE TABLE incident_officer (
  incident_id INTEGER NOT NULL REFERENCES incident(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (incident_id, user_id)
);

CREATE TABLE incident_event (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident(id),
  at          INTEGER NOT NULL,
  action      TEXT NOT NULL,
  user_id     INTEGER REFERENCES users(id),
  detail      TEXT
);
CREATE INDEX incident_event_incident ON incident_event(incident_id, id);

-- 督办: a supervised task with a deadline on an incident or a case
CREATE TABLE oversight_task (
  id           INTEGER PRIMARY KEY,
  object_type  TEXT NOT NULL CHECK (object_type IN ('incident','case')),
  object_id    INTEGER NOT NULL,
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  instructions TEXT NOT NULL,
  deadline     INTEGER NOT NULL,
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  signed_by    INTEGER REFERENCES users(id),
  signed_at    INTEGER,
  answer       TEXT,
  answered_by  INTEGER REFERENCES users(id),
  answered_at  INTEGER
);
CREATE INDEX oversight_station ON oversight_task(station_id, answered_at);

CREATE TABLE incident_counter (
  day      TEXT PRIMARY KEY,
  next_seq INTEGER NOT NULL
);
