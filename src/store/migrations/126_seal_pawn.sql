-- 126_seal_pawn: the registers of the remaining special trades (issue 16):
-- a seal-cutter's orders (国务院印章管理规定 item 23; ZA2025 Art 69: every
-- seal cut is recorded with the customer unit and the document that
-- approves it) and a pawnshop's tickets (典当管理办法 Art 27, 51-52; ZA2025
-- Art 71(1): the pledger's ID and the goods' origin checked and recorded;
-- banned goods refused; stolen goods and wanted persons reported at once).

CREATE TABLE seal_order (
  id                INTEGER PRIMARY KEY,
  unit_id           INTEGER NOT NULL REFERENCES trade_unit(id),   -- the seal-cutter
  station_id        INTEGER NOT NULL REFERENCES org_unit(id),
  made_on           TEXT NOT NULL,
  seal_kind         TEXT NOT NULL,                                -- enum seal_kind
  seal_text         TEXT NOT NULL,                                -- 印文
  customer_unit     TEXT NOT NULL,                                -- the unit the seal is for
  customer_code     TEXT,                                         -- its 统一社会信用代码
  approval_doc      TEXT NOT NULL,                                -- the approving document / filing number
  approval_organ    TEXT NOT NULL,                                -- who issued it
  handler_name      TEXT NOT NULL,                                -- who brought the order
  handler_id_number TEXT NOT NULL,
  recorded_by       INTEGER NOT NULL REFERENCES users(id),
  created_at        INTEGER NOT NULL
);
CREATE INDEX seal_order_unit ON seal_order(unit_id, made_on);
CREATE INDEX seal_order_station ON seal_order(station_id, made_on);

CREATE TABLE pawn_ticket (
  id                 INTEGER PRIMARY KEY,
  unit_id            INTEGER NOT NULL REFERENCES trade_unit(id),  -- the pawnshop
  station_id         INTEGER NOT NULL REFERENCES org_unit(id),
  ticket_no          TEXT NOT NULL,                               -- 当票号
  pawned_on          TEXT NOT NULL,
  item_class         TEXT NOT NULL,                               -- enum pawn_item_class
  item               TEXT NOT NULL,
  origin             TEXT NOT NULL,                               -- the goods' origin as checked
  amount_yuan        INTEGER NOT NULL,
  pledger_name       TEXT NOT NULL,
  pledger_id_number  TEXT NOT NULL,
  suspicious         INTEGER NOT NULL DEFAULT 0,                  -- reported to the police
  suspicion          TEXT,
  wanted_id          INTEGER REFERENCES wanted_person(id),
  incident_id        INTEGER REFERENCES incident(id),             -- the 警情 a report opened
  recorded_by        INTEGER NOT NULL REFERENCES users(id),
  created_at         INTEGER NOT NULL
);
CREATE INDEX pawn_ticket_unit ON pawn_ticket(unit_id, pawned_on);
CREATE INDEX pawn_ticket_station ON pawn_ticket(station_id, suspicious);
