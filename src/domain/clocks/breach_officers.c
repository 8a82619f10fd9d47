/* breach_officers.c — who answers for a BREACH (issue 15): the officers
 * responsible for the step that was late. A clock of a case (its limits,
 * its measures, its property, its return visits) is its main and co
 * officers' step; a clock of a complaint or an appeal is the station's
 * (its chiefs). They are kept with the breach when it is recorded, so
 * responsibility follows the person who moves on, not the chair
 * (SUP-GC-LIFETIME). So breaches roll up per officer (officer_records.c). */
#include "domain/clocks/breach_officers.h"
#include "domain/rows.h"

#include <string.h>

/* Who answers for the breach now, by its clock (the case's officers, or
 * the unit's chiefs): what breach_officers_record keeps. */
static json_t *officers_now(struct ctx *c, json_t *b)
{
	const char *key = row_str(b, "clock_key");
	struct rows_query q;
	json_t *out = NULL;
	int station_step = key && (strncmp(key, "complaint:", 10) == 0 || strncmp(key, "appeal:", 7) == 0);

	rows_binds(&q, c);
	if (row_int(b, "case_id") && !station_step) {
		rows_bind_int(&q, row_int(b, "case_id"));
		if (rows_all(&q,
			     "SELECT u.id AS user_id, u.name, u.badge_no FROM case_officer x JOIN users u ON u.id = x.user_id"
			     " WHERE x.case_id = ? AND x.duty IN ('main','co') ORDER BY x.duty DESC, u.id",
			     &out))
			return NULL;
	} else {
		rows_bind_int(&q, row_int(b, "unit_id"));
		if (rows_all(&q,
			     "SELECT u.id AS user_id, u.name, u.badge_no FROM users u WHERE u.unit_id = ? AND u.role = 'chief'"
			     " AND u.disabled = 0 ORDER BY u.id",
			     &out))
			return NULL;
	}
	return out;
}

json_t *breach_officers_of(struct ctx *c, json_t *b)
{
	struct rows_query q;
	json_t *out = NULL;

	/* those recorded with it (SUP-GC-LIFETIME: whoever moved since) */
	rows_binds(&q, c);
	rows_bind_text(&q, row_str(b, "clock_key"));
	if (rows_all(&q,
		     "SELECT u.id AS user_id, u.name, u.badge_no FROM breach_officer bo JOIN users u ON u.id = bo.user_id"
		     " WHERE bo.clock_key = ? ORDER BY u.id",
		     &out))
		return NULL;
	if (json_array_size(out))
		return out;
	json_decref(out);
	return officers_now(c, b);
}

int breach_officers_record(struct ctx *c, const char *key)
{
	struct rows_query q;
	json_t *b = NULL, *who, *it;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, key);
	rc = rows_one(&q, "SELECT clock_key, case_id, unit_id FROM breach WHERE clock_key = ?", &b);
	if (rc == PS_ENOTFOUND)
		return PS_OK;
	if (rc)
		return rc;
	who = officers_now(c, b);
	json_decref(b);
	if (!who)
		return ps_fail(c->err, PS_EIO, NULL, NULL, "读取责任民警失败");
	json_array_foreach(who, i, it) {
		rows_binds(&q, c);
		rows_bind_text(&q, key);
		rows_bind_int(&q, row_int(it, "user_id"));
		rc = rows_exec(&q, "INSERT INTO breach_officer(clock_key, user_id) VALUES (?,?) ON CONFLICT DO NOTHING", NULL);
		if (rc)
			break;
	}
	json_decref(who);
	return rc;
}
