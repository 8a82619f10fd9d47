-- 163 (PostgreSQL only): incident_received (received_at) begins
-- incident_received_id (received_at, id), made by 136 for the list's order;
-- every create wrote both. SQLite keeps it: there it is the one that
-- holds the rowid after the key (136).
DROP INDEX incident_received;
