/* counters.h — the next number of a document series: 文书 of a case
 * (documents.c), notices to trade units (trade_notices.c), archive files
 * (archives.c), each numbered per issuing unit, kind and year (table
 * doc_counter). The number is taken in the caller's write transaction by
 * one upsert that returns it, so two clerks never take the same number
 * (the row is locked until the transaction ends, on both stores) and a
 * rolled-back request gives its number back. */
#ifndef PS_DOMAIN_COUNTERS_H
#define PS_DOMAIN_COUNTERS_H

#include "domain/ctx.h"

#include <stdint.h>

/* The next number (from 1) of kind issued by unit in year into *seq;
 * PS_OK or a store failure. */
int counters_next_doc(struct ctx *c, int64_t unit, const char *kind, int year, int64_t *seq);

#endif
