/* key_persons.c — 重点人口: listing, contacts and their cycle, 见面率, the
 * 预警 clock of overdue contacts (transfers: key_person_transfers.c). */
#include "domain/community/key_persons.h"
#include "domain/community/beats.h"
#include "domain/community/key_person_cycles.h"
#include "domain/community/key_person_removals.h"
#include "domain/community/key_person_reviews.h"
#include "domain/clocks/clocks.h"
#include "domain/enums.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/population/persons.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

static int64_t days_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return 0;
	return date_days_from_civil(y, m, d);
}

static const char *ymd(struct ctx *c, int64_t days)
{
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* next contact = last in-person contact (见面 or 走访; a phone call does not
 * count) or the listing day + the level's cycle; overdue the day after */
static void schedule(struct ctx *c, json_t *r, int64_t today)
{
	int64_t cycle = key_person_cycles_days(c, row_str(r, "level"), row_int(r, "station_id"));
	int64_t base = row_str(r, "last_met_on") ? days_of(row_str(r, "last_met_on")) : days_of(row_str(r, "listed_on"));

	json_object_set_new(r, "cycle_days", json_integer(cycle));
	if (cycle > 0) {
		json_object_set_new(r, "next_contact_on", json_string(ymd(c, base + cycle)));
		json_object_set_new(r, "overdue", json_boolean(today > base + cycle));
		json_object_set_new(r, "overdue_days", json_integer(today > base + cycle ? today - base - cycle : 0));
		json_object_set_new(r, "due_in_days", json_integer(base + cycle - today));
	} else { /* the county has not set the level's cycle: nothing is due */
		json_object_set_new(r, "next_contact_on", json_null());
		json_object_set_new(r, "overdue", json_false());
		json_object_set_new(r, "overdue_days", json_integer(0));
		json_object_set_new(r, "due_in_days", json_null());
	}
	/* COM-ZD-REVIEW: the listing reviewed every community.review_months */
	{
		int64_t due = key_person_reviews_due(c, row_str(r, "listed_on"), row_str(r, "last_reviewed_on"),
						     row_int(r, "station_id"));

		json_object_set_new(r, "review_due_on", json_string(ymd(c, due)));
		json_object_set_new(r, "review_overdue",
				    json_boolean(today > due && !strcmp(row_str(r, "status"), "active")));
	}
}

#define KP_SELECT                                                                                        \
	"SELECT k.id, k.person_id, p.name, p.sex, k.station_id, s.name AS station_name, k.beat_id,"     \
	" b.name AS beat_name, b.officer_id, u.name AS officer_name, k.category, k.reason, k.level,"       \
	" k.source, k.status, k.listed_on, k.control_plan,"                                                \
	" (SELECT MAX(x.contacted_on) FROM key_person_contact x WHERE x.key_person_id = k.id"             \
	" AND x.mode IN ('meet','visit')) AS last_met_on,"                                                 \
	" (SELECT MAX(x.contacted_on) FROM key_person_contact x WHERE x.key_person_id = k.id)"            \
	" AS last_contact_on,"                                                                             \
	" (SELECT MAX(v.reviewed_on) FROM key_person_review v WHERE v.key_person_id = k.id)"              \
	" AS last_reviewed_on"                                                                             \
	" FROM key_person k JOIN person p ON p.id = k.person_id JOIN org_unit s ON s.id = k.station_id"    \
	" JOIN org_unit o ON o.id = k.station_id LEFT JOIN beat b ON b.id = k.beat_id"                     \
	" LEFT JOIN users u ON u.id = b.officer_id"

static void rate_add(struct ctx *c, json_t *rates, const char *key, json_t *seed, int on_time)
{
	json_t *x = json_object_get(rates, key);

	if (!x) {
		x = json_deep_copy(seed);
		if (!x)
			return;
		json_object_set_new(x, "total", json_integer(0));
		json_object_set_new(x, "on_time", json_integer(0));
		json_object_set_new(rates, key, x);
	}
	json_object_set_new(x, "total", json_integer(row_int(x, "total") + 1));
	json_object_set_new(x, "on_time", json_integer(row_int(x, "on_time") + on_time));
	(void)c;
}

static json_t *rates_array(json_t *rates)
{
	json_t *arr = json_array(), *x;
	const char *k;

	json_object_foreach(rates, k, x) {
		json_object_set_new(x, "rate_pct",
				    json_integer(row_int(x, "total") ? row_int(x, "on_time") * 100 / row_int(x, "total") : 0));
		json_array_append(arr, x);
	}
	return arr;
}

/* the categories of the setting community.key_categories, for the forms */
static json_t *categories(struct ctx *c)
{
	const char *list = setting_text(c, "community.key_categories", c->who.station_id);
	json_t *arr = json_array();

	for (const char *p = list; arr && p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len)
			json_array_append_new(arr, json_stringn(p, len));
		p = e ? e + 1 : p + len;
	}
	return arr;
}

