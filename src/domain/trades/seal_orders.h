/* seal_orders.h — a seal-cutter's order register (issue 16 gaps): every
 * seal cut is recorded with its text, the customer unit, the document that
 * approves it and the person who brought the order (COM-SEAL: 国务院印章
 * 管理规定 item 23; ZA2025 Art 69). A seal without the approving document,
 * or brought by a person whose ID is not checked, is refused. */
#ifndef PS_DOMAIN_SEAL_ORDERS_H
#define PS_DOMAIN_SEAL_ORDERS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct seal_order_input {
	int64_t unit_id;
	const char *made_on, *seal_kind, *seal_text, *customer_unit, *customer_code;
	const char *approval_doc, *approval_organ, *handler_name, *handler_id_number;
};

struct seal_order_filter {
	int64_t unit_id;
	const char *q; /* the customer unit or the seal's text */
	int64_t page, per_page;
};

int seal_orders_create(struct ctx *c, const struct seal_order_input *in, json_t **out);

/* The orders of the actor's scope, newest first, ID numbers masked;
 * {"items","total","figures":{last_30_days}}; audited. */
int seal_orders_list(struct ctx *c, const struct seal_order_filter *f, json_t **out);

#endif
