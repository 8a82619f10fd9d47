#include "domain/population/rentals.h"
#include "domain/enums.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/community/beats.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

/* What a registration writes, checked: its level, dates, rooms, an address
 * of the actor's station and a landlord of the actor's scope. */
static int check_input(struct ctx *c, const struct rental_input *in)
{
	struct rows_query q;
	int64_t n = 0;
	int rc = authz_require(c, ACT_RENTAL_CREATE);

	if (rc)
		return rc;
	if (!enums_valid(ES_RENTAL_LEVEL, in->level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "等级应为 trusted（放心户）/normal（一般户）/watch（不放心户）");
	if ((in->letter_signed_on && !date_valid_str(in->letter_signed_on)) ||
	    (in->letter_expires_on && !date_valid_str(in->letter_expires_on)))
		return ps_fail_field(c->err, PS_EINVAL, "letter_signed_on", "责任书日期应为 YYYY-MM-DD");
	/* a letter signed by today, expiring after it was signed */
	if (in->letter_signed_on) {
		const char *today = ctx_today_str(c);

		if (!today)
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		if (strcmp(in->letter_signed_on, today) > 0)
			return ps_fail_field(c->err, PS_EINVAL, "letter_signed_on", "责任书签订日期不能晚于今天");
		if (in->letter_expires_on && strcmp(in->letter_expires_on, in->letter_signed_on) < 0)
			return ps_fail_field(c->err, PS_EINVAL, "letter_expires_on", "责任书到期日期不能早于签订日期");
	}
	if (in->rooms < 1 || in->rooms > 500)
		return ps_fail_field(c->err, PS_EINVAL, "rooms", "出租间数应为 1–500");
	rows_binds(&q, c);
	rows_bind_int(&q, in->address_id);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM address WHERE id = ? AND station_id = ?", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "address_id", "地址不存在或不属于本所");
	if (!rc)
		rc = persons_visible(c, in->landlord_id, "landlord_id");
	return rc;
}

int rentals_create(struct ctx *c, const struct rental_input *in, json_t **out)
{
	struct rows_query q;
	int64_t id;
	int rc;

	*out = NULL;
	rc = check_input(c, in);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->address_id);
	rows_bind_int(&q, in->landlord_id);
	rows_bind_int(&q, in->rooms);
	rows_bind_text(&q, in->letter_signed_on);
	rows_bind_text(&q, in->letter_expires_on);
	rows_bind_text(&q, in->level);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO rental(address_id, landlord_id, rooms, letter_signed_on, letter_expires_on,"
			 " level, station_id, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "RENTAL_EXISTS", NULL, "该地址已登记为出租房屋");
	if (!rc)
		rc = rentals_reschedule(c, id);
	if (!rc)
		rc = audit_write(c, "rental.create", "rental", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->level);
	return rc ? rc : rentals_get(c, id, out);
}

/* 1 when text b is given and differs from a (a date left empty is kept) */
static int differs(json_t *a, const char *b)
{
	return b && (!json_is_string(a) || strcmp(json_string_value(a), b) != 0);
}

int rentals_register_again(struct ctx *c, int64_t id, const struct rental_input *in)
{
	struct rows_query q;
	json_t *now = NULL;
	int rc = check_input(c, in), same;

	if (rc)
		return rc;
	/* the same registration again (a file imported twice) changes
	 * nothing and writes nothing */
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT landlord_id, rooms, letter_signed_on, letter_expires_on, level FROM rental WHERE id = ?",
		      &now);
	if (rc)
		return rc;
	same = json_integer_value(json_object_get(now, "landlord_id")) == in->landlord_id &&
	       json_integer_value(json_object_get(now, "rooms")) == in->rooms &&
	       !differs(json_object_get(now, "letter_signed_on"), in->letter_signed_on) &&
	       !differs(json_object_get(now, "letter_expires_on"), in->letter_expires_on) &&
	       !differs(json_object_get(now, "level"), in->level);
	json_decref(now);
	if (same)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, in->landlord_id);
	rows_bind_int(&q, in->rooms);
	rows_bind_text(&q, in->letter_signed_on);
	rows_bind_text(&q, in->letter_expires_on);
	rows_bind_text(&q, in->level);
	rows_bind_int(&q, id);
	rows_bind_int(&q, in->address_id);
	rc = rows_exec(&q,
		       "UPDATE rental SET landlord_id = ?, rooms = ?, letter_signed_on = COALESCE(?, letter_signed_on),"
		       " letter_expires_on = COALESCE(?, letter_expires_on), level = ? WHERE id = ? AND address_id = ?",
		       NULL);
	/* the level may have changed: so may the next visit */
	if (!rc)
		rc = rentals_reschedule(c, id);
	if (!rc)
		rc = audit_write(c, "rental.update", "rental", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->level);
	return rc;
}

