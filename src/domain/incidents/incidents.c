/* incidents.c — 110 接处警: the intake of a call (with duplicate detection)
 * and the reading of incidents (incidents.h); the steps after the intake
 * are incident_steps.c. */
#include "domain/incidents/incidents.h"
#include "domain/incidents/duplicates.h"
#include "domain/incidents/response_times.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "domain/admin/settings.h"
#include "rules/date.h"
#include "core/buf.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

/* ---- intake ---- */

/* The place as a key: no spaces or punctuation, ASCII lower-cased. */
static const char *place_key(struct ctx *c, const char *place)
{
	struct buf b;
	const char *out;

	buf_init(&b, 1024);
	for (const unsigned char *s = (const unsigned char *)place; *s; s++) {
		unsigned char ch = *s;

		if (ch < 0x80 && (ch <= ' ' || (ch >= '!' && ch <= '/') || (ch >= ':' && ch <= '@') ||
				  (ch >= '[' && ch <= '`') || (ch >= '{' && ch <= '~')))
			continue;
		/* CJK symbols and punctuation U+3000–303F (e3 80 80 – e3 80 bf) and
		 * the full-width forms of ASCII punctuation U+FF01–FF0F, FF1A–FF20,
		 * FF3B–FF40, FF5B–FF65 */
		if (ch == 0xe3 && s[1] == 0x80 && s[2]) {
			s += 2;
			continue;
		}
		if (ch == 0xef && (s[1] == 0xbc || s[1] == 0xbd) && s[2]) {
			unsigned cp = ((unsigned)(ch & 0x0f) << 12) | ((unsigned)(s[1] & 0x3f) << 6) |
				      (s[2] & 0x3f);
			if ((cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20) ||
			    (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65)) {
				s += 2;
				continue;
			}
		}
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		buf_add(&b, &ch, 1);
	}
	out = arena_strdup(c->arena, buf_str(&b));
	buf_release(&b);
	return out;
}

