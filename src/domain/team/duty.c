/* duty.c — 值班/勤务 (issue 18, part 1; PAT-DUTY-24H): rosters, the weekly
 * pattern, sign-in with late and missed marks, and the on-duty board. */
#include "domain/team/duty.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "core/clock.h"

#include <stdio.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define MAX_DAYS 62

#define ROSTER_COLS                                                                                  \
	"SELECT r.id, r.station_id, r.duty_on, r.duty_post, r.user_id, u.name, u.role,"               \
	" r.signed_in_at, r.signed_out_at FROM duty_roster r JOIN users u ON u.id = r.user_id"

/* minutes after local midnight of the shift start (duty.shift_start) */
static int64_t shift_minutes(struct ctx *c, int64_t station)
{
	const char *s = setting_text(c, "duty.shift_start", station);
	int hh = 8, mm = 30;

	if (s && sscanf(s, "%d:%d", &hh, &mm) == 2 && hh >= 0 && hh < 24 && mm >= 0 && mm < 60)
		return hh * 60 + mm;
	return 8 * 60 + 30;
}

/* epoch of the shift start of day (days since epoch, local) */
static int64_t shift_start_of(struct ctx *c, int64_t station, int64_t day)
{
	return day * 86400 + shift_minutes(c, station) * 60 - PS_DISPLAY_TZ_OFFSET;
}

static int64_t day_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return -1;
	return date_days_from_civil(y, m, d);
}

static const char *day_str(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

const char *duty_mark(int64_t shift_start, int64_t grace_s, int64_t signed_in_at, int64_t now)
{
	if (signed_in_at)
		return signed_in_at <= shift_start + grace_s ? "on_time" : "late";
	return now >= shift_start + 86400 ? "missed" : "pending";
}

static void shape(struct ctx *c, json_t *it)
{
	int64_t station = row_int(it, "station_id"), start = shift_start_of(c, station, day_of(row_str(it, "duty_on")));
	int64_t grace = setting_int(c, "duty.signin_grace_minutes", station) * 60;
	const char *mark = duty_mark(start, grace, row_int(it, "signed_in_at"), c->now);

	json_object_set_new(it, "shift_start", json_integer(start));
	json_object_set_new(it, "shift_end", json_integer(start + 86400));
	json_object_set_new(it, "mark", json_string(mark));
	json_object_set_new(it, "mark_label", json_string(enums_label(ES_DUTY_MARK, mark)));
	json_object_set_new(it, "duty_post_label", json_string(enums_label(ES_DUTY_POST, row_str(it, "duty_post"))));
	json_object_set_new(it, "mine", json_boolean(row_int(it, "user_id") == c->who.user_id));
}

/* the station to read: 0 = the actor's; another one must be visible */
static int station_for(struct ctx *c, int64_t station_id, int64_t *out)
{
	int rc;

	rc = authz_require(c, ACT_DUTY_READ);
	if (rc)
		return rc;
	*out = station_id ? station_id : c->who.station_id;
	if (!*out)
		return ps_fail_field(c->err, PS_EINVAL, "station_id", "请选择派出所");
	rc = rows_check_unit(c, ACT_DUTY_READ, "SELECT path FROM org_unit WHERE id = ? AND kind = 'station'", *out,
			     "派出所不存在");
	return rc;
}

static int check_range(struct ctx *c, const char *from, const char *to, int64_t *a, int64_t *b)
{
	*a = day_of(from);
	*b = day_of(to);
	if (*a < 0)
		return ps_fail_field(c->err, PS_EINVAL, "from", "日期格式应为 YYYY-MM-DD");
	if (*b < 0)
		return ps_fail_field(c->err, PS_EINVAL, "to", "日期格式应为 YYYY-MM-DD");
	if (*b < *a || *b - *a >= MAX_DAYS)
		return ps_fail_field(c->err, PS_EINVAL, "to", "结束日期应不早于开始日期，且不超过%d天", MAX_DAYS);
	return PS_OK;
}

int duty_rosters_list(struct ctx *c, int64_t station_id, const char *from, const char *to, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	int64_t station, a, b;
	size_t i;
	int rc;

	*out = NULL;
	rc = station_for(c, station_id, &station);
	if (!rc)
		rc = check_range(c, from, to, &a, &b);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, from);
	rows_bind_text(&q, to);
	rc = rows_all(&q,
		      ROSTER_COLS " WHERE r.station_id = ? AND r.duty_on >= ? AND r.duty_on <= ?"
				  " ORDER BY r.duty_on, CASE r.duty_post WHEN 'leader' THEN 0 WHEN 'officer' THEN 1"
				  " WHEN 'case_team' THEN 2 ELSE 3 END, r.id",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it)
		shape(c, it);
	rc = audit_read_items(c, "duty.list", "duty_roster", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:I, s:s, s:s}", "items", items, "station_id", (json_int_t)station, "from", from, "to",
			 to);
	return *out ? PS_OK : NOMEM(c);
}

