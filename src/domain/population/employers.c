/* employers.c — 用工单位 and their monthly reports of arrivals and departures. */
#include "domain/population/employers.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"
#include "rules/offence.h"

#include <stdio.h>
#include <string.h>

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
	if (letter_signed_on && !date_valid_str(letter_signed_on))
		return ps_fail_field(c->err, PS_EINVAL, "letter_signed_on", "责任书日期应为 YYYY-MM-DD");
	/* the unit's address is one of the station's own, as a rental's is
	 * (another station's was taken, a missing one was a bare 409) */
	if (address_id) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, address_id);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM address WHERE id = ? AND station_id = ?", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail_field(c->err, PS_EINVAL, "address_id", "地址不存在或不属于本所辖区");
	}
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
		      " (SELECT COUNT(*) FROM floating_person f WHERE f.employer_id = e.id AND f.departed_on IS NULL) AS persons"
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

#define CHECK_COLS                                                                                    \
	"SELECT k.id, k.employer_id, e.name AS employer_name, k.checked_on, k.officer_id, u.name AS officer_name," \
	" k.persons_registered, k.persons_found, k.discrepancy, k.findings, k.offence_code, k.penalty"      \
	" FROM spot_check k JOIN employer_unit e ON e.id = k.employer_id JOIN users u ON u.id = k.officer_id" \
	" JOIN org_unit o ON o.id = e.station_id"

int employers_spot_check(struct ctx *c, int64_t id, const char *checked_on, int64_t persons_found, const char *findings,
		    const char *offence_code, const char *penalty, json_t **out)
{
	struct rows_query q;
	int64_t registered = 0, check_id;
	json_t *row;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_EMPLOYER_SPOT_CHECK,
			     "SELECT o.path FROM employer_unit e JOIN org_unit o ON o.id = e.station_id WHERE e.id = ?", id,
			     "用工单位不存在");
	if (rc)
		return rc;
	if (!date_valid_str(checked_on))
		return ps_fail_field(c->err, PS_EINVAL, "checked_on", "抽查日期应为 YYYY-MM-DD");
	if (strcmp(checked_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "checked_on", "抽查日期不能晚于今天");
	if (offence_code && *offence_code && !offence_find(offence_code))
		return ps_fail_field(c->err, PS_EINVAL, "offence_code", "违法行为代码不在违法行为表中");
	/* registered that day: registered on or before it and not yet left */
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, checked_on);
	rows_bind_text(&q, checked_on);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM floating_person WHERE employer_id = ? AND registered_on <= ?"
		      " AND (departed_on IS NULL OR departed_on > ?)",
		      0, &registered);
	if (rc)
		return rc;
	if (persons_found != registered && (!findings || !*findings))
		return ps_fail_field(c->err, PS_EINVAL, "findings",
				     "现场人数与登记人数不符（登记 %lld 人，现场 %lld 人），须写明核查情况",
				     (long long)registered, (long long)persons_found);
	if (persons_found == registered && ((offence_code && *offence_code) || (penalty && *penalty)))
		return ps_fail_field(c->err, PS_EINVAL, "penalty", "人数相符，没有可处罚的差异");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, checked_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, registered);
	rows_bind_int(&q, persons_found);
	rows_bind_int(&q, persons_found - registered);
	rows_bind_text(&q, findings);
	rows_bind_text(&q, offence_code);
	rows_bind_text(&q, penalty);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO spot_check(employer_id, checked_on, officer_id, persons_registered, persons_found,"
			 " discrepancy, findings, offence_code, penalty, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &check_id);
	if (!rc)
		rc = audit_write(c, "employer.spot_check", "employer", arena_printf(c->arena, "%lld", (long long)id), "success",
				 arena_printf(c->arena, "登记 %lld 人，现场 %lld 人", (long long)registered,
					      (long long)persons_found));
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, check_id);
	rc = rows_one(&q, CHECK_COLS " WHERE k.id = ?", &row);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "check", row);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int employers_spot_checks_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EMPLOYER_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q, CHECK_COLS " WHERE o.path LIKE ? ORDER BY k.checked_on DESC, k.id DESC LIMIT 500", &items);
	if (rc)
		return rc;
	{
		json_t *it;
		size_t i;
		int64_t n = 0, diff = 0;

		json_array_foreach(items, i, it) {
			n++;
			diff += row_int(it, "discrepancy") != 0;
		}
		*out = json_pack("{s:o, s:{s:I, s:I}}", "items", items, "figures", "checks", (json_int_t)n,
				 "with_discrepancy", (json_int_t)diff);
	}
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = audit_read_items(c, "employer.spot_check_list", "spot_check", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