static int next_number(struct ctx *c, int64_t at, const char **no)
{
	struct rows_query q;
	int64_t seq;
	int y, m, d, rc;
	const char *day;

	date_civil_from_days(date_local_days(at), &y, &m, &d);
	day = arena_printf(c->arena, "%04d%02d%02d", y, m, d);
	rows_binds(&q, c);
	rows_bind_text(&q, day);
	/* the upsert returns the number it made: one round trip */
	rc = rows_int(&q,
		      "INSERT INTO incident_counter(day, next_seq) VALUES (?, 1)"
		      " ON CONFLICT (day) DO UPDATE SET next_seq = incident_counter.next_seq + 1"
		      " RETURNING next_seq",
		      0, &seq);
	if (rc)
		return rc;
	*no = arena_printf(c->arena, "JQ%s%05lld", day, (long long)seq);
	return *no ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* n (1 or 2) events of an incident in one statement: taken and
 * dispatched at once are two rows of one INSERT. */
static int events_insert(struct ctx *c, int64_t id, int n, const char *const *action, const char *const *detail)
{
	struct rows_query q;

	rows_binds(&q, c);
	for (int i = 0; i < n; i++) {
		rows_bind_int(&q, id);
		rows_bind_int(&q, c->now);
		rows_bind_text(&q, action[i]);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_text(&q, detail[i]);
	}
	return rows_exec(&q,
			 n == 2 ? "INSERT INTO incident_event(incident_id, at, action, user_id, detail)"
				  " VALUES (?,?,?,?,?), (?,?,?,?,?)"
				: "INSERT INTO incident_event(incident_id, at, action, user_id, detail) VALUES (?,?,?,?,?)",
			 NULL);
}

int incidents_event(struct ctx *c, int64_t id, const char *action, const char *detail)
{
	return events_insert(c, id, 1, &action, &detail);
}

/* Business rule, not a permission: the 110 desk (dispatcher, supervisor)
 * sees confidential incidents and dispatches to any station. */
int incidents_is_desk(struct ctx *c)
{
	return ctx_has_role(c, "dispatcher") || ctx_has_role(c, "supervisor");
}

int incidents_create(struct ctx *c, const struct incident_input *in, json_t **dups, int64_t *new_id)
{
	struct rows_query q;
	const char *key, *no;
	int64_t at = in->has_received ? in->received_at : c->now, id, n = 0, window;
	int64_t station = in->station_id;
	int rc;

	*dups = NULL;
	*new_id = 0;
	rc = authz_require(c, ACT_INCIDENT_CREATE);
	if (rc)
		return rc;
	if (!in->source || (strcmp(in->source, "110") && strcmp(in->source, "phone") &&
			    strcmp(in->source, "walk_in") && strcmp(in->source, "patrol") &&
			    strcmp(in->source, "other")))
		return ps_fail_field(c->err, PS_EINVAL, "source", "警情来源应为 110/phone/walk_in/patrol/other");
	/* PAT-110-RECORD: the unified record's mandatory facts */
	if (!in->place || !*in->place) {
		rc = ps_fail(c->err, PS_EINVAL, "INVALID_FIELD", rule_get(RULE_PAT_110_RECORD)->code, "请填写发案地点");
		c->err->field = "place";
		return rc;
	}
	if (!in->summary || !*in->summary) {
		rc = ps_fail(c->err, PS_EINVAL, "INVALID_FIELD", rule_get(RULE_PAT_110_RECORD)->code, "请填写简要警情");
		c->err->field = "summary";
		return rc;
	}
	if (in->priority && (in->priority < 1 || in->priority > 3))
		return ps_fail_field(c->err, PS_EINVAL, "priority", "优先级应为 1（紧急）到 3（一般）");
	if (at > c->now + 300 || at < c->now - 30 * 86400)
		return ps_fail_field(c->err, PS_EINVAL, "received_at", "接警时间不合理");
	if (in->has_coords && (in->lat < -90 || in->lat > 90 || in->lng < -180 || in->lng > 180))
		return ps_fail_field(c->err, PS_EINVAL, "lat", "坐标不正确");
	/* the category (1) and the station named (2), in one statement */
	rows_binds(&q, c);
	rows_bind_text(&q, in->category);
	rows_bind_int(&q, station);
	rc = rows_int(&q,
		      "SELECT (CASE WHEN EXISTS (SELECT 1 FROM incident_category WHERE code = ?) THEN 1 ELSE 0 END)"
		      " + (CASE WHEN EXISTS (SELECT 1 FROM org_unit WHERE id = ? AND kind = 'station') THEN 2"
		      " ELSE 0 END)",
		      0, &n);
	if (rc)
		return rc;
	if (!(n & 1))
		return ps_fail_field(c->err, PS_EINVAL, "category", "警情类别不存在");
	if (!incidents_is_desk(c) && !(in->forwarded && station)) {
		/* taken at a station (walk-in, patrol): the station's own */
		if (!c->who.station_id)
			return ctx_deny(c, "incident.create", "incident", NULL, "只有110接警员或派出所可以登记警情");
		station = c->who.station_id;
	} else if (station && !(n & 2)) {
		return ps_fail_field(c->err, PS_EINVAL, "station_id", "派警单位应为派出所");
	}
	key = place_key(c, in->place);
	/* the key of a place of punctuation alone is empty (it was a bare
	 * 409 CONSTRAINT, with no field) */
	if (!key || !*key)
		return ps_fail_field(c->err, PS_EINVAL, "place", "发案地点应写明地名或门牌，不能只有空格或标点");
	window = setting_int(c, "incident.duplicate_minutes", 0) * 60;
	if (in->duplicate_of) {
		/* linking needs the incident to be readable: a refusal (403,
		 * audited) for another unit's, as for reading it */
		rc = incidents_check_read(c, in->duplicate_of);
		if (rc == PS_ENOTFOUND)
			return ps_fail_field(c->err, PS_EINVAL, "duplicate_of", "关联的警情不存在或本身是重复警情");
		if (rc)
			return rc;
		rows_binds(&q, c);
		rows_bind_int(&q, in->duplicate_of);
		rc = rows_int(&q, "SELECT COUNT(*) FROM incident WHERE id = ? AND duplicate_of IS NULL", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "duplicate_of", "关联的警情不存在或本身是重复警情");
		if (rc)
			return rc;
	} else if (!in->not_duplicate) {
		rc = duplicates_check(c, key, at, window, dups);
		if (rc || *dups)
			return rc;
	}
	rc = next_number(c, at, &no);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, no);
	rows_bind_int(&q, at);
	rows_bind_text(&q, in->source);
	rows_bind_text(&q, in->caller_name);
	rows_bind_text(&q, in->caller_phone);
	rows_bind_int(&q, in->confidential);
	rows_bind_text(&q, in->place);
	rows_bind_text(&q, key);
	rows_bind_text(&q, in->community);
	rows_bind_text(&q, in->category);
	rows_bind_int(&q, in->priority ? in->priority : 2);
	rows_bind_text(&q, in->summary);
	if (station)
		rows_bind_int(&q, station);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->duplicate_of ? "closed" : station ? "dispatched" : "received");
	if (in->duplicate_of)
		rows_bind_int(&q, in->duplicate_of);
	else
		rows_bind_text(&q, NULL);
	if (station && !in->duplicate_of)
		rows_bind_int(&q, c->now);
	else
		rows_bind_text(&q, NULL);
	if (in->duplicate_of)
		rows_bind_int(&q, c->now);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.unit_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO incident(incident_no, received_at, source, caller_name, caller_phone,"
			 " confidential, place, place_key, community, category, priority, summary, station_id,"
			 " status, duplicate_of, dispatched_at, closed_at, unit_id, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (rc)
		return rc;
	if (in->has_coords) {
		/* coordinates are real numbers: stored through the text form */
		char lat[32], lng[32];

		snprintf(lat, sizeof(lat), "%.6f", in->lat);
		snprintf(lng, sizeof(lng), "%.6f", in->lng);
		rows_binds(&q, c);
		rows_bind_text(&q, lat);
		rows_bind_text(&q, lng);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE incident SET lat = CAST(? AS REAL), lng = CAST(? AS REAL) WHERE id = ?",
			       NULL);
	}
	if (!rc) {
		const char *action[2] = { "intake", "dispatch" };
		const char *detail[2] = { in->duplicate_of ? "同一警情，已关联" : NULL,
					  arena_printf(c->arena, "station=%lld", (long long)station) };

		rc = events_insert(c, id, station && !in->duplicate_of ? 2 : 1, action, detail);
	}
	if (!rc)
		rc = audit_write(c, "incident.create", "incident", no, "success",
				 in->duplicate_of ? "duplicate" : NULL);
	if (!rc)
		*new_id = id;
	return rc;
}

