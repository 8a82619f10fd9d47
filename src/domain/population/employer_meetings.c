/* employer_meetings.c — 用工单位例会 with each employer's outcome (参会, 表彰,
 * 处罚, 缺席). */
#include "domain/population/employer_meetings.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int items_of(struct ctx *c, int64_t meeting_id, json_t **out)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, meeting_id);
	return rows_all(&q,
			"SELECT i.employer_id, e.name AS employer_name, i.outcome, i.note FROM employer_meeting_item i"
			" JOIN employer_unit e ON e.id = i.employer_id WHERE i.meeting_id = ? ORDER BY e.name",
			out);
}

int employer_meetings_create(struct ctx *c, const char *held_on, const char *topic, const char *notes, json_t *items,
			     json_t **out)
{
	struct rows_query q;
	json_t *it, *got;
	int64_t id, n;
	size_t i, j;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EMPLOYER_MEETING);
	if (rc)
		return rc;
	if (!date_valid_str(held_on) || strcmp(held_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "held_on", "例会日期应为 YYYY-MM-DD，且不晚于今天");
	if (!topic || !*topic)
		return ps_fail_field(c->err, PS_EINVAL, "topic", "请填写例会主题");
	if (!json_is_array(items) || !json_array_size(items) || json_array_size(items) > 200)
		return ps_fail_field(c->err, PS_EINVAL, "items", "请登记参会的用工单位");
	json_array_foreach(items, i, it) {
		json_t *eid = json_object_get(it, "employer_id");
		const char *outcome = json_string_value(json_object_get(it, "outcome"));
		json_t *note = json_object_get(it, "note");

		if (!json_is_object(it) || !json_is_integer(eid) || !enums_valid(ES_MEETING_OUTCOME, outcome) ||
		    (note && !json_is_null(note) && (!json_is_string(note) || strlen(json_string_value(note)) > 600)))
			return ps_fail_field(c->err, PS_EINVAL, "items",
					     "每项应为 {\"employer_id\":…,\"outcome\":\"attended/commended/penalized/absent\"}");
		for (j = 0; j < i; j++)
			if (json_integer_value(json_object_get(json_array_get(items, j), "employer_id")) ==
			    json_integer_value(eid))
				return ps_fail_field(c->err, PS_EINVAL, "items", "同一用工单位只能登记一次");
		rows_binds(&q, c);
		rows_bind_int(&q, json_integer_value(eid));
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM employer_unit WHERE id = ? AND station_id = ?", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail_field(c->err, PS_EINVAL, "items", "用工单位不存在或不属于本所");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, held_on);
	rows_bind_text(&q, topic);
	rows_bind_text(&q, notes);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO employer_meeting(station_id, held_on, topic, notes, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?) RETURNING id",
			 &id);
	json_array_foreach(items, i, it) {
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, json_integer_value(json_object_get(it, "employer_id")));
		rows_bind_text(&q, json_string_value(json_object_get(it, "outcome")));
		rows_bind_text(&q, json_string_value(json_object_get(it, "note")));
		rc = rows_exec(&q, "INSERT INTO employer_meeting_item(meeting_id, employer_id, outcome, note) VALUES (?,?,?,?)",
			       NULL);
	}
	if (!rc)
		rc = audit_write(c, "employer.meeting", "employer_meeting", arena_printf(c->arena, "%lld", (long long)id),
				 "success", topic);
	if (!rc)
		rc = items_of(c, id, &got);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s, s:s, s:o}}", "meeting", "id", (json_int_t)id, "held_on", held_on, "topic", topic,
			 "items", got);
	return *out ? PS_OK : NOMEM(c);
}

int employer_meetings_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *rows, *it, *got;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EMPLOYER_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT m.id, m.held_on, m.topic, m.notes, m.station_id, o.name AS unit_name, u.name AS created_by_name,"
		      " (SELECT COUNT(*) FROM employer_meeting_item i WHERE i.meeting_id = m.id AND i.outcome = 'commended') AS commended,"
		      " (SELECT COUNT(*) FROM employer_meeting_item i WHERE i.meeting_id = m.id AND i.outcome = 'penalized') AS penalized"
		      " FROM employer_meeting m JOIN org_unit o ON o.id = m.station_id JOIN users u ON u.id = m.created_by"
		      " WHERE o.path LIKE ? ORDER BY m.held_on DESC, m.id DESC LIMIT 200",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, it) {
		rc = items_of(c, row_int(it, "id"), &got);
		if (rc) {
			json_decref(rows);
			return rc;
		}
		json_object_set_new(it, "items", got);
	}
	*out = json_pack("{s:o}", "items", rows);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "employer.meeting_list", "employer_meeting", rows, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
