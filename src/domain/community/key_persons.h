/* key_persons.h — 重点人口 (and 刑释解教, 社区矫正 …) under a beat: category,
 * reason, control level and plan; contacts (见面/电话/走访) and the contact
 * cycle by level (COM-ZD-LIST, settings); 见面率 per beat and officer;
 * overdue contacts on the 预警 board; transfer to another station through a
 * 函查 letter that the receiving station acknowledges. Internal police data
 * (COM-ZD-INTERNAL): auxiliaries and other stations never read it, every
 * read is audited. */
#ifndef PS_DOMAIN_KEY_PERSONS_H
#define PS_DOMAIN_KEY_PERSONS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/authz.h"
#include "domain/ctx.h"

struct key_person_input {
	int64_t person_id, beat_id;
	const char *category, *reason, *level, *control_plan, *listed_on;
};

struct key_person_filter {
	int64_t beat_id;
	int overdue_only, mine, due_within; /* due_within: days from today (-1: no filter) */
	int64_t page, per_page;             /* page ≥ 1: that page of the items only (0: all) */
	int review_due_only;                /* past their review day (COM-ZD-REVIEW) */
};

/* The station's key persons with their schedule ({"items","total","rates"}):
 * rates gives 见面率 per beat and per officer (over every key person in the
 * scope); with f->page, items holds that page of f->per_page rows and total
 * counts all that match. Audited (the rows sent). */
int key_persons_list(struct ctx *c, const struct key_person_filter *f, json_t **out);
/* The same without the audit row: figures and the today page (rows never
 * reach a client as such). */
int key_persons_list_unaudited(struct ctx *c, const struct key_person_filter *f, json_t **out);

/* List a person at once, in the actor's station (the demo's history; the
 * API lists through key_person_listings_create, COM-ZD-ENLIST). */
int key_persons_create(struct ctx *c, const struct key_person_input *in, json_t **out);

/* The checks of a listing, before it is asked or made: the action, the
 * category of the setting, reason, level, a listing day not after today,
 * the person visible, the beat (given, of the actor's station, or the
 * person's own) under the beat rule (COM-WARD), and no listing held
 * already (409 KEY_PERSON_EXISTS). Fills in->listed_on and in->beat_id. */
int key_persons_check_input(struct ctx *c, struct key_person_input *in);

/* Put the person under control at station: a new row, or his removed row
 * active again with its history; audited. *id is the key person. */
int key_persons_enlist(struct ctx *c, const struct key_person_input *in, int64_t station, int64_t *id);
int key_persons_get(struct ctx *c, int64_t id, json_t **out);

/* Change level, plan or reason; remove (撤管) with a reason. */
int key_persons_update(struct ctx *c, int64_t id, const char *level, const char *control_plan,
		       const char *reason, int remove, json_t **out);

int key_persons_contact(struct ctx *c, int64_t id, const char *contacted_on, const char *mode,
			const char *place, const char *findings, json_t **out);

/* The object check of a write on key person id: the station's record
 * (act), then his beat's people or the chief (COM-WARD, action audited). */
int key_persons_may_write(struct ctx *c, enum authz_act act, int64_t id, const char *action);

/* A tenant put in the rental's `key` layer gets the key-person cycle: a
 * key_person row (source tenant, listed from the tenancy's start) unless he
 * has one. */
int key_persons_from_tenancy(struct ctx *c, int64_t person_id, int64_t rental_id, const char *from);

/* Re-attach the key persons living at the grid's addresses to its beat. */
int key_persons_rebeat_grid(struct ctx *c, int64_t grid_id);

#define KEY_PERSON_PATH_SQL \
	"SELECT o.path FROM key_person k JOIN org_unit o ON o.id = k.station_id WHERE k.id = ?"

#endif
