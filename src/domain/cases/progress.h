/* progress.h — the public progress query (no login): a reporter follows
 * their case with the receipt code of the 受案回执 and the last four digits
 * of their phone (issue 13). It shows the stage and its dates and the unit
 * to call — never a name, the case title, the offence or any free text.
 * A wrong code and wrong digits are one answer; failures are limited per
 * client address and per code (settings public.progress_max_failures in
 * public.progress_window_minutes, default 5 in 15 min); every query —
 * answered, refused or limited — writes an audit row naming the case (its
 * record id) when the code is known, and no number of the reporter. */
#ifndef PS_DOMAIN_PROGRESS_H
#define PS_DOMAIN_PROGRESS_H

#include <jansson.h>

#include "domain/ctx.h"

enum progress_outcome {
	PROGRESS_OK,      /* *out holds the answer */
	PROGRESS_NO,      /* wrong code or wrong digits (never which) */
	PROGRESS_LIMITED, /* too many failures: retry_after seconds */
};

struct progress_result {
	enum progress_outcome outcome;
	int retry_after;
	json_t *out; /* PROGRESS_OK: a new object {kind, status, status_label,
		      * reported_at, accepted_at, filed_at, decided_at,
		      * closed_at, unit_name, unit_phone} */
};

/* The guard every public query by a code and the phone's last digits shares
 * (the case progress, a complaint's stage): what identifies the record
 * (action, target_type, target id oid: NULL when the code is unknown) and
 * the code asked. */
struct progress_guard {
	const char *action, *target_type, *oid, *code;
};

/* Over the limit (per c->client_ip and per code, whichever ends later):
 * res->outcome PROGRESS_LIMITED and its refusal audited; else res is left
 * as it was. Only a storage error fails. */
int progress_guard_check(struct ctx *c, const struct progress_guard *g,
			 struct progress_result *res);

/* A wrong code or wrong digits: counted against the address and the code,
 * res->outcome PROGRESS_NO (one answer for both) and the refusal audited
 * with which half was wrong (the auditor learns it, the caller does not);
 * unknown names the code ("unknown receipt code"). */
int progress_guard_refuse(struct ctx *c, const struct progress_guard *g, const char *unknown,
			  struct progress_result *res);

/* Answer one query from c->client_ip in the caller's write transaction
 * (the audit row). phone_last4 must be 4 ASCII digits (the caller checked
 * it). Only a storage error or no memory fails (then nothing is kept). */
int progress_query(struct ctx *c, const char *receipt_code, const char *phone_last4,
		   struct progress_result *res);

#endif
