/* reviews.c — 案件质量考评 (see reviews.h). */
#include "domain/archives/reviews.h"
#include "domain/archives/archives.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/cases/cases.h"
#include "domain/rows.h"
#include "core/json.h"
#include "rules/case_flow.h"
#include "rules/catalog.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 16

struct item {
	const char *key, *label;
	int64_t weight, deduct;
	const char *note;
	int system; /* the deduction is the system's */
};

/* The checklist of the setting review.items; PS_EINVAL when it is malformed. */
static int parse_items(struct ctx *c, int64_t unit, struct item *it, int *n)
{
	const char *s = setting_text(c, "review.items", unit);
	char *copy = arena_strdup(c->arena, s ? s : ""), *tok, *save = NULL;

	*n = 0;
	if (!copy)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *a = strchr(tok, ':'), *b = a ? strchr(a + 1, ':') : NULL;
		long w;

		if (!a || !b || *n >= MAX_ITEMS)
			return ps_fail(c->err, PS_EINVAL, "BAD_SETTING", NULL, "设置 review.items 格式不正确");
		*a = *b = '\0';
		w = strtol(b + 1, NULL, 10);
		if (w <= 0)
			return ps_fail(c->err, PS_EINVAL, "BAD_SETTING", NULL, "设置 review.items 的分值应为正整数");
		memset(&it[*n], 0, sizeof(it[*n]));
		it[*n].key = tok;
		it[*n].label = a + 1;
		it[*n].weight = w;
		(*n)++;
	}
	return *n ? PS_OK : ps_fail(c->err, PS_EINVAL, "BAD_SETTING", NULL, "设置 review.items 为空");
}

static struct item *find(struct item *it, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(it[i].key, key))
			return &it[i];
	return NULL;
}

/* Add a deduction the system sees to item key (capped at its weight). */
static void deduct(struct ctx *c, struct item *it, int n, const char *key, int64_t points, const char *why)
{
	struct item *x = find(it, n, key);

	if (!x || points <= 0)
		return;
	x->deduct = x->deduct + points > x->weight ? x->weight : x->deduct + points;
	x->note = x->note ? arena_printf(c->arena, "%s；%s", x->note, why) : why;
	x->system = 1;
}

/* What the system knows about case k: breaches, the checklist, late filing,
 * evidence behind a penalty. */
static int prefill(struct ctx *c, const struct case_row *k, struct item *it, int n)
{
	struct rows_query q;
	json_t *rows, *r, *cl = NULL;
	size_t i;
	int64_t closed = 0, archived = 0, pen = 0, ev = 0;
	int missing = 0, rc;

	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rc = rows_all(&q, "SELECT rule, label FROM breach WHERE case_id = ? ORDER BY id", &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		const char *rule = row_str(r, "rule");
		const char *why = arena_printf(c->arena, "系统：超期 %s（%s）", row_str(r, "label"), rule);
		const char *key = !strcmp(rule, "ADM-ACCEPT-01") || !strcmp(rule, "PROC-ACCEPT-REVIEW") ||
						  !strcmp(rule, "PROC-ACCEPT-REG") || !strcmp(rule, "CRIM-FILE-REVIEW-3D")
					  ? "intake"
				  : !strcmp(rule, "PROC-PROPERTY-24H") ? "property"
								       : "time_limits";
		struct item *x = find(it, n, key);

		if (x && !strcmp(rule, "CASE-ARCHIVE"))
			continue; /* counted below from the dates */
		if (x)
			deduct(c, it, n, key, (x->weight + 1) / 2, why);
	}
	json_decref(rows);
	rc = archives_checklist(c, k->id, &cl, &missing);
	if (rc)
		return rc;
	if (missing) {
		struct item *x = find(it, n, "documents");
		json_t *e;
		const char *names = "";

		json_array_foreach(cl, i, e)
			if (json_is_true(json_object_get(e, "required")) && !json_is_true(json_object_get(e, "present")))
				names = arena_printf(c->arena, "%s%s%s", names, *names ? "、" : "", row_str(e, "label"));
		if (x)
			deduct(c, it, n, "documents", missing * ((x->weight + 3) / 4),
			       arena_printf(c->arena, "系统：卷内缺少%s", names));
	}
	json_decref(cl);
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rc = rows_int(&q, "SELECT COALESCE(closed_at, 0) FROM police_case WHERE id = ?", 0, &closed);
	if (!rc)
		rc = rows_int(&q, "SELECT COALESCE(archived_at, 0) FROM police_case WHERE id = ?", 0, &archived);
	if (!rc)
		rc = rows_int(&q, "SELECT COUNT(*) FROM penalty_proposal WHERE case_id = ? AND status = 'approved'"
				  " AND no_penalty = 0", 0, &pen);
	if (!rc)
		rc = rows_int(&q, "SELECT COUNT(*) FROM evidence WHERE case_id = ?", 0, &ev);
	if (rc)
		return rc;
	if (closed) {
		/* CASE-ARCHIVE: 每案一结, by the end of the day after closing */
		int64_t due = rule_deadline(NULL, RULE_CASE_ARCHIVE, 0, closed);
		int64_t at = archived ? archived : c->now;
		struct item *x = find(it, n, "time_limits");

		if (at > due && x)
			deduct(c, it, n, "time_limits", (x->weight + 1) / 2,
			       archived ? "系统：逾期归档（每案一结）" : "系统：结案后未按期归档（每案一结）");
	}
	if (pen && !ev && !strcmp(k->procedure, "normal")) {
		struct item *x = find(it, n, "evidence");

		if (x)
			deduct(c, it, n, "evidence", x->weight, "系统：处罚决定没有证据清单");
	}
	return PS_OK;
}

