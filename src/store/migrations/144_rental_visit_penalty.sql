-- 144_rental_visit_penalty: a rental visit whose finding proposes a penalty
-- (COM-RENT-STATUS). Penalties come from ZA2025 Art 68 (an offence code of
-- the offence table); a fine counted in multiples of the monthly rent under
-- 租赁房屋治安管理规定 (1995) Art 9 is recorded only where the county
-- enables it (setting rental.zl_fines_enabled).
ALTER TABLE rental_visit ADD COLUMN offence_code TEXT;
ALTER TABLE rental_visit ADD COLUMN zl_item TEXT;
ALTER TABLE rental_visit ADD COLUMN monthly_rent_yuan INTEGER;
ALTER TABLE rental_visit ADD COLUMN zl_fine_yuan INTEGER;
