-- 051_floating_checks: 流动人口 (issue 16, part B) — the departure report
-- (人走报告) by the landlord or the employer, spot checks of employers'
-- reports (抽查: persons found vs registered, the discrepancy, the offence and
-- penalty), and employer meetings with each employer's commendation or penalty.

ALTER TABLE floating_person ADD COLUMN departed_on TEXT;            -- NULL while living here
ALTER TABLE floating_person ADD COLUMN departure_reporter_kind TEXT; -- enum departure_reporter
ALTER TABLE floating_person ADD COLUMN departure_reporter TEXT;      -- who reported (name)
ALTER TABLE floating_person ADD COLUMN departure_reported_on TEXT;
ALTER TABLE floating_person ADD COLUMN departure_recorded_by INTEGER REFERENCES users(id);

CREATE TABLE spot_check (
  id               INTEGER PRIMARY KEY,
  employer_id      INTEGER NOT NULL REFERENCES employer_unit(id),
  checked_on       TEXT NOT NULL,
  officer_id       INTEGER NOT NULL REFERENCES users(id),
  persons_registered INTEGER NOT NULL,    -- floating persons the employer had registered that day
  persons_found    INTEGER NOT NULL,      -- persons found working on site
  discrepancy      INTEGER NOT NULL,      -- found - registered
  findings         TEXT,
  offence_code     TEXT,                  -- OF-nnn, when the discrepancy is punished under it
  penalty          TEXT,                  -- 警告 / 罚款 … as decided
  created_at       INTEGER NOT NULL
);
CREATE INDEX employer_check_employer ON spot_check(employer_id, checked_on);

CREATE TABLE employer_meeting (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  held_on     TEXT NOT NULL,
  topic       TEXT NOT NULL,
  notes       TEXT,
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX employer_meeting_station ON employer_meeting(station_id, held_on);

CREATE TABLE employer_meeting_item (
  meeting_id  INTEGER NOT NULL REFERENCES employer_meeting(id),
  employer_id INTEGER NOT NULL REFERENCES employer_unit(id),
  outcome     TEXT NOT NULL,              -- enum meeting_outcome
  note        TEXT,
  PRIMARY KEY (meeting_id, employer_id)
);
