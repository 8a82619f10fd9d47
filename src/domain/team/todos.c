/* todos.c — 待办事项 across the modules (issue 18, part 1). */
#include "domain/team/todos.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/cases/case_actions.h"
#include "domain/clocks/clocks.h"
#include "domain/community/household_visits.h"
#include "domain/community/today.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int add_summary(struct ctx *c, json_t *items, const char *kind, const char *label, int64_t n,
		       const char *route)
{
	json_t *row;

	if (n <= 0)
		return PS_OK;
	row = json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "kind", kind, "label", label, "detail",
			arena_printf(c->arena, "%lld 项", (long long)n), "due_on", "", "route", route, "count",
			(json_int_t)n);
	if (!row || json_array_append_new(items, row))
		return NOMEM(c);
	return PS_OK;
}

static int add_summary_due(struct ctx *c, json_t *items, const char *kind, const char *label, const char *detail,
			   const char *due_on, const char *route)
{
	json_t *row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", kind, "label", label, "detail", detail, "due_on",
				due_on, "route", route);

	if (!row || json_array_append_new(items, row))
		return NOMEM(c);
	return PS_OK;
}

/* the local date of an instant, for due_on */
static const char *date_of(struct ctx *c, int64_t t)
{
	int y, m, d;

	date_civil_from_days(date_local_days(t - 1), &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* My own running clocks of one kind (key prefix) as items: 档案借阅 to
 * return (the borrower's), 案件回访 to make (the case officers'). */
static int add_clocks(struct ctx *c, json_t *items, json_t *mine, const char *prefix, const char *kind,
		      const char *what, const char *route)
{
	json_t *it, *row;
	size_t i;

	json_array_foreach(mine, i, it) {
		const char *key = row_str(it, "key"), *person = row_str(it, "person");

		if (!key || strncmp(key, prefix, strlen(prefix)) != 0)
			continue;
		row = json_pack("{s:s, s:s, s:s?, s:s, s:s?, s:s}", "kind", kind, "label",
				arena_printf(c->arena, "%s：%s", what, row_str(it, "case_no") ? row_str(it, "case_no") : ""),
				"detail", person ? arena_printf(c->arena, "%s（%s）", row_str(it, "label"), person) : row_str(it, "label"),
				"due_on", date_of(c, row_int(it, "deadline")), "level", row_str(it, "level"), "route", route);
		if (!row || json_array_append_new(items, row))
			return NOMEM(c);
	}
	return PS_OK;
}

/* 熟悉住户: a beat officer's visits of the week short of the target */
static int add_household_visits(struct ctx *c, json_t *items)
{
	struct rows_query q;
	int64_t beats = 0, done = 0, target = 0, today = date_local_days(c->now);
	int y, m, d, rc;

	if (!authz_allowed(c, ACT_HOUSEHOLD_VISIT_CREATE))
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM beat WHERE officer_id = ?", 0, &beats);
	if (!rc && beats)
		rc = household_visits_week(c, c->who.user_id, &done, &target);
	if (rc || !beats || done >= target)
		return rc;
	date_civil_from_days(today - date_weekday(today) + 6, &y, &m, &d);
	return add_summary_due(c, items, "household_visits", "本周熟悉住户走访",
			       arena_printf(c->arena, "已走访 %lld 户，目标 %lld 户", (long long)done, (long long)target),
			       arena_printf(c->arena, "%04d-%02d-%02d", y, m, d), "/visits/today");
}

int todos_get(struct ctx *c, json_t **out)
{
	json_t *items, *got = NULL, *it;
	int64_t total = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TODO_READ);
	if (rc)
		return rc;
	items = json_array();
	if (!items)
		return NOMEM(c);
	/* approvals waiting for me */
	if (authz_allowed(c, ACT_APPROVAL_LIST)) {
		rc = case_actions_inbox(c, &got);
		if (!rc)
			rc = add_summary(c, items, "approvals", "审批待办", (int64_t)json_array_size(json_object_get(got, "items")),
					 "/approvals");
		json_decref(got);
		got = NULL;
	}
	/* clocks at warning level or worse: mine, or the unit's for a chief */
	if (!rc && authz_allowed(c, ACT_WARNING_LIST)) {
		int unit = ctx_has_role(c, "chief");
		struct clock_ask a = { .scope = unit ? SCOPE_UNIT : SCOPE_MINE, .min = LEVEL_WARN };

		rc = clocks_ask(c, &a, NULL); /* counted, not listed */
		if (!rc)
			rc = add_summary(c, items, "warnings", unit ? "本所预警" : "我的预警", a.total,
					 unit ? "/warnings" : "/warnings/mine");
		/* my own archive loans to return and return visits to make,
		 * each with its due date, whatever its level */
		if (!rc)
			rc = clocks_collect(c, SCOPE_MINE, LEVEL_OK, &got);
		if (!rc)
			rc = add_clocks(c, items, got, "loan:", "loan_return", "档案借阅待归还", "/archives");
		if (!rc && authz_allowed(c, ACT_RETURN_VISIT_LIST))
			rc = add_clocks(c, items, got, "return_visit:", "return_visit", "案件待回访", "/supervision/return-visits");
		json_decref(got);
		got = NULL;
	}
	if (!rc)
		rc = add_household_visits(c, items);
	/* every module's rows of the today list */
	for (const struct today_source *s = today_sources; s->name && !rc; s++)
		rc = s->collect(c, items);
	if (rc) {
		json_decref(items);
		return rc;
	}
	json_array_foreach(items, i, it)
		total += json_is_integer(json_object_get(it, "count")) ? row_int(it, "count") : 1;
	rc = audit_read(c, "todo", c->who.username ? c->who.username : "");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)total);
	return *out ? PS_OK : NOMEM(c);
}