/* ---- reading ---- */


/* The lists of an incident's record, by key. */
static const struct rows_list incident_lists[] = {
	{ "events", "SELECT e.at, e.action, e.detail, u.name AS user_name, u.role AS user_role"
		    " FROM incident_event e LEFT JOIN users u ON u.id = e.user_id WHERE e.incident_id = ?"
		    " ORDER BY e.id" },
	{ "officers", "SELECT io.user_id, u.name, u.role, io.arrived_at FROM incident_officer io JOIN users u"
		      " ON u.id = io.user_id WHERE io.incident_id = ? ORDER BY u.id" },
	{ "vehicles", "SELECT plate, arrived_at FROM incident_vehicle WHERE incident_id = ? ORDER BY plate" },
};

/* The values of an incident's row its record derives from. */
struct inc_vals {
	int64_t station_id, received_at, dispatched_at, arrived_at;
	int dispatched, arrived;
	const char *incident_no;
};

int incidents_write(struct ctx *c, int64_t id, struct jw *w)
{
	struct rows_query q;
	struct db_stmt *st = NULL, *set = NULL;
	struct inc_vals v = { 0 };
	const char *like = ctx_scope_like(c);
	int rc, hidden;

	rc = authz_require(c, ACT_INCIDENT_READ);
	if (rc)
		return rc;
	hidden = !incidents_is_desk(c);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, like);
	rows_bind_text(&q, like);
	rc = db_prepare(c->db,
			"SELECT i.id, i.incident_no, i.received_at, i.source, i.caller_name, i.caller_phone,"
			" i.confidential, i.place, i.community, i.lat, i.lng, i.category, c.name AS category_name,"
			" c.violation, i.priority, i.summary, i.station_id, o.name AS station_name, i.status,"
			" i.duplicate_of, i.outcome, i.outcome_text, i.case_id, k.case_no, i.callback_at,"
			" i.dispatched_at, i.acknowledged_at, i.arrived_at, i.handled_at, i.closed_at,"
			" i.unit_id, u.name AS taken_by_unit, m.offence_code"
			" FROM incident i JOIN incident_category c ON c.code = i.category"
			" LEFT JOIN org_unit o ON o.id = i.station_id LEFT JOIN police_case k ON k.id = i.case_id"
			" LEFT JOIN incident_category_offence m ON m.category_code = i.category"
			" JOIN org_unit u ON u.id = i.unit_id WHERE i.id = ? AND" INCIDENT_VISIBLE_SQL,
			&st, c->err);
	if (!rc)
		rc = rows_bind_all(&q, st);
	if (!rc)
		rc = db_step(st, c->err);
	if (rc == PS_DONE) {
		struct rows_query q2;
		int64_t n = 0;

		db_finalize(st);
		rows_binds(&q2, c);
		rows_bind_int(&q2, id);
		rc = rows_int(&q2, "SELECT COUNT(*) FROM incident WHERE id = ?", 0, &n);
		if (!rc && n)
			return ctx_deny(c, "incident.read", "incident", arena_printf(c->arena, "%lld", (long long)id),
					"无权查看其他单位的警情");
		return rc ? rc : ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "警情不存在");
	}
	if (rc != PS_ROW) {
		db_finalize(st);
		return rc;
	}
	/* the caller's name and number are the 110 desk's alone when the
	 * caller asked for confidentiality */
	hidden = hidden && db_column_int(st, rows_col_index(st, "confidential"));
	jw_obj(w, "incident");
	for (int i = 0, n = db_column_count(st); i < n; i++) {
		const char *name = db_column_name(st, i);

		if (hidden && (!strcmp(name, "caller_name") || !strcmp(name, "caller_phone")))
			jw_str(w, name, "（保密）");
		else
			rows_write_col(st, i, w);
	}
	v.station_id = db_column_int(st, rows_col_index(st, "station_id"));
	v.received_at = db_column_int(st, rows_col_index(st, "received_at"));
	v.dispatched = db_column_type(st, rows_col_index(st, "dispatched_at")) == DB_INT;
	v.dispatched_at = db_column_int(st, rows_col_index(st, "dispatched_at"));
	v.arrived = db_column_type(st, rows_col_index(st, "arrived_at")) == DB_INT;
	v.arrived_at = db_column_int(st, rows_col_index(st, "arrived_at"));
	v.incident_no = arena_strdup(c->arena, db_column_text(st, rows_col_index(st, "incident_no")));
	db_finalize(st);
	if (!v.incident_no)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* its lists, each bound to its id alone, and the settings of its
	 * station (the arrival target below): one round trip on PostgreSQL */
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	settings_memo_prepare(c, v.station_id, &set);
	rc = rows_write_lists(&q, incident_lists, (int)(sizeof(incident_lists) / sizeof(incident_lists[0])), set,
			      w);
	if (!rc)
		settings_memo_take(c, v.station_id, set);
	else
		db_finalize(set);
	if (rc)
		return rc;
	/* PAT-110-ARRIVAL: the target of the station, from the dispatch; late is flagged */
	if (v.station_id) {
		int64_t target = response_times_arrival_minutes(c, v.station_id);
		int late = v.arrived && v.dispatched && v.arrived_at - v.dispatched_at > target * 60;

		jw_int(w, "arrival_target_minutes", target);
		if (v.arrived && v.dispatched)
			jw_bool(w, "arrival_late", late);
		else
			jw_null(w, "arrival_late");
		/* PAT-110-LATE: not going out in time is listed misconduct: a late
		 * arrival names the rule it is reported under */
		jw_str(w, "arrival_late_rule", late ? rule_get(RULE_PAT_110_LATE)->code : NULL);
	}
	/* response times, from the timeline */
	if (v.dispatched)
		jw_int(w, "dispatch_seconds", v.dispatched_at - v.received_at);
	if (v.arrived)
		jw_int(w, "arrive_seconds", v.arrived_at - v.received_at);
	jw_end_obj(w);
	rc = rows_write_rc(c, w);
	return rc ? rc : audit_read(c, "incident", v.incident_no);
}