static int64_t cycle_of(struct ctx *c, const char *level, int64_t station_id)
{
	return setting_int(c, !strcmp(level, "trusted") ? "rental.visit_days_trusted"
			   : !strcmp(level, "watch") ? "rental.visit_days_watch"
						     : "rental.visit_days_normal",
			   station_id);
}

int rentals_reschedule(struct ctx *c, int64_t id)
{
	struct rows_query q;
	json_t *r;
	const char *last;
	int64_t base;
	int y, m, d, rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT level, station_id, last_visit_on, created_at FROM rental WHERE id = ?", &r);
	if (rc)
		return rc;
	last = row_str(r, "last_visit_on");
	if (last && !date_parse(last, strlen(last), &y, &m, &d))
		base = date_days_from_civil(y, m, d);
	else
		base = date_local_days(row_int(r, "created_at"));
	rows_binds(&q, c);
	rows_bind_int(&q, base);
	rows_bind_int(&q, base + cycle_of(c, row_str(r, "level"), row_int(r, "station_id")));
	rows_bind_int(&q, id);
	json_decref(r);
	return rows_exec(&q, "UPDATE rental SET visit_base_day = ?, visit_due_day = ? WHERE id = ?", NULL);
}

/* next visit = last visit (or registration) + the level's cycle, from the
 * maintained columns (rentals_reschedule), which leave the row */
struct visit_schedule {
	int64_t cycle_days, overdue_days;
	int overdue;
	char next_visit_on[16];
};

static void schedule_of(int64_t base, int64_t due, int64_t today_days, struct visit_schedule *s)
{
	int y, m, d;

	date_civil_from_days(due, &y, &m, &d);
	s->cycle_days = due - base;
	snprintf(s->next_visit_on, sizeof(s->next_visit_on), "%04d-%02d-%02d", y, m, d);
	s->overdue = today_days > due;
	s->overdue_days = today_days > due ? today_days - due : 0;
}

static void schedule(json_t *r, int64_t today_days)
{
	struct visit_schedule s;

	schedule_of(row_int(r, "visit_base_day"), row_int(r, "visit_due_day"), today_days, &s);
	json_object_set_new(r, "cycle_days", json_integer(s.cycle_days));
	json_object_set_new(r, "next_visit_on", json_string(s.next_visit_on));
	json_object_set_new(r, "overdue", json_boolean(s.overdue));
	json_object_set_new(r, "overdue_days", json_integer(s.overdue_days));
	json_object_del(r, "visit_base_day");
	json_object_del(r, "visit_due_day");
}

/* COUNT(*) of a scope query (scoped: its first '?' is the scope's path);
 * with cap > 0 it stops at cap + 1 rows */
static int scope_count(struct ctx *c, const char *from_where, int scoped, int64_t today, int64_t cap,
		       int64_t *out)
{
	struct rows_query q;

	rows_binds(&q, c);
	if (scoped)
		rows_bind_text(&q, ctx_scope_like(c));
	if (today)
		rows_bind_int(&q, today);
	return rows_int(&q,
			cap > 0 ? arena_printf(c->arena, "SELECT COUNT(*) FROM (SELECT 1 %s LIMIT %lld) capped",
					       from_where, (long long)cap + 1)
				: arena_printf(c->arena, "SELECT COUNT(*) %s", from_where),
			0, out);
}

#define SCOPE_SQL " FROM rental r JOIN org_unit o ON o.id = r.station_id WHERE o.path LIKE ?"
#define OVERDUE_SQL SCOPE_SQL " AND r.visit_due_day < ?"
/* the same when the scope holds every unit */
#define OVERDUE_WHOLE_SQL " FROM rental r WHERE r.visit_due_day < ?"

