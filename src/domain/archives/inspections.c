/* inspections.c — 网上巡查 (see inspections.h). */
#include "domain/archives/inspections.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/clocks/clocks.h"
#include "domain/rows.h"
#include "core/clock.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

#define INSPECTION_PATH_SQL \
	"SELECT o.path FROM online_inspection i JOIN org_unit o ON o.id = i.unit_id WHERE i.id = ?"

int inspections_create(struct ctx *c, int64_t station_id, const char *title, int64_t sample,
		       int64_t deadline_days, json_t **out)
{
	struct rows_query q;
	json_t *cases, *r;
	int64_t id, deadline;
	size_t i;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_INSPECTION_CREATE,
			     "SELECT path FROM org_unit WHERE id = ? AND kind = 'station'", station_id, "派出所不存在");
	if (rc)
		return rc;
	if (!title || !*title)
		return ps_fail_field(c->err, PS_EINVAL, "title", "请填写巡查名称");
	if (sample < 1 || sample > 50)
		return ps_fail_field(c->err, PS_EINVAL, "sample", "抽查案件数应为 1 至 50");
	if (!deadline_days)
		deadline_days = setting_int(c, "inspection.answer_days", 0);
	/* answers due by the end of that local day */
	deadline = (date_local_days(c->now) + deadline_days + 1) * 86400 - PS_DISPLAY_TZ_OFFSET - 1;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_text(&q, title);
	rows_bind_int(&q, deadline);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO online_inspection(unit_id, title, deadline, created_by, created_at)"
			 " VALUES (?,?,?,?,?) RETURNING id",
			 &id);
	if (rc)
		return rc;
	/* the sample: decided cases of the station, at random */
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, sample);
	rc = rows_all(&q,
		      "SELECT id FROM police_case WHERE unit_id = ?"
		      " AND status IN ('decided','delivered','closed','archived') ORDER BY RANDOM() LIMIT ?",
		      &cases);
	if (rc)
		return rc;
	json_array_foreach(cases, i, r) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, row_int(r, "id"));
		rc = rows_exec(&q, "INSERT INTO inspection_case(inspection_id, case_id) VALUES (?,?)", NULL);
		if (rc)
			break;
	}
	if (!rc && json_array_size(cases) == 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "NOTHING_TO_INSPECT", NULL, "该派出所没有已作出决定的案件可供抽查");
	if (!rc)
		rc = audit_write(c, "inspection.create", "online_inspection", arena_printf(c->arena, "%lld", (long long)id),
				 "success", arena_printf(c->arena, "station=%lld sample=%zu", (long long)station_id,
							 json_array_size(cases)));
	json_decref(cases);
	return rc ? rc : inspections_get(c, id, out);
}

int inspections_finding(struct ctx *c, int64_t id, int64_t case_id, const char *finding, json_t **out)
{
	struct rows_query q;
	int64_t n = 0, fid;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_INSPECTION_CREATE, INSPECTION_PATH_SQL, id, "巡查不存在");
	if (rc)
		return rc;
	if (!finding || !*finding)
		return ps_fail_field(c->err, PS_EINVAL, "finding", "请写明发现的问题");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM inspection_case WHERE inspection_id = ? AND case_id = ?", 0, &n);
	if (rc)
		return rc;
	if (!n)
		return ps_fail_field(c->err, PS_EINVAL, "case_id", "该案件不在本次抽查的案件中");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_int(&q, case_id);
	rows_bind_text(&q, finding);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO inspection_finding(inspection_id, case_id, finding, created_by, created_at)"
			 " VALUES (?,?,?,?,?) RETURNING id",
			 &fid);
	if (!rc)
		rc = audit_write(c, "inspection.finding", "online_inspection", arena_printf(c->arena, "%lld", (long long)id),
				 "success", arena_printf(c->arena, "finding=%lld case=%lld", (long long)fid, (long long)case_id));
	return rc ? rc : inspections_get(c, id, out);
}

int inspections_answer(struct ctx *c, int64_t finding_id, const char *answer, json_t **out)
{
	struct rows_query q;
	int64_t id = 0, unit = 0, n = 0;
	int rc;

	*out = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, finding_id);
	rc = rows_int(&q, "SELECT inspection_id FROM inspection_finding WHERE id = ?", 0, &id);
	if (rc)
		return rc;
	if (!id)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "巡查问题不存在");
	rc = rows_check_unit(c, ACT_INSPECTION_ANSWER, INSPECTION_PATH_SQL, id, "巡查不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT unit_id FROM online_inspection WHERE id = ?", 0, &unit);
	if (rc)
		return rc;
	/* rule: the inspected station's own chief answers (整改答复) */
	if (c->who.station_id != unit)
		return ctx_deny(c, "inspection.answer", "online_inspection", arena_printf(c->arena, "%lld", (long long)id),
				"巡查问题由被巡查派出所的所领导答复");
	if (!answer || !*answer)
		return ps_fail_field(c->err, PS_EINVAL, "answer", "请填写整改情况");
	rows_binds(&q, c);
	rows_bind_text(&q, answer);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, finding_id);
	rc = rows_exec(&q,
		       "UPDATE inspection_finding SET answer = ?, answered_by = ?, answered_at = ?"
		       " WHERE id = ? AND answered_at IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_ANSWERED", NULL, "该问题已答复");
	if (!rc)
		rc = audit_write(c, "inspection.answer", "online_inspection", arena_printf(c->arena, "%lld", (long long)id),
				 "success", arena_printf(c->arena, "finding=%lld", (long long)finding_id));
	return rc ? rc : inspections_get(c, id, out);
}