int incidents_check_read(struct ctx *c, int64_t id)
{
	struct jw w;
	int rc;

	jw_init(&w, INCIDENT_RECORD_MAX);
	jw_obj(&w, NULL);
	rc = incidents_write(c, id, &w);
	jw_release(&w);
	return rc;
}

/* A scope of at most this many units (a station with its posts) lists its
 * incidents from the unit indexes (incidents_list). */
#define INCIDENT_NARROW_UNITS 8

/* A row of incidents_list: the caller's number masked in the list, hidden
 * from all but the 110 desk when the caller asked for confidentiality. */
static int list_row(struct ctx *c, struct db_stmt *st, struct jw *w, void *arg)
{
	int desk = *(const int *)arg, phone = rows_col_index(st, "caller_phone");
	int hidden = !desk && db_column_int(st, rows_col_index(st, "confidential"));

	(void)c;
	for (int i = 0, n = db_column_count(st); i < n; i++) {
		char m[24];

		if (i != phone) {
			rows_write_col(st, i, w);
		} else if (hidden) {
			jw_str(w, "caller_phone", "（保密）");
		} else if (db_column_type(st, i) != DB_TEXT) {
			rows_write_col(st, i, w);
		} else {
			text_mask_phone(db_column_text(st, i), m);
			jw_str(w, "caller_phone", m);
		}
	}
	return PS_OK;
}