/* a colleague of the actor's station who may hold the post */
static int check_member(struct ctx *c, int64_t user_id, const char *duty_post)
{
	struct rows_query q;
	json_t *u;
	const char *role;
	int rc, ok;

	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_one(&q,
		      "SELECT u.role, u.disabled, o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?",
		      &u);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "user_id", "人员不存在");
	if (rc)
		return rc;
	role = row_str(u, "role");
	ok = !row_int(u, "disabled") && ctx_unit_visible(c, row_str(u, "path"));
	if (!ok) {
		json_decref(u);
		return ps_fail_field(c->err, PS_EINVAL, "user_id", "只能安排本所人员值班");
	}
	/* PAT-DUTY-24H: a leader on every shift — the station's chief */
	if (strcmp(duty_post, "leader") == 0 && strcmp(role, "chief") != 0) {
		json_decref(u);
		return ps_fail_field(c->err, PS_EINVAL, "user_id", "值班所领导应为所领导");
	}
	/* TEAM-AUX-STATUS: the case team handles cases — sworn officers only */
	if (strcmp(duty_post, "case_team") == 0 && strcmp(role, "officer") != 0 && strcmp(role, "chief") != 0) {
		json_decref(u);
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "TEAM-AUX-STATUS", "案件组应由民警组成，辅警不能单独办案");
	}
	json_decref(u);
	return PS_OK;
}

int duty_rosters_add(struct ctx *c, const char *duty_on, const char *duty_post, int64_t user_id, json_t **out)
{
	struct rows_query q;
	int64_t id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_DUTY_EDIT);
	if (rc)
		return rc;
	if (day_of(duty_on) < 0)
		return ps_fail_field(c->err, PS_EINVAL, "duty_on", "日期格式应为 YYYY-MM-DD");
	if (!enums_valid(ES_DUTY_POST, duty_post))
		return ps_fail_field(c->err, PS_EINVAL, "duty_post", "值班岗位不正确");
	rc = check_member(c, user_id, duty_post);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, duty_on);
	rows_bind_text(&q, duty_post);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO duty_roster(station_id, duty_on, duty_post, user_id, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?) RETURNING id",
			 &id);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_ON_DUTY", NULL, "该人员当日已在此岗位值班");
	if (!rc)
		rc = audit_write(c, "duty.edit", "duty_roster", arena_printf(c->arena, "%lld", (long long)id), "success",
				 arena_printf(c->arena, "%s %s user=%lld", duty_on, duty_post, (long long)user_id));
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, ROSTER_COLS " WHERE r.id = ?", out);
	if (!rc) {
		shape(c, *out);
		*out = json_pack("{s:o}", "entry", *out);
	}
	return rc ? rc : *out ? PS_OK : NOMEM(c);
}

static int load_entry(struct ctx *c, enum authz_act act, int64_t id, json_t **row)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, ROSTER_COLS " WHERE r.id = ?", row);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "值班记录不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	{
		json_t *p;

		rc = rows_one(&q, "SELECT o.path FROM duty_roster r JOIN org_unit o ON o.id = r.station_id WHERE r.id = ?",
			      &p);
		if (!rc) {
			rc = authz_check(c, act, arena_strdup(c->arena, row_str(p, "path")), row_int(*row, "user_id"),
					 arena_printf(c->arena, "%lld", (long long)id));
			json_decref(p);
		}
	}
	if (rc) {
		json_decref(*row);
		*row = NULL;
	}
	return rc;
}

int duty_rosters_remove(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int rc;

	*out = NULL;
	rc = load_entry(c, ACT_DUTY_EDIT, id, &row);
	if (rc)
		return rc;
	if (row_int(row, "signed_in_at")) {
		json_decref(row);
		return ps_fail(c->err, PS_ECONFLICT, "SIGNED_IN", NULL, "已签到的值班记录不能删除");
	}
	json_decref(row);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "DELETE FROM duty_roster WHERE id = ?", NULL);
	if (!rc)
		rc = audit_write(c, "duty.edit", "duty_roster", arena_printf(c->arena, "%lld", (long long)id), "success",
				 "removed");
	if (!rc)
		*out = json_pack("{s:b}", "ok", 1);
	return rc;
}

