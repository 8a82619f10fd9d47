-- 007: 当场处罚 is filed (备案) with the bureau within 24 h (ADM-ONSPOT, PROC-SIMPLE)
ALTER TABLE police_case ADD COLUMN onspot_reported_at INTEGER;
