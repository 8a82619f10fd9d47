#include "domain/population/rentals.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/population.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

static int valid_date(const char *s)
{
	int y, m, d;

	return s && !date_parse(s, strlen(s), &y, &m, &d);
}

static const char *today(struct ctx *c)
{
	int y, m, d;

	date_civil_from_days(date_local_days(c->now), &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

static int level_valid(const char *l)
{
	return l && (!strcmp(l, "trusted") || !strcmp(l, "normal") || !strcmp(l, "watch"));
}

int rentals_create(struct ctx *c, const struct rental_input *in, json_t **out)
{
	struct rows_query q;
	int64_t id, n = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_RENTAL_CREATE);
	if (rc)
		return rc;
	if (!level_valid(in->level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "等级应为 trusted（放心户）/normal（一般户）/watch（不放心户）");
	if ((in->letter_signed_on && !valid_date(in->letter_signed_on)) ||
	    (in->letter_expires_on && !valid_date(in->letter_expires_on)))
		return ps_fail_field(c->err, PS_EINVAL, "letter_signed_on", "责任书日期应为 YYYY-MM-DD");
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
		rc = audit_write(c, "rental.create", "rental", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->level);
	return rc ? rc : rentals_get(c, id, out);
}

/* next visit = last visit (or registration) + the level's cycle */
static void schedule(struct ctx *c, json_t *r, int64_t today_days)
{
	const char *level = row_str(r, "level");
	const char *last = row_str(r, "last_visit_on");
	int64_t cycle = setting_int(c, !strcmp(level, "trusted") ? "rental.visit_days_trusted"
					: !strcmp(level, "watch") ? "rental.visit_days_watch"
								  : "rental.visit_days_normal",
				    row_int(r, "station_id"));
	int64_t base;
	int y, m, d;

	if (last && !date_parse(last, strlen(last), &y, &m, &d))
		base = date_days_from_civil(y, m, d);
	else
		base = date_local_days(row_int(r, "created_at"));
	date_civil_from_days(base + cycle, &y, &m, &d);
	json_object_set_new(r, "cycle_days", json_integer(cycle));
	json_object_set_new(r, "next_visit_on", json_string(arena_printf(c->arena, "%04d-%02d-%02d", y, m, d)));
	json_object_set_new(r, "overdue", json_boolean(today_days > base + cycle));
	json_object_set_new(r, "overdue_days", json_integer(today_days > base + cycle ? today_days - base - cycle : 0));
}

int rentals_list_unaudited(struct ctx *c, int overdue_only, const char *due_on, json_t **out)
{
	struct rows_query q;
	json_t *rows, *kept, *r;
	int64_t today_days = date_local_days(c->now), due = 0;
	size_t i;
	int rc, y, m, d;

	*out = NULL;
	rc = authz_require(c, ACT_RENTAL_LIST);
	if (rc)
		return rc;
	if (due_on) {
		if (date_parse(due_on, strlen(due_on), &y, &m, &d))
			return ps_fail_field(c->err, PS_EINVAL, "due_on", "日期应为 YYYY-MM-DD");
		due = date_days_from_civil(y, m, d);
	}
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT r.id, r.level, r.rooms, r.station_id, r.letter_signed_on, r.letter_expires_on,"
		      " r.last_visit_on, r.created_at, a.community, a.building, a.unit_no, a.room,"
		      " p.name AS landlord_name, p.id AS landlord_id,"
		      " (SELECT COUNT(*) FROM tenancy t WHERE t.rental_id = r.id AND t.to_date IS NULL) AS tenants"
		      " FROM rental r JOIN org_unit o ON o.id = r.station_id JOIN address a ON a.id = r.address_id"
		      " JOIN person p ON p.id = r.landlord_id WHERE o.path LIKE ? ORDER BY r.id",
		      &rows);
	if (rc)
		return rc;
	kept = json_array();
	json_array_foreach(rows, i, r) {
		schedule(c, r, today_days);
		if (overdue_only && !json_is_true(json_object_get(r, "overdue")))
			continue;
		if (due_on) {
			const char *nv = row_str(r, "next_visit_on");

			if (date_parse(nv, strlen(nv), &y, &m, &d) || date_days_from_civil(y, m, d) > due)
				continue;
		}
		json_array_append(kept, r);
	}
	json_decref(rows);
	*out = json_pack("{s:o, s:I}", "items", kept, "total", (json_int_t)json_array_size(kept));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int rentals_list(struct ctx *c, int overdue_only, const char *due_on, json_t **out)
{
	/* AUD-1: the list names the landlords */
	int rc = rentals_list_unaudited(c, overdue_only, due_on, out);

	if (!rc)
		rc = audit_read_items(c, "rental.list", "rental", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* The object check of a rental for an action: 404 when there is none,
 * 403 (audited) when it is another unit's (ACL-1). */
#define RENTAL_PATH_SQL "SELECT o.path FROM rental r JOIN org_unit o ON o.id = r.station_id WHERE r.id = ?"

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
		      " r.last_visit_on, r.created_at, r.address_id, a.community, a.building, a.unit_no, a.room,"
		      " p.id AS landlord_id, p.name AS landlord_name, p.phone AS landlord_phone"
		      " FROM rental r JOIN org_unit o ON o.id = r.station_id JOIN address a ON a.id = r.address_id"
		      " JOIN person p ON p.id = r.landlord_id WHERE r.id = ? AND o.path LIKE ?",
		      &r);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "出租房屋不存在");
	if (rc)
		return rc;
	schedule(c, r, date_local_days(c->now));
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
	SUB("visits", "SELECT v.id, v.visited_on, v.findings, u.name AS user_name, u.role AS user_role"
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
	struct rows_query q;
	json_t *r;
	int y, m, d, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RENTAL_VISIT, RENTAL_PATH_SQL, id, "出租房屋不存在");
	if (!rc)
		rc = rentals_get(c, id, &r);
	if (rc)
		return rc;
	json_decref(r);
	if (!visited_on)
		visited_on = today(c);
	if (date_parse(visited_on, strlen(visited_on), &y, &m, &d) ||
	    date_days_from_civil(y, m, d) > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "visited_on", "走访日期不正确（不能晚于今天）");
	if (!findings || !*findings)
		return ps_fail_field(c->err, PS_EINVAL, "findings", "请填写走访情况");
	if (new_level && !level_valid(new_level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "等级不正确");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, visited_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, findings);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO rental_visit(rental_id, visited_on, user_id, findings, created_at)"
		       " VALUES (?,?,?,?,?)",
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

int tenancies_create(struct ctx *c, int64_t rental_id, int64_t person_id, const char *from,
		     const char *to, const char *layer, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int64_t n = 0, id;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TENANCY_CREATE, RENTAL_PATH_SQL, rental_id, "出租房屋不存在");
	if (!rc)
		rc = rentals_get(c, rental_id, &r);
	if (rc)
		return rc;
	json_decref(r);
	if (!valid_date(from))
		return ps_fail_field(c->err, PS_EINVAL, "from_date", "入住日期应为 YYYY-MM-DD");
	if (to && (!valid_date(to) || strcmp(to, from) < 0))
		return ps_fail_field(c->err, PS_EINVAL, "to_date", "退租日期不正确");
	if (layer && strcmp(layer, "general") && strcmp(layer, "key"))
		return ps_fail_field(c->err, PS_EINVAL, "layer", "层级应为 general（一般）或 key（重点）");
	rc = persons_visible(c, person_id, "person_id");
	if (rc)
		return rc;
	/* one person, one home at a time: [from, to] must not meet another */
	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_text(&q, to ? to : "9999-12-31");
	rows_bind_text(&q, from);
	/* moving out on a day and in elsewhere the same day is one move */
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM tenancy WHERE person_id = ? AND from_date < ?"
		      " AND COALESCE(to_date, '9999-12-31') > ?",
		      0, &n);
	if (!rc && n)
		rc = ps_fail(c->err, PS_ECONFLICT, "TENANCY_OVERLAP", NULL,
			     "该人员在这段时间已登记居住在其他出租房屋，请先办理退租");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, rental_id);
	rows_bind_int(&q, person_id);
	rows_bind_text(&q, from);
	rows_bind_text(&q, to);
	rows_bind_text(&q, layer ? layer : "general");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO tenancy(rental_id, person_id, from_date, to_date, layer, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "tenancy.create", "person", arena_printf(c->arena, "%lld", (long long)person_id),
				 "success", arena_printf(c->arena, "rental=%lld", (long long)rental_id));
	return rc ? rc : rentals_get(c, rental_id, out);
}

