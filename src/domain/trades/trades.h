/* trades.h — 特种行业 and 内部单位 (issue 16, part B): the register of
 * special-trade businesses and internal units, their security measures
 * (技防, 人防, 物防), the kind's inspection cycle and checklist (settings
 * trade.cycle_days_<kind>, trade.checklist_<kind>; COM-KEYUNIT-CHECK). */
#ifndef PS_DOMAIN_TRADES_H
#define PS_DOMAIN_TRADES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

struct trade_input {
	const char *category; /* trade | internal */
	const char *kind;     /* enum special_trade_kind / internal_unit_kind by category */
	const char *name;
	int64_t address_id;   /* 0 = none */
	const char *licence_no, *licence_expires_on;
	const char *responsible, *phone, *security_chief;
	int64_t security_staff, cameras;
	int key_unit, video_linked, alarm;
	const char *guard_measures, *physical_measures;
	/* a key unit: its category and the government's decision (COM-KEYUNIT-DEF) */
	const char *key_unit_category, *key_unit_decision, *key_unit_decided_on;
};

/* Register a unit of the actor's station (trade.create, audited). */
int trades_create(struct ctx *c, const struct trade_input *in, json_t **out);

/* A change of a registered unit (PATCH /trade-units/{id}): the text fields
 * of in that are not NULL ("" clears one), the numbers and flags marked
 * given, the address when has_address (0 = none); category, kind and the
 * key-unit designation stay as registered. closed_on with close_reason
 * closes it (trade_closures_close). */
struct trade_patch {
	struct trade_input in;
	int64_t address_id;
	int has_address, has_staff, has_cameras, has_video, has_alarm;
	const char *closed_on, *close_reason;
};

/* Edit a unit of the actor's station (trade.create; audited trade.update);
 * a closed unit is 409 TRADE_CLOSED; nothing to change is 400. */
int trades_update(struct ctx *c, int64_t id, const struct trade_patch *p, json_t **out);

/* The units of the actor's scope, filtered by category and kind (NULL =
 * all); overdue_only keeps those whose inspection is due. Each row carries
 * last_inspected_on, next_due, inspection_overdue, open_findings and
 * overdue_findings; phones masked. {"items":[…],"figures":{…}}; audited. */
int trades_list(struct ctx *c, const char *category, const char *kind, int overdue_only,
		json_t **out);

/* The beat officer's today page (domain/community/today.c): the units of
 * the actor's scope whose inspection is due, appended to items as
 * {label, detail, due_on, route}. Nothing for one who does not inspect. */
int trades_today(struct ctx *c, json_t *items);

/* One unit with its inspections, findings, checklist, cycle, registration
 * changes (trade_changes_of_unit) and the finding kinds that fit it with
 * the offence code each proposes (audited). */
int trades_get(struct ctx *c, int64_t id, json_t **out);

/* The kind's checklist (setting trade.checklist_<kind> split at '；') as a
 * JSON array of strings; NULL on ENOMEM. */
json_t *trades_checklist(struct ctx *c, const char *kind, int64_t station_id);

/* The Chinese word of a unit's kind: from special_trade_kind or
 * internal_unit_kind by its category. */
const char *trades_kind_label(const char *category, const char *kind);

/* The kind's inspection cycle in days (setting trade.cycle_days_<kind>). */
int64_t trades_cycle_days(struct ctx *c, const char *kind, int64_t station_id);

/* Clock source (domain/clocks/clock_sources.c): every open unit's next
 * inspection (COM-KEYUNIT-CHECK, the kind's cycle). */
int trades_clocks(struct clock_sink *k, enum clock_scope s);

#endif
