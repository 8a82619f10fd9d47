-- 095_key_person_removals: 撤管 (removing a key person from control) is a
-- request with its reason, decided by the approver the county sets
-- (COM-ZD-REMOVE, setting community.removal_approver); every request and
-- decision is kept as the person's history.

CREATE TABLE key_person_removal (
  id            INTEGER PRIMARY KEY,
  key_person_id INTEGER NOT NULL REFERENCES key_person(id),
  station_id    INTEGER NOT NULL REFERENCES org_unit(id),
  reason        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
  requested_by  INTEGER NOT NULL REFERENCES users(id),
  requested_at  INTEGER NOT NULL,
  decided_by    INTEGER REFERENCES users(id),
  decided_at    INTEGER,
  decision_note TEXT
);
CREATE INDEX key_person_removal_kp ON key_person_removal(key_person_id, status);
CREATE INDEX key_person_removal_station ON key_person_removal(station_id, status);
