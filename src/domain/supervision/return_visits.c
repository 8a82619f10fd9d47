/* return_visits.c — 案件回访 (SUP-RETURN-VISIT): when a case closes, each
 * victim and reporter (and suspect, by the setting return_visit.suspects)
 * is owed a visit within return_visit.due_days. The task is derived from
 * the records (a closed case's party without a visit row), so every path
 * that closes a case starts it; the answer is a row: reached or not, how,
 * satisfaction 1–5, comments. A dissatisfied answer (at or below
 * return_visit.dissatisfied_max) waits for the chief's review. */
#include "domain/supervision/supervision.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/cases/cases.h"
#include "domain/clocks/clocks.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "core/text.h"
#include "rules/case_flow.h"

#include <string.h>

/* The parties owed a visit: closed cases × roles, without a visit. The
 * suspects' flag is the station's setting (one bind per row: ?). */
#define DUE_FROM                                                                              \
	" FROM police_case k JOIN org_unit o ON o.id = k.unit_id JOIN case_party cp ON cp.case_id = k.id" \
	" JOIN person p ON p.id = cp.person_id"                                                       \
	" WHERE k.status IN ('" CASE_CLOSED "','" CASE_ARCHIVED "') AND k.closed_at IS NOT NULL"                            \
	" AND (cp.role IN ('victim','reporter') OR (cp.role = 'suspect' AND ? = 1))"                  \
	" AND NOT EXISTS (SELECT 1 FROM return_visit v WHERE v.case_id = k.id AND v.party_id = cp.id)"

static int suspects_on(struct ctx *c, int64_t unit)
{
	return setting_int(c, "return_visit.suspects", unit) != 0;
}

/* A party as the reader may see it (PII-1, PROC-ACCEPT-ANON), as the case
 * page shows it: a confidential reporter is "（保密）" without a phone but
 * for the case's own officers and the station's chief and 法制员; the
 * phone is whole for them and for the 内勤 who make the calls, masked for
 * the rest (officers of other cases, auxiliaries). Drops on_case. */
static void party_shown(struct ctx *c, json_t *r)
{
	int on_case = row_int(r, "on_case") != 0, conf = row_int(r, "confidential") != 0;
	int staff = on_case || ctx_has_role(c, "chief") || ctx_has_role(c, "legal");
	json_t *phone = json_object_get(r, "phone");

	json_object_del(r, "on_case");
	json_object_set_new(r, "confidential", json_boolean(conf));
	if (conf && !staff) {
		json_object_set_new(r, "party_name", json_string("（保密）"));
		if (phone)
			json_object_set_new(r, "phone", json_null());
	} else if (json_is_string(phone) && !staff && !ctx_has_role(c, "clerk")) {
		char m[24];

		text_mask_phone(json_string_value(phone), m);
		json_object_set_new(r, "phone", json_string(m));
	}
}

#define ON_CASE_SQL " EXISTS (SELECT 1 FROM case_officer mx WHERE mx.case_id = k.id AND mx.user_id = ?) AS on_case"

/* The due rows of the scope (and of one case officer when mine). Each
 * station has its own settings, so the rows are read per station. */
