-- precinct: rebuild
-- 159 (SQLite; PostgreSQL in 159_trade_unit_category.pg.sql): a unit's
-- category takes the glossary's names, 特种行业 special_trade and 内部单位
-- internal_unit (was 'trade' and 'internal'). The CHECK of a SQLite column
-- changes only by rebuilding its table; eight tables reference trade_unit,
-- so the runner turns foreign keys off around this version and checks them
-- (PRAGMA foreign_key_check) before it commits.
CREATE TABLE trade_unit_159 (
  id               INTEGER PRIMARY KEY,
  category         TEXT NOT NULL CHECK (category IN ('special_trade','internal_unit')),
  kind             TEXT NOT NULL,                  -- enum special_trade_kind / internal_unit_kind
  name             TEXT NOT NULL,
  address_id       INTEGER REFERENCES address(id),
  licence_no       TEXT,                           -- 许可证 / 备案号
  licence_expires_on TEXT,
  responsible      TEXT,                           -- 法定代表人 / 负责人
  phone            TEXT,
  security_chief   TEXT,                           -- 保卫负责人 (COM-KEYUNIT-SETUP)
  security_staff   INTEGER NOT NULL DEFAULT 0,     -- 专职保卫 / 保安 count
  key_unit         INTEGER NOT NULL DEFAULT 0,     -- 治安保卫重点单位 (COM-KEYUNIT-DEF)
  cameras          INTEGER NOT NULL DEFAULT 0,     -- 技防: video cameras
  video_linked     INTEGER NOT NULL DEFAULT 0,     -- video linked out to the station
  alarm            INTEGER NOT NULL DEFAULT 0,     -- 技防: alarm linked
  guard_measures   TEXT,                           -- 人防
  physical_measures TEXT,                          -- 物防
  station_id       INTEGER NOT NULL REFERENCES org_unit(id),
  created_by       INTEGER NOT NULL REFERENCES users(id),
  created_at       INTEGER NOT NULL,
  closed_on        TEXT,
  plan_on          TEXT,                           -- 应急预案 made (096)
  last_drill_on    TEXT,                           -- its last drill (096)
  key_unit_category TEXT,                          -- enum key_unit_category (127)
  key_unit_decision TEXT,                          -- the government decision's reference (127)
  key_unit_decided_on TEXT,                        -- (127)
  close_reason     TEXT                            -- (151)
);
INSERT INTO trade_unit_159(id, category, kind, name, address_id, licence_no, licence_expires_on,
  responsible, phone, security_chief, security_staff, key_unit, cameras, video_linked, alarm,
  guard_measures, physical_measures, station_id, created_by, created_at, closed_on, plan_on,
  last_drill_on, key_unit_category, key_unit_decision, key_unit_decided_on, close_reason)
SELECT id, CASE category WHEN 'trade' THEN 'special_trade' ELSE 'internal_unit' END, kind, name,
  address_id, licence_no, licence_expires_on, responsible, phone, security_chief, security_staff,
  key_unit, cameras, video_linked, alarm, guard_measures, physical_measures, station_id,
  created_by, created_at, closed_on, plan_on, last_drill_on, key_unit_category,
  key_unit_decision, key_unit_decided_on, close_reason
FROM trade_unit;
DROP TABLE trade_unit;
ALTER TABLE trade_unit_159 RENAME TO trade_unit;
CREATE INDEX trade_unit_station ON trade_unit(station_id, category, kind);
