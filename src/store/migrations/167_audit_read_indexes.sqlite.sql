-- 167_audit_read_indexes (issue 14): two indexes of the read chain that no
-- statement uses, written by every audited read. The audit list filters by
-- username (not user_id) and by `action LIKE ?` inside `(? IS NULL OR …)`,
-- which neither store can answer from (user_id, id) or (action, id); the
-- chain, purge and export read by id and at_ms (audit_read_at). Measured
-- (bench, case reads at 16 connections): 5.3 → 4.1 WAL writes per read.
-- The change chain (001) keeps its own: complaints and the purge count use
-- audit_object and audit_action there.
DROP INDEX readaudit.audit_read_user;
DROP INDEX readaudit.audit_read_action;