static int due_rows(struct ctx *c, const char *scope_like, int64_t mine, json_t **out)
{
	struct rows_query q;
	json_t *units, *u, *all = json_array();
	size_t i;
	int rc;

	*out = NULL;
	if (!all)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rows_binds(&q, c);
	rows_bind_text(&q, scope_like);
	rc = rows_all(&q, "SELECT id FROM org_unit WHERE kind = 'station' AND path LIKE ? ORDER BY id", &units);
	if (rc) {
		json_decref(all);
		return rc;
	}
	json_array_foreach(units, i, u) {
		int64_t unit = row_int(u, "id"), days = setting_int(c, "return_visit.due_days", unit);
		json_t *rows, *r;
		size_t j;

		rows_binds(&q, c);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, suspects_on(c, unit));
		rows_bind_int(&q, unit);
		rows_bind_int(&q, mine);
		rows_bind_int(&q, mine);
		rc = rows_all(&q,
			      "SELECT k.id AS case_id, k.case_no, k.closed_at, cp.id AS party_id, cp.role,"
			      " " PARTY_NAME_SQL " AS party_name, " PARTY_FIELD_SQL("phone") " AS phone,"
			      " cp.confidential," ON_CASE_SQL ","
			      " k.unit_id, o.name AS unit_name,"
			      " (SELECT mu.name FROM case_officer mo JOIN users mu ON mu.id = mo.user_id"
			      "  WHERE mo.case_id = k.id AND mo.duty = 'main' ORDER BY mo.user_id LIMIT 1) AS main_officer"
			      DUE_FROM " AND k.unit_id = ? AND (? = 0 OR EXISTS (SELECT 1 FROM case_officer x"
			      " WHERE x.case_id = k.id AND x.user_id = ? AND x.duty IN ('main','co')))"
			      " ORDER BY k.closed_at, cp.id",
			      &rows);
		if (rc)
			break;
		json_array_foreach(rows, j, r) {
			party_shown(c, r);
			json_object_set_new(r, "due_at",
					    json_integer(clock_deadline(NULL, row_int(r, "closed_at"), CLOCK_DAYS, (int)days, 0)));
			json_object_set_new(r, "overdue", json_boolean(c->now >= row_int(r, "due_at")));
			json_array_append(all, r);
		}
		json_decref(rows);
	}
	json_decref(units);
	if (rc) {
		json_decref(all);
		return rc;
	}
	*out = all;
	return PS_OK;
}

int return_visits_list(struct ctx *c, const char *status, json_t **out)
{
	struct rows_query q;
	json_t *items = NULL;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_RETURN_VISIT_LIST);
	if (rc)
		return rc;
	if (!status || !*status || strcmp(status, "due") == 0) {
		rc = due_rows(c, ctx_scope_like(c), 0, &items);
		if (!rc)
			rc = audit_read_items(c, "return_visit.list_due", "case", items, "case_id");
	} else if (strcmp(status, "done") == 0 || strcmp(status, "review") == 0) {
		json_t *r;
		size_t i;

		rows_binds(&q, c);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_int(&q, strcmp(status, "review") == 0);
		rc = rows_all(&q,
			      "SELECT v.id, v.case_id, k.case_no, v.party_id, cp.role, " PARTY_NAME_SQL " AS party_name,"
			      " cp.confidential," ON_CASE_SQL ","
			      " v.reached, v.method, v.satisfaction, v.comments, v.visited_at, u.name AS visited_by_name,"
			      " v.review_needed, v.review_note, v.reviewed_at, ru.name AS reviewed_by_name,"
			      " k.unit_id, o.name AS unit_name FROM return_visit v JOIN police_case k ON k.id = v.case_id"
			      " JOIN org_unit o ON o.id = k.unit_id JOIN case_party cp ON cp.id = v.party_id"
			      " JOIN person p ON p.id = cp.person_id JOIN users u ON u.id = v.visited_by"
			      " LEFT JOIN users ru ON ru.id = v.reviewed_by WHERE o.path LIKE ?"
			      " AND (? = 0 OR (v.review_needed = 1 AND v.reviewed_at IS NULL))"
			      " ORDER BY v.visited_at DESC, v.id DESC",
			      &items);
		if (!rc)
			json_array_foreach(items, i, r)
				party_shown(c, r);
		if (!rc)
			rc = audit_read_items(c, "return_visit.list", "return_visit", items, "id");
	} else {
		rc = ps_fail_field(c->err, PS_EINVAL, "status", "status 应为 due、done 或 review");
	}
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int visit_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	return rows_one(&q,
			"SELECT v.id, v.case_id, v.party_id, v.reached, v.method, v.satisfaction, v.comments,"
			" v.visited_at, v.visited_by, v.review_needed, v.review_note, v.reviewed_by, v.reviewed_at"
			" FROM return_visit v WHERE v.id = ?",
			out);
}

