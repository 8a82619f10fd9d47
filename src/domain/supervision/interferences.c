/* interferences.c — the 干预执法 register (SUP-INTERFERE-LEADER,
 * SUP-INTERFERE-INSIDE): any officer records that someone outside the case
 * asked about it or tried to influence it — who, when, how, what was asked.
 * Append-only: there is no route to change or remove a record, and the
 * database refuses UPDATE and DELETE (030_supervision.sqlite.sql). Only the
 * 督察 reads the register, with its count per quarter (a zero report when
 * a quarter has none). */
#include "domain/supervision/supervision.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

int interferences_create(struct ctx *c, const struct interference_in *in, json_t **out)
{
	struct rows_query q;
	int64_t station = c->who.station_id ? c->who.station_id : c->who.unit_id, id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_INTERFERENCE_CREATE);
	if (rc)
		return rc;
	if (in->case_id) {
		rc = rows_check_unit(c, ACT_INTERFERENCE_CREATE,
				     "SELECT o.path FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?",
				     in->case_id, "案件不存在");
		if (rc)
			return rc;
		rows_binds(&q, c);
		rows_bind_int(&q, in->case_id);
		rc = rows_int(&q, "SELECT unit_id FROM police_case WHERE id = ?", station, &station);
		if (rc)
			return rc;
	}
	if (in->occurred_at <= 0 || in->occurred_at > c->now)
		return ps_fail_field(c->err, PS_EINVAL, "occurred_at", "过问、干预的时间不能晚于现在");
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	if (in->case_id)
		rows_bind_int(&q, in->case_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, in->occurred_at);
	rows_bind_text(&q, in->who);
	rows_bind_int(&q, in->internal ? 1 : 0);
	rows_bind_int(&q, in->leader ? 1 : 0);
	rows_bind_text(&q, in->how);
	rows_bind_text(&q, in->asked);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO interference(station_id, case_id, occurred_at, who, internal, leader, how, asked,"
			 " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "interference.create", "interference", arena_printf(c->arena, "%lld", (long long)id),
				 "success", NULL);
	if (rc)
		return rc;
	/* the recorder gets back what was recorded, nothing of the register */
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	return rows_one(&q,
			"SELECT id, station_id, case_id, occurred_at, who, internal, leader, how, asked, recorded_at"
			" FROM interference WHERE id = ?",
			out);
}

int interferences_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items = NULL, *quarters = json_array(), *it;
	int64_t counts[4] = { 0 };
	int y, m, d, rc;
	size_t i;

	*out = NULL;
	rc = authz_require(c, ACT_INTERFERENCE_LIST);
	if (!rc && !quarters)
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q,
			      "SELECT f.id, f.station_id, o.name AS unit_name, f.case_id, k.case_no, f.occurred_at, f.who,"
			      " f.internal, f.leader, f.how, f.asked, f.recorded_at, u.name AS recorded_by_name"
			      " FROM interference f JOIN org_unit o ON o.id = f.station_id JOIN users u ON u.id = f.recorded_by"
			      " LEFT JOIN police_case k ON k.id = f.case_id WHERE o.path LIKE ?"
			      " ORDER BY f.occurred_at DESC, f.id DESC",
			      &items);
	}
	if (!rc)
		rc = audit_read_items(c, "interference.list", "interference", items, "id");
	if (rc) {
		json_decref(items);
		json_decref(quarters);
		return rc;
	}
	ctx_today(c, &y, &m, &d);
	json_array_foreach(items, i, it) {
		int yy, mm, dd;

		date_civil_from_days(date_local_days(row_int(it, "occurred_at")), &yy, &mm, &dd);
		if (yy == y)
			counts[(mm - 1) / 3]++;
	}
	for (int qn = 0; qn < 4; qn++)
		json_array_append_new(quarters, json_pack("{s:s, s:I}", "quarter", arena_printf(c->arena, "%d年第%d季度", y, qn + 1),
							  "count", (json_int_t)counts[qn]));
	*out = json_pack("{s:o, s:o}", "items", items, "quarters", quarters);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
