-- 162_redundant_indexes: indexes whose columns begin another index of the
-- same table. That index answers every lookup they answered, in the same
-- order, and each was one more b-tree to write on every insert (issue 14:
-- found by comparing the schema's indexes, with PostgreSQL's plans read
-- while profiling incident creates).
--   case_officer_case (case_id)            UNIQUE (case_id, user_id)
--   case_party_case (case_id)              UNIQUE (case_id, person_id, role)
--   address_station (station_id, community) address_station_tree (station_id, community, building, …)
--   rental_station (station_id, level)     rental_station_level (station_id, level, id)
DROP INDEX case_officer_case;
DROP INDEX case_party_case;
DROP INDEX address_station;
DROP INDEX rental_station;
