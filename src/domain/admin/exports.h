/* exports.h — exports of personal data (TRUST PII-2, AUD-1): a table of
 * persons, cases, the 办案区 (custody) ledger or the property ledger, with
 * exactly the rows the caller's list of that kind shows (the same unit
 * scope), a reason of 4..200 characters, one audit row naming the kind, the
 * row count, the reason and the object ids. ID numbers are full only for
 * the roles of the action data.export_id_full (the station's chief and
 * legal reviewer, who read case parties in full); for every other role
 * they are masked as in lists and the birth date (digits 7-14) and phone
 * are left out or masked with them. The api layer renders the table as
 * XLSX or CSV. */
#ifndef PS_DOMAIN_EXPORTS_H
#define PS_DOMAIN_EXPORTS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "domain/admin/export_kinds.h"

#define EXPORTS_MAX_ROWS 20000

struct export_table {
	const char *title;             /* sheet / file title, Chinese */
	const char *name;              /* file name stem: "persons" … */
	const struct export_col *cols; /* NULL-key terminated */
	json_t *rows;                  /* owned: array of objects, values text or integer */
	int full_ids;                  /* ID numbers unmasked */
	int64_t count;                 /* rows */
	const char *detail;            /* the audit row's detail (arena) */
	/* a 台账 (ledger): the header line "<unit><title>" above the table
	 * and a total row under it (owned, or NULL) */
	int ledger;
	const char *header;
	json_t *total;
};

/* The kinds: "persons", "cases", "custody", "property" and the ledgers
 * (台账, issue 15) "case_ledger", "measure_ledger", "archive_ledger",
 * "loan_ledger" (property is one too). 1 when known. */
int exports_kind_valid(const char *kind);

/* The cheap part of exports_make: the kind, the reason and the permissions
 * (refusals audited), without reading a row — what the writer re-checks
 * when the export's build failed on the worker. */
int exports_check(struct ctx *c, const char *kind, const char *sub, const char *reason);

/* Build the export of kind for the actor, writing nothing (it may run on
 * the request's worker before the write, like argon2id: the file is
 * rendered there too). format and reason go into out->detail, the audit
 * row's text: "rows=N format=F id_numbers=full|masked reason=R | ids=…".
 * PS_EFORBIDDEN when the role may not export (refusal audited after the
 * rollback), PS_EINVAL for a reason outside 4..200 characters, PS_ECONFLICT
 * (EXPORT_TOO_LARGE) past EXPORTS_MAX_ROWS rows. On success out->rows belongs to the caller
 * (json_decref); on failure out is zeroed. */
int exports_make(struct ctx *c, const char *kind, const char *sub, const char *format, const char *reason,
		 struct export_table *out);

/* Record the export t (made by exports_make) in the caller's write
 * transaction: the permission is checked again and the audit row
 * "export.<kind>" written. The file may be handed out only when this
 * succeeded ("no audit, no effect"). */
int exports_audit(struct ctx *c, const struct export_table *t);

/* A ledger (台账) as the ledger page shows it: {"kind","title","header",
 * "columns":[{key,title}],"items":[…],"total_row":{…},"total":N} — the
 * rows of its list's scope, masked as lists are; the read is audited as
 * "ledger.<kind>" with the row ids. PS_ENOTFOUND for a kind that is no
 * ledger; the list's permission. sub (may be NULL or "") narrows a ledger
 * whose rows have kinds (特种行业, 内部单位) to one kind — "hotel", "bank" —
 * titled with its word; PS_EINVAL (field sub_kind) elsewhere or for a kind
 * not of its set. exports_make and exports_check take it the same way. */
int exports_ledger(struct ctx *c, const char *kind, const char *sub, json_t **out);

#endif
