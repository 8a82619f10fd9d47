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

/* Answer one query from c->client_ip in the caller's write transaction
 * (the audit row). phone_last4 must be 4 ASCII digits (the caller checked
 * it). Only a storage error or no memory fails (then nothing is kept). */
int progress_query(struct ctx *c, const char *receipt_code, const char *phone_last4,
		   struct progress_result *res);

#endif
