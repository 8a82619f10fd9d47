/* audit_export.h — the auditor's export of a date range of the audit log
 * with its chain proof (issue 13), and the check of such an export without
 * the database (`precinct audit verify-export`, on another machine).
 *
 * The export is JSON lines (UTF-8, one object per line):
 *   1. a header {"format":"precinct-audit-export","version":1,"from":DATE,
 *      "to":DATE,"first_id":N|null,"anchor_id":N-1|null,"anchor_hash":H|null,
 *      "exported_at_ms":T}: anchor_hash is the hash of the row before the
 *      range (the genesis, 64 zeros, when the range starts at row 1);
 *   2. every row from the first row written on or after the local day
 *      `from` to the last written before the end of the local day `to`,
 *      contiguous by id, each with every hashed field, prev_hash and hash;
 *   3. a trailer {"end":true,"rows":N,"last_id":N|null,"last_hash":H|null,
 *      "head_id":N,"head_hash":H} (head: the newest row of the whole chain
 *      when exported, to compare with a later export or the database).
 * The check recomputes each row's hash, follows the links from the anchor,
 * requires consecutive ids and a trailer that matches. */
#ifndef PS_DOMAIN_AUDIT_EXPORT_H
#define PS_DOMAIN_AUDIT_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "domain/ctx.h"

/* Append the export of local days from..to ("YYYY-MM-DD", both included) to
 * out (its cap bounds the size: PS_ETOOBIG asks for a shorter range) and set
 * *rows. No permission check and no audit row: the caller's (the CLI acts
 * on the file). PS_EINVAL for a malformed date or to before from. chain is
 * "change" (or NULL/""): the change chain (table audit), or "read": the
 * read chain (audit_read), whose header says "chain":"read"; each export is
 * one chain's segment, checked alone by audit_export_check. */
int audit_export_write(struct ctx *c, const char *from, const char *to, const char *chain,
		       struct buf *out, int64_t *rows);

/* The auditor's export over the API: authz (auditor only, ACT_AUDIT_EXPORT),
 * audit_export_write, and the export itself audited ("audit.export", with
 * the range and the row count) in c's transaction. */
int audit_export(struct ctx *c, const char *from, const char *to, const char *chain, struct buf *out,
		 int64_t *rows);

/* The offline check of an export, fed line by line. */
struct audit_export_check {
	int state;            /* 0 header expected, 1 rows, 2 trailer seen */
	int64_t next_id;      /* id the next row must have (0: any, empty range) */
	int64_t rows;         /* rows checked */
	int64_t line;         /* lines read */
	char prev[65];        /* hash the next row must link to */
	char anchor[65];      /* the header's anchor hash */
};

/* Start a check. Cannot fail. */
void audit_export_check_init(struct audit_export_check *k);

/* Check one line (without its newline; n bytes, need not be NUL-terminated).
 * PS_OK, or PS_EINVAL with err naming the line and what is wrong (a row
 * changed, missing, reordered, a bad header or trailer, text after the
 * trailer). PS_ENOMEM when the line could not be parsed for lack of memory. */
int audit_export_check_line(struct audit_export_check *k, const char *line, size_t n,
			    struct ps_err *err);

/* After the last line: PS_OK when a trailer was seen, else PS_EINVAL (the
 * export is cut short). */
int audit_export_check_end(struct audit_export_check *k, struct ps_err *err);

#endif