int duty_patterns_get(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	int64_t station;
	size_t i;
	int rc;

	*out = NULL;
	rc = station_for(c, 0, &station);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_all(&q,
		      "SELECT p.id, p.weekday, p.duty_post, p.user_id, u.name FROM duty_pattern p JOIN users u"
		      " ON u.id = p.user_id WHERE p.station_id = ? ORDER BY p.weekday, p.duty_post, p.user_id",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it)
		json_object_set_new(it, "duty_post_label",
				    json_string(enums_label(ES_DUTY_POST, row_str(it, "duty_post"))));
	rc = audit_read(c, "duty_roster", arena_printf(c->arena, "pattern:%lld", (long long)station));
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : NOMEM(c);
}

int duty_patterns_put(struct ctx *c, json_t *items, json_t **out)
{
	struct rows_query q;
	json_t *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_DUTY_EDIT);
	if (rc)
		return rc;
	if (!json_is_array(items) || json_array_size(items) > 200)
		return ps_fail_field(c->err, PS_EINVAL, "items", "模板应为列表（不超过200项）");
	json_array_foreach(items, i, it) {
		json_int_t wd = json_integer_value(json_object_get(it, "weekday"));
		const char *post = json_string_value(json_object_get(it, "duty_post"));

		if (!json_is_object(it) || wd < 1 || wd > 7)
			return ps_fail_field(c->err, PS_EINVAL, "items", "星期应为1至7");
		if (!enums_valid(ES_DUTY_POST, post))
			return ps_fail_field(c->err, PS_EINVAL, "items", "值班岗位不正确");
		rc = check_member(c, json_integer_value(json_object_get(it, "user_id")), post);
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_exec(&q, "DELETE FROM duty_pattern WHERE station_id = ?", NULL);
	json_array_foreach(items, i, it) {
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rows_bind_int(&q, json_integer_value(json_object_get(it, "weekday")));
		rows_bind_text(&q, json_string_value(json_object_get(it, "duty_post")));
		rows_bind_int(&q, json_integer_value(json_object_get(it, "user_id")));
		rc = rows_exec(&q,
			       "INSERT INTO duty_pattern(station_id, weekday, duty_post, user_id) VALUES (?,?,?,?)"
			       " ON CONFLICT (station_id, weekday, duty_post, user_id) DO NOTHING",
			       NULL);
	}
	if (!rc)
		rc = audit_write(c, "duty.edit", "duty_roster", "pattern", "success",
				 arena_printf(c->arena, "pattern of %zu entries", json_array_size(items)));
	return rc ? rc : duty_patterns_get(c, out);
}

int duty_rosters_build(struct ctx *c, const char *from, const char *to, json_t **out)
{
	struct rows_query q;
	json_t *pattern;
	int64_t a, b, added = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_DUTY_EDIT);
	if (!rc)
		rc = check_range(c, from, to, &a, &b);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_all(&q, "SELECT weekday, duty_post, user_id FROM duty_pattern WHERE station_id = ?", &pattern);
	if (rc)
		return rc;
	if (!json_array_size(pattern)) {
		json_decref(pattern);
		return ps_fail(c->err, PS_ECONFLICT, "NO_PATTERN", NULL, "本所尚未设置值班模板");
	}
	for (int64_t day = a; day <= b && !rc; day++) {
		int wd = date_weekday(day) + 1;
		json_t *it;
		size_t i;

		json_array_foreach(pattern, i, it) {
			int64_t n = 0;

			if (row_int(it, "weekday") != wd)
				continue;
			rows_binds(&q, c);
			rows_bind_int(&q, c->who.station_id);
			rows_bind_text(&q, day_str(c, day));
			rows_bind_text(&q, row_str(it, "duty_post"));
			rows_bind_int(&q, row_int(it, "user_id"));
			rows_bind_int(&q, c->who.user_id);
			rows_bind_int(&q, c->now);
			rc = rows_exec(&q,
				       "INSERT INTO duty_roster(station_id, duty_on, duty_post, user_id, created_by, created_at)"
				       " VALUES (?,?,?,?,?,?) ON CONFLICT (station_id, duty_on, duty_post, user_id) DO NOTHING",
				       &n);
			if (rc)
				break;
			added += n;
		}
	}
	json_decref(pattern);
	if (!rc)
		rc = audit_write(c, "duty.build", "duty_roster", arena_printf(c->arena, "%s..%s", from, to), "success",
				 arena_printf(c->arena, "%lld entries", (long long)added));
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:s, s:s}", "added", (json_int_t)added, "from", from, "to", to);
	return *out ? PS_OK : NOMEM(c);
}

