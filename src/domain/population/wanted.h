/* wanted.h — 在逃人员 comparison (比对, 100 %) and letters of inquiry (函查),
 * and the station's population figures (issue 6). */
#ifndef PS_DOMAIN_WANTED_H
#define PS_DOMAIN_WANTED_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct wanted_input {
	const char *id_number, *name, *case_desc, *issuing_unit, *issued_on;
	int withdrawn;
};

/* Add or update one wanted entry (supervisor, chief or legal at the
 * bureau: the list comes from above); then the whole registry is compared
 * again. *new_hits counts the hits found. */
int wanted_put(struct ctx *c, const struct wanted_input *in, int *new_hits);

/* Withdraw the entry of record id (the list shows ID numbers masked, so a
 * withdrawal names the record): same roles as wanted_put; PS_ENOTFOUND
 * when there is no such entry; audited by record id. Withdrawing twice
 * keeps the first time. */
int wanted_withdraw(struct ctx *c, int64_t id, int *new_hits);

/* Import many (CSV lines: 身份证号,姓名,案由,发布单位,发布日期[,撤销]); each
 * line imported or reported; one comparison at the end. *out =
 * {"rows","imported","errors":[{"row","reason"}],"new_hits"}. With all set, a
 * refused line keeps nothing: IMPORT_ROWS_REFUSED with *out the report
 * (as imports_with). */
int wanted_import(struct ctx *c, const char *csv, size_t len, int all, json_t **out);

/* The wanted list: {"items":[…]}. */
int wanted_list(struct ctx *c, int active_only, json_t **out);

/* Compare the whole registry with the active list; *new_hits new hits. */
int wanted_compare_all(struct ctx *c, int *new_hits);







#endif
