-- 042_case_report: the 呈请报告 the approvers read before they approve —
-- the facts the officers established (printed on the 决定书 as 现查明) and
-- the officer's opinion, with who submitted it and when.
ALTER TABLE police_case ADD COLUMN facts TEXT;
ALTER TABLE police_case ADD COLUMN report_opinion TEXT;
ALTER TABLE police_case ADD COLUMN report_by INTEGER REFERENCES users(id);
ALTER TABLE police_case ADD COLUMN report_at INTEGER;