int return_visits_create(struct ctx *c, int64_t case_id, const struct return_visit_in *in,
			 json_t **out)
{
	struct rows_query q;
	json_t *p = NULL;
	int64_t id, unit, n = 0;
	int rc, dissatisfied;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RETURN_VISIT_CREATE,
			     "SELECT o.path FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?", case_id,
			     "案件不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->party_id);
	rows_bind_int(&q, case_id);
	rc = rows_one(&q,
		      "SELECT cp.role, k.status, k.unit_id FROM case_party cp JOIN police_case k ON k.id = cp.case_id"
		      " WHERE cp.id = ? AND cp.case_id = ?",
		      &p);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "party_id", "该当事人不属于本案");
	if (rc)
		return rc;
	unit = row_int(p, "unit_id");
	if (strcmp(row_str(p, "status"), CASE_CLOSED) != 0 && strcmp(row_str(p, "status"), CASE_ARCHIVED) != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "CASE_NOT_CLOSED", "SUP-RETURN-VISIT", "案件办结后才进行回访");
	else if (strcmp(row_str(p, "role"), "witness") == 0 ||
		 (strcmp(row_str(p, "role"), "suspect") == 0 && !suspects_on(c, unit)))
		rc = ps_fail_field(c->err, PS_EINVAL, "party_id", "回访对象为被侵害人、报案人%s",
				   suspects_on(c, unit) ? "和违法嫌疑人" : "");
	json_decref(p);
	if (rc)
		return rc;
	if (in->reached && (in->satisfaction < 1 || in->satisfaction > 5))
		return ps_fail_field(c->err, PS_EINVAL, "satisfaction", "联系上当事人的，请填写满意度（1—5）");
	if (!in->reached && in->satisfaction)
		return ps_fail_field(c->err, PS_EINVAL, "satisfaction", "未联系上当事人的，不填写满意度");
	/* a party reached is visited; one not reached is tried again, the
	 * new attempt in the place of the last (a failed call ended the
	 * visit for good, and a dissatisfied party was never heard) */
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->party_id);
	rc = rows_int(&q, "SELECT COALESCE(MAX(CASE WHEN reached = 1 THEN 2 ELSE 1 END), 0) FROM return_visit"
			  " WHERE case_id = ? AND party_id = ?",
		      0, &n);
	if (!rc && n == 2)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_VISITED", NULL, "该当事人已经回访");
	if (rc)
		return rc;
	dissatisfied = in->reached && in->satisfaction <= setting_int(c, "return_visit.dissatisfied_max", 0);
	/* the answer, then the case and the party: one order for both */
	rows_binds(&q, c);
	rows_bind_int(&q, in->reached ? 1 : 0);
	rows_bind_text(&q, in->method);
	if (in->reached)
		rows_bind_int(&q, in->satisfaction);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->comments);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, dissatisfied);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->party_id);
	if (n == 1)
		rc = rows_insert(&q,
				 "UPDATE return_visit SET reached = ?, method = ?, satisfaction = ?, comments = ?,"
				 " visited_by = ?, visited_at = ?, review_needed = ? WHERE case_id = ? AND party_id = ?"
				 " AND reached = 0 RETURNING id",
				 &id);
	else
		rc = rows_insert(&q,
				 "INSERT INTO return_visit(reached, method, satisfaction, comments, visited_by, visited_at,"
				 " review_needed, case_id, party_id) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
				 &id);
	if (!rc)
		rc = audit_write(c, n == 1 ? "return_visit.retry" : "return_visit.create", "case",
				 arena_printf(c->arena, "%lld", (long long)case_id), "success",
				 arena_printf(c->arena, "return_visit %lld", (long long)id));
	return rc ? rc : visit_get(c, id, out);
}

