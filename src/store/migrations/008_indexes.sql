-- 008: indexes found missing by the bench scenarios (EXPLAIN QUERY PLAN
-- showed full scans at city scale).
CREATE INDEX case_notice_case ON case_notice(case_id);
CREATE INDEX approval_case ON approval(case_id);
CREATE INDEX case_document_case ON case_document(case_id);
CREATE INDEX case_property_case ON case_property(case_id);
CREATE INDEX case_officer_case ON case_officer(case_id);
CREATE INDEX case_officer_user ON case_officer(user_id);
CREATE INDEX case_party_case ON case_party(case_id);
CREATE INDEX case_party_person ON case_party(person_id);
CREATE INDEX interview_party ON interview(party_id);
CREATE INDEX interview_officer_user ON interview_officer(user_id);
CREATE INDEX measure_case_party ON measure(case_id, party_id);
CREATE INDEX incident_handled ON incident(handled_at);
CREATE INDEX incident_unfiled ON incident(station_id) WHERE case_id IS NULL AND duplicate_of IS NULL;
CREATE INDEX police_case_accepted ON police_case(accepted_at);
CREATE INDEX police_case_filed ON police_case(filed_at);
CREATE INDEX police_case_decided ON police_case(decided_at);
CREATE INDEX police_case_closed ON police_case(closed_at);

-- a whole-registry comparison is recorded once, not written into every person
CREATE TABLE comparison_run (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  hits    INTEGER NOT NULL
);