int rentals_counts(struct ctx *c, int64_t *all, int64_t *overdue)
{
	int rc = scope_count(c, SCOPE_SQL, 1, 0, 0, all);

	return rc ? rc : scope_count(c, OVERDUE_SQL, 1, date_local_days(c->now), 0, overdue);
}

/* A scope of at most this many units (a station with its posts) lists its
 * rentals by station id (rentals_list). */
#define RENTAL_NARROW_UNITS 8

/* What a row of rentals_list needs beside its columns: the day, and for
 * "may_visit" whether the actor may record a visit there under the beat
 * rule (COM-WARD) — the chief always, a beat's people on their beats
 * (mine: one query for the actor's beats, none per row), everyone of the
 * station where the address is in no beat. */
struct list_day {
	int64_t today_days;
	int chief;
	json_t *mine;
};

/* A row of rentals_list: its columns but the schedule's days, then the
 * schedule and may_visit. */
static int list_row(struct ctx *c, struct db_stmt *st, struct jw *w, void *arg)
{
	const struct list_day *x = arg;
	int base = rows_col_index(st, "visit_base_day"), due = rows_col_index(st, "visit_due_day");
	int64_t beat = db_column_int(st, rows_col_index(st, "beat_id"));
	int yes = x->chief || !beat;
	struct visit_schedule s;
	json_t *b;
	size_t k;

	(void)c;
	for (int i = 0, n = db_column_count(st); i < n; i++)
		if (i != base && i != due)
			rows_write_col(st, i, w);
	schedule_of(db_column_int(st, base), db_column_int(st, due), x->today_days, &s);
	jw_int(w, "cycle_days", s.cycle_days);
	jw_str(w, "next_visit_on", s.next_visit_on);
	jw_bool(w, "overdue", s.overdue);
	jw_int(w, "overdue_days", s.overdue_days);
	json_array_foreach(x->mine, k, b)
		yes = yes || row_int(b, "id") == beat;
	jw_bool(w, "may_visit", yes);
	return PS_OK;
}