int return_visits_review(struct ctx *c, int64_t id, const char *note, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RETURN_VISIT_REVIEW,
			     "SELECT o.path FROM return_visit v JOIN police_case k ON k.id = v.case_id"
			     " JOIN org_unit o ON o.id = k.unit_id WHERE v.id = ?",
			     id, "回访记录不存在");
	if (rc)
		return rc;
	if (!note || !*note)
		return ps_fail_field(c->err, PS_EINVAL, "note", "请填写复核意见");
	rows_binds(&q, c);
	rows_bind_text(&q, note);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE return_visit SET review_note = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?"
		       " AND review_needed = 1 AND reviewed_at IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "NO_REVIEW_PENDING", NULL, "该回访不需要复核，或已复核");
	if (!rc)
		rc = audit_write(c, "return_visit.review", "return_visit", arena_printf(c->arena, "%lld", (long long)id),
				 "success", NULL);
	return rc ? rc : visit_get(c, id, out);
}

/* Figures of one group: owed = visited + still due; rate = reached / owed. */
static json_t *figures(int64_t due, int64_t visited, int64_t reached, int64_t sat_n, int64_t sat_sum)
{
	int64_t owed = due + visited;
	json_t *o = json_pack("{s:I, s:I, s:I, s:I}", "owed", (json_int_t)owed, "visited", (json_int_t)visited,
			      "reached", (json_int_t)reached, "due", (json_int_t)due);

	if (!o)
		return NULL;
	/* one decimal, rounded half up: permille first */
	json_object_set_new(o, "rate_pct", owed ? json_real((double)((reached * 1000 + owed / 2) / owed) / 10.0) : json_null());
	json_object_set_new(o, "satisfaction_avg",
			    sat_n ? json_real((double)((sat_sum * 100 + sat_n / 2) / sat_n) / 100.0) : json_null());
	return o;
}