int duty_sign(struct ctx *c, int64_t id, int sign_out, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int64_t start;
	int rc;

	*out = NULL;
	rc = load_entry(c, ACT_DUTY_SIGN, id, &row);
	if (rc)
		return rc;
	start = shift_start_of(c, row_int(row, "station_id"), day_of(row_str(row, "duty_on")));
	if (!sign_out) {
		if (row_int(row, "signed_in_at"))
			rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_SIGNED", NULL, "已签到");
		else if (c->now < start - 3600)
			rc = ps_fail(c->err, PS_ECONFLICT, "TOO_EARLY", NULL, "交接班前一小时内方可签到");
		else if (c->now >= start + 86400)
			rc = ps_fail(c->err, PS_ECONFLICT, "SHIFT_OVER", NULL, "该班次已结束，记为缺勤，不能补签");
	} else {
		if (!row_int(row, "signed_in_at"))
			rc = ps_fail(c->err, PS_ECONFLICT, "NOT_SIGNED_IN", NULL, "尚未签到，不能签退");
		else if (row_int(row, "signed_out_at"))
			rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_SIGNED", NULL, "已签退");
	}
	json_decref(row);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       sign_out ? "UPDATE duty_roster SET signed_out_at = ? WHERE id = ?"
				: "UPDATE duty_roster SET signed_in_at = ? WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, sign_out ? "duty.sign_out" : "duty.sign_in", "duty_roster",
				 arena_printf(c->arena, "%lld", (long long)id), "success", NULL);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, ROSTER_COLS " WHERE r.id = ?", &row);
	if (rc)
		return rc;
	shape(c, row);
	*out = json_pack("{s:o}", "entry", row);
	return *out ? PS_OK : NOMEM(c);
}

/* the path prefix the board covers: a station, or for county-level staff
 * with no station named the whole county */
static int board_scope(struct ctx *c, int64_t station_id, int64_t *station, const char **like)
{
	struct rows_query q;
	json_t *u;
	int64_t unit;
	int rc;

	*station = 0;
	if (!station_id && !c->who.station_id) {
		rc = authz_require(c, ACT_DUTY_READ);
		if (rc)
			return rc;
		unit = chain_bureau_of(c, c->who.unit_path);
		if (unit <= 0)
			return ps_fail_field(c->err, PS_EINVAL, "station_id", "请选择派出所");
	} else {
		rc = station_for(c, station_id, station);
		if (rc)
			return rc;
		unit = *station;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, unit);
	rc = rows_one(&q, "SELECT path FROM org_unit WHERE id = ?", &u);
	if (rc)
		return rc;
	*like = arena_printf(c->arena, "%s%%", row_str(u, "path"));
	json_decref(u);
	return PS_OK;
}

