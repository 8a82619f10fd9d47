#include "domain/population/wanted.h"
#include "domain/population/imports.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/population/rentals.h"
#include "domain/population/tenancies.h"
#include "domain/population/floating.h"
#include "domain/population/employers.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "core/csv.h"

#include <stdio.h>
#include <string.h>

/* Insert or update one entry; *out_id (may be NULL) = its record id. */
static int put_one(struct ctx *c, const struct wanted_input *in, int64_t *out_id)
{
	int64_t rid = 0;
	int rc;
	struct idcard id;
	struct rows_query q;
	enum idcard_result r;
	int y, m, d;

	if (!in->id_number || (r = idcard_parse(in->id_number, strlen(in->id_number), 0, &id)) != IDCARD_OK)
		return ps_fail_field(c->err, PS_EINVAL, "id_number", "%s",
				     in->id_number ? idcard_result_message(r) : "缺少身份证号码");
	if (!in->name || !*in->name || !in->case_desc || !*in->case_desc || !in->issuing_unit ||
	    !*in->issuing_unit)
		return ps_fail_field(c->err, PS_EINVAL, "name", "姓名、案由、发布单位均不能为空");
	if (!in->issued_on || date_parse(in->issued_on, strlen(in->issued_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "issued_on", "发布日期应为 YYYY-MM-DD");
	rows_binds(&q, c);
	rows_bind_text(&q, id.number);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->case_desc);
	rows_bind_text(&q, in->issuing_unit);
	rows_bind_text(&q, in->issued_on);
	if (in->withdrawn)
		rows_bind_int(&q, c->now);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			   "INSERT INTO wanted_person(id_number, name, case_desc, issuing_unit, issued_on, withdrawn_at,"
			   " updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (id_number) DO UPDATE SET"
			   " name = excluded.name, case_desc = excluded.case_desc, issuing_unit = excluded.issuing_unit,"
			   " issued_on = excluded.issued_on, withdrawn_at = excluded.withdrawn_at,"
			   " updated_at = excluded.updated_at RETURNING id",
			   &rid);
	if (!rc && out_id)
		*out_id = rid;
	return rc;
}

int wanted_compare_all(struct ctx *c, int *new_hits)
{
	struct rows_query q;
	json_t *rows, *r, *hits = json_array();
	size_t i;
	int rc;

	*new_hits = 0;
	if (!hits)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* a hash join in the database: only persons whose number is wanted */
	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT p.id FROM person p JOIN wanted_person w ON w.id_number = p.id_number"
		      " WHERE w.withdrawn_at IS NULL",
		      &rows);
	if (!rc)
		json_array_foreach(rows, i, r) {
			rc = persons_compare(c, row_int(r, "id"), hits);
			if (rc)
				break;
		}
	json_decref(rows);
	*new_hits = (int)json_array_size(hits);
	/* everyone else was compared too (the list holds none of them): the run
	 * is recorded once instead of touching every person */
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, *new_hits);
		rc = rows_exec(&q, "INSERT INTO comparison_run(at, hits) VALUES (?, ?)", NULL);
	}
	json_decref(hits);
	if (!rc)
		rc = audit_write(c, "comparison.run", "wanted_person", NULL, "success",
				 arena_printf(c->arena, "new_hits=%d", *new_hits));
	return rc;
}

int wanted_put(struct ctx *c, const struct wanted_input *in, int *new_hits)
{
	int64_t id = 0;
	int rc = authz_require(c, ACT_WANTED_PUT);

	*new_hits = 0;
	if (!rc)
		rc = put_one(c, in, &id);
	/* the record id, never the ID number (AUD-6) */
	if (!rc)
		rc = audit_write(c, "wanted.put", "wanted_person", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->withdrawn ? "withdrawn" : NULL);
	return rc ? rc : wanted_compare_all(c, new_hits);
}

