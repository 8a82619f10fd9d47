-- 139 (SQLite; PostgreSQL in 139_name_index.pg.sql): the name index as a
-- bulk import writes it (issue 14). Measured on the city fixture, a row of
-- person_name_char/pair cost three b-trees (the rowid table, the primary
-- key, the person_id index) and a foreign-key lookup of its person: half of
-- the index's time. The rows are now the primary key alone (WITHOUT ROWID):
--  - the search reads them by (ch|pair, person_id, pos), as before;
--  - a rename deletes the old name's rows by (ch|pair, person_id), from the
--    old name's tokens (persons_index_name), so no person_id index is kept;
--  - no foreign key: the index is derived from person.name by its writers
--    in the same transaction, and no person is ever deleted.
CREATE TABLE person_name_char_139 (
  ch        TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  pos       INTEGER NOT NULL,
  PRIMARY KEY (ch, person_id, pos)
) WITHOUT ROWID;
INSERT INTO person_name_char_139(ch, person_id, pos)
  SELECT ch, person_id, pos FROM person_name_char ORDER BY ch, person_id, pos;
DROP TABLE person_name_char;
ALTER TABLE person_name_char_139 RENAME TO person_name_char;

CREATE TABLE person_name_pair_139 (
  pair      TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  pos       INTEGER NOT NULL,
  PRIMARY KEY (pair, person_id, pos)
) WITHOUT ROWID;
INSERT INTO person_name_pair_139(pair, person_id, pos)
  SELECT pair, person_id, pos FROM person_name_pair ORDER BY pair, person_id, pos;
DROP TABLE person_name_pair;
ALTER TABLE person_name_pair_139 RENAME TO person_name_pair;
