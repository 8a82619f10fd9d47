-- 006_population: 一标三实 — standard addresses, the actual population with a
-- per-character name index, rental housing with visits, tenancies, floating
-- population with employer units, the wanted list with comparison hits,
-- letters of inquiry (函查).

CREATE TABLE address (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  post_id     INTEGER REFERENCES org_unit(id),       -- the 警务室 that owns it
  community   TEXT NOT NULL,
  building    TEXT NOT NULL DEFAULT '',
  unit_no     TEXT NOT NULL DEFAULT '',
  room        TEXT NOT NULL DEFAULT '',
  address_key TEXT NOT NULL UNIQUE,                   -- community|building|unit|room
  created_at  INTEGER NOT NULL
);
CREATE INDEX address_station ON address(station_id, community);

ALTER TABLE person ADD COLUMN kind TEXT NOT NULL DEFAULT 'resident';  -- resident temporary floating foreign unregistered
ALTER TABLE person ADD COLUMN address_id INTEGER REFERENCES address(id);
ALTER TABLE person ADD COLUMN household_no TEXT;
ALTER TABLE person ADD COLUMN key_person INTEGER NOT NULL DEFAULT 0;  -- 重点人员
ALTER TABLE person ADD COLUMN key_tags TEXT;
ALTER TABLE person ADD COLUMN compared_at INTEGER;                    -- last comparison with the wanted list
ALTER TABLE person ADD COLUMN updated_at INTEGER;
CREATE INDEX person_unit ON person(unit_id, kind);
CREATE INDEX person_phone ON person(phone);

-- one row per CJK character (or ASCII word) of a name: 2- and 3-character
-- names are found by joining on consecutive positions
CREATE TABLE person_name_char (
  ch        TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES person(id),
  pos       INTEGER NOT NULL,
  PRIMARY KEY (ch, person_id, pos)
);
CREATE INDEX person_name_char_person ON person_name_char(person_id);

CREATE TABLE rental (
  id             INTEGER PRIMARY KEY,
  address_id     INTEGER NOT NULL UNIQUE REFERENCES address(id),
  landlord_id    INTEGER NOT NULL REFERENCES person(id),
  rooms          INTEGER NOT NULL DEFAULT 1,
  letter_signed_on TEXT,                              -- 治安责任书
  letter_expires_on TEXT,
  level          TEXT NOT NULL CHECK (level IN ('trusted','normal','watch')),
  station_id     INTEGER NOT NULL REFERENCES org_unit(id),
  last_visit_on  TEXT,
  created_by     INTEGER NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL
);
CREATE INDEX rental_station ON rental(station_id, level);

CREATE TABLE rental_visit (
  id         INTEGER PRIMARY KEY,
  rental_id  INTEGER NOT NULL REFERENCES rental(id),
  visited_on TEXT NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  findings   TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX rental_visit_rental ON rental_visit(rental_id, visited_on);

CREATE TABLE tenancy (
  id         INTEGER PRIMARY KEY,
  rental_id  INTEGER NOT NULL REFERENCES rental(id),
  person_id  INTEGER NOT NULL REFERENCES person(id),
  from_date  TEXT NOT NULL,
  to_date    TEXT,
  layer      TEXT NOT NULL DEFAULT 'general' CHECK (layer IN ('general','key')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX tenancy_person ON tenancy(person_id, from_date);
CREATE INDEX tenancy_rental ON tenancy(rental_id);

CREATE TABLE employer_unit (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  address_id  INTEGER REFERENCES address(id),
  contact     TEXT,
  phone       TEXT,
  letter_signed_on TEXT,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  created_at  INTEGER NOT NULL
);

CREATE TABLE employer_report (
  id          INTEGER PRIMARY KEY,
  employer_id INTEGER NOT NULL REFERENCES employer_unit(id),
  month       TEXT NOT NULL,                          -- YYYY-MM
  arrivals    INTEGER NOT NULL DEFAULT 0,
  departures  INTEGER NOT NULL DEFAULT 0,
  reported_at INTEGER NOT NULL,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (employer_id, month)
);

CREATE TABLE floating_person (
  person_id   INTEGER PRIMARY KEY REFERENCES person(id),
  registered_on TEXT NOT NULL,
  permit_no   TEXT,                                   -- 居住证
  permit_issued_on TEXT,
  permit_expires_on TEXT,
  mode        TEXT NOT NULL CHECK (mode IN ('employer','joint','direct')),
  layer       TEXT NOT NULL CHECK (layer IN ('control','known')),
  employer_id INTEGER REFERENCES employer_unit(id),
  station_id  INTEGER NOT NULL REFERENCES org_unit(id)
);

CREATE TABLE wanted_person (
  id          INTEGER PRIMARY KEY,
  id_number   TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  case_desc   TEXT NOT NULL,
  issuing_unit TEXT NOT NULL,
  issued_on   TEXT NOT NULL,
  withdrawn_at INTEGER,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE comparison_hit (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES person(id),
  wanted_id   INTEGER NOT NULL REFERENCES wanted_person(id),
  unit_id     INTEGER NOT NULL REFERENCES org_unit(id),
  hit_at      INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('new','signed','checked','closed')),
  signed_by   INTEGER REFERENCES users(id),
  signed_at   INTEGER,
  checked_by  INTEGER REFERENCES users(id),
  checked_at  INTEGER,
  feedback    TEXT,
  closed_at   INTEGER,
  UNIQUE (person_id, wanted_id)
);

CREATE TABLE inquiry_letter (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES person(id),
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  to_unit     TEXT NOT NULL,
  sent_on     TEXT NOT NULL,
  sent_by     INTEGER NOT NULL REFERENCES users(id),
  answered_on TEXT,
  result      TEXT CHECK (result IN ('none','record','misconduct')),
  notes       TEXT
);
CREATE INDEX inquiry_letter_person ON inquiry_letter(person_id);

-- 谁出租谁负责: cases that happened in a rental
CREATE TABLE rental_case (
  rental_id INTEGER NOT NULL REFERENCES rental(id),
  case_id   INTEGER NOT NULL REFERENCES police_case(id),
  PRIMARY KEY (rental_id, case_id)
);