int key_persons_list_unaudited(struct ctx *c, const struct key_person_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *rows, *kept, *r, *by_beat, *by_officer;
	int64_t today = date_local_days(c->now);
	size_t i, total;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_KEY_PERSON_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, f->beat_id);
	rows_bind_int(&q, f->beat_id);
	rows_bind_int(&q, f->mine ? c->who.user_id : 0);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_all(&q,
		      KP_SELECT " WHERE o.path LIKE ? AND k.status <> 'removed' AND (? = 0 OR k.beat_id = ?)"
				" AND (? = 0 OR k.beat_id IN " BEATS_OF_USER_SQL ") ORDER BY k.id",
		      &rows);
	if (rc)
		return rc;
	kept = json_array();
	by_beat = json_object();
	by_officer = json_object();
	json_array_foreach(rows, i, r) {
		int on_time;

		schedule(c, r, today);
		on_time = !json_is_true(json_object_get(r, "overdue"));
		/* 见面率 counts the key persons with a cycle set */
		if (r && row_int(r, "cycle_days") > 0 && row_int(r, "beat_id")) {
			json_t *seed = json_pack("{s:O, s:O, s:O}", "beat_id", json_object_get(r, "beat_id"), "beat_name",
						 json_object_get(r, "beat_name"), "officer_name",
						 json_object_get(r, "officer_name"));

			if (seed)
				rate_add(c, by_beat, arena_printf(c->arena, "%lld", (long long)row_int(r, "beat_id")), seed,
					 on_time);
			json_decref(seed);
		}
		if (row_int(r, "cycle_days") > 0 && row_int(r, "officer_id")) {
			json_t *seed = json_pack("{s:O, s:O}", "user_id", json_object_get(r, "officer_id"), "name",
						 json_object_get(r, "officer_name"));

			if (seed)
				rate_add(c, by_officer, arena_printf(c->arena, "%lld", (long long)row_int(r, "officer_id")),
					 seed, on_time);
			json_decref(seed);
		}
		if (f->overdue_only && on_time)
			continue;
		if (f->review_due_only && !json_is_true(json_object_get(r, "review_overdue")))
			continue;
		if (f->due_within >= 0 &&
		    (!json_is_integer(json_object_get(r, "due_in_days")) || row_int(r, "due_in_days") > f->due_within))
			continue;
		json_array_append(kept, r);
	}
	json_decref(rows);
	total = kept ? json_array_size(kept) : 0;
	if (kept && f->page > 0) { /* the page asked for: its rows only reach the client */
		json_t *all = kept;
		size_t from = (size_t)((f->page - 1) * f->per_page), n = (size_t)f->per_page;

		kept = json_array();
		for (size_t j = from; kept && j < total && j < from + n; j++)
			json_array_append(kept, json_array_get(all, j));
		json_decref(all);
	}
	*out = json_pack("{s:o, s:I, s:{s:o, s:o}, s:o}", "items", kept, "total", (json_int_t)total,
			 "rates", "beats", rates_array(by_beat), "officers", rates_array(by_officer), "categories",
			 categories(c));
	json_decref(by_beat);
	json_decref(by_officer);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int key_persons_list(struct ctx *c, const struct key_person_filter *f, json_t **out)
{
	/* COM-ZD-INTERNAL: every view is logged, with the rows */
	int rc = key_persons_list_unaudited(c, f, out);

	if (!rc)
		rc = audit_read_items(c, "key_person.list", "key_person", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static int category_valid(struct ctx *c, const char *cat)
{
	const char *list = setting_text(c, "community.key_categories", c->who.station_id);
	size_t n = strlen(cat);

	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && !strncmp(p, cat, n))
			return 1;
		p = e ? e + 1 : p + len;
	}
	return 0;
}

