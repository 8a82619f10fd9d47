-- 170_breach_responsible: who answered for a breach when it was recorded,
-- a row each (domain/clocks/breach_officers.c): responsibility follows the
-- person, not the chair (SUP-GC-LIFETIME). A chief who moves on still
-- answers for what ran out under him, and his successor does not; breaches
-- recorded before this migration keep the old reading (the case's
-- officers, the unit's chiefs now).
CREATE TABLE breach_officer (
  clock_key TEXT NOT NULL REFERENCES breach(clock_key),
  user_id   INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (clock_key, user_id)
);
CREATE INDEX breach_officer_user ON breach_officer(user_id);
