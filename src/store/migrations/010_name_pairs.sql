-- 010: pairs of consecutive name characters. A two-character name such as
-- 张伟 was found by joining every 张 with the next character (86 000 rows
-- of 张 in a city of 1 000 000); a pair is one range of its own index.
-- pair = the two characters (or lower-cased ASCII words) with a space
-- between them; pos = the position of the first.
CREATE TABLE person_name_pair (
  pair      TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES person(id),
  pos       INTEGER NOT NULL,
  PRIMARY KEY (pair, person_id, pos)
);
CREATE INDEX person_name_pair_person ON person_name_pair(person_id);
INSERT INTO person_name_pair(pair, person_id, pos)
  SELECT a.ch || ' ' || b.ch, a.person_id, a.pos
  FROM person_name_char a JOIN person_name_char b
    ON b.person_id = a.person_id AND b.pos = a.pos + 1;
