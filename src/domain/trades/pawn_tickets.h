/* pawn_tickets.h — a pawnshop's ticket register (issue 16 gaps): the
 * pledger's ID document checked, the goods and their origin recorded
 * (COM-PAWN: 典当管理办法 Art 27, 51-52; ZA2025 Art 71(1)); goods a
 * pawnshop may not take (guns, controlled knives, police items, official
 * seals and documents, ID documents) refused unless reported; a report of
 * suspected stolen goods, and a pledger on the wanted list (compared as
 * hotel guests are), open a 警情 for the station at once. */
#ifndef PS_DOMAIN_PAWN_TICKETS_H
#define PS_DOMAIN_PAWN_TICKETS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct pawn_ticket_input {
	int64_t unit_id;
	const char *ticket_no, *pawned_on, *item_class, *item, *origin;
	const char *identifier; /* 串号/车架号 etc., matched against 协查物品 */
	int64_t amount_yuan;
	const char *pledger_name, *pledger_id_number;
	int suspicious;
	const char *suspicion;
};

struct pawn_ticket_filter {
	int64_t unit_id;
	int reported_only;
	int64_t page, per_page;
};

/* Record a ticket (a late entry up to 90 days back included). Its
 * identifier is compared with the county's active 协查物品: a hit is no
 * refusal — it joins the report (one 警情 at once), the ticket is marked
 * suspicious and the hit linked; *out = {"pawn_ticket":{…},"hits":[…]}
 * (hits: COM-PAWN warnings, maybe empty). */
int pawn_tickets_create(struct ctx *c, const struct pawn_ticket_input *in, json_t **out);

/* The tickets of the actor's scope, newest first, ID numbers masked;
 * {"items","total","figures":{reported, hits}}; audited. */
int pawn_tickets_list(struct ctx *c, const struct pawn_ticket_filter *f, json_t **out);

#endif
