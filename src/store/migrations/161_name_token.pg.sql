-- 161 (PostgreSQL; SQLite in 161_name_token.sqlite.sql): the name index in
-- one row a character, the character after it beside it ('' for the last):
-- a name of n characters holds n rows instead of 2n - 1 (see the SQLite
-- file for the searches).
CREATE TABLE person_name_token (
  ch        TEXT NOT NULL,
  next_ch   TEXT NOT NULL,
  person_id BIGINT NOT NULL,
  pos       BIGINT NOT NULL,
  PRIMARY KEY (ch, next_ch, person_id, pos)
);
CREATE INDEX person_name_char_161 ON person_name_char(person_id, pos);
INSERT INTO person_name_token(ch, next_ch, person_id, pos)
  SELECT a.ch, COALESCE(b.ch, ''), a.person_id, a.pos
  FROM person_name_char a LEFT JOIN person_name_char b
    ON b.person_id = a.person_id AND b.pos = a.pos + 1;
DROP TABLE person_name_char;
DROP TABLE person_name_pair;
