-- 143_residence_permits: 居住证 (issue 16, COM-RESCARD; 居住证暂行条例 2016 = JZZ).
-- A floating person registered here (居住登记) for at least half a year with
-- a stable job, home or study applies at the 派出所 (JZZ Art 2, 9); the
-- station accepts the application (or lists the missing documents in one
-- notice), issues the card within residence_permit.issue_days of the
-- acceptance (JZZ Art 9: 15 days, at most 30), and signs it off (签注)
-- every year within the month before each full year (JZZ Art 10). The
-- dates of the endorsement window are kept on the row so that the list's
-- filters (due / overdue) are plain comparisons of 'YYYY-MM-DD' texts.
CREATE TABLE residence_permit (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES person(id),
  station_id       INTEGER NOT NULL REFERENCES org_unit(id),
  status           TEXT NOT NULL,               -- enum residence_permit_status
  basis            TEXT NOT NULL,               -- enum residence_basis: work, home, study
  basis_detail     TEXT NOT NULL,               -- the employer, the lease, the school
  address          TEXT,                        -- the address here
  registered_on    TEXT NOT NULL,               -- the 居住登记 date it was checked against
  applied_on       TEXT NOT NULL,
  missing_docs     TEXT,                        -- the one notice of missing documents (JZZ Art 9)
  accepted_on      TEXT,
  accepted_at      INTEGER,                     -- the issue clock counts from here
  accepted_by      INTEGER REFERENCES users(id),
  issue_days       INTEGER,                     -- the period in force at the acceptance
  issue_due        TEXT,                        -- its last day (accepted_on + issue_days)
  card_no          TEXT,
  issued_on        TEXT,
  issued_by        INTEGER REFERENCES users(id),
  years_from       TEXT,                        -- residence years count from (issue, or a late 签注)
  endorse_from     TEXT,                        -- the next 签注 window: [endorse_from, endorse_due]
  endorse_due      TEXT,
  last_endorsed_on TEXT,
  endorsements     INTEGER NOT NULL DEFAULT 0,
  closed_on        TEXT,                        -- cancelled or withdrawn
  close_reason     TEXT,
  closed_by        INTEGER REFERENCES users(id),
  created_by       INTEGER NOT NULL REFERENCES users(id),
  created_at       INTEGER NOT NULL
);
CREATE INDEX residence_permit_station ON residence_permit(station_id, status);
CREATE INDEX residence_permit_person ON residence_permit(person_id);
CREATE INDEX residence_permit_due ON residence_permit(station_id, endorse_due);

CREATE TABLE residence_permit_endorsement (
  id           INTEGER PRIMARY KEY,
  permit_id    INTEGER NOT NULL REFERENCES residence_permit(id),
  endorsed_on  TEXT NOT NULL,
  due_on       TEXT NOT NULL,                   -- the anniversary it answered
  late         INTEGER NOT NULL DEFAULT 0,      -- after the anniversary: the years restart
  user_id      INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX residence_permit_endorsement_permit ON residence_permit_endorsement(permit_id);
