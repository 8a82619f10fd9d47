-- 070_incident_offences: 警情类别 → 案由 (issue 17, part 3). Turning an incident into a case
-- prefills the 案由 from this table (edited as data, not code); a category with no row leaves
-- the 案由 to the officer (criminal categories, disputes, help).
CREATE TABLE incident_category_offence (
  category_code TEXT PRIMARY KEY,         -- '0201'
  offence_code  TEXT NOT NULL             -- 'OF-065'
);

-- The rows: data/incident-category-offences.csv, loaded at init (seed_init) like the categories.