int inspections_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_INSPECTION_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT i.id, i.title, i.unit_id, o.name AS unit_name, i.deadline, i.created_at,"
		      " u.name AS created_by_name,"
		      " (SELECT COUNT(*) FROM inspection_case ic WHERE ic.inspection_id = i.id) AS cases,"
		      " (SELECT COUNT(*) FROM inspection_finding f WHERE f.inspection_id = i.id) AS findings,"
		      " (SELECT COUNT(*) FROM inspection_finding f WHERE f.inspection_id = i.id"
		      "  AND f.answered_at IS NULL) AS open_findings,"
		      " (SELECT COUNT(*) FROM inspection_finding f WHERE f.inspection_id = i.id"
		      "  AND f.answered_at IS NULL AND i.deadline < ?) AS overdue"
		      " FROM online_inspection i JOIN org_unit o ON o.id = i.unit_id JOIN users u ON u.id = i.created_by"
		      " WHERE o.path LIKE ? ORDER BY i.id DESC",
		      &items);
	if (!rc)
		rc = audit_read_items(c, "inspection.list", "online_inspection", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)json_array_size(items));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int inspections_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *i, *cases = NULL, *findings = NULL;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_INSPECTION_LIST, INSPECTION_PATH_SQL, id, "巡查不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT i.id, i.title, i.unit_id, o.name AS unit_name, i.deadline, i.created_at,"
		      " u.name AS created_by_name FROM online_inspection i JOIN org_unit o ON o.id = i.unit_id"
		      " JOIN users u ON u.id = i.created_by WHERE i.id = ?",
		      &i);
	if (rc)
		return rc;
	rc = rows_all(&q,
		      "SELECT k.id, k.case_no, k.title, k.status FROM inspection_case ic"
		      " JOIN police_case k ON k.id = ic.case_id WHERE ic.inspection_id = ? ORDER BY k.id",
		      &cases);
	if (!rc)
		rc = rows_all(&q,
			      "SELECT f.id, f.case_id, k.case_no, f.finding, f.created_at, cu.name AS created_by_name,"
			      " f.answer, f.answered_at, au.name AS answered_by_name FROM inspection_finding f"
			      " JOIN police_case k ON k.id = f.case_id JOIN users cu ON cu.id = f.created_by"
			      " LEFT JOIN users au ON au.id = f.answered_by WHERE f.inspection_id = ? ORDER BY f.id",
			      &findings);
	if (rc) {
		json_decref(i);
		json_decref(cases);
		return rc;
	}
	json_object_set_new(i, "cases", cases);
	json_object_set_new(i, "findings", findings);
	json_object_set_new(i, "may",
			    json_pack("{s:b, s:b}", "find", authz_allowed(c, ACT_INSPECTION_CREATE), "answer",
				      authz_allowed(c, ACT_INSPECTION_ANSWER) && c->who.station_id == row_int(i, "unit_id")));
	rc = audit_read(c, "online_inspection", arena_printf(c->arena, "%lld", (long long)id));
	if (rc) {
		json_decref(i);
		return rc;
	}
	*out = json_pack("{s:o}", "inspection", i);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int inspection_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);

	clocks_add(k, r, arena_printf(c->arena, "inspection:%lld:answer", (long long)row_int(r, "id")),
		   rule_get(RULE_SUP_INSPECT)->code, "网上巡查问题整改答复", row_int(r, "created_at"),
		   row_int(r, "deadline"), CLOCK_DAYS, 0, NULL, "所领导答复整改情况");
	(void)arg;
	return PS_OK;
}

int inspections_clocks(struct clock_sink *k, enum clock_scope s)
{
	/* SUP-INSPECT: a finding answered by the inspection's deadline; the
	 * station sees it (not a case officer's own clock) */
	const struct clock_scan d = {
		.station_work = 1,
		.sql = "SELECT f.id, f.created_at, i.deadline, f.case_id, k.case_no, i.unit_id, o.name AS unit_name"
		       " FROM inspection_finding f JOIN online_inspection i ON i.id = f.inspection_id"
		       " JOIN police_case k ON k.id = f.case_id JOIN org_unit o ON o.id = i.unit_id"
		       " WHERE f.answered_at IS NULL AND o.path LIKE ?",
		.binds = "l",
		.each = inspection_clock,
	};

	return clocks_scan(k, s, &d);
}
