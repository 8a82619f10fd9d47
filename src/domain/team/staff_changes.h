/* staff_changes.h — TEAM-TRAIN-GATE (issue 18): an officer's training
 * records and his staff changes (任职, 职务晋升, 授予或晋升警衔). A change
 * is recorded (by the unit's chief or 内勤, staff.update) with the day, the
 * post or rank, the approving body and its document — and only when the
 * officer has a passed training record of the course the change needs,
 * finished on or before its day (任职: 初任培训 or 任职培训; 职务晋升: 晋升培训;
 * 警衔: 警衔晋升培训); else 409 with the rule id. */
#ifndef PS_DOMAIN_STAFF_CHANGES_H
#define PS_DOMAIN_STAFF_CHANGES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct staff_training_input {
	int64_t user_id;
	int passed;
	const char *course, *body, *from_on, *to_on, *certificate_no;
};

struct staff_change_input {
	int64_t user_id;
	const char *kind, *effective_on, *title, *approving_body, *document_no;
};

/* Record a training (a record of the unit's staff). */
int staff_changes_training(struct ctx *c, const struct staff_training_input *in, json_t **out);

/* Record a staff change (TEAM-TRAIN-GATE). */
int staff_changes_create(struct ctx *c, const struct staff_change_input *in, json_t **out);

/* {"changes":[…],"trainings":[…]} of the unit's staff (user_id narrows);
 * personal data: staff.list, audited. */
int staff_changes_list(struct ctx *c, int64_t user_id, json_t **out);

#endif
