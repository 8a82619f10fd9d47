-- 025: a rental's visit schedule as maintained state (issue 14). The list
-- of rentals and its 走访逾期 filter read visit_due_day through an index
-- instead of computing every rental's next visit in C: a page costs O(page).
--   visit_base_day  the last visit, or the registration day (Asia/Shanghai),
--                   as days since 1970-01-01
--   visit_due_day   visit_base_day + the level's cycle at the station
--                   (settings rental.visit_days_trusted/normal/watch)
-- Written by every writer that changes a rental's visit, level or creation
-- (rentals_reschedule) and by a change of the cycle settings
-- (rental_cycles_apply). Portable SQL: the day number of a 'YYYY-MM-DD'
-- text is computed with integer arithmetic (days_from_civil), the same on
-- SQLite and PostgreSQL.
ALTER TABLE rental ADD COLUMN visit_base_day INTEGER;
ALTER TABLE rental ADD COLUMN visit_due_day INTEGER;
UPDATE rental SET visit_base_day = (created_at + 28800) / 86400 WHERE last_visit_on IS NULL;
UPDATE rental SET visit_base_day =
  ((CAST(SUBSTR(last_visit_on, 1, 4) AS INTEGER) - CASE WHEN CAST(SUBSTR(last_visit_on, 6, 2) AS INTEGER) <= 2 THEN 1 ELSE 0 END) / 400) * 146097
  + ((CAST(SUBSTR(last_visit_on, 1, 4) AS INTEGER) - CASE WHEN CAST(SUBSTR(last_visit_on, 6, 2) AS INTEGER) <= 2 THEN 1 ELSE 0 END) - ((CAST(SUBSTR(last_visit_on, 1, 4) AS INTEGER) - CASE WHEN CAST(SUBSTR(last_visit_on, 6, 2) AS INTEGER) <= 2 THEN 1 ELSE 0 END) / 400) * 400) * 365 + ((CAST(SUBSTR(last_visit_on, 1, 4) AS INTEGER) - CASE WHEN CAST(SUBSTR(last_visit_on, 6, 2) AS INTEGER) <= 2 THEN 1 ELSE 0 END) - ((CAST(SUBSTR(last_visit_on, 1, 4) AS INTEGER) - CASE WHEN CAST(SUBSTR(last_visit_on, 6, 2) AS INTEGER) <= 2 THEN 1 ELSE 0 END) / 400) * 400) / 4 - ((CAST(SUBSTR(last_visit_on, 1, 4) AS INTEGER) - CASE WHEN CAST(SUBSTR(last_visit_on, 6, 2) AS INTEGER) <= 2 THEN 1 ELSE 0 END) - ((CAST(SUBSTR(last_visit_on, 1, 4) AS INTEGER) - CASE WHEN CAST(SUBSTR(last_visit_on, 6, 2) AS INTEGER) <= 2 THEN 1 ELSE 0 END) / 400) * 400) / 100
  + (153 * ((CAST(SUBSTR(last_visit_on, 6, 2) AS INTEGER) + 9) % 12) + 2) / 5 + CAST(SUBSTR(last_visit_on, 9, 2) AS INTEGER) - 1 - 719468
WHERE last_visit_on IS NOT NULL;
-- the cycle defaults are those of setting_defs (src/domain/admin/settings.c)
UPDATE rental SET visit_due_day = visit_base_day + COALESCE((SELECT CAST(s.value AS INTEGER) FROM setting s WHERE s.skey = 'rental.visit_days_trusted' AND s.unit_id = rental.station_id),
    (SELECT CAST(s.value AS INTEGER) FROM setting s WHERE s.skey = 'rental.visit_days_trusted' AND s.unit_id IS NULL), 90) WHERE level = 'trusted';
UPDATE rental SET visit_due_day = visit_base_day + COALESCE((SELECT CAST(s.value AS INTEGER) FROM setting s WHERE s.skey = 'rental.visit_days_normal' AND s.unit_id = rental.station_id),
    (SELECT CAST(s.value AS INTEGER) FROM setting s WHERE s.skey = 'rental.visit_days_normal' AND s.unit_id IS NULL), 30) WHERE level = 'normal';
UPDATE rental SET visit_due_day = visit_base_day + COALESCE((SELECT CAST(s.value AS INTEGER) FROM setting s WHERE s.skey = 'rental.visit_days_watch' AND s.unit_id = rental.station_id),
    (SELECT CAST(s.value AS INTEGER) FROM setting s WHERE s.skey = 'rental.visit_days_watch' AND s.unit_id IS NULL), 7) WHERE level = 'watch';
CREATE INDEX rental_due ON rental(visit_due_day, id);
CREATE INDEX rental_station_due ON rental(station_id, visit_due_day, id);
CREATE INDEX rental_station_level ON rental(station_id, level, id);