int rentals_list(struct ctx *c, const struct rental_filter *f, struct jw *w)
{
	struct rows_query q;
	struct rows_written rows;
	struct list_day day = { date_local_days(c->now), ctx_has_role(c, "chief"), NULL };
	int64_t due = 0, overdue_total = 0, units = 0;
	int rc, y, m, d, whole = 0;

	rc = authz_require(c, ACT_RENTAL_LIST);
	if (rc)
		return rc;
	if (f->due_on && *f->due_on) {
		if (date_parse(f->due_on, strlen(f->due_on), &y, &m, &d))
			return ps_fail_field(c->err, PS_EINVAL, "due_on", "日期应为 YYYY-MM-DD");
		due = date_days_from_civil(y, m, d);
	}
	if (f->level && *f->level && !enums_valid(ES_RENTAL_LEVEL, f->level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "等级不正确");
	/* LEFT JOINs on the keys (address_id and landlord_id are NOT NULL
	 * references, so the rows are the same): the count, which uses no
	 * column of a or p unless q asks, leaves them out. A station's scope
	 * (a few units) is a list of station ids, so its level and due-day
	 * filters start from rental(station_id, …); the county's walks the
	 * rentals in the order of the page and stops after it. */
	rc = rows_scope(c, &units, &whole);
	if (rc)
		return rc;
	/* a scope that holds every unit (station_id is a NOT NULL reference)
	 * tests no unit per row; the page's joins and its tenants' count are
	 * made for its own rows only (page_key) */
	rows_query_init(&q, c,
			whole ? " FROM rental r LEFT JOIN address a ON a.id = r.address_id"
				" LEFT JOIN person p ON p.id = r.landlord_id WHERE 1 = 1"
			: units <= RENTAL_NARROW_UNITS
				? " FROM rental r JOIN org_unit o ON o.id = r.station_id"
				  " LEFT JOIN address a ON a.id = r.address_id LEFT JOIN person p ON p.id = r.landlord_id"
				  " WHERE r.station_id IN (SELECT so.id FROM org_unit so WHERE so.path LIKE ?)"
				: " FROM rental r JOIN org_unit o ON o.id = r.station_id"
				  " LEFT JOIN address a ON a.id = r.address_id LEFT JOIN person p ON p.id = r.landlord_id"
				  " WHERE o.path LIKE ?",
			f->page, f->per_page);
	q.count_cap = ROWS_COUNT_CAP;
	q.page_key = "r.id";
	if (!whole)
		rows_bind_text(&q, ctx_scope_like(c));
	rows_and_text(&q, "r.level = ?", f->level);
	rows_and_int(&q, "r.visit_due_day < ?", f->overdue ? day.today_days : 0);
	if (f->due_on && *f->due_on) {
		rows_and(&q, "r.visit_due_day <= ?");
		rows_bind_int(&q, due);
	}
	rows_and_like(&q, "(a.community || a.building || a.unit_no || a.room LIKE ?" ROWS_ESCAPE
			  " OR p.name LIKE ?" ROWS_ESCAPE ")", f->q);
	if (!day.chief) {
		struct rows_query b;

		rows_binds(&b, c);
		rows_bind_int(&b, c->who.user_id);
		rows_bind_int(&b, c->who.user_id);
		rows_bind_int(&b, c->who.user_id);
		rc = rows_all(&b, "SELECT id FROM beat WHERE id IN " BEATS_OF_USER_SQL, &day.mine);
	}
	if (!rc)
		rc = rows_page_write(&q,
				     "SELECT r.id, r.level, r.rooms, r.station_id, r.letter_signed_on,"
				     " r.letter_expires_on, r.last_visit_on, r.created_at, r.visit_base_day,"
				     " r.visit_due_day, a.community, a.building, a.unit_no, a.room," BEAT_OF_ADDRESS_SQL
				     " p.name AS landlord_name, p.id AS landlord_id,"
				     " (SELECT COUNT(*) FROM tenancy t WHERE t.rental_id = r.id AND t.to_date IS NULL)"
				     " AS tenants",
				     f->overdue || due ? "ORDER BY r.visit_due_day, r.id" : "ORDER BY r.id", list_row,
				     &day, w, &rows);
	json_decref(day.mine);
	if (!rc)
		rc = scope_count(c, whole ? OVERDUE_WHOLE_SQL : OVERDUE_SQL, !whole, day.today_days, ROWS_COUNT_CAP,
				 &overdue_total);
	if (!rc) {
		jw_int(w, "overdue_total", overdue_total > ROWS_COUNT_CAP ? ROWS_COUNT_CAP : overdue_total);
		jw_bool(w, "overdue_capped", overdue_total > ROWS_COUNT_CAP);
		rc = rows_write_rc(c, w);
	}
	/* AUD-1: the list names the landlords */
	return rc ? rc : audit_read_ids(c, "rental.list", "rental", rows.ids, rows.n);
}

/* The object check of a rental for an action: 404 when there is none,
 * 403 (audited) when it is another unit's (ACL-1). */

int rentals_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r, *arr;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RENTAL_READ, RENTAL_PATH_SQL, id, "出租房屋不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_one(&q,
		      "SELECT r.id, r.level, r.rooms, r.station_id, r.letter_signed_on, r.letter_expires_on,"
		      " r.last_visit_on, r.created_at, r.visit_base_day, r.visit_due_day, r.address_id,"
		      " a.community, a.building, a.unit_no, a.room," BEAT_OF_ADDRESS_SQL
		      " (SELECT b.name FROM grid g JOIN beat b ON b.id = g.beat_id WHERE g.id = a.grid_id) AS beat_name,"
		      " p.id AS landlord_id, p.name AS landlord_name, p.phone AS landlord_phone"
		      " FROM rental r JOIN org_unit o ON o.id = r.station_id JOIN address a ON a.id = r.address_id"
		      " JOIN person p ON p.id = r.landlord_id WHERE r.id = ? AND o.path LIKE ?",
		      &r);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "出租房屋不存在");
	if (rc)
		return rc;
	schedule(r, date_local_days(c->now));
	{
		int mine = 0;

		rc = beats_mine(c, row_int(r, "beat_id"), &mine);
		if (rc) {
			json_decref(r);
			return rc;
		}
		json_object_set_new(r, "may_visit", json_boolean(mine));
	}
