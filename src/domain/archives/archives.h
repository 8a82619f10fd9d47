/* archives.h — 执法档案, the archive room of a station (issue 15): filing a
 * closed case (每案一结: the CASE-ARCHIVE clock of the cases source warns
 * the day after closing) with its place in the room and the checklist of
 * its documents (missing ones flagged), opening a file for review with the
 * two people present, and borrowing (loans.c): request -> the station
 * chief's approval -> lend with a due date -> return; overdue loans are a
 * clock (ARCHIVE-LOAN). */
#ifndef PS_DOMAIN_ARCHIVES_H
#define PS_DOMAIN_ARCHIVES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct clock_sink;
enum clock_scope;

struct archive_input {
	int64_t case_id;
	const char *room, *cabinet, *shelf, *box;
	int64_t pages;
};

/* File case in->case_id: a closed case is archived through the case flow
 * (the records office's step, same rule and audit), an archived one
 * without a file just gets its file. The archivist or clerk of the case's
 * station (ARCHIVE_FILE). *out = {"file":{…}} as archives_get. */
int archives_create(struct ctx *c, const struct archive_input *in, json_t **out);

/* Files of the actor's scope: {"items":[…],"total":N}, each with its case,
 * place, status, missing-document count and the open loan; q matches the
 * file or case number or the title; status in | lent. Audited. */
int archives_list(struct ctx *c, const char *q, const char *status, int64_t page, int64_t per_page,
		  json_t **out);

/* Closed cases of the scope not yet filed, oldest first, with the filing
 * deadline (CASE-ARCHIVE) and whether it is past. {"items":[…]}. */
int archives_pending(struct ctx *c, json_t **out);

/* One file: the file, its case, the checklist, loans and reviews. The read
 * is audited; another unit's file is refused (403, audited). */
int archives_get(struct ctx *c, int64_t id, json_t **out);

/* The checklist of case_id's file as a JSON array of
 * {"key","label","required","present"} and the number missing (required
 * and not present). */
int archives_checklist(struct ctx *c, int64_t case_id, json_t **items, int *missing);

/* Opening file id for review in the room: reason and the two people
 * present (distinct accounts of the actor's scope). The archivist or clerk
 * (ARCHIVE_REVIEW); the file must be in the room. *out as archives_get. */
int archives_review(struct ctx *c, int64_t id, const char *reason, int64_t present_1,
		    int64_t present_2, json_t **out);

/* ---- loans (loans.c) ---- */

/* Ask to borrow file id for days (1..archive.loan_days_max) with a reason
 * (LOAN_REQUEST). *out as archives_get. */
int loans_request(struct ctx *c, int64_t file_id, const char *reason, int64_t days, json_t **out);

/* The station chief of the file's station approves or refuses a request
 * (LOAN_APPROVE; never one's own request). */
int loans_decide(struct ctx *c, int64_t id, int approve, const char *opinion, json_t **out);

/* The archivist or clerk lends an approved loan (the file must be in; the
 * due date is now + days) or takes the file back (LOAN_LEND). */
int loans_lend(struct ctx *c, int64_t id, json_t **out);
int loans_return(struct ctx *c, int64_t id, const char *note, json_t **out);

/* Loans of the scope: {"items":[…],"total":N}; status filters; overdue=1
 * only lent loans past their due date. Audited. */
int loans_list(struct ctx *c, const char *status, int overdue, int64_t page, int64_t per_page,
	       json_t **out);

/* Clock source (domain/clocks/clock_sources.c): every lent loan runs to
 * its due date (ARCHIVE-LOAN). */
int loans_clocks(struct clock_sink *k, enum clock_scope s);

/* 九好 档案整理好: of the station's cases closed in [from, to) whose filing
 * is due (CASE-ARCHIVE) or done, *due; of them filed in time, *timely. */
int archives_timely_figures(struct ctx *c, int64_t station_id, int64_t from, int64_t to, int64_t *timely,
			    int64_t *due);

#endif
