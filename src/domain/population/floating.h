/* floating.h — 流动人口 registration. */
#ifndef PS_DOMAIN_FLOATING_H
#define PS_DOMAIN_FLOATING_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct floating_input {
	int64_t person_id, employer_id;
	const char *registered_on, *arrived_on, *permit_no, *permit_issued_on, *permit_expires_on, *mode, *layer;
};

/* Register or update a floating person (mode employer/joint/direct, layer
 * control/known). arrived_on (may be NULL: not known) is the day the lease
 * or the job began: the landlord's or employer's report is "late" when the
 * registration came more working days after it than the setting
 * floating.arrival_report_workdays (COM-FLOAT-REG); the answer then names
 * the province's fine per person not reported (floating.fine_per_person). */
int floating_register(struct ctx *c, const struct floating_input *in, json_t **out);

/* 人走报告: the floating person left on departed_on, as reported on
 * reported_on by reporter_kind (enum departure_reporter) named reporter;
 * the open tenancy ends that day. "late" when the report came more working
 * days after the departure than the setting floating.departure_report_workdays
 * (COM-FLOAT-REG). PS_ECONFLICT when already recorded as departed. */
int floating_depart(struct ctx *c, int64_t person_id, const char *departed_on, const char *reporter_kind,
		    const char *reporter, const char *reported_on, json_t **out);

#endif