int wanted_withdraw(struct ctx *c, int64_t id, int *new_hits)
{
	struct rows_query q;
	int64_t n = 0;
	int rc = authz_require(c, ACT_WANTED_PUT);

	*new_hits = 0;
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE wanted_person SET withdrawn_at = COALESCE(withdrawn_at, ?), updated_at = ?"
		       " WHERE id = ?",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "在逃人员记录不存在");
	if (!rc)
		rc = audit_write(c, "wanted.put", "wanted_person", arena_printf(c->arena, "%lld", (long long)id),
				 "success", "withdrawn");
	return rc ? rc : wanted_compare_all(c, new_hits);
}

int wanted_import(struct ctx *c, const char *csv, size_t len, int all, json_t **out)
{
	struct csv_reader rd;
	json_t *errors = json_array();
	int imported = 0, new_hits = 0, seen = 0, rc;

	*out = NULL;
	rc = authz_require(c, ACT_WANTED_IMPORT);
	if (rc || !errors) {
		json_decref(errors);
		return rc ? rc : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	csv_reader_init(&rd, csv, len);
	while (!rc) {
		char *f[6];
		int k;

		rc = csv_read(&rd, c->arena, f, 6, &k, c->err);
		if (rc || k == 0)
			break;
		if (csv_record_blank(f, k))
			continue; /* a blank line, or a row of empty cells (",,,,," from Excel) */
		if (!seen++ && k > 1 && !(f[0][0] >= '0' && f[0][0] <= '9'))
			continue; /* the header row: the first that is not blank */
		if (k < 5) {
			json_array_append_new(errors, json_pack("{s:i, s:s}", "row", rd.record, "reason",
								"应为 身份证号,姓名,案由,发布单位,发布日期[,撤销]"));
		} else {
			struct wanted_input in = { f[0], f[1], f[2], f[3], f[4], k == 6 && (*f[5] == '1' || !strcmp(f[5], "撤销")) };
			struct ps_err e, *saved = c->err;

			ps_err_clear(&e);
			c->err = &e;
			rc = put_one(c, &in, NULL);
			c->err = saved;
			if (rc == PS_EINVAL) {
				json_array_append_new(errors, json_pack("{s:i, s:s}", "row", rd.record, "reason", e.msg));
				rc = PS_OK;
			} else if (rc) {
				*c->err = e;
			} else {
				imported++;
			}
		}
	}
	if (!rc && all && json_array_size(errors) > 0) {
		/* all or nothing: the caller rolls the good rows back */
		size_t n = json_array_size(errors);

		*out = json_pack("{s:i, s:i, s:o, s:i, s:b}", "rows", imported + (int)n, "imported", 0,
				 "errors", errors, "new_hits", 0, "all_or_nothing", 1);
		return imports_refuse_whole(c, "wanted.import", "wanted_person", imported + (int)n, n);
	}
	if (!rc)
		rc = audit_write(c, "wanted.import", "wanted_person", NULL, "success",
				 arena_printf(c->arena, "imported=%d errors=%zu", imported, json_array_size(errors)));
	if (!rc)
		rc = wanted_compare_all(c, &new_hits);
	if (rc) {
		json_decref(errors);
		return rc;
	}
	*out = json_pack("{s:i, s:i, s:o, s:i}", "rows", imported + (int)json_array_size(errors),
			 "imported", imported, "errors", errors, "new_hits", new_hits);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int wanted_list(struct ctx *c, int active_only, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	rc = authz_require(c, ACT_WANTED_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, active_only);
	rc = rows_all(&q,
		      "SELECT id, id_number, name, case_desc, issuing_unit, issued_on, withdrawn_at FROM wanted_person"
		      " WHERE ? = 0 OR withdrawn_at IS NULL ORDER BY issued_on DESC, id DESC LIMIT 2000",
		      &items);
	if (rc)
		return rc;
	/* PII-1: a list shows ID numbers masked; the birth date is in the number */
	json_array_foreach(items, i, it) {
		char masked[19];

		if (row_str(it, "id_number")) {
			idcard_mask(row_str(it, "id_number"), masked);
			json_object_set_new(it, "id_number", json_string(masked));
		}
	}
	rc = audit_read_items(c, "wanted.list", "wanted_person", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
