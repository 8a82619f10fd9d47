-- 004: a document names the record it was made for (party, interview,
-- notice), so a reprint keeps its number.
ALTER TABLE case_document ADD COLUMN ref_id INTEGER;
