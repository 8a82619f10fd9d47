/* audit.h — the append-only, hash-chained audit log (TRUST AUD-1..AUD-6).
 * Each row: time (UTC ms), user, role, unit, client IP, session hash,
 * request id, action, object type and id, outcome, detail, prev_hash, hash =
 * BLAKE2b-256(prev_hash ‖ canonical row). Rows are written in the same
 * transaction as the change they record ("no audit, no effect"). */
#ifndef PS_DOMAIN_AUDIT_H
#define PS_DOMAIN_AUDIT_H

#include <jansson.h>

#include "domain/ctx.h"

#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Two chains (issue 14), each from the genesis, each with its own purge
 * anchors: the reads of personal and operational data (audit_read,
 * audit_read_items: table audit_read, on SQLite in a file of its own, see
 * store/db.h) and every other row (changes, logins, refusals, the auditor's
 * own actions, purges of either chain: table audit). Same columns, same
 * row hash. */
enum audit_chain { AUDIT_CHAIN_CHANGE, AUDIT_CHAIN_READ, AUDIT_CHAINS };

/* "audit" / "audit_read"; and the chain's name in reports ("change", "read") */
const char *audit_chain_table(enum audit_chain ch);
const char *audit_chain_name(enum audit_chain ch);

/* Forget the head of ch that this thread's writer keeps between the rows
 * it appends in one transaction (audit.c): called by whatever else changes
 * the chain's rows or anchors in that transaction (a purge). Cannot fail. */
void audit_head_forget(enum audit_chain ch);

/* Append one row in the current transaction. outcome is "success",
 * "denied" or "error". Strings may be NULL. On failure the caller must roll
 * back (the change must not land without its audit row). */
int audit_write(struct ctx *c, const char *action, const char *object_type,
		const char *object_id, const char *outcome, const char *detail);

/* Write the rows audit_write deferred (ctx.defer_writes), oldest first,
 * into the caller's open write transaction, keeping their times. */
int audit_write_deferred(struct ctx *c);

/* Audit a read of personal data (persons, cases, incidents): one row naming
 * the object. Same contract as audit_write. No row when the request's last
 * successful audit row was a change to the same object (the answer of a
 * write that echoes what it wrote). */
int audit_read(struct ctx *c, const char *object_type, const char *object_id);

/* A read audited under its own action (a search with what was asked, a
 * record, a report or a summary that is not a plain read of one object):
 * one row of the read chain, like audit_read's. Same contract as
 * audit_write. The audit log's own reads (audit.list, audit.export) stay
 * in the change chain, whose rows an export covers. */
int audit_read_action(struct ctx *c, const char *action, const char *object_type,
		      const char *object_id, const char *detail);

/* Audit a list or search answer of personal or operational data (AUD-1):
 * one row, action as given ("measure.list"), object_type, detail = the ids
 * (the member id_key of each element of items, an integer or a text key,
 * the first 200, comma-separated) and the count. items may be NULL (an empty answer).
 * Same contract as audit_write. */
int audit_read_items(struct ctx *c, const char *action, const char *object_type,
		     const json_t *items, const char *id_key);

/* The same for an answer written as text: n rows, the first min(n, 200)
 * of whose ids are in ids (struct rows_written). */
int audit_read_ids(struct ctx *c, const char *action, const char *object_type, const int64_t *ids,
		   size_t n);

/* After a rollback, write the refusals remembered by ctx_deny in a
 * transaction of their own, with the failures the request counted
 * (throttle_write_pending). Best effort: a failure is logged. */
void audit_flush_pending(struct ctx *c);

/* Write the refusals remembered by ctx_deny inside the caller's open
 * transaction (group commit), then count again the failures the request
 * counted (throttle_write_pending). Best effort: a failure is logged. */
void audit_write_pending(struct ctx *c);

/* The refusals remembered by ctx_deny of a request that goes on and
 * succeeds (an import's row refused for another unit's person), written in
 * its transaction: as every row of it, a failure fails the request
 * (AUD-3). Empties the list once they are written. */
int audit_write_refusals(struct ctx *c);

/* Walk the whole chain. PS_OK when intact; otherwise PS_EIO with err naming
 * the first broken row and *bad_id set to its id (or to the id after a gap).
 * After a purge (audit_purge.h) the chain starts from the latest anchor: the
 * first row must be the one after it and link to its hash, and the purge
 * that recorded it must be in the chain. */
int audit_verify_chain(struct db *db, enum audit_chain ch, int64_t *bad_id, int64_t *rows,
		       struct ps_err *err);

/* Both chains, the change chain first: PS_OK when both are intact; else the
 * first failure, err naming the chain, *bad_id its row and *bad_chain the
 * chain (may be NULL). *rows counts both chains' rows walked. */
int audit_verify(struct db *db, int64_t *bad_id, int64_t *rows,
		 struct ps_err *err);
int audit_verify_both(struct db *db, enum audit_chain *bad_chain, int64_t *bad_id,
		      int64_t *rows, struct ps_err *err);

/* The auditor's chain check (AUD-5) over the API: walks the chain with
 * audit_verify and answers {"ok":true|false,"rows":N,"bad_id":N|null,
 * "message":"…"}. Only the auditor role; the check itself is audited
 * (action "audit.verify"). A broken chain is an answer, not an error. */
int audit_verify_report(struct ctx *c, json_t **out);

/* One audit row as stored (the fields the hash covers, and the links). A
 * NULL user_id or unit_id is 0; a NULL text is NULL (hashed apart from ""). */
struct audit_row {
	int64_t id, at_ms, user_id, unit_id;
	const char *username, *role, *client_ip, *session_hash, *request_id;
	const char *action, *object_type, *object_id, *outcome, *detail;
	const char *prev_hash, *hash;
};

/* The hash of row linked after prev (64 hex characters): BLAKE2b-256 of prev
 * and the canonical row; row->prev_hash and row->hash are not read. PS_OK,
 * or PS_ENOMEM / PS_ETOOBIG (a row over 1 MiB). */
int audit_row_hash(const char *prev, const struct audit_row *row, char out[65]);

struct audit_filter {
	const char *user;         /* username, exact */
	const char *action;       /* exact or prefix with '*' at the end */
	const char *object_type;
	const char *object_id;
	int64_t from, to;         /* epoch seconds, 0 = open */
	int64_t page, per_page;
};

/* The auditor's view: rows newest first as {"items":[…],"total":N}. Only the
 * auditor role; the read itself is audited (AUD-2: audit-log access). */
int audit_list(struct ctx *c, const struct audit_filter *f, json_t **out);

#endif
