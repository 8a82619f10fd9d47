/* employers.h — 用工单位 and their monthly reports. */
#ifndef PS_DOMAIN_EMPLOYERS_H
#define PS_DOMAIN_EMPLOYERS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

int employers_create(struct ctx *c, const char *name, int64_t address_id, const char *contact,
		     const char *phone, const char *letter_signed_on, json_t **out);

/* Employer units with their last monthly report and whether last month's is
 * missing (overdue). */
int employers_list(struct ctx *c, json_t **out);

/* employers_list without its audit row, for figures only (as above). */
int employers_list_unaudited(struct ctx *c, json_t **out);

/* The monthly report of arrivals and departures (YYYY-MM). */
int employers_report(struct ctx *c, int64_t id, const char *month, int arrivals, int departures,
		     json_t **out);

/* 抽查: a check of an employer on checked_on; the persons it had registered
 * that day are counted here, persons_found is what the officer saw; a
 * discrepancy needs findings, and may carry the offence code and penalty. */
int employers_spot_check(struct ctx *c, int64_t id, const char *checked_on, int64_t persons_found, const char *findings,
		    const char *offence_code, const char *penalty, json_t **out);

/* The checks of the actor's scope, newest first, with figures (audited). */
int employers_spot_checks_list(struct ctx *c, json_t **out);

#endif
