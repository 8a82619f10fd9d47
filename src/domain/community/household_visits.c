/* household_visits.c — 熟悉住户 visits, the weekly target, the households
 * never visited. */
#include "domain/community/household_visits.h"
#include "domain/community/beats.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

/* the Monday of the week of today, "YYYY-MM-DD" */
static const char *week_start(struct ctx *c)
{
	int64_t today = date_local_days(c->now);
	int y, m, d;

	date_civil_from_days(today - date_weekday(today), &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* one change found: applied to the person living there, audited */
static int apply_update(struct ctx *c, int64_t address_id, int64_t visit_id, json_t *u)
{
	struct rows_query q;
	int64_t pid = json_integer_value(json_object_get(u, "person_id")), n = 0;
	const char *phone = json_string_value(json_object_get(u, "phone"));
	const char *hh = json_string_value(json_object_get(u, "household_no"));
	int moved = json_is_true(json_object_get(u, "moved_out"));
	int rc;

	if (!json_is_object(u) || !pid)
		return ps_fail_field(c->err, PS_EINVAL, "updates", "变更应为 {person_id, phone, household_no, moved_out}");
	if ((phone && strlen(phone) > 20) || (hh && strlen(hh) > 32))
		return ps_fail_field(c->err, PS_EINVAL, "updates", "电话或户号过长");
	rows_binds(&q, c);
	rows_bind_int(&q, pid);
	rows_bind_int(&q, address_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM person WHERE id = ? AND address_id = ?", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "updates", "变更的人员应为该户登记的人员");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, phone);
	rows_bind_text(&q, hh);
	rows_bind_int(&q, moved);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, pid);
	rc = rows_exec(&q,
		       "UPDATE person SET phone = COALESCE(?, phone), household_no = COALESCE(?, household_no),"
		       " address_id = CASE WHEN ? = 1 THEN NULL ELSE address_id END, updated_at = ? WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "person.update", "person", arena_printf(c->arena, "%lld", (long long)pid), "success",
				 arena_printf(c->arena, "household_visit=%lld%s%s%s", (long long)visit_id,
					      phone ? " phone" : "", hh ? " household_no" : "", moved ? " moved_out" : ""));
	return rc;
}

int household_visits_create(struct ctx *c, const struct household_visit_input *in, json_t **out)
{
	struct rows_query q;
	json_t *v, *u;
	int64_t id, n = 0;
	const char *on = in->visited_on;
	size_t i;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_HOUSEHOLD_VISIT_CREATE);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->address_id);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM address a JOIN org_unit o ON o.id = a.station_id WHERE a.id = ?"
		      " AND o.path LIKE ?",
		      0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "address_id", "地址不存在或不属于本所");
	if (!rc)
		rc = beats_may_edit(c, in->address_id, 0, "household_visit.create", "address", in->address_id);
	if (rc)
		return rc;
	if (!on)
		on = ctx_today_str(c);
	if (date_parse(on, strlen(on), &y, &m, &d) || date_days_from_civil(y, m, d) > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "visited_on", "走访日期不正确（不能晚于今天）");
	if (!in->learnt || !*in->learnt)
		return ps_fail_field(c->err, PS_EINVAL, "learnt", "请填写了解到的情况");
	if (in->updates && (!json_is_array(in->updates) || json_array_size(in->updates) > 20))
		return ps_fail_field(c->err, PS_EINVAL, "updates", "变更至多 20 条");
	rows_binds(&q, c);
	rows_bind_int(&q, in->address_id);
	rows_bind_text(&q, on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, in->persons_seen);
	rows_bind_text(&q, in->learnt);
	rows_bind_text(&q, in->changes);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO household_visit(address_id, visited_on, user_id, persons_seen, learnt, changes,"
			 " created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "household_visit.create", "address",
				 arena_printf(c->arena, "%lld", (long long)in->address_id), "success", on);
	json_array_foreach(in->updates, i, u) {
		if (rc)
			break;
		rc = apply_update(c, in->address_id, id, u);
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT v.id, v.address_id, v.visited_on, v.persons_seen, v.learnt, v.changes, u.name AS user_name,"
		      " a.community, a.building, a.unit_no, a.room FROM household_visit v JOIN users u ON u.id = v.user_id"
		      " JOIN address a ON a.id = v.address_id WHERE v.id = ?",
		      &v);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "household_visit", v);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int household_visits_week(struct ctx *c, int64_t user_id, int64_t *done, int64_t *target)
{
	struct rows_query q;

	*target = setting_int(c, "community.visits_per_week", c->who.station_id);
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_text(&q, week_start(c));
	return rows_int(&q, "SELECT COUNT(*) FROM household_visit WHERE user_id = ? AND visited_on >= ?", 0, done);
}