static int insert_kp(struct ctx *c, const struct key_person_input *in, int64_t station, const char *source,
		     int64_t *id)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	rows_bind_int(&q, station);
	if (in->beat_id)
		rows_bind_int(&q, in->beat_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->category);
	rows_bind_text(&q, in->reason);
	rows_bind_text(&q, in->level);
	rows_bind_text(&q, in->control_plan);
	rows_bind_text(&q, source);
	rows_bind_text(&q, in->listed_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO key_person(person_id, station_id, beat_id, category, reason, level, control_plan,"
			 " source, listed_on, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 id);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	rc = rows_exec(&q, "UPDATE person SET key_person = 1 WHERE id = ?", NULL);
	if (!rc)
		rc = audit_write(c, "key_person.create", "key_person", arena_printf(c->arena, "%lld", (long long)*id),
				 "success", source);
	return rc;
}

/* the beat of a person: his address's, or his current rental's */
static int person_beat(struct ctx *c, int64_t person_id, int64_t *beat)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_int(&q, person_id);
	return rows_int(&q,
			"SELECT g.beat_id FROM address a JOIN grid g ON g.id = a.grid_id WHERE a.id ="
			" COALESCE((SELECT address_id FROM person WHERE id = ?), (SELECT r.address_id FROM tenancy t"
			" JOIN rental r ON r.id = t.rental_id WHERE t.person_id = ? AND t.to_date IS NULL))",
			0, beat);
}

int key_persons_check_input(struct ctx *c, struct key_person_input *in)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rc = authz_require(c, ACT_KEY_PERSON_CREATE);
	if (rc)
		return rc;
	if (!in->category || !category_valid(c, in->category))
		return ps_fail_field(c->err, PS_EINVAL, "category", "类别应为系统设置中列出的重点人员类别");
	if (!in->reason || !*in->reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写列管原因");
	if (!in->level || !enums_valid(ES_KEY_LEVEL, in->level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "管控级别应为 strict（重点管控）/normal（一般管控）/watch（关注）");
	rc = key_person_cycles_check(c, in->level, c->who.station_id);
	if (rc)
		return rc;
	if (!in->listed_on)
		in->listed_on = ctx_today_str(c);
	if (days_of(in->listed_on) == 0 || days_of(in->listed_on) > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "listed_on", "列管日期不正确（不能晚于今天）");
	rc = persons_visible(c, in->person_id, "person_id");
	if (rc)
		return rc;
	if (in->beat_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->beat_id);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM beat WHERE id = ? AND station_id = ?", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "beat_id", "责任区不存在或不属于本所");
	} else {
		rc = person_beat(c, in->person_id, &in->beat_id);
	}
	if (!rc)
		rc = beats_may_edit(c, 0, in->beat_id, "key_person.create", "person", in->person_id);
	if (rc)
		return rc;
	/* already under control (or being moved): one listing per person */
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM key_person WHERE person_id = ? AND status <> 'removed'", 0, &n);
	if (!rc && n)
		rc = ps_fail(c->err, PS_ECONFLICT, "KEY_PERSON_EXISTS", NULL, "该人员已列管");
	return rc;
}

