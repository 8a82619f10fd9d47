-- 045_community: 社区警务 (issue 16, part A) — beats (责任区) and grids (网格)
-- under each station and 警务室, the responsible officers, bureau leaders
-- assigned to stations (包片包点), household visits (熟悉住户), key persons
-- with their contacts and transfers, missed-registration sweeps (漏登漏管).

CREATE TABLE beat (
  id          INTEGER PRIMARY KEY,
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  post_id     INTEGER REFERENCES org_unit(id),        -- the 警务室, or NULL (the station itself)
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL DEFAULT 'urban' CHECK (kind IN ('urban','rural')),
  officer_id  INTEGER REFERENCES users(id),           -- 社区民警 (responsible)
  sergeant_id INTEGER REFERENCES users(id),           -- 警长 above the beat
  polygon     TEXT,                                   -- JSON [[x,y],…] drawn on the map, or NULL
  created_at  INTEGER NOT NULL,
  UNIQUE (station_id, name)
);
CREATE INDEX beat_officer ON beat(officer_id);

-- auxiliaries (辅警) working a beat
CREATE TABLE beat_auxiliary (
  beat_id INTEGER NOT NULL REFERENCES beat(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (beat_id, user_id)
);

CREATE TABLE grid (
  id         INTEGER PRIMARY KEY,
  beat_id    INTEGER NOT NULL REFERENCES beat(id),
  name       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (beat_id, name)
);

ALTER TABLE address ADD COLUMN grid_id INTEGER REFERENCES grid(id);
ALTER TABLE address ADD COLUMN building_type TEXT;     -- enum building_type
ALTER TABLE address ADD COLUMN lng_e6 INTEGER;         -- map point: longitude × 10^6
ALTER TABLE address ADD COLUMN lat_e6 INTEGER;         -- latitude × 10^6
CREATE INDEX address_grid ON address(grid_id);

-- 包片包点: a bureau leader made responsible for a station
CREATE TABLE leader_assignment (
  station_id  INTEGER NOT NULL REFERENCES org_unit(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  assigned_by INTEGER NOT NULL REFERENCES users(id),
  assigned_at INTEGER NOT NULL,
  PRIMARY KEY (station_id, user_id)
);

-- 熟悉住户: one row per visit to a household (an address)
CREATE TABLE household_visit (
  id           INTEGER PRIMARY KEY,
  address_id   INTEGER NOT NULL REFERENCES address(id),
  visited_on   TEXT NOT NULL,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  persons_seen INTEGER NOT NULL DEFAULT 0,            -- people found living there
  learnt       TEXT NOT NULL,
  changes      TEXT,
  created_at   INTEGER NOT NULL
);
CREATE INDEX household_visit_address ON household_visit(address_id, visited_on);
CREATE INDEX household_visit_user ON household_visit(user_id, visited_on);

CREATE TABLE key_person (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person(id),
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  beat_id      INTEGER REFERENCES beat(id),
  category     TEXT NOT NULL,
  reason       TEXT NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('strict','normal','watch')),
  control_plan TEXT,
  source       TEXT NOT NULL DEFAULT 'listed' CHECK (source IN ('listed','tenant')),
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','transferring','removed')),
  listed_on    TEXT NOT NULL,
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  UNIQUE (person_id)
);
CREATE INDEX key_person_station ON key_person(station_id, status);

CREATE TABLE key_person_contact (
  id            INTEGER PRIMARY KEY,
  key_person_id INTEGER NOT NULL REFERENCES key_person(id),
  contacted_on  TEXT NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('meet','phone','visit')),
  place         TEXT,
  findings      TEXT NOT NULL,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX key_person_contact_kp ON key_person_contact(key_person_id, contacted_on);

-- a key person moving to another station: a 函查 letter, acknowledged by
-- the receiving station
CREATE TABLE key_person_transfer (
  id              INTEGER PRIMARY KEY,
  key_person_id   INTEGER NOT NULL REFERENCES key_person(id),
  from_station_id INTEGER NOT NULL REFERENCES org_unit(id),
  to_station_id   INTEGER NOT NULL REFERENCES org_unit(id),
  letter_id       INTEGER NOT NULL REFERENCES inquiry_letter(id),
  reason          TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending','acknowledged')),
  sent_by         INTEGER NOT NULL REFERENCES users(id),
  sent_at         INTEGER NOT NULL,
  acknowledged_by INTEGER REFERENCES users(id),
  acknowledged_at INTEGER
);
CREATE INDEX key_person_transfer_to ON key_person_transfer(to_station_id, status);

-- 漏登漏管排查
CREATE TABLE registration_sweep (
  id         INTEGER PRIMARY KEY,
  station_id INTEGER NOT NULL REFERENCES org_unit(id),
  title      TEXT NOT NULL,
  planned_on TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('planned','done')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);

CREATE TABLE registration_sweep_item (
  sweep_id   INTEGER NOT NULL REFERENCES registration_sweep(id),
  address_id INTEGER NOT NULL REFERENCES address(id),
  checked    INTEGER NOT NULL DEFAULT 0,
  found      INTEGER NOT NULL DEFAULT 0,              -- people found living there unregistered
  registered INTEGER NOT NULL DEFAULT 0,              -- of them, registered on the spot
  notes      TEXT,
  PRIMARY KEY (sweep_id, address_id)
);
