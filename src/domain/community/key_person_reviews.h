/* key_person_reviews.h — the periodic review (复核) of a key person's
 * listing (COM-ZD-REVIEW, a county setting: every community.review_months
 * months counted from the listing or the last review): his beat's officer
 * or the chief keeps him as he is, changes his level, or proposes his
 * removal — a 撤管 request that the approver decides (COM-ZD-REMOVE; until
 * then he stays under control). A review past its day is a clock on the
 * 预警 board; the list and the detail show the next review day. */
#ifndef PS_DOMAIN_KEY_PERSON_REVIEWS_H
#define PS_DOMAIN_KEY_PERSON_REVIEWS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

struct key_person_review_input {
	const char *reviewed_on; /* NULL/"": today */
	const char *conclusion;  /* enum review_conclusion: keep, change_level, propose_removal */
	const char *level;       /* the new level (change_level only) */
	const char *notes;       /* what the review found (required) */
};

/* Review active key person kp_id: {"review": {…, conclusion_label,
 * next_review_on}} (the level change or the 撤管 request made with it). */
int key_person_reviews_create(struct ctx *c, int64_t kp_id, const struct key_person_review_input *in, json_t **out);

/* The reviews of one key person, newest first (no audit: part of his detail). */
int key_person_reviews_of(struct ctx *c, int64_t kp_id, json_t **out);

/* The next review day (a day number) of a key person listed on listed_on
 * and last reviewed on reviewed_on (NULL: never) for station_id. */
int64_t key_person_reviews_due(struct ctx *c, const char *listed_on, const char *reviewed_on, int64_t station_id);

/* Clock source (clocks.def): each active key person until his review day. */
int key_person_reviews_clocks(struct clock_sink *k, enum clock_scope s);

#endif
