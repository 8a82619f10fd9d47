/* todos.c — 待办事项 across the modules (issue 18, part 1). */
#include "domain/team/todos.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/cases/case_actions.h"
#include "domain/clocks/clocks.h"
#include "domain/community/today.h"
#include "domain/rows.h"

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

		rc = clocks_collect(c, unit ? SCOPE_UNIT : SCOPE_MINE, LEVEL_WARN, &got);
		if (!rc)
			rc = add_summary(c, items, "warnings", unit ? "本所预警" : "我的预警", (int64_t)json_array_size(got),
					 unit ? "/warnings" : "/warnings/mine");
		json_decref(got);
		got = NULL;
	}
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