int return_visits_stats(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *due = NULL, *done = NULL, *stations = json_array(), *officers = json_array(), *r;
	json_t *st_acc = json_object(), *of_acc = json_object(), *v;
	const char *key;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_RETURN_VISIT_LIST);
	if (!rc && (!stations || !officers || !st_acc || !of_acc))
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!rc)
		rc = due_rows(c, ctx_scope_like(c), 0, &due);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q,
			      "SELECT v.reached, v.satisfaction, k.unit_id, o.name AS unit_name,"
			      " (SELECT mo.user_id FROM case_officer mo WHERE mo.case_id = k.id AND mo.duty = 'main'"
			      "  ORDER BY mo.user_id LIMIT 1) AS officer_id"
			      " FROM return_visit v JOIN police_case k ON k.id = v.case_id JOIN org_unit o ON o.id = k.unit_id"
			      " WHERE o.path LIKE ?",
			      &done);
	}
	if (rc)
		goto out;
	/* accumulate [due, visited, reached, sat_n, sat_sum] per station and
	 * per main officer; the officer's name comes after */
	for (int pass = 0; pass < 2; pass++) {
		json_t *rows = pass ? done : due;

		json_array_foreach(rows, i, r) {
			int64_t unit = row_int(r, "unit_id"), officer = 0;
			const char *skey = arena_printf(c->arena, "%lld", (long long)unit), *okey;
			json_t *acc[2];

			if (pass)
				officer = row_int(r, "officer_id");
			else {
				struct rows_query q2;

				rows_binds(&q2, c);
				rows_bind_int(&q2, row_int(r, "case_id"));
				rc = rows_int(&q2, "SELECT user_id FROM case_officer WHERE case_id = ? AND duty = 'main'"
						   " ORDER BY user_id LIMIT 1", 0, &officer);
				if (rc)
					goto out;
			}
			okey = arena_printf(c->arena, "%lld", (long long)officer);
			if (!json_object_get(st_acc, skey))
				json_object_set_new(st_acc, skey, json_pack("{s:I, s:s?, s:[IIIII]}", "unit_id", (json_int_t)unit,
									   "unit_name", row_str(r, "unit_name"), "n", 0, 0, 0, 0, 0));
			if (officer && !json_object_get(of_acc, okey))
				json_object_set_new(of_acc, okey, json_pack("{s:I, s:I, s:[IIIII]}", "user_id", (json_int_t)officer,
									   "unit_id", (json_int_t)unit, "n", 0, 0, 0, 0, 0));
			acc[0] = json_object_get(json_object_get(st_acc, skey), "n");
			acc[1] = officer ? json_object_get(json_object_get(of_acc, okey), "n") : NULL;
			for (int a = 0; a < 2; a++) {
				int64_t n[5];

				if (!acc[a])
					continue;
				for (int x = 0; x < 5; x++)
					n[x] = json_integer_value(json_array_get(acc[a], (size_t)x));
				if (!pass)
					n[0]++;
				else {
					n[1]++;
					if (row_int(r, "reached")) {
						n[2]++;
						if (row_int(r, "satisfaction")) {
							n[3]++;
							n[4] += row_int(r, "satisfaction");
						}
					}
				}
				for (int x = 0; x < 5; x++)
					json_array_set_new(acc[a], (size_t)x, json_integer(n[x]));
			}
		}
	}
	json_object_foreach(st_acc, key, v) {
		json_t *n = json_object_get(v, "n"), *f;

		f = figures(json_integer_value(json_array_get(n, 0)), json_integer_value(json_array_get(n, 1)),
			    json_integer_value(json_array_get(n, 2)), json_integer_value(json_array_get(n, 3)),
			    json_integer_value(json_array_get(n, 4)));
		json_object_set(f, "unit_id", json_object_get(v, "unit_id"));
		json_object_set(f, "unit_name", json_object_get(v, "unit_name"));
		json_array_append_new(stations, f);
	}
	json_object_foreach(of_acc, key, v) {
		json_t *n = json_object_get(v, "n"), *f, *u = NULL;

		f = figures(json_integer_value(json_array_get(n, 0)), json_integer_value(json_array_get(n, 1)),
			    json_integer_value(json_array_get(n, 2)), json_integer_value(json_array_get(n, 3)),
			    json_integer_value(json_array_get(n, 4)));
		rows_binds(&q, c);
		rows_bind_int(&q, json_integer_value(json_object_get(v, "user_id")));
		rc = rows_one(&q, "SELECT u.id AS user_id, u.name, u.badge_no, o.name AS unit_name FROM users u"
				  " JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?", &u);
		if (rc) {
			json_decref(f);
			goto out;
		}
		json_object_update(f, u);
		json_decref(u);
		json_array_append_new(officers, f);
	}
	/* AUD-1: figures of the officers' work, read by whom */
	rc = audit_read_items(c, "return_visit.stats", "user", officers, "user_id");
	if (rc)
		goto out;
	*out = json_pack("{s:O, s:O}", "stations", stations, "officers", officers);
	if (!*out)
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
out:
	json_decref(due);
	json_decref(done);
	json_decref(stations);
	json_decref(officers);
	json_decref(st_acc);
	json_decref(of_acc);
	return rc;
}

static int return_visit_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);

	clocks_add(k, r,
		   arena_printf(c->arena, "return_visit:%lld:%lld", (long long)row_int(r, "case_id"),
				(long long)row_int(r, "party_id")),
		   "SUP-RETURN-VISIT", arena_printf(c->arena, "案件回访（%s）", enums_label(ES_PARTY_ROLE, row_str(r, "role"))),
		   row_int(r, "closed_at"), row_int(r, "due_at"), CLOCK_DAYS, 0, row_str(r, "party_name"),
		   "回访当事人并登记满意度");
	(void)arg;
	return PS_OK;
}

int return_visits_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = { .rows = due_rows, .each = return_visit_clock };

	return clocks_scan(k, s, &d);
}