int key_persons_enlist(struct ctx *c, const struct key_person_input *in, int64_t station, int64_t *id)
{
	struct rows_query q;
	int rc;

	/* a person removed from control (撤管) may be listed again: the same
	 * row, active again, with its history of contacts and removals */
	*id = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	rc = rows_int(&q, "SELECT id FROM key_person WHERE person_id = ? AND status = 'removed'", 0, id);
	if (!rc && *id) {
		rows_binds(&q, c);
		rows_bind_int(&q, station);
		if (in->beat_id)
			rows_bind_int(&q, in->beat_id);
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, in->category);
		rows_bind_text(&q, in->reason);
		rows_bind_text(&q, in->level);
		rows_bind_text(&q, in->control_plan);
		rows_bind_text(&q, in->listed_on);
		rows_bind_int(&q, *id);
		rc = rows_exec(&q,
			       "UPDATE key_person SET station_id = ?, beat_id = ?, category = ?, reason = ?, level = ?,"
			       " control_plan = ?, source = 'listed', listed_on = ?, status = 'active' WHERE id = ?",
			       NULL);
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_int(&q, in->person_id);
			rc = rows_exec(&q, "UPDATE person SET key_person = 1 WHERE id = ?", NULL);
		}
		if (!rc)
			rc = audit_write(c, "key_person.create", "key_person",
					 arena_printf(c->arena, "%lld", (long long)*id), "success", "relisted");
		return rc;
	}
	if (rc)
		return rc;
	rc = insert_kp(c, in, station, "listed", id);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "KEY_PERSON_EXISTS", NULL, "该人员已列管");
	return rc;
}

int key_persons_create(struct ctx *c, const struct key_person_input *in_, json_t **out)
{
	struct key_person_input in = *in_;
	int64_t id;
	int rc;

	*out = NULL;
	rc = key_persons_check_input(c, &in);
	if (!rc)
		rc = key_persons_enlist(c, &in, c->who.station_id, &id);
	return rc ? rc : key_persons_get(c, id, out);
}

int key_persons_from_tenancy(struct ctx *c, int64_t person_id, int64_t rental_id, const char *from)
{
	struct rows_query q;
	struct key_person_input in = { 0 };
	int64_t n = 0, station = 0, id;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM key_person WHERE person_id = ?", 0, &n);
	if (rc || n)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, rental_id);
	rc = rows_int(&q, "SELECT station_id FROM rental WHERE id = ?", 0, &station);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, rental_id);
		rc = rows_int(&q, "SELECT g.beat_id FROM rental r JOIN address a ON a.id = r.address_id"
				  " JOIN grid g ON g.id = a.grid_id WHERE r.id = ?", 0, &in.beat_id);
	}
	if (rc)
		return rc;
	in.person_id = person_id;
	in.category = "重点租户";
	in.reason = "出租房屋承租人列为重点层级";
	in.level = setting_text(c, "community.key_tenant_level", station);
	if (!in.level || !enums_valid(ES_KEY_LEVEL, in.level))
		in.level = "normal";
	in.listed_on = from && days_of(from) && days_of(from) <= date_local_days(c->now) ? from : ctx_today_str(c);
	return insert_kp(c, &in, station, "tenant", &id);
}

int key_persons_rebeat_grid(struct ctx *c, int64_t grid_id)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, grid_id);
	rows_bind_int(&q, grid_id);
	rows_bind_int(&q, grid_id);
	return rows_exec(&q,
			 "UPDATE key_person SET beat_id = (SELECT beat_id FROM grid WHERE id = ?) WHERE status <> 'removed'"
			 " AND (person_id IN (SELECT p.id FROM person p JOIN address a ON a.id = p.address_id"
			 " WHERE a.grid_id = ?) OR person_id IN (SELECT t.person_id FROM tenancy t JOIN rental r"
			 " ON r.id = t.rental_id JOIN address a ON a.id = r.address_id WHERE t.to_date IS NULL"
			 " AND a.grid_id = ?))",
			 NULL);
}

