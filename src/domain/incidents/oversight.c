#include "domain/incidents/oversight.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"

#include <string.h>

static int task_json(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *t;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT t.id, t.object_type, t.object_id, t.station_id, o.name AS station_name,"
		      " t.instructions, t.deadline, t.created_at, cu.name AS created_by_name, t.signed_at,"
		      " su.name AS signed_by_name, t.answer, t.answered_at, au.name AS answered_by_name,"
		      " t.reviewed_at, t.review_note, t.returned, (SELECT name FROM users WHERE id = t.reviewed_by)"
		      " AS reviewed_by_name,"
		      " CASE WHEN t.answered_at IS NULL AND t.deadline < ? THEN 1 ELSE 0 END AS overdue,"
		      " CASE WHEN t.object_type = 'case' THEN (SELECT case_no FROM police_case WHERE id = t.object_id)"
		      " ELSE (SELECT incident_no FROM incident WHERE id = t.object_id) END AS object_no"
		      " FROM oversight_task t JOIN org_unit o ON o.id = t.station_id"
		      " JOIN users cu ON cu.id = t.created_by LEFT JOIN users su ON su.id = t.signed_by"
		      " LEFT JOIN users au ON au.id = t.answered_by WHERE t.id = ?",
		      &t);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "督办任务不存在");
	if (rc)
		return rc;
	json_object_set_new(t, "overdue", json_boolean(row_int(t, "overdue")));
	*out = json_pack("{s:o}", "task", t);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int oversight_create(struct ctx *c, const char *object_type, int64_t object_id,
		     const char *instructions, int64_t deadline, json_t **out)
{
	struct rows_query q;
	int64_t station = 0, id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_OVERSIGHT_CREATE);
	if (rc)
		return rc;
	if (!object_type || (strcmp(object_type, "incident") && strcmp(object_type, "case")))
		return ps_fail_field(c->err, PS_EINVAL, "object_type", "督办对象应为 incident 或 case");
	if (!instructions || !*instructions)
		return ps_fail_field(c->err, PS_EINVAL, "instructions", "请填写督办要求");
	if (!ctx_deadline_ok(c, deadline))
		return ps_fail_field(c->err, PS_EINVAL, "deadline", "办理期限应晚于当前时间，且在一年以内");
	rows_binds(&q, c);
	rows_bind_int(&q, object_id);
	rc = rows_int(&q,
		      strcmp(object_type, "case") == 0 ? "SELECT unit_id FROM police_case WHERE id = ?"
						       : "SELECT station_id FROM incident WHERE id = ?",
		      0, &station);
	if (rc)
		return rc;
	if (!station)
		return ps_fail_field(c->err, PS_EINVAL, "object_id", "督办对象不存在或尚未派给派出所");
	rows_binds(&q, c);
	rows_bind_text(&q, object_type);
	rows_bind_int(&q, object_id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, instructions);
	rows_bind_int(&q, deadline);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO oversight_task(object_type, object_id, station_id, instructions, deadline,"
			 " created_by, created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "oversight.create", object_type,
				 arena_printf(c->arena, "%lld", (long long)object_id), "success", instructions);
	return rc ? rc : task_json(c, id, out);
}

static int station_task(struct ctx *c, int64_t id, json_t **t)
{
	int rc = task_json(c, id, t);

	if (rc)
		return rc;
	rc = authz_check(c, ACT_OVERSIGHT_UPDATE, NULL, 0, arena_printf(c->arena, "%lld", (long long)id));
	/* rule: the task is the station's it was given to (not its unit's) */
	if (!rc && c->who.station_id != row_int(json_object_get(*t, "task"), "station_id"))
		rc = ctx_deny(c, "oversight.update", "oversight", arena_printf(c->arena, "%lld", (long long)id),
			      "只有被督办派出所的领导或民警可以签收、答复");
	if (rc) {
		json_decref(*t);
		return rc;
	}
	return PS_OK;
}

int oversight_sign(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *t;
	int64_t n = 0;
	int rc = station_task(c, id, &t);

	*out = NULL;
	if (rc)
		return rc;
	json_decref(t);
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE oversight_task SET signed_by = ?, signed_at = ? WHERE id = ? AND signed_at IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_SIGNED", NULL, "督办任务已签收");
	if (!rc)
		rc = audit_write(c, "oversight.sign", "oversight", arena_printf(c->arena, "%lld", (long long)id),
				 "success", NULL);
	return rc ? rc : task_json(c, id, out);
}

int oversight_answer(struct ctx *c, int64_t id, const char *answer, json_t **out)
{
	struct rows_query q;
	json_t *t;
	int64_t n = 0;
	int rc = station_task(c, id, &t);

	*out = NULL;
	if (rc)
		return rc;
	if (!json_is_integer(json_object_get(json_object_get(t, "task"), "signed_at")))
		rc = ps_fail(c->err, PS_ECONFLICT, "NOT_SIGNED", NULL, "请先签收督办任务");
	json_decref(t);
	if (!rc && (!answer || !*answer))
		rc = ps_fail_field(c->err, PS_EINVAL, "answer", "请填写办理情况");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, answer);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE oversight_task SET answer = ?, answered_by = ?, answered_at = ?"
		       " WHERE id = ? AND answered_at IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_ANSWERED", NULL, "督办任务已答复");
	if (!rc)
		rc = audit_write(c, "oversight.answer", "oversight", arena_printf(c->arena, "%lld", (long long)id),
				 "success", NULL);
	return rc ? rc : task_json(c, id, out);
}

