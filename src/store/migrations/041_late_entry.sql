-- 041_late_entry: 补录 — a case handled on paper entered afterwards with the
-- real times of its acts; the entry needs a reason and the chief's approval.
-- The instants of the acts (accepted_at, filed_at, decided_at …) are the real
-- ones; created_at and the audit log keep the time of entry.
ALTER TABLE police_case ADD COLUMN late_entry INTEGER NOT NULL DEFAULT 0;
ALTER TABLE police_case ADD COLUMN late_reason TEXT;
ALTER TABLE police_case ADD COLUMN late_approved_by INTEGER REFERENCES users(id);
ALTER TABLE police_case ADD COLUMN late_approved_at INTEGER;