int tenancies_end(struct ctx *c, int64_t id, const char *to, json_t **out)
{
	struct rows_query q;
	json_t *t;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TENANCY_END,
			     "SELECT o.path FROM tenancy t JOIN rental r ON r.id = t.rental_id"
			     " JOIN org_unit o ON o.id = r.station_id WHERE t.id = ?",
			     id, "租住记录不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT id, rental_id, from_date, to_date FROM tenancy WHERE id = ?", &t);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "租住记录不存在");
	if (rc)
		return rc;
	if (!to)
		to = today(c);
	if (!valid_date(to) || strcmp(to, row_str(t, "from_date")) < 0)
		rc = ps_fail_field(c->err, PS_EINVAL, "to_date", "退租日期不正确");
	else if (row_str(t, "to_date"))
		rc = ps_fail(c->err, PS_ECONFLICT, "TENANCY_ENDED", NULL, "已办理退租");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, to);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE tenancy SET to_date = ? WHERE id = ?", NULL);
	}
	if (!rc)
		rc = audit_write(c, "tenancy.end", "tenancy", arena_printf(c->arena, "%lld", (long long)id),
				 "success", to);
	if (!rc)
		rc = rentals_get(c, row_int(t, "rental_id"), out);
	json_decref(t);
	return rc;
}