int oversight_review(struct ctx *c, int64_t id, int accept, const char *note, json_t **out)
{
	struct rows_query q;
	const char *answer;
	json_t *t;
	int64_t n = 0;
	int rc;

	*out = NULL;
	/* the supervisor's side, over the station: never the station itself */
	rc = rows_check_unit(c, ACT_OVERSIGHT_CREATE,
			     "SELECT o.path FROM oversight_task t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?",
			     id, "督办任务不存在");
	if (rc)
		return rc;
	rc = task_json(c, id, &t);
	if (rc)
		return rc;
	answer = arena_strdup(c->arena, row_str(json_object_get(t, "task"), "answer"));
	if (c->who.station_id && c->who.station_id == row_int(json_object_get(t, "task"), "station_id"))
		rc = ctx_deny(c, "oversight.review", "oversight", arena_printf(c->arena, "%lld", (long long)id),
			      "被督办单位不能审核自己的答复");
	else if (!json_is_integer(json_object_get(json_object_get(t, "task"), "answered_at")))
		rc = ps_fail(c->err, PS_ECONFLICT, "NOT_ANSWERED", NULL, "督办任务尚未答复");
	else if (json_is_integer(json_object_get(json_object_get(t, "task"), "reviewed_at")))
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_REVIEWED", NULL, "督办任务已审核办结");
	else if (!accept && (!note || !*note))
		rc = ps_fail_field(c->err, PS_EINVAL, "note", "退回须写明理由和要求");
	json_decref(t);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, note);
	if (accept) {
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, id);
		rc = rows_exec(&q,
			       "UPDATE oversight_task SET review_note = ?, reviewed_by = ?, reviewed_at = ?"
			       " WHERE id = ? AND answered_at IS NOT NULL AND reviewed_at IS NULL",
			       &n);
	} else {
		/* returned: open again for a new answer, the note kept (the
		 * answer returned stays in the audit row of the return) */
		rows_bind_int(&q, id);
		rc = rows_exec(&q,
			       "UPDATE oversight_task SET review_note = ?, answered_at = NULL, answered_by = NULL,"
			       " returned = returned + 1 WHERE id = ? AND answered_at IS NOT NULL AND reviewed_at IS NULL",
			       &n);
	}
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_REVIEWED", NULL, "督办任务已审核或已退回");
	if (!rc)
		rc = audit_write(c, accept ? "oversight.accept" : "oversight.return", "oversight",
				 arena_printf(c->arena, "%lld", (long long)id), "success",
				 accept ? note : arena_printf(c->arena, "退回：%s；原答复：%s", note, answer));
	return rc ? rc : task_json(c, id, out);
}

int oversight_list(struct ctx *c, int open_only, json_t **out)
{
	static const char where[] =
		" FROM oversight_task t JOIN org_unit o ON o.id = t.station_id"
		" JOIN users cu ON cu.id = t.created_by"
		" WHERE o.path LIKE ? AND (? = 0 OR t.reviewed_at IS NULL)";
	struct rows_query q;
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	json_t *it;
	size_t i;
	int rc;

	rc = authz_require(c, ACT_OVERSIGHT_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, where, 1, 500);
	rows_bind_text(&q, arena_printf(c->arena, "%s%%", scope ? scope : "/"));
	rows_bind_int(&q, open_only);
	rc = rows_page(&q,
		       "SELECT t.id, t.object_type, t.object_id, t.station_id, o.name AS station_name,"
		       " t.instructions, t.deadline, t.created_at, cu.name AS created_by_name, t.signed_at,"
		       " t.answer, t.answered_at, t.reviewed_at, t.review_note, t.returned,"
		       " (SELECT name FROM users WHERE id = t.reviewed_by) AS reviewed_by_name,"
		       " CASE WHEN t.object_type = 'case' THEN (SELECT case_no FROM police_case WHERE id = t.object_id)"
		       " ELSE (SELECT incident_no FROM incident WHERE id = t.object_id) END AS object_no,"
		       " (SELECT name FROM users WHERE id = t.signed_by) AS signed_by_name,"
		       " (SELECT name FROM users WHERE id = t.answered_by) AS answered_by_name",
		       "ORDER BY t.reviewed_at IS NOT NULL, t.answered_at IS NOT NULL, t.deadline", out);
	if (rc)
		return rc;
	json_array_foreach(json_object_get(*out, "items"), i, it)
		json_object_set_new(it, "overdue",
				    json_boolean(!json_is_integer(json_object_get(it, "answered_at")) &&
						 row_int(it, "deadline") < c->now));
	/* AUD-1: the tasks name cases and incidents */
	rc = audit_read_items(c, "oversight.list", "oversight", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
