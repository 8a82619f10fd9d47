/* audit_purge.h — audit retention (issue 13, rule AUD-RETAIN): the oldest
 * rows of the audit log may be removed, never one younger than the retention
 * period, and the chain stays verifiable: the hash of the last purged row is
 * kept as the anchor the remaining chain starts from (table audit_anchor),
 * and the purge is itself a row of the chain. */
#ifndef PS_DOMAIN_AUDIT_PURGE_H
#define PS_DOMAIN_AUDIT_PURGE_H

#include <stdint.h>

#include "domain/ctx.h"

struct audit_purge_result {
	int64_t rows;       /* rows removed (0: nothing older than the date) */
	int64_t through_id; /* the last removed row (the new anchor), or 0 */
	char anchor[65];    /* its hash, or "" */
	/* the same for the read chain (audit_read, its anchors in
	 * audit_read_anchor; its purge is recorded in the change chain as
	 * "audit.purge" of object_type "audit_read") */
	int64_t read_rows, read_through_id;
	char read_anchor[65];
};

/* Remove the audit rows older than the local (UTC+8) midnight that starts
 * the day before ("YYYY-MM-DD"), in c's open write transaction: exactly the
 * rows before the first row written at or after that instant, so the
 * remaining chain is contiguous. Refused (PS_ERULE, rule AUD-RETAIN) when
 * that day is less than the retention period (400 days) before today; a
 * malformed date is PS_EINVAL; a chain that does not verify is not purged
 * (PS_ECONFLICT: the purge would erase the evidence). On success an anchor
 * row and an "audit.purge" audit row are written (also when nothing was
 * old enough: then no anchor, rows = 0). On failure the caller rolls back. */
int audit_purge(struct ctx *c, const char *before, struct audit_purge_result *out);

#endif