/* a pending transfer of the key person to the actor's station */
static int incoming(struct ctx *c, int64_t id, int64_t *n)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_int(&q, c->who.station_id);
	return rows_int(&q,
			"SELECT COUNT(*) FROM key_person_transfer WHERE key_person_id = ? AND to_station_id = ?"
			" AND status = 'pending'",
			0, n);
}

int key_persons_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r, *arr;
	int64_t in = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_KEY_PERSON_READ);
	if (!rc && c->who.station_id)
		rc = incoming(c, id, &in);
	if (!rc && !in)
		rc = rows_check_unit(c, ACT_KEY_PERSON_READ, KEY_PERSON_PATH_SQL, id, "重点人员不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, KP_SELECT " WHERE k.id = ?", &r);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "重点人员不存在");
	if (rc)
		return rc;
	schedule(c, r, date_local_days(c->now));
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT x.id, x.contacted_on, x.mode, x.place, x.findings, u.name AS user_name FROM key_person_contact x"
		      " JOIN users u ON u.id = x.user_id WHERE x.key_person_id = ? ORDER BY x.contacted_on DESC, x.id DESC",
		      &arr);
	if (!rc) {
		json_object_set_new(r, "contacts", arr);
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_all(&q,
			      "SELECT t.id, t.from_station_id, f.name AS from_station_name, t.to_station_id,"
			      " s.name AS to_station_name, t.letter_id, t.reason, t.status, t.sent_at, t.acknowledged_at"
			      " FROM key_person_transfer t JOIN org_unit f ON f.id = t.from_station_id"
			      " JOIN org_unit s ON s.id = t.to_station_id WHERE t.key_person_id = ? ORDER BY t.id DESC",
			      &arr);
		if (!rc)
			json_object_set_new(r, "transfers", arr);
	}
	if (!rc) {
		rc = key_person_removals_of(c, id, &arr);
		if (!rc)
			json_object_set_new(r, "removals", arr);
	}
	if (!rc) {
		rc = key_person_reviews_of(c, id, &arr);
		if (!rc)
			json_object_set_new(r, "reviews", arr);
	}
	if (!rc)
		rc = audit_read(c, "key_person", arena_printf(c->arena, "%lld", (long long)id));
	if (rc) {
		json_decref(r);
		return rc;
	}
	*out = json_pack("{s:o}", "key_person", r);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int key_persons_may_write(struct ctx *c, enum authz_act act, int64_t id, const char *action)
{
	struct rows_query q;
	int64_t beat = 0;
	int rc = rows_check_unit(c, act, KEY_PERSON_PATH_SQL, id, "重点人员不存在");

	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT beat_id FROM key_person WHERE id = ?", 0, &beat);
	return rc ? rc : beats_may_edit(c, 0, beat, action, "key_person", id);
}

int key_persons_update(struct ctx *c, int64_t id, const char *level, const char *control_plan,
		       const char *reason, int remove, json_t **out)
{
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = key_persons_may_write(c, ACT_KEY_PERSON_UPDATE, id, "key_person.update");
	if (rc)
		return rc;
	if (level && !enums_valid(ES_KEY_LEVEL, level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "管控级别不正确");
	if (level) {
		int64_t station = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_int(&q, "SELECT station_id FROM key_person WHERE id = ?", 0, &station);
		if (!rc)
			rc = key_person_cycles_check(c, level, station);
		if (rc)
			return rc;
	}
	/* COM-ZD-REMOVE: 撤管 is a request that a chief approves */
	if (remove)
		return ps_fail(c->err, PS_ECONFLICT, "REMOVAL_NEEDS_APPROVAL", "COM-ZD-REMOVE",
			       "撤管须提出申请并经审批（申请撤管）");
	rows_binds(&q, c);
	rows_bind_text(&q, level);
	rows_bind_text(&q, control_plan);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE key_person SET level = COALESCE(?, level), control_plan = COALESCE(?, control_plan),"
		       " reason = COALESCE(?, reason) WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "key_person.update", "key_person",
				 arena_printf(c->arena, "%lld", (long long)id), "success", level);
	return rc ? rc : key_persons_get(c, id, out);
}

