/* scrap_purchases.h — a scrap buyer's purchase register (issue 16 gaps):
 * the seller's name, ID number and address, the item, its specification,
 * state and weight (COM-SCRAP-REG, FJS Art 7); production scrap only with
 * the selling unit's certificate, and the banned items of FJS Art 8 never
 * bought; goods suspected stolen reported at once (COM-SCRAP-REPORT, FJS
 * Art 9-10): the police hold them with a receipt and return them when not
 * stolen — a clock until the police act. Each seller is compared with the
 * wanted list. */
#ifndef PS_DOMAIN_SCRAP_PURCHASES_H
#define PS_DOMAIN_SCRAP_PURCHASES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

struct scrap_purchase_input {
	int64_t unit_id;
	const char *purchased_on, *item_class, *item, *spec, *item_state;
	const char *identifier; /* 串号/序列号 etc., matched against 协查物品 */
	int64_t weight_g;
	const char *seller_name, *seller_id_number, *seller_address, *seller_unit, *seller_unit_proof;
	int suspicious;
	const char *suspicion;
};

struct scrap_purchase_filter {
	int64_t unit_id;
	int suspicious_only, open_only;
	int64_t page, per_page;
};

/* Record a purchase (a late entry up to 90 days back included). Its
 * identifier is compared with the county's active 协查物品: a hit is no
 * refusal — the purchase is marked suspicious, a 警情 opened and the hit
 * linked; *out = {"scrap_purchase":{…},"hits":[…]} (hits: COM-SCRAP-REG
 * warnings, maybe empty). */
int scrap_purchases_create(struct ctx *c, const struct scrap_purchase_input *in, json_t **out);

/* The purchases of the actor's scope, newest first, ID numbers masked;
 * {"items","total","figures":{suspicious_open}}; audited. */
int scrap_purchases_list(struct ctx *c, const struct scrap_purchase_filter *f, json_t **out);

/* The police act on a suspicious purchase: held (receipt_no required),
 * returned or confirmed. */
int scrap_purchases_handle(struct ctx *c, int64_t id, const char *handling, const char *receipt_no,
			   const char *note, json_t **out);

int scrap_purchases_clocks(struct clock_sink *k, enum clock_scope s);
int scrap_purchases_today(struct ctx *c, json_t *items);

#endif
