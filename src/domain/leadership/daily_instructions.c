/* daily_instructions.c — 阅示 (see daily_instructions.h). */
#include "domain/leadership/daily_instructions.h"
#include "domain/leadership/leader_tasks.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

int daily_instructions_create(struct ctx *c, const char *ymd, const char *text, const char *leader_name,
			      int64_t deadline, json_t *stations, json_t **out)
{
	struct rows_query q;
	json_t *targets = NULL, *ids, *t;
	int64_t id;
	size_t i;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_DAILY_INSTRUCT);
	if (rc)
		return rc;
	/* rule: 阅示 is the bureau leaders' (the station chief reports up) */
	if (c->who.station_id)
		return ctx_deny(c, "daily.instruct", "daily_instruction", ymd, "阅示由局领导作出");
	if (!ymd || strlen(ymd) != 10 || date_parse(ymd, 10, &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "date", "日期应为 YYYY-MM-DD");
	if (!text || !*text)
		return ps_fail_field(c->err, PS_EINVAL, "text", "请填写阅示内容");
	if (!leader_name || !*leader_name)
		return ps_fail_field(c->err, PS_EINVAL, "leader_name", "请填写阅示领导");
	if (!ctx_deadline_ok(c, deadline))
		return ps_fail_field(c->err, PS_EINVAL, "deadline", "办理期限应晚于当前时间，且在一年以内");
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q, "SELECT id FROM org_unit WHERE kind = 'station' AND path LIKE ? ORDER BY code", &targets);
	if (rc)
		return rc;
	if (json_array_size(stations)) {
		json_t *want = json_array(), *s, *tt;
		size_t j;

		if (!want) {
			json_decref(targets);
			return NOMEM(c);
		}
		json_array_foreach(stations, i, s) {
			int found = 0;

			json_array_foreach(targets, j, tt)
				found |= json_is_integer(s) && row_int(tt, "id") == json_integer_value(s);
			if (!found) {
				json_decref(want);
				json_decref(targets);
				return ps_fail_field(c->err, PS_EINVAL, "station_ids", "承办单位应为本局派出所");
			}
			json_array_append_new(want, json_pack("{s:I}", "id", json_integer_value(s)));
		}
		json_decref(targets);
		targets = want;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, ymd);
	rows_bind_int(&q, c->who.unit_id);
	rows_bind_text(&q, leader_name);
	rows_bind_text(&q, text);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO daily_instruction (day, bureau_id, leader_name, text, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?) RETURNING id",
			 &id);
	ids = json_array();
	if (!rc && !ids)
		rc = NOMEM(c);
	json_array_foreach(targets, i, t) {
		struct leader_task_input in = { 0 };
		int64_t tid;

		if (rc)
			break;
		in.station_id = row_int(t, "id");
		in.content = arena_printf(c->arena, "阅示（%s日报）：%s", ymd, text);
		in.leader_name = leader_name;
		in.deadline = deadline;
		in.source = "instruction";
		in.source_id = id;
		rc = leader_tasks_insert(c, &in, &tid);
		if (!rc)
			json_array_append_new(ids, json_integer(tid));
	}
	json_decref(targets);
	if (!rc)
		rc = audit_write(c, "daily.instruct", "daily_instruction", arena_printf(c->arena, "%lld", (long long)id),
				 "success", text);
	if (rc) {
		json_decref(ids);
		return rc;
	}
	*out = json_pack("{s:{s:I, s:s, s:s, s:s, s:o}}", "instruction", "id", (json_int_t)id, "day", ymd, "leader_name",
			 leader_name, "text", text, "task_ids", ids);
	return *out ? PS_OK : NOMEM(c);
}
