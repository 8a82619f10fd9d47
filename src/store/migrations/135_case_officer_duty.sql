-- 135: the main officer of a case from one index probe, in key order.
-- The case list names each row's main officer with a subquery
-- (duty = 'main' ORDER BY user_id LIMIT 1); on PostgreSQL the subquery
-- runs for every row an OFFSET skips too, and with only case_officer(case_id)
-- it filtered and sorted the case's officers each time (issue 14).
CREATE INDEX case_officer_duty ON case_officer(case_id, duty, user_id);
