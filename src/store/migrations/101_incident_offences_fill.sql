-- 101_incident_offences_fill: the 警情类别 → 案由 rows for a database made before migration 070
-- had them (070 made the table; the rows were loaded only by init). The same rows as
-- data/incident-category-offences.csv (tests/unit/test_category_offences checks they agree); a row
-- an administrator has set since (PUT /incident-category-offences) is kept.
INSERT INTO incident_category_offence(category_code, offence_code) VALUES
  ('0201', 'OF-065'),
  ('0202', 'OF-052'),
  ('0203', 'OF-012'),
  ('0204', 'OF-114'),
  ('0205', 'OF-109'),
  ('0206', 'OF-118'),
  ('0207', 'OF-002'),
  ('0208', 'OF-070'),
  ('0209', 'OF-066'),
  ('0210', 'OF-126')
ON CONFLICT (category_code) DO NOTHING;