int duty_board(struct ctx *c, int64_t station_id, json_t **out)
{
	struct rows_query q;
	json_t *items, *away, *it, *resp;
	int64_t station, today, day, on_duty = 0;
	const char *today_s, *like = NULL;
	size_t i;
	int rc;

	*out = NULL;
	rc = board_scope(c, station_id, &station, &like);
	if (rc)
		return rc;
	today = date_local_days(c->now);
	/* before the shift change the roster of yesterday is still on */
	day = c->now < shift_start_of(c, station, today) ? today - 1 : today;
	today_s = day_str(c, today);
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rows_bind_text(&q, day_str(c, day));
	rc = rows_all(&q,
		      ROSTER_COLS " JOIN org_unit so ON so.id = r.station_id WHERE so.path LIKE ? AND r.duty_on = ?"
				  " ORDER BY r.station_id, CASE r.duty_post WHEN 'leader' THEN 0 WHEN 'officer' THEN 1"
				  " WHEN 'case_team' THEN 2 ELSE 3 END, r.id",
		      &items);
	if (rc)
		return rc;
	resp = json_array();
	json_array_foreach(items, i, it) {
		shape(c, it);
		if (row_int(it, "signed_in_at") && !row_int(it, "signed_out_at"))
			on_duty++;
		if (!strcmp(row_str(it, "duty_post"), "response"))
			json_array_append_new(resp, json_integer(row_int(it, "user_id")));
	}
	/* away today: approved leave not yet returned */
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rows_bind_text(&q, today_s);
	rows_bind_text(&q, today_s);
	rc = rows_all(&q,
		      "SELECT l.id, l.user_id, u.name, o.name AS unit_name, l.kind, l.from_on, l.to_on FROM leave_request l"
		      " JOIN users u ON u.id = l.user_id JOIN org_unit o ON o.id = l.unit_id"
		      " WHERE o.path LIKE ? AND l.status = 'approved' AND l.from_on <= ?"
		      " AND (l.to_on >= ? OR l.returned_on IS NULL) ORDER BY l.from_on",
		      &away);
	if (rc) {
		json_decref(items);
		json_decref(resp);
		return rc;
	}
	json_array_foreach(away, i, it)
		json_object_set_new(it, "kind_label", json_string(enums_label(ES_LEAVE_KIND, row_str(it, "kind"))));
	rc = audit_read_items(c, "duty.list", "duty_roster", items, "id");
	if (rc) {
		json_decref(items);
		json_decref(resp);
		json_decref(away);
		return rc;
	}
	*out = json_pack("{s:I, s:s, s:I, s:I, s:I, s:o, s:o, s:o}", "station_id", (json_int_t)station, "duty_on",
			 day_str(c, day), "on_duty", (json_int_t)on_duty, "rostered", (json_int_t)json_array_size(items),
			 "away_count", (json_int_t)json_array_size(away), "items", items, "away", away, "response_ids",
			 resp);
	return *out ? PS_OK : NOMEM(c);
}

/* one station's days of the coming week without a 值班所领导 */
static int duty_station_clocks(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	struct rows_query q;
	int64_t today = date_local_days(c->now);
	int rc = PS_OK;

	(void)arg;
	for (int64_t day = today; day < today + 7; day++) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, row_int(r, "station_id"));
		rows_bind_text(&q, day_str(c, day));
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM duty_roster WHERE station_id = ? AND duty_on = ?"
			      " AND duty_post = 'leader'",
			      0, &n);
		if (rc)
			break;
		if (n)
			continue;
		clocks_add(k, r,
			   arena_printf(c->arena, "duty:%lld:%s", (long long)row_int(r, "station_id"),
					day_str(c, day)),
			   rule_get(RULE_PAT_DUTY_24H)->code,
			   arena_printf(c->arena, "%s 无值班所领导", day_str(c, day)),
			   shift_start_of(c, row_int(r, "station_id"), today) - 86400,
			   shift_start_of(c, row_int(r, "station_id"), day), CLOCK_DAYS, 0, NULL,
			   "在值班表中安排值班所领导");
	}
	return rc;
}

int duty_clocks(struct clock_sink *k, enum clock_scope s)
{
	struct ctx *c = clocks_sink_ctx(k);
	/* the roster is the station's work, not one officer's: stations with a
	 * roster (they keep one) and a day of the coming week without a 值班所领导 */
	const struct clock_scan d = {
		.station_work = 1,
		.sql = "SELECT DISTINCT r.station_id, o.name, o.name AS unit_name FROM duty_roster r"
		       " JOIN org_unit o ON o.id = r.station_id WHERE r.duty_on >= ? AND o.path LIKE ?"
		       " ORDER BY r.station_id",
		.binds = "tl",
		.texts = { day_str(c, date_local_days(c->now) - 7) },
		.unit_col = "station_id",
		.title_col = "name",
		.each = duty_station_clocks,
	};

	return clocks_scan(k, s, &d);
}

int duty_signin_figures(struct ctx *c, int64_t station_id, const char *from_on, const char *to_on, int64_t *on_time,
			int64_t *judged)
{
	struct rows_query q;
	json_t *rows, *r;
	int64_t grace = setting_int(c, "duty.signin_grace_minutes", station_id) * 60;
	size_t i;
	int rc;

	*on_time = *judged = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_text(&q, from_on);
	rows_bind_text(&q, to_on);
	rc = rows_all(&q,
		      "SELECT r.duty_on, r.signed_in_at FROM duty_roster r WHERE r.station_id = ? AND r.duty_on >= ?"
		      " AND r.duty_on < ?",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int64_t start = shift_start_of(c, station_id, day_of(row_str(r, "duty_on")));
		const char *mark = duty_mark(start, grace, row_int(r, "signed_in_at"), c->now);

		if (!strcmp(mark, "pending"))
			continue;
		(*judged)++;
		*on_time += !strcmp(mark, "on_time");
	}
	json_decref(rows);
	return PS_OK;
}
