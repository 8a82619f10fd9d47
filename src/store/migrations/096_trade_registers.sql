-- 096_trade_registers: the registers special trades keep for the police
-- (issue 16 gaps) — a hotel's guests (LG Art 6: every guest registered with
-- his ID document; a foreign guest reported within 24 hours) and a scrap
-- buyer's purchases (FJS Art 7-9: production scrap only with the selling
-- unit's certificate; banned items refused; suspected stolen goods reported
-- at once, held with a receipt and returned when not stolen); and the
-- drill of a key unit's emergency plan (NBZA Art 15).

CREATE TABLE hotel_guest (
  id            INTEGER PRIMARY KEY,
  unit_id       INTEGER NOT NULL REFERENCES trade_unit(id),
  station_id    INTEGER NOT NULL REFERENCES org_unit(id),
  name          TEXT NOT NULL,
  id_type       TEXT NOT NULL,                    -- enum guest_id_type
  id_number     TEXT NOT NULL,
  nationality   TEXT NOT NULL,
  foreign_guest INTEGER NOT NULL DEFAULT 0,       -- 境外旅客 (COM-HOTEL-FOREIGN)
  room          TEXT NOT NULL,
  checkin_at    INTEGER NOT NULL,
  checkout_at   INTEGER,
  reported_at   INTEGER,                          -- a foreign guest's form sent to the police
  wanted_id     INTEGER REFERENCES wanted_person(id),
  incident_id   INTEGER REFERENCES incident(id),  -- the 警情 a wanted-list hit opened
  recorded_by   INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX hotel_guest_unit ON hotel_guest(unit_id, checkin_at);
CREATE INDEX hotel_guest_station ON hotel_guest(station_id, foreign_guest, reported_at);
CREATE INDEX hotel_guest_id_number ON hotel_guest(id_number);

CREATE TABLE scrap_purchase (
  id               INTEGER PRIMARY KEY,
  unit_id          INTEGER NOT NULL REFERENCES trade_unit(id),
  station_id       INTEGER NOT NULL REFERENCES org_unit(id),
  purchased_on     TEXT NOT NULL,
  item_class       TEXT NOT NULL,                 -- enum scrap_item_class
  item             TEXT NOT NULL,
  spec             TEXT,
  item_state       TEXT,                          -- 新旧程度 / 状态
  weight_g         INTEGER NOT NULL,
  seller_name      TEXT NOT NULL,                 -- the seller, or the selling unit's handler
  seller_id_number TEXT NOT NULL,
  seller_address   TEXT,
  seller_unit      TEXT,                          -- production scrap: the selling unit
  seller_unit_proof TEXT,                         -- and its certificate
  suspicious       INTEGER NOT NULL DEFAULT 0,    -- reported as suspected stolen (COM-SCRAP-REPORT)
  suspicion        TEXT,
  handling         TEXT,                          -- enum scrap_handling, NULL until the police act
  receipt_no       TEXT,                          -- the police's receipt of goods held
  handled_by       INTEGER REFERENCES users(id),
  handled_at       INTEGER,
  handling_note    TEXT,
  wanted_id        INTEGER REFERENCES wanted_person(id),
  recorded_by      INTEGER NOT NULL REFERENCES users(id),
  created_at       INTEGER NOT NULL
);
CREATE INDEX scrap_purchase_unit ON scrap_purchase(unit_id, purchased_on);
CREATE INDEX scrap_purchase_station ON scrap_purchase(station_id, suspicious, handling);

ALTER TABLE trade_unit ADD COLUMN plan_on TEXT;        -- 应急预案 made (COM-KEYUNIT-SETUP)
ALTER TABLE trade_unit ADD COLUMN last_drill_on TEXT;  -- its last drill
