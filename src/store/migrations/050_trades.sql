-- 050_trades: 特种行业 and 内部单位 (issue 16, part B) — the register of
-- special-trade businesses and internal units with their 技防/人防/物防,
-- inspections by a per-kind checklist, findings with a rectification
-- deadline and their re-inspection (COM-KEYUNIT-CHECK).

CREATE TABLE trade_unit (
  id               INTEGER PRIMARY KEY,
  category         TEXT NOT NULL CHECK (category IN ('trade','internal')),
  kind             TEXT NOT NULL,                  -- enum trade_kind / internal_kind
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
  closed_on        TEXT
);
CREATE INDEX trade_unit_station ON trade_unit(station_id, category, kind);

CREATE TABLE trade_inspection (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES trade_unit(id),
  inspected_on TEXT NOT NULL,
  officer_id   INTEGER NOT NULL REFERENCES users(id),
  items        TEXT NOT NULL,                      -- JSON [{"item","ok"}] of the kind's checklist
  notes        TEXT,
  findings     INTEGER NOT NULL DEFAULT 0,         -- how many findings it raised
  created_at   INTEGER NOT NULL
);
CREATE INDEX trade_inspection_unit ON trade_inspection(unit_id, inspected_on);
CREATE INDEX trade_inspection_officer ON trade_inspection(officer_id, inspected_on);

CREATE TABLE trade_finding (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES trade_inspection(id),
  unit_id       INTEGER NOT NULL REFERENCES trade_unit(id),
  description   TEXT NOT NULL,
  offence_code  TEXT,                              -- OF-nnn of the offence table, when one applies
  deadline      TEXT NOT NULL,                     -- 整改期限 of the 整改通知书
  rechecked_on  TEXT,                              -- last re-inspection
  recheck_by    INTEGER REFERENCES users(id),
  recheck_notes TEXT,
  rectified_on  TEXT,                              -- NULL while open
  created_at    INTEGER NOT NULL
);
CREATE INDEX trade_finding_unit ON trade_finding(unit_id, rectified_on);
CREATE INDEX trade_finding_open ON trade_finding(rectified_on, deadline);