#define SUB(key, sql)                                  \
	do {                                           \
		rows_binds(&q, c);                     \
		rows_bind_int(&q, id);                 \
		rc = rows_all(&q, sql, &arr);          \
		if (rc) {                              \
			json_decref(r);                \
			return rc;                     \
		}                                      \
		json_object_set_new(r, key, arr);      \
	} while (0)
	SUB("visits", "SELECT v.id, v.visited_on, v.findings, v.offence_code, v.zl_item, v.monthly_rent_yuan,"
		      " v.zl_fine_yuan, u.name AS user_name, u.role AS user_role"
		      " FROM rental_visit v JOIN users u ON u.id = v.user_id WHERE v.rental_id = ?"
		      " ORDER BY v.visited_on DESC, v.id DESC");
	SUB("tenants", "SELECT t.id, t.person_id, p.name, p.kind, t.from_date, t.to_date, t.layer FROM tenancy t"
		       " JOIN person p ON p.id = t.person_id WHERE t.rental_id = ? ORDER BY t.to_date IS NOT NULL,"
		       " t.from_date DESC");
	SUB("cases", "SELECT k.id, k.case_no, k.title, k.status FROM rental_case rc JOIN police_case k"
		     " ON k.id = rc.case_id WHERE rc.rental_id = ? ORDER BY k.id DESC");
#undef SUB
	rc = audit_read(c, "rental", arena_printf(c->arena, "%lld", (long long)id));
	if (rc) {
		json_decref(r);
		return rc;
	}
	*out = json_pack("{s:o}", "rental", r);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int rentals_visit(struct ctx *c, int64_t id, const char *visited_on, const char *findings,
		  const char *new_level, json_t **out)
{
	return rentals_visit_penalty(c, id, visited_on, findings, new_level, NULL, out);
}

int rentals_visit_penalty(struct ctx *c, int64_t id, const char *visited_on, const char *findings,
			  const char *new_level, const struct rental_penalty *pen, json_t **out)
{
	static const struct rental_penalty none = { 0 };
	struct rows_query q;
	json_t *r;
	int y, m, d, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RENTAL_VISIT, RENTAL_PATH_SQL, id, "出租房屋不存在");
	if (!rc)
		rc = rentals_get(c, id, &r);
	if (rc)
		return rc;
	/* COM-WARD: a rental is visited by its beat's people or the chief */
	rc = beats_may_edit(c, row_int(json_object_get(r, "rental"), "address_id"), 0, "rental.visit", "rental", id);
	json_decref(r);
	if (rc)
		return rc;
	if (!visited_on)
		visited_on = ctx_today_str(c);
	if (date_parse(visited_on, strlen(visited_on), &y, &m, &d) ||
	    date_days_from_civil(y, m, d) > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "visited_on", "走访日期不正确（不能晚于今天）");
	if (!findings || !*findings)
		return ps_fail_field(c->err, PS_EINVAL, "findings", "请填写走访情况");
	if (new_level && !enums_valid(ES_RENTAL_LEVEL, new_level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "等级不正确");
	if (!pen)
		pen = &none;
	/* COM-RENT-STATUS: a proposed penalty under ZA2025 Art 68, a ZL fine
	 * only where the county enables it */
	rc = rental_penalties_check(c, id, pen);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, visited_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, findings);
	rows_bind_text(&q, pen->offence_code);
	rows_bind_text(&q, pen->zl_item);
	if (pen->zl_item && *pen->zl_item) {
		rows_bind_int(&q, pen->monthly_rent_yuan);
		rows_bind_int(&q, pen->zl_fine_yuan);
	} else {
		rows_bind_text(&q, NULL);
		rows_bind_text(&q, NULL);
	}
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO rental_visit(rental_id, visited_on, user_id, findings, offence_code, zl_item,"
		       " monthly_rent_yuan, zl_fine_yuan, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
		       NULL);
	rows_binds(&q, c);
	rows_bind_text(&q, visited_on);
	rows_bind_text(&q, visited_on);
	rows_bind_text(&q, new_level);
	rows_bind_int(&q, id);
	if (!rc)
		rc = rows_exec(&q,
			       "UPDATE rental SET last_visit_on = CASE WHEN last_visit_on IS NULL OR last_visit_on < ?"
			       " THEN ? ELSE last_visit_on END, level = COALESCE(?, level) WHERE id = ?",
			       NULL);
	if (!rc)
		rc = rentals_reschedule(c, id);
	if (!rc)
		rc = audit_write(c, "rental.visit", "rental", arena_printf(c->arena, "%lld", (long long)id),
				 "success", visited_on);
	return rc ? rc : rentals_get(c, id, out);
}

