/* floating.c — 流动人口: registration, mode and layer of management. */
#include "domain/population/floating.h"
#include "domain/community/key_person_removals.h"
#include "domain/enums.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"
#include "domain/clocks/clocks.h"

#include <stdio.h>
#include <string.h>

/* Working days after from up to and including to (both day numbers). */
static int64_t workdays_between(const struct calendar *cal, int64_t from, int64_t to)
{
	int64_t n = 0;

	for (int64_t d = from + 1; d <= to; d++)
		n += calendar_is_workday(cal, d);
	return n;
}

int floating_register(struct ctx *c, const struct floating_input *in, json_t **out)
{
	struct rows_query q;
	struct calendar cal;
	int64_t n = 0, arrival_days = 0, limit = 0;
	const char *today;
	int late = 0, rc;

	*out = NULL;
	rc = authz_require(c, ACT_FLOATING_REGISTER);
	if (rc)
		return rc;
	if (!enums_valid(ES_FLOATING_MODE, in->mode))
		return ps_fail_field(c->err, PS_EINVAL, "mode", "管理模式应为 employer（委托）/joint（双重）/direct（直接）");
	if (!enums_valid(ES_FLOATING_LAYER, in->layer))
		return ps_fail_field(c->err, PS_EINVAL, "layer", "管理层级应为 control（控制层）或 known（知晓层）");
	if (!date_valid_str(in->registered_on))
		return ps_fail_field(c->err, PS_EINVAL, "registered_on", "登记日期应为 YYYY-MM-DD");
	if ((in->permit_issued_on && !date_valid_str(in->permit_issued_on)) ||
	    (in->permit_expires_on && !date_valid_str(in->permit_expires_on)))
		return ps_fail_field(c->err, PS_EINVAL, "permit_expires_on", "居住证日期应为 YYYY-MM-DD");
	/* dates of this world: registered by today, a permit that expires
	 * after it is issued (9999-12-31 and 0001-01-01 were taken, and an
	 * arrival "2 608 588 working days" late) */
	today = ctx_today_str(c);
	if (!today)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (strcmp(in->registered_on, today) > 0 || strcmp(in->registered_on, "1900-01-01") < 0)
		return ps_fail_field(c->err, PS_EINVAL, "registered_on", "登记日期不能晚于今天");
	if (in->arrived_on && *in->arrived_on && strcmp(in->arrived_on, "1900-01-01") < 0)
		return ps_fail_field(c->err, PS_EINVAL, "arrived_on", "入住（用工）日期不合理");
	if (in->permit_issued_on && in->permit_expires_on && strcmp(in->permit_expires_on, in->permit_issued_on) < 0)
		return ps_fail_field(c->err, PS_EINVAL, "permit_expires_on", "居住证有效期限不能早于签发日期");
	if (!strcmp(in->mode, "employer") && !in->employer_id)
		return ps_fail_field(c->err, PS_EINVAL, "employer_id", "委托管理须指定用工单位");
	if (in->arrived_on && *in->arrived_on) {
		int y, m, d;
		int64_t arr, reg;

		if (date_parse(in->arrived_on, strlen(in->arrived_on), &y, &m, &d))
			return ps_fail_field(c->err, PS_EINVAL, "arrived_on", "入住（用工）日期应为 YYYY-MM-DD");
		arr = date_days_from_civil(y, m, d);
		date_parse(in->registered_on, 10, &y, &m, &d);
		reg = date_days_from_civil(y, m, d);
		if (arr > reg)
			return ps_fail_field(c->err, PS_EINVAL, "arrived_on", "入住（用工）日期不能晚于登记日期");
		/* COM-FLOAT-REG: the report within the province's working days */
		rc = clocks_calendar(c, &cal);
		if (rc)
			return rc;
		limit = setting_int(c, "floating.arrival_report_workdays", 0);
		arrival_days = workdays_between(&cal, arr, reg);
		late = arrival_days > limit;
	}
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
	rows_bind_text(&q, in->arrived_on && *in->arrived_on ? in->arrived_on : NULL);
	if (in->arrived_on && *in->arrived_on)
		rows_bind_int(&q, arrival_days);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, late);
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
		       "INSERT INTO floating_person(person_id, registered_on, arrived_on, arrival_workdays, arrival_late,"
		       " permit_no, permit_issued_on, permit_expires_on, mode, layer, employer_id, station_id)"
		       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
		       " ON CONFLICT (person_id) DO UPDATE SET registered_on = excluded.registered_on,"
		       " arrived_on = excluded.arrived_on, arrival_workdays = excluded.arrival_workdays,"
		       " arrival_late = excluded.arrival_late,"
		       " permit_no = excluded.permit_no, permit_issued_on = excluded.permit_issued_on,"
		       " permit_expires_on = excluded.permit_expires_on, mode = excluded.mode,"
		       " layer = excluded.layer, employer_id = excluded.employer_id, departed_on = NULL,"
		       " departure_reporter_kind = NULL, departure_reporter = NULL, departure_reported_on = NULL,"
		       " departure_recorded_by = NULL",
		       NULL);
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	if (!rc)
		rc = rows_exec(&q, "UPDATE person SET kind = 'floating' WHERE id = ? AND kind IN ('resident','temporary')",
			       NULL);
	if (!rc)
		rc = audit_write(c, "floating.register", "person",
				 arena_printf(c->arena, "%lld", (long long)in->person_id), "success",
				 late ? arena_printf(c->arena, "%s 逾期登记", in->layer) : in->layer);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	{
		json_t *f;

		rc = rows_one(&q, "SELECT person_id, registered_on, arrived_on, arrival_workdays, permit_no,"
				  " permit_expires_on, mode, layer, employer_id FROM floating_person WHERE person_id = ?", &f);
		if (rc)
			return rc;
		/* the province's limit of the day and, when late, its fine per person */
		json_object_set_new(f, "arrival_late", json_boolean(late));
		json_object_set_new(f, "arrival_limit_workdays", limit ? json_integer(limit) : json_null());
		json_object_set_new(f, "fine_per_person",
				    late ? json_integer(setting_int(c, "floating.fine_per_person", 0)) : json_null());
		*out = json_pack("{s:o}", "floating", f);
	}
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int floating_depart(struct ctx *c, int64_t person_id, const char *departed_on, const char *reporter_kind,
		    const char *reporter, const char *reported_on, json_t **out)
{
	struct rows_query q;
	struct calendar cal;
	int64_t n = 0, dep, rep, limit, late_days;
	int y, m, d, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_FLOATING_DEPART,
			     "SELECT o.path FROM floating_person f JOIN org_unit o ON o.id = f.station_id WHERE f.person_id = ?",
			     person_id, "该人员不是登记在册的流动人口");
	if (rc)
		return rc;
	if (!departed_on || date_parse(departed_on, strlen(departed_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "departed_on", "离开日期应为 YYYY-MM-DD");
	dep = date_days_from_civil(y, m, d);
	if (!reported_on || date_parse(reported_on, strlen(reported_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "reported_on", "报告日期应为 YYYY-MM-DD");
	rep = date_days_from_civil(y, m, d);
	if (rep > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "reported_on", "报告日期不能晚于今天");
	if (dep > rep)
		return ps_fail_field(c->err, PS_EINVAL, "departed_on", "离开日期不能晚于报告日期");
	if (!enums_valid(ES_DEPARTURE_REPORTER, reporter_kind))
		return ps_fail_field(c->err, PS_EINVAL, "reporter_kind", "报告人应为 landlord（房东）/employer（用工单位）/self（本人）/officer（民警）");
	rc = clocks_calendar(c, &cal);
	if (rc)
		return rc;
	limit = setting_int(c, "floating.departure_report_workdays", c->who.station_id);
	late_days = workdays_between(&cal, dep, rep);
	rows_binds(&q, c);
	rows_bind_text(&q, departed_on);
	rows_bind_text(&q, reporter_kind);
	rows_bind_text(&q, reporter);
	rows_bind_text(&q, reported_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, person_id);
	rc = rows_exec(&q,
		       "UPDATE floating_person SET departed_on = ?, departure_reporter_kind = ?, departure_reporter = ?,"
		       " departure_reported_on = ?, departure_recorded_by = ? WHERE person_id = ? AND departed_on IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_DEPARTED", NULL, "该人员已登记离开");
	if (rc)
		return rc;
	/* 人走: the tenancy that was open on the day ends with it */
	rows_binds(&q, c);
	rows_bind_text(&q, departed_on);
	rows_bind_int(&q, person_id);
	rows_bind_text(&q, departed_on);
	rc = rows_exec(&q, "UPDATE tenancy SET to_date = ? WHERE person_id = ? AND to_date IS NULL AND from_date <= ?",
		       NULL);
	if (!rc)
		rc = key_person_removals_tenant_left(c, person_id);
	if (!rc)
		rc = audit_write(c, "floating.depart", "person", arena_printf(c->arena, "%lld", (long long)person_id),
				 "success", late_days > limit ? "逾期报告" : "按期报告");
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s, s:s, s:s, s:I, s:I, s:b}}", "floating", "person_id", (json_int_t)person_id,
			 "departed_on", departed_on, "reported_on", reported_on, "reporter_kind", reporter_kind,
			 "workdays", (json_int_t)late_days, "limit_workdays", (json_int_t)limit, "late",
			 late_days > limit);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
