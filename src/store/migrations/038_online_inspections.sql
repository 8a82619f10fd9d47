-- 038_online_inspections: 网上巡查 — the 督察 or 法制 samples a station's
-- decided cases, lists findings to rectify by a deadline, and the station's
-- chief answers each.

CREATE TABLE online_inspection (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES org_unit(id),   -- the station inspected
  title        TEXT NOT NULL,
  deadline     INTEGER NOT NULL,                            -- answers due (end of a local day)
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX online_inspection_unit ON online_inspection(unit_id);

CREATE TABLE inspection_case (
  inspection_id INTEGER NOT NULL REFERENCES online_inspection(id),
  case_id       INTEGER NOT NULL REFERENCES police_case(id),
  PRIMARY KEY (inspection_id, case_id)
);

CREATE TABLE inspection_finding (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES online_inspection(id),
  case_id       INTEGER NOT NULL REFERENCES police_case(id),
  finding       TEXT NOT NULL,
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL,
  answer        TEXT,
  answered_by   INTEGER REFERENCES users(id),
  answered_at   INTEGER
);
CREATE INDEX inspection_finding_open ON inspection_finding(inspection_id, answered_at);
