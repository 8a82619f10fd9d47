/* hits.c — 比对命中: the hits of the wanted-list comparison and their steps
 * (签收 → 核查 → 反馈). */
#include "domain/population/hits.h"
#include "domain/population/wanted.h"
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
	rc = rows_page(&q,
		       "SELECT h.id, h.status, h.hit_at, h.signed_at, h.checked_at, h.feedback, h.person_id,"
		       " p.name AS person_name, w.name AS wanted_name, w.case_desc, w.issuing_unit, w.issued_on,"
		       " o.name AS unit_name",
		       "ORDER BY h.status = 'closed', h.hit_at DESC", out);
	if (!rc)
		rc = audit_read_items(c, "hit.list", "comparison_hit", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* What a step decides on: the hit's state. */
struct hit_row {
	const char *status;
};
static const struct rows_col hit_cols[] = { ROWS_TEXT(struct hit_row, status) };

int hits_step(struct ctx *c, int64_t id, const char *step, const char *feedback, json_t **out)
{
	struct rows_query q;
	struct hit_row h;
	const char *st;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_HIT_UPDATE,
			     "SELECT o.path FROM comparison_hit h JOIN org_unit o ON o.id = h.unit_id WHERE h.id = ?",
			     id, "比对命中不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_struct(&q,
			 "SELECT h.status FROM comparison_hit h JOIN org_unit o ON o.id = h.unit_id"
			 " WHERE h.id = ? AND o.path LIKE ?",
			 hit_cols, 1, &h);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "比对命中不存在");
	if (rc)
		return rc;
	st = h.status ? h.status : "";
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

