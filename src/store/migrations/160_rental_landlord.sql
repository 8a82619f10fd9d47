-- 160_rental_landlord: a person's record lists the rentals the person lets
-- (persons_write, every audited person read); without this index each read
-- scanned the whole rental table (found by EXPLAIN QUERY PLAN while profiling
-- the person read, issue 14).
CREATE INDEX rental_landlord ON rental(landlord_id);
