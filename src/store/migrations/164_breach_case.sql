-- a case's breaches (GET /breaches?case_id=: its 强制措施 tab) without
-- reading the county's
CREATE INDEX breach_case ON breach(case_id);
