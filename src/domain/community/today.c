/* today.c — the beat officer's today page. */
#include "domain/community/today.h"
#include "domain/community/beats.h"
#include "domain/community/household_visits.h"
#include "domain/community/key_persons.h"
#include "domain/community/registration_sweeps.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"

#include <string.h>

/* the modules that put work on the today page and 待办: each area lists its
 * own in src/domain/<area>/today.def (TODAY_SOURCE(name, function)),
 * collected by the build (cmake/collect.cmake → collected/today.inc) */
#define TODAY_SOURCE(name, fn) int fn(struct ctx *c, json_t *items);
#include "collected/today.inc"
#undef TODAY_SOURCE

const struct today_source today_sources[] = {
#define TODAY_SOURCE(name, fn) { name, fn },
#include "collected/today.inc"
#undef TODAY_SOURCE
	{ NULL, NULL },
};

int today_get(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *suggest = NULL, *contacts = NULL, *sweeps = NULL, *items, *kp = NULL, *r;
	int64_t done = 0, target = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TODAY_READ);
	if (!rc)
		rc = household_visits_week(c, c->who.user_id, &done, &target);
	if (rc)
		return rc;
	/* households of my beats never visited: the next ones to go to */
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_all(&q,
		      "SELECT a.id, a.community, a.building, a.unit_no, a.room, b.name AS beat_name FROM address a"
		      " JOIN grid g ON g.id = a.grid_id JOIN beat b ON b.id = g.beat_id WHERE g.beat_id IN " BEATS_OF_USER_SQL
		      " AND EXISTS (SELECT 1 FROM person p WHERE p.address_id = a.id)"
		      " AND NOT EXISTS (SELECT 1 FROM household_visit v WHERE v.address_id = a.id)"
		      " ORDER BY a.community, a.building, a.unit_no, a.room LIMIT 5",
		      &suggest);
	if (rc)
		return rc;
	/* key persons due within 3 days or overdue (not for auxiliaries:
	 * COM-ZD-INTERNAL) */
	if (authz_allowed(c, ACT_KEY_PERSON_LIST)) {
		struct key_person_filter f = { 0, 0, 1, 3, 0, 0, 0 };

		rc = key_persons_list_unaudited(c, &f, &kp);
		if (!rc) {
			contacts = json_incref(json_object_get(kp, "items"));
			json_decref(kp);
			rc = audit_read_items(c, "key_person.list", "key_person", contacts, "id");
		}
	} else {
		contacts = json_array();
	}
	if (!rc)
		rc = registration_sweeps_list(c, &sweeps);
	if (rc) {
		json_decref(suggest);
		json_decref(contacts);
		return rc;
	}
	{
		json_t *open = json_array();

		json_array_foreach(json_object_get(sweeps, "items"), i, r)
			if (!strcmp(row_str(r, "status"), "planned"))
				json_array_append(open, r);
		json_decref(sweeps);
		sweeps = open;
	}
	items = json_array();
	for (const struct today_source *s = today_sources; s->name && !rc; s++)
		rc = s->collect(c, items);
	if (rc) {
		json_decref(suggest);
		json_decref(contacts);
		json_decref(sweeps);
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:s, s:{s:I, s:I, s:I, s:o}, s:o, s:o, s:o}", "date", ctx_today_str(c), "visits", "done",
			 (json_int_t)done, "target", (json_int_t)target, "due",
			 (json_int_t)(done < target ? target - done : 0), "suggest", suggest, "contacts", contacts, "sweeps",
			 sweeps, "items", items);
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = audit_read_items(c, "today.read", "address", json_object_get(json_object_get(*out, "visits"), "suggest"),
			      "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
