-- 170_breach_responsible: who answered for a breach when it was recorded
-- (comma-separated user ids): responsibility follows the person, not the
-- chair (SUP-GC-LIFETIME). A chief who moves on still answers for what ran
-- out under him, and his successor does not; rows recorded before this
-- migration keep the old reading (the case's officers, the unit's chiefs
-- now).
ALTER TABLE breach ADD COLUMN responsible TEXT;
