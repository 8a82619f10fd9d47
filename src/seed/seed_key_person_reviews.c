/* seed_key_person_reviews.c — the demo's periodic reviews of 城关's key
 * persons (COM-ZD-REVIEW, every 6 months): each active key person listed
 * more than 6 months ago was reviewed 5 months after his listing, except
 * one in six, whose review is now overdue (the 预警 board and 只看复核逾期).
 * Made by the station chief, who reviews every beat; levels stay as listed. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/community/key_person_reviews.h"
#include "domain/rows.h"
#include "rules/date.h"


int seed_demo_key_person_reviews(struct ctx *c)
{
	struct rows_query q;
	json_t *rows = NULL, *r;
	size_t i;
	int64_t today = date_local_days(c->now), n = 0;
	int rc = auth_actor_load(c, "suozhang");

	if (!rc) {
		rows_binds(&q, c);
		rc = rows_all(&q,
			      "SELECT k.id, k.listed_on, k.level FROM key_person k JOIN org_unit o ON o.id = k.station_id"
			      " WHERE o.name = '城关派出所' AND k.status = 'active' ORDER BY k.id",
			      &rows);
	}
	json_array_foreach(rc ? NULL : rows, i, r) {
		struct key_person_review_input in = { 0 };
		json_t *out = NULL;
		int y, m, d;
		int64_t listed;

		if (date_parse(row_str(r, "listed_on"), 10, &y, &m, &d))
			continue;
		listed = date_days_from_civil(y, m, d);
		if (date_add_months(listed, 6) >= today || ++n % 6 == 0)
			continue;
		date_civil_from_days(date_add_months(listed, 5), &y, &m, &d);
		in.reviewed_on = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
		in.conclusion = "keep";
		in.notes = "近期表现稳定，按时见面，仍符合列管条件";
		rc = key_person_reviews_create(c, row_int(r, "id"), &in, &out);
		json_decref(out);
		if (rc)
			break;
	}
	json_decref(rows);
	return rc;
}

SEED_STEP(171, seed_demo_key_person_reviews);
