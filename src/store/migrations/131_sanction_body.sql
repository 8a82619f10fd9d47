-- 131_sanction_body: TEAM-SANCTION-WHO (issue 18): a sanction names the
-- kind of body that decided it (enum sanction_body: 任免机关, 监察机关,
-- 督察机构, 派出所) and the number of its decision document. Rows recorded
-- before keep NULL (unknown).
ALTER TABLE sanction ADD COLUMN decided_body TEXT;
ALTER TABLE sanction ADD COLUMN decision_doc TEXT;
