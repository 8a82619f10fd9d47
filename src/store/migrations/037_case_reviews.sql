-- 037_case_reviews: 案件质量考评 — the legal reviewer scores a closed case on a
-- checklist whose items and weights are a setting (review.items); the
-- system pre-fills the deductions it can see (breaches, missing documents,
-- late filing). One review per case; scores roll up per officer and
-- station.

CREATE TABLE case_review (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL UNIQUE REFERENCES police_case(id),
  unit_id      INTEGER NOT NULL REFERENCES org_unit(id),   -- the case's station
  reviewer_id  INTEGER NOT NULL REFERENCES users(id),
  reviewed_at  INTEGER NOT NULL,
  score        INTEGER NOT NULL,          -- sum of (weight - deduction), the weights summing to 100
  max_score    INTEGER NOT NULL,
  comment      TEXT,
  items        TEXT NOT NULL              -- JSON [{key,label,weight,deduct,note,system}]
);
CREATE INDEX case_review_unit ON case_review(unit_id, reviewed_at);
