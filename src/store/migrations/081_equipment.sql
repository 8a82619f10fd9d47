-- 081_equipment: 装备管理责任到人 (issue 18, part 2) — recorders (执法记录仪,
-- 摄录机), vehicles, radios and other kit of a station, issued to and
-- returned by named officers with times; and the warnings of the recorder
-- check (TEAM-EQUIP-RECORDER): a recording id given where a rule requires a
-- recording that does not come from a recorder held by an officer present.

CREATE TABLE equipment (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  kind        TEXT NOT NULL,                 -- enum equipment_kind
  code        TEXT NOT NULL,                 -- 编号; a recorder's code begins its recording ids
  model       TEXT,
  active      INTEGER NOT NULL DEFAULT 1,    -- 0: written off
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX equipment_code ON equipment(station_id, code);

CREATE TABLE equipment_issue (
  id           INTEGER PRIMARY KEY,
  equipment_id INTEGER NOT NULL REFERENCES equipment(id),
  officer_id   INTEGER NOT NULL REFERENCES users(id),
  issued_at    INTEGER NOT NULL,
  issued_by    INTEGER NOT NULL REFERENCES users(id),
  purpose      TEXT,
  returned_at  INTEGER,                      -- NULL while held
  returned_by  INTEGER REFERENCES users(id),
  return_note  TEXT
);
CREATE INDEX equipment_issue_equipment ON equipment_issue(equipment_id, issued_at);
CREATE INDEX equipment_issue_officer ON equipment_issue(officer_id, issued_at);

CREATE TABLE recording_warning (
  id           INTEGER PRIMARY KEY,
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  object_type  TEXT NOT NULL,                -- interview / case
  object_id    INTEGER NOT NULL,
  case_id      INTEGER REFERENCES police_case(id),
  recording_id TEXT NOT NULL,
  recorded_at  INTEGER NOT NULL,             -- when the recording was made (the act's time)
  reason       TEXT NOT NULL,                -- enum recording_warning_reason
  equipment_id INTEGER REFERENCES equipment(id),
  holder_id    INTEGER REFERENCES users(id), -- who held that recorder then, if anyone
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX recording_warning_station ON recording_warning(station_id, created_at);
