-- 154_left_items: what a hotel does for the police beside its guest book
-- (旅馆业治安管理办法 = LG, COM-HOTEL-DUTY / COM-HOTEL-LEFT):
--  * a guest's left property (LG Art 8): kept, returned to its owner or
--    posted (揭示招领); unclaimed 3 months after the posting it is listed and
--    handed to the station as found property, against a numbered receipt;
--    the station posts its own notice and returns it to an owner, or after a
--    year unclaimed hands it to the state (民法典 Art 318, COM-FOUND-STATE);
--  * a guest the staff found suspicious (LG Art 9), reported at once: a 警情.
CREATE TABLE left_item (
  id             INTEGER PRIMARY KEY,
  unit_id        INTEGER NOT NULL REFERENCES trade_unit(id),   -- the hotel
  station_id     INTEGER NOT NULL REFERENCES org_unit(id),
  found_on       TEXT NOT NULL,
  noticed_on     TEXT NOT NULL,                                -- the hotel's 揭示招领 (the 3 months count from it)
  room           TEXT,
  description    TEXT NOT NULL,
  guest_id       INTEGER REFERENCES hotel_guest(id),           -- the guest it is believed to be his
  kept_by        TEXT NOT NULL,                                -- the hotel's keeper
  status         TEXT NOT NULL DEFAULT 'kept',                 -- enum left_item_status
  returned_on    TEXT,                                         -- given back to its owner (by the hotel or the station)
  returned_to    TEXT,
  handed_on      TEXT,                                         -- handed to the station
  receipt_no     TEXT,                                         -- the station's receipt
  received_by    INTEGER REFERENCES users(id),
  announced_on   TEXT,                                         -- the station's 招领公告 (the year counts from it)
  disposed_on    TEXT,                                         -- handed to the state
  disposal_note  TEXT,
  recorded_by    INTEGER NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL
);
CREATE INDEX left_item_station ON left_item(station_id, status);
CREATE INDEX left_item_unit ON left_item(unit_id, found_on);
CREATE UNIQUE INDEX left_item_receipt ON left_item(station_id, receipt_no);

ALTER TABLE hotel_guest ADD COLUMN suspicion TEXT;             -- why the staff reported him (LG Art 9)
