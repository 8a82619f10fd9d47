/* circulated_goods.h — 协查物品 (issue 16): the goods a station or the county
 * bureau circulated as stolen, matched against what scrap buyers and
 * pawnshops take in (COM-SCRAP-REG: FJS Art 7-9; COM-PAWN: 典当管理办法
 * Art 27, 51 [S]; ZA2025 Art 71). A station sees its own circulations and
 * the county's; matching is county-wide. A hit never refuses the write (the
 * record of what was brought in is evidence): the record is marked
 * suspected, a 警情 opened for its station and a circulated_goods_hits row
 * links the good and the record. */
#ifndef PS_DOMAIN_CIRCULATED_GOODS_H
#define PS_DOMAIN_CIRCULATED_GOODS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct circulated_goods_input {
	const char *name, *category, *brand_model, *identifier, *features, *circulated_on, *valid_until;
	int64_t case_id, incident_id, quantity, value_yuan;
};

struct circulated_goods_filter {
	const char *status; /* "active", "withdrawn" or NULL */
	const char *category, *q;
	int64_t page, per_page;
};

/* Circulate a good for the actor's station (or, for county staff, the
 * county bureau: county-wide), then compare it with the purchases and
 * tickets of the county of the last trade.circulated_lookback_days days:
 * each record hit is marked suspected and opens a 警情.
 * *out = {"circulated_goods":{…},"hits":[…]}; PS_EINVAL (field, Chinese
 * message) and nothing written on bad input. */
int circulated_goods_create(struct ctx *c, const struct circulated_goods_input *in, json_t **out);

/* The goods the actor sees (own scope and the units above), newest first:
 * {"items","total","figures":{active, withdrawn, hits}}; audited. */
int circulated_goods_list(struct ctx *c, const struct circulated_goods_filter *f, json_t **out);

/* One good with the hits of the actor's scope: {"circulated_goods":{…,"hits":[…]}}; audited. */
int circulated_goods_get(struct ctx *c, int64_t id, json_t **out);

/* 撤销: reason one of circulated_withdraw_reason; only the circulating
 * unit's officers (scope check, 403 otherwise); a withdrawn good no longer
 * matches. PS_ECONFLICT when already withdrawn. */
int circulated_goods_withdraw(struct ctx *c, int64_t id, const char *reason, const char *note, json_t **out);

/* The identifier as matched: ASCII upper case, without spaces (also the
 * full-width one), '-', '_', '/', '.' and full-width dashes; in c's arena.
 * NULL when nothing is left (or s is NULL). */
const char *circulated_goods_norm(struct ctx *c, const char *s);

/* The active circulated goods of the county of station whose identifier is
 * norm: *goods is a new array (maybe empty) of {id, name, category,
 * category_label, identifier, brand_model, circulated_on, station_name}.
 * norm NULL: an empty array. */
int circulated_goods_match(struct ctx *c, int64_t station, const char *norm, json_t **goods);

/* The reason a hit gives, for the record's suspicion and its 警情
 * (arena): "物品串号比中协查物品：…". goods not empty. */
const char *circulated_goods_why(struct ctx *c, json_t *goods);

/* Mark a record (kind "scrap_purchase" or "pawn_ticket") suspected with why
 * (appended to an earlier suspicion) and link the 警情 (kept when the
 * record has one). */
int circulated_goods_mark(struct ctx *c, const char *kind, int64_t record_id, const char *why, int64_t incident);

/* Link each good of goods to the record (one circulated_goods_hits row
 * each; an existing link is kept) and append to hits (an array the caller
 * owns) what the answer shows: {goods, rule, message, incident_id,
 * record_kind, record_id}. found_by "record" or "lookback". */
int circulated_goods_link(struct ctx *c, json_t *goods, const char *kind, int64_t record_id, int64_t station,
			  int64_t incident, const char *found_by, json_t *hits);

#endif
