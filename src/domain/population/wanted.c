#include "domain/population/wanted.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/population.h"
#include "domain/population/rentals.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "core/csv.h"

#include <stdio.h>
#include <string.h>

static int put_one(struct ctx *c, const struct wanted_input *in)
{
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
	return rows_exec(&q,
			 "INSERT INTO wanted_person(id_number, name, case_desc, issuing_unit, issued_on, withdrawn_at,"
			 " updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (id_number) DO UPDATE SET"
			 " name = excluded.name, case_desc = excluded.case_desc, issuing_unit = excluded.issuing_unit,"
			 " issued_on = excluded.issued_on, withdrawn_at = excluded.withdrawn_at,"
			 " updated_at = excluded.updated_at",
			 NULL);
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
	int rc = authz_require(c, ACT_WANTED_PUT);

	*new_hits = 0;
	if (!rc)
		rc = put_one(c, in);
	if (!rc)
		rc = audit_write(c, "wanted.put", "wanted_person", in->id_number, "success",
				 in->withdrawn ? "withdrawn" : NULL);
	return rc ? rc : wanted_compare_all(c, new_hits);
}

int wanted_import(struct ctx *c, const char *csv, size_t len, json_t **out)
{
	struct csv_reader rd;
	json_t *errors = json_array();
	int imported = 0, new_hits = 0, rc;

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
		if ((k == 1 && !*f[0]) || (rd.record == 1 && k > 1 && !(f[0][0] >= '0' && f[0][0] <= '9')))
			continue; /* blank line or the header row */
		if (k < 5) {
			json_array_append_new(errors, json_pack("{s:i, s:s}", "row", rd.record, "reason",
								"应为 身份证号,姓名,案由,发布单位,发布日期[,撤销]"));
		} else {
			struct wanted_input in = { f[0], f[1], f[2], f[3], f[4], k == 6 && (*f[5] == '1' || !strcmp(f[5], "撤销")) };
			struct ps_err e, *saved = c->err;

			ps_err_clear(&e);
			c->err = &e;
			rc = put_one(c, &in);
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
	if (!rc)
		rc = audit_write(c, "wanted.import", "wanted_person", NULL, "success",
				 arena_printf(c->arena, "imported=%d errors=%zu", imported, json_array_size(errors)));
	if (!rc)
		rc = wanted_compare_all(c, &new_hits);
	if (rc) {
		json_decref(errors);
		return rc;
	}
	*out = json_pack("{s:i, s:o, s:i}", "imported", imported, "errors", errors, "new_hits", new_hits);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int wanted_list(struct ctx *c, int active_only, json_t **out)
{
	struct rows_query q;
	json_t *items;
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
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int hits_list(struct ctx *c, int open_only, json_t **out)
{
	static const char where[] =
		" FROM comparison_hit h JOIN person p ON p.id = h.person_id JOIN wanted_person w ON w.id = h.wanted_id"
		" JOIN org_unit o ON o.id = h.unit_id WHERE o.path LIKE ? AND (? = 0 OR h.status <> 'closed')";
	struct rows_query q;
	int rc = authz_require(c, ACT_HIT_LIST);

	if (rc)
		return rc;
	rows_query_init(&q, c, where, 1, 500);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, open_only);
	return rows_page(&q,
			 "SELECT h.id, h.status, h.hit_at, h.signed_at, h.checked_at, h.feedback, h.person_id,"
			 " p.name AS person_name, w.name AS wanted_name, w.case_desc, w.issuing_unit, w.issued_on,"
			 " o.name AS unit_name",
			 "ORDER BY h.status = 'closed', h.hit_at DESC", out);
}

int hits_step(struct ctx *c, int64_t id, const char *step, const char *feedback, json_t **out)
{
	struct rows_query q;
	json_t *h;
	const char *st;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_HIT_UPDATE);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_one(&q,
		      "SELECT h.id, h.status FROM comparison_hit h JOIN org_unit o ON o.id = h.unit_id"
		      " WHERE h.id = ? AND o.path LIKE ?",
		      &h);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "比对命中不存在");
	if (rc)
		return rc;
	st = arena_strdup(c->arena, json_string_value(json_object_get(h, "status")));
	json_decref(h);
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	if (!step || (strcmp(step, "sign") && strcmp(step, "check") && strcmp(step, "close")))
		return ps_fail(c->err, PS_ENOTFOUND, "NO_ROUTE", NULL, "未知的处理环节");
	if (!strcmp(step, "sign")) {
		if (strcmp(st, "new"))
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "已签收");
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE comparison_hit SET status = 'signed', signed_by = ?, signed_at = ?"
				   " WHERE id = ?", &n);
	} else if (!strcmp(step, "check")) {
		if (strcmp(st, "signed"))
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "请先签收再核查");
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE comparison_hit SET status = 'checked', checked_by = ?, checked_at = ?"
				   " WHERE id = ?", &n);
	} else {
		if (strcmp(st, "checked"))
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "核查后才能反馈结果");
		if (!feedback || !*feedback)
			return ps_fail_field(c->err, PS_EINVAL, "feedback", "请填写核查反馈");
		rows_binds(&q, c);
		rows_bind_text(&q, feedback);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE comparison_hit SET status = 'closed', feedback = ?, closed_at = ?"
				   " WHERE id = ?", &n);
	}
	if (!rc)
		rc = audit_write(c, arena_printf(c->arena, "hit.%s", step), "comparison_hit",
				 arena_printf(c->arena, "%lld", (long long)id), "success", feedback);
	return rc ? rc : hits_list(c, 0, out);
}

