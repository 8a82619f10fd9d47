#include "domain/population/rental_cycles.h"
#include "domain/rows.h"

#include <string.h>

#define PREFIX "rental.visit_days_"

int rental_cycles_is_key(const char *key)
{
	return strncmp(key, PREFIX, strlen(PREFIX)) == 0;
}

int rental_cycles_apply(struct ctx *c, const char *key, rental_cycle_fn cycle)
{
	const char *level = key + strlen(PREFIX);
	struct rows_query q;
	json_t *stations, *it;
	size_t i;
	int rc;

	if (!rental_cycles_is_key(key))
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_text(&q, level);
	rc = rows_all(&q, "SELECT DISTINCT station_id FROM rental WHERE level = ?", &stations);
	if (rc)
		return rc;
	json_array_foreach(stations, i, it) {
		int64_t station = row_int(it, "station_id");

		rows_binds(&q, c);
		rows_bind_int(&q, cycle(c, key, station));
		rows_bind_int(&q, station);
		rows_bind_text(&q, level);
		rc = rows_exec(&q,
			       "UPDATE rental SET visit_due_day = visit_base_day + ? WHERE station_id = ? AND level = ?",
			       NULL);
		if (rc)
			break;
	}
	json_decref(stations);
	return rc;
}
