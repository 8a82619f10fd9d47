-- 161 (SQLite; PostgreSQL in 161_name_token.pg.sql): the name index in one
-- row a character (issue 14). A name of n characters held 2n - 1 rows: each
-- character in person_name_char and each pair of neighbours in
-- person_name_pair, a third of a bulk import's time. Now each character is
-- one row with the character after it ('' for the last), so a name holds
-- n rows and the search asks
--  - one character:  ch = ?                        (a range of the key)
--  - two:            ch = ? AND next_ch = ?        (a range of the key)
--  - three and four: two such rows of one person at pos and pos + 1 (+ 2).
-- The rows are the primary key alone, as in 139: no person_id index (a
-- rename deletes the old name's rows by their keys) and no foreign key.
CREATE TABLE person_name_token (
  ch        TEXT NOT NULL,
  next_ch   TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  pos       INTEGER NOT NULL,
  PRIMARY KEY (ch, next_ch, person_id, pos)
) WITHOUT ROWID;
CREATE INDEX person_name_char_161 ON person_name_char(person_id, pos);
INSERT INTO person_name_token(ch, next_ch, person_id, pos)
  SELECT a.ch, COALESCE(b.ch, ''), a.person_id, a.pos
  FROM person_name_char a LEFT JOIN person_name_char b
    ON b.person_id = a.person_id AND b.pos = a.pos + 1
  ORDER BY 1, 2, 3, 4;
DROP TABLE person_name_char;
DROP TABLE person_name_pair;
