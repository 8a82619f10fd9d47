/* breach_officers.c — who answers for a BREACH (issue 15): the officers
 * responsible for the step that was late. A clock of a case (its limits,
 * its measures, its property, its return visits) is its main and co
 * officers' step; a clock of a complaint or an appeal is the station's
 * (its chiefs). So breaches roll up per officer (officer_records.c). */
#include "domain/supervision/supervision.h"
#include "domain/rows.h"

#include <string.h>

json_t *breach_officers_of(struct ctx *c, json_t *b)
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