int rentals_link_case(struct ctx *c, int64_t id, int64_t case_id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RENTAL_LINK_CASE, RENTAL_PATH_SQL, id, "出租房屋不存在");
	if (!rc)
		rc = rentals_get(c, id, &r);
	if (rc)
		return rc;
	json_decref(r);
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?"
		      " AND o.path LIKE ?",
		      0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "case_id", "案件不存在或不属于本所");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_int(&q, case_id);
	rc = rows_exec(&q, "INSERT INTO rental_case(rental_id, case_id) VALUES (?,?)"
			   " ON CONFLICT (rental_id, case_id) DO NOTHING", NULL);
	if (!rc)
		rc = audit_write(c, "rental.link_case", "rental", arena_printf(c->arena, "%lld", (long long)id),
				 "success", arena_printf(c->arena, "case=%lld", (long long)case_id));
	return rc ? rc : rentals_get(c, id, out);
}

/* 出租房屋按期检查 (a 考核 source): a visit is on time when it falls within
 * the level's cycle (cycle_of) after the rental's previous visit, or its
 * registration; a rental whose due day fell in the window and passed with
 * no visit since counts as a visit missed (the station's figure only) */
int rentals_visit_timeliness(struct ctx *c, int64_t station_id, int64_t user_id, const char *from_on,
			     const char *to_on, int64_t *on_time, int64_t *due)
{
	struct rows_query q;
	json_t *rows, *r;
	int64_t missed = 0, from_day = 0, to_day = 0;
	size_t i;
	int y, m, d, rc;

	*on_time = *due = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id ? user_id : station_id);
	rows_bind_text(&q, from_on);
	rows_bind_text(&q, to_on);
	rc = rows_all(&q,
		      arena_printf(c->arena,
				   "SELECT v.visited_on, r.level, r.station_id, r.created_at, (SELECT MAX(p.visited_on)"
				   " FROM rental_visit p WHERE p.rental_id = v.rental_id AND p.visited_on < v.visited_on)"
				   " AS prev_on FROM rental_visit v JOIN rental r ON r.id = v.rental_id WHERE %s = ?"
				   " AND v.visited_on >= ? AND v.visited_on < ?",
				   user_id ? "v.user_id" : "r.station_id"),
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		const char *prev = row_str(r, "prev_on"), *on = row_str(r, "visited_on");
		int64_t base, day;

		if (!on || date_parse(on, strlen(on), &y, &m, &d))
			continue;
		day = date_days_from_civil(y, m, d);
		if (prev && !date_parse(prev, strlen(prev), &y, &m, &d))
			base = date_days_from_civil(y, m, d);
		else
			base = date_local_days(row_int(r, "created_at"));
		(*due)++;
		*on_time += day <= base + cycle_of(c, row_str(r, "level"), row_int(r, "station_id"));
	}
	json_decref(rows);
	if (user_id)
		return PS_OK;
	if (!date_parse(from_on, strlen(from_on), &y, &m, &d))
		from_day = date_days_from_civil(y, m, d);
	if (!date_parse(to_on, strlen(to_on), &y, &m, &d))
		to_day = date_days_from_civil(y, m, d);
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, from_day);
	rows_bind_int(&q, to_day);
	rows_bind_int(&q, date_local_days(c->now));
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM rental r WHERE r.station_id = ? AND r.visit_due_day >= ?"
		      " AND r.visit_due_day < ? AND r.visit_due_day < ?",
		      0, &missed);
	*due += missed;
	return rc;
}
