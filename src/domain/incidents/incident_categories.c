/* incident_categories.c — the 警情类别 table: loaded from data/incident-categories.csv
 * at init, read by the intake form, the daily report and 有警无案. */
#include "domain/incidents/incident_categories.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "rules/offence.h"
#include "core/csv.h"

#include <string.h>

int incident_categories_seed(struct ctx *c, const char *csv, size_t len)
{
	struct csv_reader rd;
	int rc = PS_OK;

	csv_reader_init(&rd, csv, len);
	rd.comments = 1;
	while (!rc) {
		struct rows_query q;
		char *f[6];
		int k;

		rc = csv_read(&rd, c->arena, f, 6, &k, c->err);
		if (rc || k == 0)
			break;
		if ((k == 1 && !*f[0]) || strcmp(f[0], "code") == 0)
			continue; /* blank line or the header */
		if (k != 6)
			return ps_fail(c->err, PS_EINVAL, "BAD_CATEGORIES", NULL, "警情类别数据格式错误");
		rows_binds(&q, c);
		rows_bind_text(&q, f[0]);
		rows_bind_text(&q, f[1]);
		rows_bind_text(&q, *f[2] ? f[2] : NULL);
		rows_bind_text(&q, f[3]);
		rows_bind_int(&q, f[4][0] == '1');
		rows_bind_int(&q, f[5][0] == '1');
		rc = rows_exec(&q,
			       "INSERT INTO incident_category(code, name, parent_code, initials, violation,"
			       " preventable) VALUES (?,?,?,?,?,?) ON CONFLICT (code) DO UPDATE SET"
			       " name = excluded.name, parent_code = excluded.parent_code,"
			       " initials = excluded.initials, violation = excluded.violation,"
			       " preventable = excluded.preventable",
			       NULL);
	}
	return rc;
}

int incident_categories_seed_offences(struct ctx *c, const char *csv, size_t len)
{
	struct csv_reader rd;
	int rc = PS_OK;

	csv_reader_init(&rd, csv, len);
	rd.comments = 1;
	while (!rc) {
		struct rows_query q;
		char *f[2];
		int k;

		rc = csv_read(&rd, c->arena, f, 2, &k, c->err);
		if (rc || k == 0)
			break;
		if ((k == 1 && !*f[0]) || strcmp(f[0], "category") == 0)
			continue; /* blank line or the header */
		if (k != 2)
			return ps_fail(c->err, PS_EINVAL, "BAD_CATEGORIES", NULL, "警情类别与案由对照数据格式错误");
		rows_binds(&q, c);
		rows_bind_text(&q, f[0]);
		rows_bind_text(&q, f[1]);
		rc = rows_exec(&q,
			       "INSERT INTO incident_category_offence(category_code, offence_code) VALUES (?,?)"
			       " ON CONFLICT (category_code) DO UPDATE SET offence_code = excluded.offence_code",
			       NULL);
	}
	return rc;
}

int incident_categories_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT code, name, parent_code AS parent, initials, violation, preventable"
		      " FROM incident_category ORDER BY code",
		      &items);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}


int incident_categories_offences(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_SETTINGS_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT ic.code, ic.name, ic.parent_code AS parent, ic.violation, m.offence_code"
		      " FROM incident_category ic LEFT JOIN incident_category_offence m ON m.category_code = ic.code"
		      " WHERE ic.parent_code IS NOT NULL ORDER BY ic.code",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		const struct offence *o = offence_find(row_str(it, "offence_code"));

		json_object_set_new(it, "offence_name", o ? json_string(o->name) : json_null());
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int incident_categories_offence_put(struct ctx *c, const char *category, const char *offence, json_t **out)
{
	struct rows_query q;
	const char *old = NULL;
	json_t *row = NULL;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_SETTINGS_PUT);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, category);
	rc = rows_int(&q, "SELECT COUNT(*) FROM incident_category WHERE code = ? AND parent_code IS NOT NULL", 0, &n);
	if (!rc && !n)
		return ps_fail_field(c->err, PS_EINVAL, "category", "没有这个警情类别（应为小类代码）");
	if (!rc && offence && *offence && !offence_find(offence))
		return ps_fail_field(c->err, PS_EINVAL, "offence", "没有这个案由");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, category);
	rc = rows_one(&q, "SELECT offence_code FROM incident_category_offence WHERE category_code = ?", &row);
	if (rc == PS_ENOTFOUND) {
		ps_err_clear(c->err);
		rc = PS_OK;
	} else if (!rc) {
		old = arena_strdup(c->arena, row_str(row, "offence_code") ? row_str(row, "offence_code") : "");
		json_decref(row);
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, category);
	if (offence && *offence) {
		rows_bind_text(&q, offence);
		rc = rows_exec(&q,
			       "INSERT INTO incident_category_offence(category_code, offence_code) VALUES (?,?)"
			       " ON CONFLICT (category_code) DO UPDATE SET offence_code = excluded.offence_code",
			       NULL);
	} else {
		rc = rows_exec(&q, "DELETE FROM incident_category_offence WHERE category_code = ?", NULL);
	}
	if (!rc)
		rc = audit_write(c, "incident_category_offence.put", "incident_category", category, "success",
				 arena_printf(c->arena, "%s -> %s", old && *old ? old : "（无）",
					      offence && *offence ? offence : "（无）"));
	if (rc)
		return rc;
	*out = json_pack("{s:{s:s, s:s?}}", "item", "code", category, "offence_code",
			 offence && *offence ? offence : NULL);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
