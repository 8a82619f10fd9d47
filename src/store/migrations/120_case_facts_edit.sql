-- 120_case_facts_edit: the history of a case's 认定事实 (issue 15). The
-- facts the 呈请报告, the 处罚前告知 and the 决定书 print are edited by the
-- case's officers while the case is investigated; every change keeps the
-- old and the new text, who and when (the audit row says the same). Rows
-- are added, never changed.
CREATE TABLE case_facts_edit (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES police_case(id),
  old_facts  TEXT,
  new_facts  TEXT NOT NULL,
  reason     TEXT,
  edited_by  INTEGER NOT NULL REFERENCES users(id),
  edited_at  INTEGER NOT NULL
);
CREATE INDEX case_facts_edit_case ON case_facts_edit(case_id, id);
