-- 139 (PostgreSQL; SQLite in 139_name_index.sqlite.sql): the name index as a
-- bulk import writes it (issue 14): its rows are read by the primary key
-- alone. A rename deletes the old name's rows by (ch|pair, person_id) from
-- the old name's tokens, so the person_id indexes go; the foreign keys go
-- too (the index is derived from person.name by its writers in the same
-- transaction, and no person is ever deleted).
ALTER TABLE person_name_char DROP CONSTRAINT IF EXISTS person_name_char_person_id_fkey;
DROP INDEX IF EXISTS person_name_char_person;
ALTER TABLE person_name_pair DROP CONSTRAINT IF EXISTS person_name_pair_person_id_fkey;
DROP INDEX IF EXISTS person_name_pair_person;
