-- 156_key_person_reviews: the periodic review (复核) of a key person's
-- listing (COM-ZD-REVIEW, a county setting: every community.review_months
-- months from the listing or the last review): keep him as he is, change
-- his level, or propose his removal (a 撤管 request, COM-ZD-REMOVE).
CREATE TABLE key_person_review (
  id            INTEGER PRIMARY KEY,
  key_person_id INTEGER NOT NULL REFERENCES key_person(id),
  reviewed_on   TEXT NOT NULL,
  conclusion    TEXT NOT NULL,                           -- enum review_conclusion
  level_from    TEXT NOT NULL,
  level_to      TEXT NOT NULL,
  notes         TEXT NOT NULL,
  removal_id    INTEGER REFERENCES key_person_removal(id),  -- the request a proposal filed
  user_id       INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX key_person_review_kp ON key_person_review(key_person_id, reviewed_on);
