-- 157_key_person_listings: 列管 (listing a person as a key person) asked by
-- a beat's officer and decided by the approver the county sets (COM-ZD-LIST,
-- setting community.listing_approver: the station's chief by default, or a
-- leader of the county bureau). Until approved the person is not under
-- control (no contact cycle, not in 见面率); on approval he is listed from
-- the day asked. Every request and decision is kept; key_person_id names the
-- listing an approval made.
CREATE TABLE key_person_listing (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person(id),
  station_id    INTEGER NOT NULL REFERENCES org_unit(id),
  beat_id       INTEGER REFERENCES beat(id),
  category      TEXT NOT NULL,
  reason        TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('strict','normal','watch')),
  control_plan  TEXT,
  listed_on     TEXT NOT NULL,                 -- the listing day asked (a late entry: earlier)
  status        TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
  requested_by  INTEGER NOT NULL REFERENCES users(id),
  requested_at  INTEGER NOT NULL,
  decided_by    INTEGER REFERENCES users(id),
  decided_at    INTEGER,
  decision_note TEXT,
  key_person_id INTEGER REFERENCES key_person(id)
);
CREATE INDEX key_person_listing_person ON key_person_listing(person_id, status);
CREATE INDEX key_person_listing_station ON key_person_listing(station_id, status);
