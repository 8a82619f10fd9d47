-- 026: a case's lenient proposals as maintained state (issue 14): the
-- number of its 以罚代拘/畸轻 penalty proposals that are not withdrawn, kept
-- by every writer of a proposal (proposals.c, lenient_refresh). The case
-- list shows it and filters on it (?lenient=1) through the partial index
-- instead of a subquery per case.
ALTER TABLE police_case ADD COLUMN lenient INTEGER NOT NULL DEFAULT 0;
UPDATE police_case SET lenient = (SELECT COUNT(*) FROM penalty_proposal pp
  WHERE pp.case_id = police_case.id AND pp.lenient = 1 AND pp.status <> 'withdrawn');
CREATE INDEX police_case_lenient ON police_case(id) WHERE lenient > 0;
