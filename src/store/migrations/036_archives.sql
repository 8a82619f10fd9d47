-- 036_archives: 执法档案 — the archive room. A closed case is filed (每案一结)
-- as one archive_file with its place in the room; borrowing goes request ->
-- chief's approval -> lend (with a due date) -> return; opening a file for
-- review in the room records the two people present.

CREATE TABLE archive_file (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL UNIQUE REFERENCES police_case(id),
  unit_id     INTEGER NOT NULL REFERENCES org_unit(id),
  file_no     TEXT NOT NULL UNIQUE,           -- 城关派出所档〔2026〕00001号
  room        TEXT NOT NULL,
  cabinet     TEXT NOT NULL,
  shelf       TEXT NOT NULL,
  box         TEXT NOT NULL,
  pages       INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL CHECK (status IN ('in','lent')),
  filed_by    INTEGER NOT NULL REFERENCES users(id),
  filed_at    INTEGER NOT NULL
);
CREATE INDEX archive_file_unit ON archive_file(unit_id, status);

CREATE TABLE archive_loan (
  id            INTEGER PRIMARY KEY,
  file_id       INTEGER NOT NULL REFERENCES archive_file(id),
  unit_id       INTEGER NOT NULL REFERENCES org_unit(id),
  requested_by  INTEGER NOT NULL REFERENCES users(id),
  reason        TEXT NOT NULL,
  days          INTEGER NOT NULL,
  requested_at  INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('requested','approved','rejected','lent','returned')),
  decided_by    INTEGER REFERENCES users(id),
  decided_at    INTEGER,
  opinion       TEXT,
  lent_by       INTEGER REFERENCES users(id),
  lent_at       INTEGER,
  due_at        INTEGER,
  returned_at   INTEGER,
  received_by   INTEGER REFERENCES users(id),
  return_note   TEXT
);
CREATE INDEX archive_loan_file ON archive_loan(file_id, status);
CREATE INDEX archive_loan_unit ON archive_loan(unit_id, status);

CREATE TABLE archive_review (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES archive_file(id),
  reason      TEXT NOT NULL,
  present_1   INTEGER NOT NULL REFERENCES users(id),
  present_2   INTEGER NOT NULL REFERENCES users(id),
  opened_by   INTEGER NOT NULL REFERENCES users(id),
  opened_at   INTEGER NOT NULL,
  CHECK (present_1 <> present_2)
);
CREATE INDEX archive_review_file ON archive_review(file_id);
