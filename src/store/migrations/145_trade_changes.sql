-- 145_trade_changes: the business-registration changes of a special trade
-- and their filing with the police (issue 16 gaps): a hotel that closes,
-- changes trade, merges, moves or is renamed files within 3 days
-- (COM-HOTEL-CHANGE, LG Art 4 ¶2); a scrap-metal buyer files within 15 days
-- of its business licence and of each change (COM-SCRAP-FILE, FJS Art 4).
-- One row per change; the period is the catalog's, per kind of unit.
CREATE TABLE trade_change (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES trade_unit(id),
  kind        TEXT NOT NULL,                  -- enum trade_change_kind
  changed_on  TEXT NOT NULL,                  -- the business licence / registration change
  filed_on    TEXT,                           -- filed with the police; NULL while not filed
  notes       TEXT,
  created_by  INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX trade_change_unit ON trade_change(unit_id, filed_on);