int floating_register(struct ctx *c, const struct floating_input *in, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_FLOATING_REGISTER);
	if (rc)
		return rc;
	if (!in->mode || (strcmp(in->mode, "employer") && strcmp(in->mode, "joint") && strcmp(in->mode, "direct")))
		return ps_fail_field(c->err, PS_EINVAL, "mode", "管理模式应为 employer（委托）/joint（双重）/direct（直接）");
	if (!in->layer || (strcmp(in->layer, "control") && strcmp(in->layer, "known")))
		return ps_fail_field(c->err, PS_EINVAL, "layer", "管理层级应为 control（控制层）或 known（知晓层）");
	if (!valid_date(in->registered_on))
		return ps_fail_field(c->err, PS_EINVAL, "registered_on", "登记日期应为 YYYY-MM-DD");
	if ((in->permit_issued_on && !valid_date(in->permit_issued_on)) ||
	    (in->permit_expires_on && !valid_date(in->permit_expires_on)))
		return ps_fail_field(c->err, PS_EINVAL, "permit_expires_on", "居住证日期应为 YYYY-MM-DD");
	if (!strcmp(in->mode, "employer") && !in->employer_id)
		return ps_fail_field(c->err, PS_EINVAL, "employer_id", "委托管理须指定用工单位");
	rc = persons_visible(c, in->person_id, "person_id");
	if (!rc && in->employer_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->employer_id);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM employer_unit WHERE id = ? AND station_id = ?", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "employer_id", "用工单位不存在或不属于本所");
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	rows_bind_text(&q, in->registered_on);
	rows_bind_text(&q, in->permit_no);
	rows_bind_text(&q, in->permit_issued_on);
	rows_bind_text(&q, in->permit_expires_on);
	rows_bind_text(&q, in->mode);
	rows_bind_text(&q, in->layer);
	if (in->employer_id)
		rows_bind_int(&q, in->employer_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_exec(&q,
		       "INSERT INTO floating_person(person_id, registered_on, permit_no, permit_issued_on,"
		       " permit_expires_on, mode, layer, employer_id, station_id) VALUES (?,?,?,?,?,?,?,?,?)"
		       " ON CONFLICT (person_id) DO UPDATE SET registered_on = excluded.registered_on,"
		       " permit_no = excluded.permit_no, permit_issued_on = excluded.permit_issued_on,"
		       " permit_expires_on = excluded.permit_expires_on, mode = excluded.mode,"
		       " layer = excluded.layer, employer_id = excluded.employer_id",
		       NULL);
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	if (!rc)
		rc = rows_exec(&q, "UPDATE person SET kind = 'floating' WHERE id = ? AND kind IN ('resident','temporary')",
			       NULL);
	if (!rc)
		rc = audit_write(c, "floating.register", "person",
				 arena_printf(c->arena, "%lld", (long long)in->person_id), "success", in->layer);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	{
		json_t *f;

		rc = rows_one(&q, "SELECT person_id, registered_on, permit_no, permit_expires_on, mode, layer,"
				  " employer_id FROM floating_person WHERE person_id = ?", &f);
		if (rc)
			return rc;
		*out = json_pack("{s:o}", "floating", f);
	}
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int employers_create(struct ctx *c, const char *name, int64_t address_id, const char *contact,
		     const char *phone, const char *letter_signed_on, json_t **out)
{
	struct rows_query q;
	int64_t id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EMPLOYER_CREATE);
	if (rc)
		return rc;
	if (!name || !*name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写单位名称");
	if (letter_signed_on && !valid_date(letter_signed_on))
		return ps_fail_field(c->err, PS_EINVAL, "letter_signed_on", "责任书日期应为 YYYY-MM-DD");
	rows_binds(&q, c);
	rows_bind_text(&q, name);
	if (address_id)
		rows_bind_int(&q, address_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, contact);
	rows_bind_text(&q, phone);
	rows_bind_text(&q, letter_signed_on);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO employer_unit(name, address_id, contact, phone, letter_signed_on, station_id,"
			 " created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "employer.create", "employer", arena_printf(c->arena, "%lld", (long long)id),
				 "success", name);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s}}", "employer", "id", (json_int_t)id, "name", name);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static const char *last_month(struct ctx *c)
{
	int y, m, d;

	date_civil_from_days(date_local_days(c->now), &y, &m, &d);
	if (--m == 0) {
		m = 12;
		y--;
	}
	return arena_printf(c->arena, "%04d-%02d", y, m);
}

