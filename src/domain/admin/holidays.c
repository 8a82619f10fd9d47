#include "domain/enums.h"
#include "domain/admin/holidays.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

int holidays_list(struct ctx *c, int year, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, year);
	rows_bind_text(&q, year ? arena_printf(c->arena, "%04d-%%", year) : "%");
	rc = rows_all(&q, "SELECT day, kind, name FROM holiday WHERE ? = 0 OR day LIKE ? ORDER BY day", &items);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int holidays_put(struct ctx *c, const char *day, const char *kind, const char *name, json_t **out)
{
	struct rows_query q;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_HOLIDAY_PUT);
	if (rc)
		return rc;
	if (!day || date_parse(day, strlen(day), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "day", "日期应为 YYYY-MM-DD");
	if (!enums_valid(ES_HOLIDAY_KIND, kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "类型应为 holiday（放假）或 workday（调休上班）");
	if (!name || !*name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写名称（如 春节）");
	rows_binds(&q, c);
	rows_bind_text(&q, day);
	rows_bind_text(&q, kind);
	rows_bind_text(&q, name);
	rc = rows_exec(&q,
		       "INSERT INTO holiday(day, kind, name) VALUES (?,?,?)"
		       " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name",
		       NULL);
	if (!rc)
		rc = audit_write(c, "holiday.put", "holiday", day, "success", kind);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:s, s:s, s:s}}", "holiday", "day", day, "kind", kind, "name", name);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