int household_visits_list(struct ctx *c, int64_t beat_id, int64_t page, int64_t per_page, int64_t recent_n,
			  json_t **out)
{
	struct rows_query q;
	json_t *officers, *never, *recent, *r;
	int64_t target = setting_int(c, "community.visits_per_week", c->who.station_id), total = 0;
	const char *monday = week_start(c);
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_HOUSEHOLD_VISIT_LIST);
	if (rc)
		return rc;
	/* the beat officers: this week's visits against the target */
	rows_binds(&q, c);
	rows_bind_text(&q, monday);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT u.id AS user_id, u.name, COUNT(DISTINCT b.id) AS beats,"
		      " (SELECT COUNT(*) FROM household_visit v WHERE v.user_id = u.id AND v.visited_on >= ?) AS week_visits,"
		      " (SELECT COUNT(*) FROM household_visit v WHERE v.user_id = u.id) AS total_visits"
		      " FROM beat b JOIN users u ON u.id = b.officer_id JOIN org_unit o ON o.id = b.station_id"
		      " WHERE o.path LIKE ? GROUP BY u.id, u.name ORDER BY u.name",
		      &officers);
	if (rc)
		return rc;
	json_array_foreach(officers, i, r) {
		json_object_set_new(r, "target", json_integer(target));
		json_object_set_new(r, "done", json_boolean(row_int(r, "week_visits") >= target));
	}
	/* households (addresses with people registered) never visited */
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, beat_id);
	rows_bind_int(&q, beat_id);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM address a JOIN org_unit o ON o.id = a.station_id LEFT JOIN grid g"
		      " ON g.id = a.grid_id WHERE o.path LIKE ? AND (? = 0 OR g.beat_id = ?)"
		      " AND EXISTS (SELECT 1 FROM person p WHERE p.address_id = a.id)"
		      " AND NOT EXISTS (SELECT 1 FROM household_visit v WHERE v.address_id = a.id)",
		      0, &total);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_int(&q, beat_id);
		rows_bind_int(&q, beat_id);
		rows_bind_int(&q, per_page);
		rows_bind_int(&q, (page - 1) * per_page);
		rc = rows_all(&q,
			      "SELECT a.id, a.community, a.building, a.unit_no, a.room, a.building_type, g.beat_id,"
			      " b.name AS beat_name, (SELECT COUNT(*) FROM person p WHERE p.address_id = a.id) AS persons"
			      " FROM address a JOIN org_unit o ON o.id = a.station_id LEFT JOIN grid g ON g.id = a.grid_id"
			      " LEFT JOIN beat b ON b.id = g.beat_id WHERE o.path LIKE ? AND (? = 0 OR g.beat_id = ?)"
			      " AND EXISTS (SELECT 1 FROM person p WHERE p.address_id = a.id)"
			      " AND NOT EXISTS (SELECT 1 FROM household_visit v WHERE v.address_id = a.id)"
			      " ORDER BY a.community, a.building, a.unit_no, a.room, a.id LIMIT ? OFFSET ?",
			      &never);
	}
	if (rc) {
		json_decref(officers);
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, beat_id);
	rows_bind_int(&q, beat_id);
	rows_bind_int(&q, recent_n);
	rc = rows_all(&q,
		      "SELECT v.id, v.address_id, v.visited_on, v.persons_seen, v.learnt, v.changes, u.name AS user_name,"
		      " a.community, a.building, a.unit_no, a.room FROM household_visit v JOIN users u ON u.id = v.user_id"
		      " JOIN address a ON a.id = v.address_id JOIN org_unit o ON o.id = a.station_id LEFT JOIN grid g"
		      " ON g.id = a.grid_id WHERE o.path LIKE ? AND (? = 0 OR g.beat_id = ?)"
		      " ORDER BY v.visited_on DESC, v.id DESC LIMIT ?",
		      &recent);
	if (rc) {
		json_decref(officers);
		json_decref(never);
		return rc;
	}
	*out = json_pack("{s:s, s:I, s:o, s:{s:o, s:I}, s:o}", "week_start", monday, "target", (json_int_t)target,
			 "officers", officers, "never_visited", "items", never, "total", (json_int_t)total, "recent",
			 recent);
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = audit_read_items(c, "household_visit.list", "address", recent, "address_id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
