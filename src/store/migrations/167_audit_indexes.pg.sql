-- 167_audit_indexes (issue 14): the indexes of the two audit chains made to
-- serve the auditor's list, and the read chain's two that served nothing.
-- The list (audit.c audit_list) now writes only the filters set, so a plan
-- can use an index: by username ("what did this officer read or change",
-- rows of a failed login keep the name tried and no user_id), by object
-- ("who read this record": its number, with or without its type, so the
-- object index now begins with object_id; the complaints' lookup of a case's
-- rows, type and number, uses it the same), the time span and the order by
-- (at_ms, id). (user_id, id) served no statement on either chain, nor did
-- the read chain's (action, id) (a LIKE); the change chain keeps
-- audit_action (the purge count, action = 'audit.purge'). Every audited read
-- writes the read chain's indexes: with these, case reads at 16 connections
-- write ~5 % fewer WAL pages a read (bench data, same binary, perf stat).
DROP INDEX audit_read_user;
DROP INDEX audit_read_action;
CREATE INDEX audit_read_username ON audit_read(username, at_ms);
DROP INDEX audit_read_object;
CREATE INDEX audit_read_object ON audit_read(object_id, object_type);
DROP INDEX audit_user;
CREATE INDEX audit_username ON audit(username, at_ms);
DROP INDEX audit_object;
CREATE INDEX audit_object ON audit(object_id, object_type);
