-- 040_law_paths: the deciding organ of a numbered document (a decision by
-- the county bureau is the bureau's, numbered in its series).
ALTER TABLE case_document ADD COLUMN organ_unit_id INTEGER REFERENCES org_unit(id);
