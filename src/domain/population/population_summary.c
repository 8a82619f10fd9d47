/* population_summary.c — the 一标三实 figures of the station page. */
#include "domain/population/population_summary.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/hits.h"
#include "domain/population/letters.h"
#include "domain/population/rentals.h"
#include "domain/population/tenancies.h"
#include "domain/population/floating.h"
#include "domain/population/employers.h"
#include "domain/population/wanted.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"

#include <stdio.h>
#include <string.h>

static int64_t count(struct ctx *c, const char *sql)
{
	struct rows_query q;
	int64_t n = 0;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_int(&q, sql, 0, &n);
	return n;
}

/* 比对率: tenants, temporary and floating residents compared / all of them */
#define DUE_SQL                                                                                  \
	" FROM person p JOIN org_unit o ON o.id = p.unit_id WHERE o.path LIKE ? AND (p.kind IN"   \
	" ('temporary','floating') OR EXISTS (SELECT 1 FROM tenancy t WHERE t.person_id = p.id"  \
	" AND t.to_date IS NULL))"
/* compared: at its own registration, or by a whole-registry run since */
#define COMPARED_SQL                                                                               \
	" AND p.id_number IS NOT NULL AND (p.compared_at IS NOT NULL OR COALESCE(p.updated_at, p.created_at)" \
	" <= COALESCE((SELECT MAX(at) FROM comparison_run), 0))"

static int64_t count_like(struct ctx *c, const char *like, const char *sql)
{
	struct rows_query q;
	int64_t n = 0;

	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rows_int(&q, sql, 0, &n);
	return n;
}

int population_summary_comparison(struct ctx *c, const char *like, int64_t *due, int64_t *compared,
				  json_t **not_compared)
{
	struct rows_query q;

	*due = count_like(c, like, "SELECT COUNT(*)" DUE_SQL);
	*compared = count_like(c, like, "SELECT COUNT(*)" DUE_SQL COMPARED_SQL);
	if (!not_compared)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	return rows_all(&q,
			"SELECT p.id, p.name, CASE WHEN p.id_number IS NULL THEN '无身份证号码，无法比对'"
			" ELSE '尚未比对' END AS reason" DUE_SQL " AND NOT (1 = 1" COMPARED_SQL ") LIMIT 200",
			not_compared);
}
#undef DUE_SQL
#undef COMPARED_SQL

int population_summary(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *by_kind, *not_compared, *employers, *letters;
	int64_t due_total, compared, control, sent, overdue_visits = 0, rentals = 0, overdue_letters = 0,
								    overdue_reports = 0;
	size_t i;
	json_t *it;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_POPULATION_SUMMARY);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT p.kind, COUNT(*) AS n FROM person p JOIN org_unit o ON o.id = p.unit_id"
		      " WHERE o.path LIKE ? GROUP BY p.kind ORDER BY p.kind",
		      &by_kind);
	if (rc)
		return rc;
	rc = population_summary_comparison(c, ctx_scope_like(c), &due_total, &compared, &not_compared);
	if (rc) {
		json_decref(by_kind);
		return rc;
	}
	/* 发函率: control-layer floating persons with a letter / all of them */
	control = count(c, "SELECT COUNT(*) FROM floating_person f JOIN org_unit o ON o.id = f.station_id"
			   " WHERE o.path LIKE ? AND f.layer = 'control'");
	sent = count(c, "SELECT COUNT(*) FROM floating_person f JOIN org_unit o ON o.id = f.station_id"
			" WHERE o.path LIKE ? AND f.layer = 'control' AND EXISTS (SELECT 1 FROM inquiry_letter l"
			" WHERE l.person_id = f.person_id)");
	if (!rc)
		rc = rentals_counts(c, &rentals, &overdue_visits);
	if (!rc)
		rc = employers_list_unaudited(c, &employers);
	if (!rc)
		rc = letters_list_unaudited(c, 1, &letters);
	if (rc) {
		json_decref(by_kind);
		json_decref(not_compared);
		return rc;
	}
	/* AUD-1: the figures name the persons not yet compared */
	rc = audit_read_items(c, "population.summary", "person", not_compared, "id");
	if (rc) {
		json_decref(by_kind);
		json_decref(not_compared);
		json_decref(employers);
		json_decref(letters);
		return rc;
	}
	json_array_foreach(json_object_get(employers, "items"), i, it)
		overdue_reports += json_is_true(json_object_get(it, "overdue"));
	json_array_foreach(json_object_get(letters, "items"), i, it)
		overdue_letters += json_is_true(json_object_get(it, "overdue"));
	*out = json_pack("{s:o, s:I, s:I, s:I, s:o, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
			 "by_kind", by_kind, "comparison_due", (json_int_t)due_total, "compared",
			 (json_int_t)compared, "comparison_pct",
			 (json_int_t)(due_total ? compared * 100 / due_total : 100), "not_compared", not_compared,
			 "control_layer", (json_int_t)control, "letters_sent", (json_int_t)sent, "letter_pct",
			 (json_int_t)(control ? sent * 100 / control : 100), "letters_overdue",
			 (json_int_t)overdue_letters, "rentals", (json_int_t)rentals,
			 "visits_overdue", (json_int_t)overdue_visits, "employer_reports_overdue",
			 (json_int_t)overdue_reports, "open_hits",
			 (json_int_t)count(c, "SELECT COUNT(*) FROM comparison_hit h JOIN org_unit o ON o.id = h.unit_id"
					      " WHERE o.path LIKE ? AND h.status <> 'closed'"));
	json_decref(employers);
	json_decref(letters);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