int employers_list_unaudited(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EMPLOYER_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, last_month(c));
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT e.id, e.name, e.contact, e.phone, e.letter_signed_on, e.station_id,"
		      " (SELECT MAX(month) FROM employer_report r WHERE r.employer_id = e.id) AS last_report,"
		      " (SELECT COUNT(*) FROM employer_report r WHERE r.employer_id = e.id AND r.month = ?) AS reported,"
		      " (SELECT COUNT(*) FROM floating_person f WHERE f.employer_id = e.id) AS persons"
		      " FROM employer_unit e JOIN org_unit o ON o.id = e.station_id WHERE o.path LIKE ?"
		      " ORDER BY e.id",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it)
		json_object_set_new(it, "overdue", json_boolean(row_int(it, "reported") == 0));
	*out = json_pack("{s:o, s:s}", "items", items, "due_month", last_month(c));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int employers_list(struct ctx *c, json_t **out)
{
	/* AUD-1: the list names the employers' contact persons and phones */
	int rc = employers_list_unaudited(c, out);

	if (!rc)
		rc = audit_read_items(c, "employer.list", "employer", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int employers_report(struct ctx *c, int64_t id, const char *month, int arrivals, int departures,
		     json_t **out)
{
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EMPLOYER_REPORT);
	if (rc)
		return rc;
	{
		int y, m, d;

		/* a real month: YYYY-MM whose first day is a valid date */
		if (!month || strlen(month) != 7 || month[4] != '-' || arrivals < 0 || departures < 0 ||
		    date_parse(arena_printf(c->arena, "%s-01", month), 10, &y, &m, &d) != 0)
			return ps_fail_field(c->err, PS_EINVAL, "month",
					     "月份应为 YYYY-MM（月份 01–12），人数不能为负");
	}
	rc = rows_check_unit(c, ACT_EMPLOYER_REPORT,
			     "SELECT o.path FROM employer_unit e JOIN org_unit o ON o.id = e.station_id WHERE e.id = ?",
			     id, "用工单位不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, month);
	rows_bind_int(&q, arrivals);
	rows_bind_int(&q, departures);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_exec(&q,
		       "INSERT INTO employer_report(employer_id, month, arrivals, departures, reported_at, user_id)"
		       " VALUES (?,?,?,?,?,?) ON CONFLICT (employer_id, month) DO UPDATE SET"
		       " arrivals = excluded.arrivals, departures = excluded.departures,"
		       " reported_at = excluded.reported_at, user_id = excluded.user_id",
		       NULL);
	if (!rc)
		rc = audit_write(c, "employer.report", "employer", arena_printf(c->arena, "%lld", (long long)id),
				 "success", month);
	return rc ? rc : employers_list(c, out);
}