int letters_create(struct ctx *c, int64_t person_id, const char *to_unit, const char *sent_on,
		   json_t **out)
{
	struct rows_query q;
	int64_t n = 0, id;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_LETTER_CREATE);
	if (rc)
		return rc;
	if (!to_unit || !*to_unit)
		return ps_fail_field(c->err, PS_EINVAL, "to_unit", "请填写被函查单位（户籍地公安机关）");
	if (!sent_on || date_parse(sent_on, strlen(sent_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "sent_on", "发函日期应为 YYYY-MM-DD");
	(void)n;
	rc = persons_visible(c, person_id, "person_id");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, to_unit);
	rows_bind_text(&q, sent_on);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_insert(&q,
			 "INSERT INTO inquiry_letter(person_id, station_id, to_unit, sent_on, sent_by)"
			 " VALUES (?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "letter.create", "person", arena_printf(c->arena, "%lld", (long long)person_id),
				 "success", to_unit);
	return rc ? rc : letters_list(c, 0, out);
}

int letters_answer(struct ctx *c, int64_t id, const char *answered_on, const char *result,
		   const char *notes, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_LETTER_ANSWER);
	if (rc)
		return rc;
	if (!answered_on || date_parse(answered_on, strlen(answered_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "answered_on", "回函日期应为 YYYY-MM-DD");
	if (!result || (strcmp(result, "none") && strcmp(result, "record") && strcmp(result, "misconduct")))
		return ps_fail_field(c->err, PS_EINVAL, "result", "函查结果应为 none（无）/record（有前科）/misconduct（有劣迹）");
	rows_binds(&q, c);
	rows_bind_text(&q, answered_on);
	rows_bind_text(&q, result);
	rows_bind_text(&q, notes);
	rows_bind_int(&q, id);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_exec(&q,
		       "UPDATE inquiry_letter SET answered_on = ?, result = ?, notes = ? WHERE id = ?"
		       " AND station_id = ? AND answered_on IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LETTER_NOT_OPEN", NULL, "函件不存在、不属于本所或已回复");
	if (!rc)
		rc = audit_write(c, "letter.answer", "inquiry_letter", arena_printf(c->arena, "%lld", (long long)id),
				 "success", result);
	return rc ? rc : letters_list(c, 0, out);
}

int letters_list(struct ctx *c, int open_only, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	int64_t days = setting_int(c, "letter.answer_days", 0), today = date_local_days(c->now);
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_LETTER_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, open_only);
	rc = rows_all(&q,
		      "SELECT l.id, l.person_id, p.name AS person_name, l.to_unit, l.sent_on, l.answered_on, l.result,"
		      " l.notes FROM inquiry_letter l JOIN person p ON p.id = l.person_id"
		      " JOIN org_unit o ON o.id = l.station_id WHERE o.path LIKE ? AND (? = 0 OR l.answered_on IS NULL)"
		      " ORDER BY l.answered_on IS NOT NULL, l.sent_on",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		const char *s = json_string_value(json_object_get(it, "sent_on"));
		int y, m, d;

		json_object_set_new(it, "overdue",
				    json_boolean(!json_object_get(it, "answered_on") ||
								 json_is_null(json_object_get(it, "answered_on"))
							 ? (s && !date_parse(s, 10, &y, &m, &d) &&
							    today - date_days_from_civil(y, m, d) > days)
							 : 0));
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int64_t count(struct ctx *c, const char *sql)
{
	struct rows_query q;
	int64_t n = 0;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_int(&q, sql, 0, &n);
	return n;
}

int population_summary(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *by_kind, *not_compared, *rentals, *employers, *letters;
	int64_t due_total, compared, control, sent, overdue_visits = 0, overdue_letters = 0,
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
	/* 比对率: tenants, temporary and floating residents compared / all of them */
#define DUE_SQL                                                                                  \
	" FROM person p JOIN org_unit o ON o.id = p.unit_id WHERE o.path LIKE ? AND (p.kind IN"   \
	" ('temporary','floating') OR EXISTS (SELECT 1 FROM tenancy t WHERE t.person_id = p.id"  \
	" AND t.to_date IS NULL))"
	/* compared: at its own registration, or by a whole-registry run since */
#define COMPARED_SQL                                                                               \
	" AND p.id_number IS NOT NULL AND (p.compared_at IS NOT NULL OR COALESCE(p.updated_at, p.created_at)" \
	" <= COALESCE((SELECT MAX(at) FROM comparison_run), 0))"
	due_total = count(c, "SELECT COUNT(*)" DUE_SQL);
	compared = count(c, "SELECT COUNT(*)" DUE_SQL COMPARED_SQL);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT p.id, p.name, CASE WHEN p.id_number IS NULL THEN '无身份证号码，无法比对'"
		      " ELSE '尚未比对' END AS reason" DUE_SQL " AND NOT (1 = 1" COMPARED_SQL ") LIMIT 200",
		      &not_compared);
#undef DUE_SQL
#undef COMPARED_SQL
	/* 发函率: control-layer floating persons with a letter / all of them */
	control = count(c, "SELECT COUNT(*) FROM floating_person f JOIN org_unit o ON o.id = f.station_id"
			   " WHERE o.path LIKE ? AND f.layer = 'control'");
	sent = count(c, "SELECT COUNT(*) FROM floating_person f JOIN org_unit o ON o.id = f.station_id"
			" WHERE o.path LIKE ? AND f.layer = 'control' AND EXISTS (SELECT 1 FROM inquiry_letter l"
			" WHERE l.person_id = f.person_id)");
	if (!rc)
		rc = rentals_list(c, 0, NULL, &rentals);
	if (!rc)
		rc = employers_list(c, &employers);
	if (!rc)
		rc = letters_list(c, 1, &letters);
	if (rc) {
		json_decref(by_kind);
		json_decref(not_compared);
		return rc;
	}
	json_array_foreach(json_object_get(rentals, "items"), i, it)
		overdue_visits += json_is_true(json_object_get(it, "overdue"));
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
			 (json_int_t)overdue_letters, "rentals", (json_int_t)json_array_size(json_object_get(rentals, "items")),
			 "visits_overdue", (json_int_t)overdue_visits, "employer_reports_overdue",
			 (json_int_t)overdue_reports, "open_hits",
			 (json_int_t)count(c, "SELECT COUNT(*) FROM comparison_hit h JOIN org_unit o ON o.id = h.unit_id"
					      " WHERE o.path LIKE ? AND h.status <> 'closed'"));
	json_decref(rentals);
	json_decref(employers);
	json_decref(letters);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
