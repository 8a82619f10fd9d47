-- 019: a case party whose ID number is held by another unit's person
-- register is linked to that person (person_id) but never changes it and
-- never shows its fields: the party keeps the name, phone, address and
-- occupation the registering officer gave (issue 13). own_name NOT NULL
-- marks such a party; the case views read these columns for it instead of
-- the register's. Sex and birth date come from the ID number the officer
-- typed, so they are the register's as well.
ALTER TABLE case_party ADD COLUMN own_name TEXT;
ALTER TABLE case_party ADD COLUMN own_phone TEXT;
ALTER TABLE case_party ADD COLUMN own_address TEXT;
ALTER TABLE case_party ADD COLUMN own_occupation TEXT;