static int load_for_review(struct ctx *c, int64_t case_id, struct case_row *k)
{
	int rc = case_load(c, case_id, k);

	if (!rc)
		rc = authz_check(c, ACT_CASE_REVIEW_CREATE, k->unit_path, 0, k->case_no);
	if (!rc && strcmp(k->status, CASE_CLOSED) && strcmp(k->status, CASE_ARCHIVED))
		rc = ps_fail(c->err, PS_ECONFLICT, "CASE_NOT_CLOSED", NULL, "案件当前状态为“%s”，结案后才能进行质量考评",
			     flow_state_label(k->status));
	return rc;
}

static json_t *items_json(const struct item *it, int n)
{
	json_t *a = json_array();

	for (int i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_pack("{s:s, s:s, s:I, s:I, s:s?, s:b}", "key", it[i].key, "label",
						       it[i].label, "weight", (json_int_t)it[i].weight, "deduct",
						       (json_int_t)it[i].deduct, "note", it[i].note, "system",
						       it[i].system))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static int64_t total(const struct item *it, int n, int64_t *max)
{
	int64_t s = 0;

	*max = 0;
	for (int i = 0; i < n; i++) {
		*max += it[i].weight;
		s += it[i].weight - it[i].deduct;
	}
	return s;
}

int reviews_draft(struct ctx *c, int64_t case_id, json_t **out)
{
	struct item it[MAX_ITEMS];
	struct case_row k;
	struct rows_query q;
	int64_t max, score, done = 0;
	int n, rc;

	*out = NULL;
	rc = authz_require(c, ACT_CASE_REVIEW_CREATE);
	if (!rc && !case_id)
		rc = ps_fail_field(c->err, PS_EINVAL, "case_id", "请指定案件");
	if (!rc)
		rc = load_for_review(c, case_id, &k);
	if (!rc)
		rc = parse_items(c, k.unit_id, it, &n);
	if (!rc)
		rc = prefill(c, &k, it, n);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_review WHERE case_id = ?", 0, &done);
	if (!rc)
		rc = audit_read(c, "case", k.case_no);
	if (rc)
		return rc;
	score = total(it, n, &max);
	*out = json_pack("{s:I, s:s, s:s, s:I, s:I, s:b, s:o}", "case_id", (json_int_t)case_id, "case_no", k.case_no,
			 "title", k.title, "max_score", (json_int_t)max, "score", (json_int_t)score, "reviewed", done > 0,
			 "items", items_json(it, n));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int reviews_create(struct ctx *c, int64_t case_id, json_t *items, const char *comment, json_t **out)
{
	struct item it[MAX_ITEMS];
	struct case_row k;
	struct rows_query q;
	json_t *v, *stored;
	int64_t max, score, id, done = 0;
	const char *text;
	size_t i;
	int n, rc;

	*out = NULL;
	rc = load_for_review(c, case_id, &k);
	if (!rc)
		rc = parse_items(c, k.unit_id, it, &n);
	if (!rc)
		rc = prefill(c, &k, it, n);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_review WHERE case_id = ?", 0, &done);
	if (rc)
		return rc;
	if (done)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_REVIEWED", NULL, "该案件已经考评");
	if (items && !json_is_array(items))
		return ps_fail_field(c->err, PS_EINVAL, "items", "考评项目应为数组");
	json_array_foreach(items, i, v) {
		const char *key = json_string_value(json_object_get(v, "key"));
		json_t *d = json_object_get(v, "deduct");
		const char *note = json_string_value(json_object_get(v, "note"));
		struct item *x = key ? find(it, n, key) : NULL;

		if (!x)
			return ps_fail_field(c->err, PS_EINVAL, "items", "考评项目“%s”不在设置的项目中", key ? key : "");
		if (!json_is_integer(d) || json_integer_value(d) < 0 || json_integer_value(d) > x->weight)
			return ps_fail_field(c->err, PS_EINVAL, "items", "“%s”的扣分应为 0 至 %lld 分", x->label,
					     (long long)x->weight);
		if (note && strlen(note) > 500)
			return ps_fail_field(c->err, PS_EINVAL, "items", "说明不超过 500 字节");
		x->system = x->system && json_integer_value(d) == x->deduct;
		x->deduct = json_integer_value(d);
		if (note && *note)
			x->note = arena_strdup(c->arena, note);
	}
	score = total(it, n, &max);
	stored = items_json(it, n);
	text = stored ? json_render(stored, JSON_COMPACT) : NULL;
	json_decref(stored);
	if (!text)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, k.unit_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, score);
	rows_bind_int(&q, max);
	rows_bind_text(&q, comment);
	rows_bind_text(&q, text);
	rc = rows_insert(&q,
			 "INSERT INTO case_review(case_id, unit_id, reviewer_id, reviewed_at, score, max_score, comment, items)"
			 " VALUES (?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	json_mem_free((void *)text);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_REVIEWED", NULL, "该案件已经考评");
	if (!rc)
		rc = case_event(c, case_id, "case_review", NULL, NULL,
				arena_printf(c->arena, "质量考评 %lld/%lld 分", (long long)score, (long long)max));
	if (!rc)
		rc = audit_write(c, "case_review.create", "case", k.case_no, "success",
				 arena_printf(c->arena, "review=%lld score=%lld/%lld", (long long)id, (long long)score,
					      (long long)max));
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:I, s:s, s:I, s:I, s:o}}", "review", "id", (json_int_t)id, "case_id",
			 (json_int_t)case_id, "case_no", k.case_no, "score", (json_int_t)score, "max_score",
			 (json_int_t)max, "items", items_json(it, n));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int reviews_list(struct ctx *c, int64_t page, int64_t per_page, json_t **out)
{
	static const char where[] = " FROM case_review cr JOIN police_case k ON k.id = cr.case_id"
				    " JOIN org_unit o ON o.id = cr.unit_id JOIN users u ON u.id = cr.reviewer_id"
				    " WHERE o.path LIKE ?";
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_CASE_REVIEW_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, where, page, per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_page(&q,
		       "SELECT cr.id, cr.case_id, k.case_no, k.title, cr.score, cr.max_score, cr.reviewed_at,"
		       " u.name AS reviewer_name, o.name AS unit_name, cr.comment,"
		       " (SELECT mu.name FROM case_officer mo JOIN users mu ON mu.id = mo.user_id"
		       "  WHERE mo.case_id = k.id AND mo.duty = 'main' ORDER BY mo.user_id LIMIT 1) AS main_officer",
		       "ORDER BY cr.id DESC", out);
	if (!rc)
		rc = audit_read_items(c, "case_review.list", "case_review", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* Averages with one decimal, half up: sum*10/n rounded, as x.y. */
static json_t *avg(int64_t sum, int64_t n)
{
	int64_t x10 = n ? (sum * 20 + n) / (2 * n) : 0;

	return json_real((double)x10 / 10.0);
}

static int roll_up(struct ctx *c, const char *sql, const char *id_key, json_t **out)
{
	struct rows_query q;
	json_t *rows, *r, *res, *cur = NULL;
	int64_t last = -1, sum = 0, cnt = 0;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q, sql, &rows);
	if (rc)
		return rc;
	res = json_array();
	json_array_foreach(rows, i, r) {
		if (row_int(r, id_key) != last) {
			if (cur) {
				json_object_set_new(cur, "cases", json_integer(cnt));
				json_object_set_new(cur, "avg_score", avg(sum, cnt));
				json_array_append_new(res, cur);
			}
			cur = json_pack("{s:I, s:s?, s:s?}", id_key, (json_int_t)row_int(r, id_key), "name",
					row_str(r, "name"), "unit_name", row_str(r, "unit_name"));
			last = row_int(r, id_key);
			sum = cnt = 0;
		}
		sum += row_int(r, "score");
		cnt++;
	}
	if (cur) {
		json_object_set_new(cur, "cases", json_integer(cnt));
		json_object_set_new(cur, "avg_score", avg(sum, cnt));
		json_array_append_new(res, cur);
	}
	json_decref(rows);
	*out = res;
	return res ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int reviews_summary(struct ctx *c, json_t **out)
{
	json_t *officers = NULL, *stations = NULL;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_CASE_REVIEW_LIST);
	if (!rc)
		rc = roll_up(c,
			     "SELECT co.user_id, u.name, o.name AS unit_name, cr.score FROM case_review cr"
			     " JOIN case_officer co ON co.case_id = cr.case_id AND co.duty IN ('main','co')"
			     " JOIN users u ON u.id = co.user_id JOIN org_unit o ON o.id = cr.unit_id"
			     " WHERE o.path LIKE ? ORDER BY co.user_id, cr.id",
			     "user_id", &officers);
	if (!rc)
		rc = roll_up(c,
			     "SELECT cr.unit_id, o.name, o.name AS unit_name, cr.score FROM case_review cr"
			     " JOIN org_unit o ON o.id = cr.unit_id WHERE o.path LIKE ? ORDER BY cr.unit_id, cr.id",
			     "unit_id", &stations);
	if (!rc)
		rc = audit_read_action(c, "case_review.summary", "case_review", NULL, NULL);
	if (rc) {
		json_decref(officers);
		json_decref(stations);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "officers", officers, "stations", stations);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
