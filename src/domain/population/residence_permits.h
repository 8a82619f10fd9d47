/* residence_permits.h — 居住证 (issue 16 gaps; 居住证暂行条例 2016 = JZZ):
 * the application of a floating person registered here for half a year
 * (COM-RESCARD, JZZ Art 2, 9), its acceptance and the card issued within
 * residence_permit.issue_days (COM-RESCARD-ISSUE, Art 9), the yearly 签注
 * within the month before each full year (COM-RESCARD-ENDORSE, Art 10),
 * cancelling and withdrawing. The holder's station works the record; other
 * stations neither read nor act; every read is audited. */
#ifndef PS_DOMAIN_RESIDENCE_PERMITS_H
#define PS_DOMAIN_RESIDENCE_PERMITS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/ctx.h"

struct residence_permit_input {
	int64_t person_id;
	const char *basis, *basis_detail, *address, *applied_on, *missing_docs;
};

struct residence_permit_filter {
	const char *status;   /* enum residence_permit_status, or "suspended" (issued, 签注 overdue) */
	int endorse_due;      /* the 签注 window is open */
	int endorse_overdue;  /* the 签注 is overdue (the card's functions stop) */
	int issue_overdue;    /* accepted and not issued by its last day */
	const char *q;        /* the holder's name or the card number */
	int64_t page, per_page;
};

/* A new application (status "applied", or "applied" with the notice of
 * missing documents). Refused with COM-RESCARD (409) when the person is not
 * a floating person living here, registered less than half a year before
 * applied_on, or without a stable job, home or study; PS_ECONFLICT when an
 * application or a card of the person is open; 403 for another station's
 * person. *out = {"residence_permit":{…}} (new JSON). */
int residence_permits_apply(struct ctx *c, const struct residence_permit_input *in, json_t **out);

/* Accept (受理): the documents are complete; the issue clock starts now with
 * the station's residence_permit.issue_days. PS_ECONFLICT unless applied. */
int residence_permits_accept(struct ctx *c, int64_t id, json_t **out);

/* Issue the card card_no on issued_on (NULL = today; not before the
 * acceptance, not after today): the residence years and the first 签注
 * window count from it; the floating person's card number is updated.
 * PS_ECONFLICT unless accepted or when the number is taken. */
int residence_permits_issue(struct ctx *c, int64_t id, const char *card_no, const char *issued_on, json_t **out);

/* 签注 on endorsed_on (NULL = today). Refused with COM-RESCARD-ENDORSE
 * before the window opens; within it the next window is a year later;
 * after the due day it is late: the years restart from endorsed_on.
 * PS_ECONFLICT unless issued. */
int residence_permits_endorse(struct ctx *c, int64_t id, const char *endorsed_on, json_t **out);

/* Close: "withdraw" an open application (applied/accepted), "cancel" any
 * open record; reason required. */
int residence_permits_close(struct ctx *c, int64_t id, const char *how, const char *reason, json_t **out);

/* One record with its 签注 history; the read is audited. */
int residence_permits_get(struct ctx *c, int64_t id, json_t **out);

/* The records of the actor's scope, newest first, ID numbers masked;
 * {"items","total","figures":{applied,accepted,issue_overdue,issued,
 * endorse_due,endorse_overdue}}; the answer is audited. */
int residence_permits_list(struct ctx *c, const struct residence_permit_filter *f, json_t **out);

/* Which of the persons (ids[0..n), n <= 200) may apply now (the 申领
 * button of the floating-person page): {"items":[{"person_id",
 * "eligible","reason","eligible_on"}]} for those of the actor's scope
 * (the others are left out); audited as a list. */
int residence_permits_eligible(struct ctx *c, const int64_t *ids, size_t n, json_t **out);

#endif
