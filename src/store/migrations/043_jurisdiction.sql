-- 043_jurisdiction: where the act took place and on what ground a station
-- handles an act outside its area (SUP-JURIS-ADM / SUP-JURIS-CRIM); an
-- incident classified as an economic dispute becomes a case only with a
-- reason and the 法制员's review (SUP-ECON).
ALTER TABLE police_case ADD COLUMN act_area TEXT;               -- 社区/村 of the place of the act
ALTER TABLE police_case ADD COLUMN jurisdiction_basis TEXT;     -- enum jurisdiction_basis, outside the area
ALTER TABLE police_case ADD COLUMN jurisdiction_reason TEXT;
ALTER TABLE police_case ADD COLUMN econ_reason TEXT;
ALTER TABLE police_case ADD COLUMN econ_reviewed_by INTEGER REFERENCES users(id);
ALTER TABLE police_case ADD COLUMN econ_reviewed_at INTEGER;
