-- 158_hotel_feed: guests imported from the 旅业 system (COM-HOTEL-REG: "data
-- import from the hotel 旅业 system"). A stay is one guest's check-in at one
-- hotel: the feed sent again finds it by (hotel, document number, check-in)
-- and only completes its check-out and report.
ALTER TABLE hotel_guest ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'; -- enum guest_source
CREATE INDEX hotel_guest_stay ON hotel_guest(unit_id, id_number, checkin_at);