int incidents_list(struct ctx *c, const struct incident_filter *f, struct jw *w)
{
	/* INCIDENT_VISIBLE_SQL with the units of the scope as lists (computed
	 * once per statement) instead of two lookups per incident (issue 14).
	 * A narrow scope (a station and its posts) starts from the indexes on
	 * station_id and unit_id: its count and page cost its own incidents,
	 * not the county's. A wide scope (the county) sees most incidents: the
	 * unary '+' keeps the planner on the newest-first index (or a filter's
	 * index), so a page stops after its rows and the count at the cap.
	 * The category (a NOT NULL reference) is a LEFT JOIN on its key, which
	 * the count leaves out. */
	static const char narrow[] =
		" FROM incident i LEFT JOIN incident_category c ON c.code = i.category"
		" LEFT JOIN org_unit o ON o.id = i.station_id"
		" WHERE (i.station_id IN (SELECT so.id FROM org_unit so WHERE so.path LIKE ?)"
		" OR i.unit_id IN (SELECT uo.id FROM org_unit uo WHERE uo.path LIKE ?))";
	static const char wide[] =
		" FROM incident i LEFT JOIN incident_category c ON c.code = i.category"
		" LEFT JOIN org_unit o ON o.id = i.station_id"
		" WHERE (+i.station_id IN (SELECT so.id FROM org_unit so WHERE so.path LIKE ?)"
		" OR +i.unit_id IN (SELECT uo.id FROM org_unit uo WHERE uo.path LIKE ?))";
	/* a scope that holds every unit sees every incident (unit_id is a
	 * NOT NULL reference): no test per row; the page's joins are made for
	 * its own rows (page_key), as in the other scopes */
	static const char whole_tree[] =
		" FROM incident i LEFT JOIN incident_category c ON c.code = i.category"
		" LEFT JOIN org_unit o ON o.id = i.station_id"
		" WHERE 1 = 1";
	struct rows_query q;
	struct rows_written rows;
	const char *like = ctx_scope_like(c);
	int64_t units = 0;
	int rc, whole = 0, desk = incidents_is_desk(c);

	rc = authz_require(c, ACT_INCIDENT_LIST);
	if (!rc)
		rc = rows_scope(c, &units, &whole);
	if (rc)
		return rc;
	rows_query_init(&q, c, whole ? whole_tree : units <= INCIDENT_NARROW_UNITS ? narrow : wide, f->page,
			f->per_page);
	q.count_cap = ROWS_COUNT_CAP;
	q.page_key = "i.id";
	if (!whole) {
		rows_bind_text(&q, like);
		rows_bind_text(&q, like);
	}
	/* in a narrow scope the state is tested on the scope's rows (an
	 * expression, "|| ''", that no index serves — portable, unlike '+' on
	 * text): the index on status would walk the county's closed incidents */
	rows_and_text(&q, units <= INCIDENT_NARROW_UNITS ? "i.status || '' = ?" : "i.status = ?", f->status);
	if (f->category && *f->category) {
		/* a code prefix as a range, so the index serves it */
		char *hi = arena_strdup(c->arena, f->category);

		if (hi)
			hi[strlen(hi) - 1]++;
		/* a county-wide list tests the prefix on the rows it walks in
		 * the order of the page ("|| ''": newest first, or a station's
		 * incidents newest first), so a page stops after its rows; a
		 * station's list narrows its own incidents by the index */
		rows_and_text(&q, units <= INCIDENT_NARROW_UNITS ? "i.category >= ?" : "i.category || '' >= ?",
			      f->category);
		rows_and_text(&q, units <= INCIDENT_NARROW_UNITS ? "i.category < ?" : "i.category || '' < ?",
			      hi ? hi : "");
		if (!hi)
			q.oom = 1;
	}
	rows_and_int(&q, "i.station_id = ?", f->station_id);
	rows_and_int(&q, "i.received_at >= ?", f->from);
	rows_and_int(&q, "i.received_at < ?", f->to);
	/* the open states by name, so the index on status serves them */
	if (f->active)
		rows_and(&q, units <= INCIDENT_NARROW_UNITS
				     ? "i.status || '' IN ('received','dispatched','acknowledged','arrived','handled')"
				     : "i.status IN ('received','dispatched','acknowledged','arrived','handled')");
	if (f->q && *f->q) {
		const char *pat = rows_like(&q, f->q, ROWS_LIKE_CONTAINS);

		/* a confidential caller's number finds the incident for the
		 * desk alone: for others it would confirm who called */
		rows_and(&q, "(i.incident_no = ? OR (i.caller_phone = ? AND (i.confidential = 0 OR ? = 1))"
			     " OR i.place LIKE ?" ROWS_ESCAPE " OR i.summary LIKE ?" ROWS_ESCAPE ")");
		rows_bind_text_exact(&q, f->q);
		rows_bind_text_exact(&q, f->q);
		rows_bind_int(&q, desk);
		rows_bind_text_exact(&q, pat);
		rows_bind_text_exact(&q, pat);
	}
	rc = rows_page_write(&q,
			     "SELECT i.id, i.incident_no, i.received_at, i.source, i.caller_phone, i.confidential,"
			     " i.place, i.category, c.name AS category_name, i.priority, i.summary, i.station_id,"
			     " o.name AS station_name, i.status, i.duplicate_of, i.outcome, i.case_id, i.callback_at",
			     "ORDER BY i.received_at DESC, i.id DESC", list_row, &desk, w, &rows);
	/* AUD-1: the ids it returned, in the read chain */
	return rc ? rc : audit_read_ids(c, "incident.list", "incident", rows.ids, rows.n);
}

const char *incidents_field_rule(const char *form, const char *field)
{
	static const char *const record[] = { "source", "place", "category", "summary", NULL };

	if (!form || !field)
		return NULL;
	if (!strcmp(form, "create"))
		for (const char *const *f = record; *f; f++)
			if (!strcmp(*f, field))
				return rule_get(RULE_PAT_110_RECORD)->code;
	if (!strcmp(form, "feedback") && !strcmp(field, "text"))
		return rule_get(RULE_PAT_RESCUE)->code;
	return NULL;
}