int key_persons_contact(struct ctx *c, int64_t id, const char *contacted_on, const char *mode,
			const char *place, const char *findings, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = key_persons_may_write(c, ACT_KEY_PERSON_CONTACT, id, "key_person.contact");
	if (rc)
		return rc;
	if (!contacted_on)
		contacted_on = ctx_today_str(c);
	if (!days_of(contacted_on) || days_of(contacted_on) > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "contacted_on", "见面日期不正确（不能晚于今天）");
	if (!mode || !enums_valid(ES_CONTACT_MODE, mode))
		return ps_fail_field(c->err, PS_EINVAL, "mode", "方式应为 meet（见面）/phone（电话）/visit（走访）");
	if (!findings || !*findings)
		return ps_fail_field(c->err, PS_EINVAL, "findings", "请填写掌握的情况");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM key_person WHERE id = ? AND status = 'removed'", 0, &n);
	if (!rc && n)
		rc = ps_fail(c->err, PS_ECONFLICT, "KEY_PERSON_REMOVED", NULL, "该人员已撤管");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, contacted_on);
	rows_bind_text(&q, mode);
	rows_bind_text(&q, place);
	rows_bind_text(&q, findings);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO key_person_contact(key_person_id, contacted_on, mode, place, findings, user_id,"
		       " created_at) VALUES (?,?,?,?,?,?,?)",
		       NULL);
	if (!rc)
		rc = audit_write(c, "key_person.contact", "key_person", arena_printf(c->arena, "%lld", (long long)id),
				 "success", mode);
	return rc ? rc : key_persons_get(c, id, out);
}

/* 预警: a key person not seen within his level's cycle (COM-ZD-LIST) */
static int key_person_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int64_t base = row_str(r, "last_met_on") ? days_of(row_str(r, "last_met_on")) : days_of(row_str(r, "listed_on"));
	int64_t cycle = key_person_cycles_days(c, row_str(r, "level"), row_int(r, "station_id"));

	if (cycle <= 0) /* no cycle set for his level: no clock */
		return PS_OK;
	json_object_set_new(r, "case_no", json_string(arena_printf(c->arena, "重点人员%lld", (long long)row_int(r, "id"))));
	clocks_add(k, r, arena_printf(c->arena, "key_person:%lld:%s", (long long)row_int(r, "id"), ymd(c, base)),
		   "COM-ZD-LIST", "重点人员见面", date_local_midnight(base), date_local_midnight(base + cycle + 1), CLOCK_DAYS, 0,
		   row_str(r, "person_name"), "见面或走访并登记");
	(void)arg;
	return PS_OK;
}

int key_persons_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.sql = "SELECT k.id, k.level, k.station_id, k.station_id AS unit_id, o.name AS unit_name, k.listed_on,"
		       " NULL AS case_id, '' AS case_no, p.name AS person_name,"
		       " (SELECT MAX(x.contacted_on) FROM key_person_contact x WHERE x.key_person_id = k.id"
		       " AND x.mode IN ('meet','visit')) AS last_met_on"
		       " FROM key_person k JOIN person p ON p.id = k.person_id JOIN org_unit o ON o.id = k.station_id"
		       " WHERE k.status <> 'removed' AND o.path LIKE ? AND (? = 0 OR k.beat_id IN " BEATS_OF_USER_SQL ")",
		.binds = "lmmmm",
		.each = key_person_clock,
	};

	return clocks_scan(k, s, &d);
}
