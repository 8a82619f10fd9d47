-- 152_circulated_goods: the 协查物品 list (issue 16; COM-SCRAP-REG, COM-PAWN):
-- goods a station or the county bureau circulated as stolen (FJS Art 7-9;
-- 典当管理办法 Art 27, 51 [S]; ZA2025 Art 71: a buyer or pawnshop may not
-- take goods the police circulated). Each scrap purchase and pawn ticket
-- now carries its item's identifier (串号/车架号/发动机号/序列号), stored
-- also normalized (upper case, no spaces or dashes) for matching; an exact
-- match with an active circulated good is a hit: the record is marked
-- suspected, a 警情 opened, and a circulated_goods_hits row links both.

CREATE TABLE circulated_goods (
  id              INTEGER PRIMARY KEY,
  station_id      INTEGER NOT NULL REFERENCES org_unit(id),  -- who circulated: a station, or the county bureau (county-wide)
  case_id         INTEGER REFERENCES police_case(id),
  incident_id     INTEGER REFERENCES incident(id),
  name            TEXT NOT NULL,                             -- 物品名称
  category        TEXT NOT NULL,                             -- enum circulated_category
  brand_model     TEXT,
  identifier      TEXT,                                      -- as written
  identifier_norm TEXT,                                      -- upper case, no spaces or dashes
  features        TEXT,                                      -- 特征描述
  quantity        INTEGER NOT NULL DEFAULT 1,
  value_yuan      INTEGER,
  circulated_on   TEXT NOT NULL,
  valid_until     TEXT,
  withdrawn_on    TEXT,
  withdraw_reason TEXT,                                      -- enum circulated_withdraw_reason
  withdraw_note   TEXT,
  withdrawn_by    INTEGER REFERENCES users(id),
  created_by      INTEGER NOT NULL REFERENCES users(id),
  created_at      INTEGER NOT NULL
);
CREATE INDEX circulated_goods_station ON circulated_goods(station_id, circulated_on);
CREATE INDEX circulated_goods_identifier ON circulated_goods(identifier_norm);

CREATE TABLE circulated_goods_hits (
  id           INTEGER PRIMARY KEY,
  goods_id     INTEGER NOT NULL REFERENCES circulated_goods(id),
  record_kind  TEXT NOT NULL,                                -- 'scrap_purchase' | 'pawn_ticket'
  record_id    INTEGER NOT NULL,
  station_id   INTEGER NOT NULL REFERENCES org_unit(id),     -- the record's station
  incident_id  INTEGER REFERENCES incident(id),              -- the 警情 the hit opened
  found_by     TEXT NOT NULL,                                -- 'record' (when recorded) | 'lookback' (when circulated)
  created_at   INTEGER NOT NULL,
  UNIQUE (goods_id, record_kind, record_id)
);
CREATE INDEX circulated_goods_hits_record ON circulated_goods_hits(record_kind, record_id);

ALTER TABLE scrap_purchase ADD COLUMN identifier TEXT;
ALTER TABLE scrap_purchase ADD COLUMN identifier_norm TEXT;
ALTER TABLE scrap_purchase ADD COLUMN incident_id INTEGER REFERENCES incident(id);
CREATE INDEX scrap_purchase_identifier ON scrap_purchase(identifier_norm);
ALTER TABLE pawn_ticket ADD COLUMN identifier TEXT;
ALTER TABLE pawn_ticket ADD COLUMN identifier_norm TEXT;
CREATE INDEX pawn_ticket_identifier ON pawn_ticket(identifier_norm);
