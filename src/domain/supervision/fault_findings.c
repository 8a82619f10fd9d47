/* fault_findings.c — 执法过错责任追究: a review opened against named
 * officers (from a complaint, an appeal outcome, a breach, a quality review
 * or otherwise), then decided (SUP-GC-DEF): an 执法过错 with its kind and a
 * sanction from the setting fault.sanctions, or a mere 瑕疵 for correction,
 * always with a reason, by whom and when. Nothing is deleted: the record
 * follows the officer (SUP-GC-LIFETIME), whatever unit he moves to. */
#include "domain/supervision/supervision.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"

#include <string.h>

#define PATH_SQL "SELECT o.path FROM fault_finding f JOIN org_unit o ON o.id = f.station_id WHERE f.id = ?"

static const char *idstr(struct ctx *c, int64_t id)
{
	return arena_printf(c->arena, "%lld", (long long)id);
}

int fault_findings_open(struct ctx *c, int64_t station_id, int64_t case_id, const char *source,
			int64_t source_id, json_t *officers, int64_t *id)
{
	struct rows_query q;
	json_t *o;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	if (case_id)
		rows_bind_int(&q, case_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, source);
	if (source_id)
		rows_bind_int(&q, source_id);
	else
		rows_bind_text(&q, NULL);
	if (c->who.user_id)
		rows_bind_int(&q, c->who.user_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO fault_finding(station_id, case_id, source, source_id, status, opened_by, opened_at)"
			 " VALUES (?,?,?,?,'open',?,?) RETURNING id",
			 id);
	json_array_foreach(officers, i, o) {
		int64_t uid = json_integer_value(json_object_get(o, "user_id"));
		const char *part = json_string_value(json_object_get(o, "part"));

		if (rc)
			break;
		if (!uid || !enums_valid(ES_FAULT_PART, part ? part : "other")) {
			rc = ps_fail_field(c->err, PS_EINVAL, "officers", "每名民警须有 user_id 和责任环节");
			break;
		}
		rows_binds(&q, c);
		rows_bind_int(&q, *id);
		rows_bind_int(&q, uid);
		rows_bind_text(&q, part ? part : "other");
		rc = rows_exec(&q,
			       "INSERT INTO fault_officer(finding_id, user_id, part) VALUES (?,?,?)"
			       " ON CONFLICT (finding_id, user_id) DO NOTHING",
			       NULL);
	}
	if (!rc)
		rc = audit_write(c, "fault.open", "fault_finding", idstr(c, *id), "success", source);
	return rc;
}

static int finding_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *f = NULL, *officers = NULL;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT f.id, f.station_id, o.name AS unit_name, f.case_id, k.case_no, f.source, f.source_id,"
		      " f.record_type, f.kind, f.sanction, f.reason, f.status, f.opened_at, ou.name AS opened_by_name,"
		      " f.decided_at, du.name AS decided_by_name, f.recovery_amount"
		      " FROM fault_finding f JOIN org_unit o ON o.id = f.station_id"
		      " LEFT JOIN police_case k ON k.id = f.case_id LEFT JOIN users ou ON ou.id = f.opened_by"
		      " LEFT JOIN users du ON du.id = f.decided_by WHERE f.id = ?",
		      &f);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT fo.user_id, u.name, u.badge_no, fo.part FROM fault_officer fo JOIN users u ON u.id = fo.user_id"
		      " WHERE fo.finding_id = ? ORDER BY fo.user_id",
		      &officers);
	if (rc) {
		json_decref(f);
		return rc;
	}
	json_object_set_new(f, "officers", officers);
	*out = f;
	return PS_OK;
}

int fault_findings_create(struct ctx *c, const struct fault_in *in, json_t **out)
{
	struct rows_query q;
	int64_t station = in->station_id, id;
	json_t *o, *row = NULL;
	const char *path;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_FAULT_CREATE);
	if (rc)
		return rc;
	if (in->case_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->case_id);
		rc = rows_one(&q, "SELECT k.unit_id, o.path FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
				  " WHERE k.id = ?", &row);
		if (rc == PS_ENOTFOUND)
			return ps_fail_field(c->err, PS_EINVAL, "case_id", "案件不存在");
		station = row ? row_int(row, "unit_id") : 0;
	} else {
		if (!station)
			station = c->who.station_id;
		rows_binds(&q, c);
		rows_bind_int(&q, station);
		rc = rows_one(&q, "SELECT id AS unit_id, path FROM org_unit WHERE id = ? AND kind = 'station'", &row);
		if (rc == PS_ENOTFOUND)
			return ps_fail_field(c->err, PS_EINVAL, "station_id", "请选择过错发生的派出所");
	}
	if (rc)
		return rc;
	path = arena_strdup(c->arena, row_str(row, "path"));
	json_decref(row);
	rc = authz_check(c, ACT_FAULT_CREATE, path, 0, NULL);
	if (rc)
		return rc;
	if (!json_array_size(in->officers))
		return ps_fail_field(c->err, PS_EINVAL, "officers", "请指明被追究的民警");
	json_array_foreach(in->officers, i, o) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, json_integer_value(json_object_get(o, "user_id")));
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_int(&q, "SELECT COUNT(*) FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"
				  " AND o.path LIKE ?", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "officers", "被追究的民警不存在或不在本单位");
		if (rc)
			return rc;
	}
	rc = fault_findings_open(c, station, in->case_id, in->source, in->source_id, in->officers, &id);
	return rc ? rc : finding_get(c, id, out);
}

/* 1 when s is one of the comma-separated values of list. */
static int in_list(const char *list, const char *s)
{
	size_t n = strlen(s);

	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && strncmp(p, s, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

int fault_findings_decide(struct ctx *c, int64_t id, const char *record_type, const char *kind,
			  const char *sanction, const char *reason, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_FAULT_DECIDE, PATH_SQL, id, "执法过错记录不存在");
	if (rc)
		return rc;
	/* nobody decides their own fault (回避): a chief named in the review
	 * leaves it to another (the bureau's 法制 or chief) */
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM fault_officer WHERE finding_id = ? AND user_id = ?", 0, &n);
	if (rc)
		return rc;
	if (n)
		return ps_fail(c->err, PS_ECONFLICT, "RECUSED", "SUP-GC-DEF",
			       "您是本执法过错审查所列的责任人员，应当回避，由其他有权人员认定");
	/* SUP-GC-DEF: the reviewer chooses fault or defect, with a reason */
	if (!reason || !*reason)
		return ps_fail(c->err, PS_EINVAL, "FAULT_REASON_REQUIRED", "SUP-GC-DEF",
			       "认定执法过错或执法瑕疵须写明理由");
	if (strcmp(record_type, "fault") == 0) {
		if (!kind || !*kind)
			return ps_fail_field(c->err, PS_EINVAL, "kind", "执法过错须写明过错类型");
		if (!sanction || !in_list(setting_text(c, "fault.sanctions", 0), sanction))
			return ps_fail(c->err, PS_EINVAL, "FAULT_SANCTION", "SUP-GC-DEF",
				       "请从设置的处理方式中选择（%s）", setting_text(c, "fault.sanctions", 0));
	} else if (sanction && *sanction) {
		return ps_fail(c->err, PS_EINVAL, "DEFECT_NO_SANCTION", "SUP-GC-DEF",
			       "执法瑕疵不追究责任，纳入执法质量考评并纠正，不填写处理方式");
	}
	rows_binds(&q, c);
	rows_bind_text(&q, record_type);
	rows_bind_text(&q, strcmp(record_type, "fault") == 0 ? kind : NULL);
	rows_bind_text(&q, strcmp(record_type, "fault") == 0 ? sanction : NULL);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE fault_finding SET record_type = ?, kind = ?, sanction = ?, reason = ?, status = 'decided',"
		       " decided_by = ?, decided_at = ? WHERE id = ? AND status = 'open'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "FAULT_DECIDED", NULL, "该记录已作出认定，不能更改");
	if (!rc)
		rc = audit_write(c, "fault.decide", "fault_finding", idstr(c, id), "success", record_type);
	return rc ? rc : finding_get(c, id, out);
}

int fault_findings_list(struct ctx *c, int64_t officer_id, json_t **out)
{
	struct rows_query q;
	json_t *ids = NULL, *items = json_array(), *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_FAULT_LIST);
	if (!rc && !items)
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_int(&q, officer_id);
		rows_bind_int(&q, officer_id);
		rc = rows_all(&q,
			      "SELECT f.id FROM fault_finding f JOIN org_unit o ON o.id = f.station_id WHERE o.path LIKE ?"
			      " AND (? = 0 OR EXISTS (SELECT 1 FROM fault_officer fo WHERE fo.finding_id = f.id"
			      " AND fo.user_id = ?)) ORDER BY f.status DESC, f.opened_at DESC, f.id DESC",
			      &ids);
	}
	if (!rc)
		json_array_foreach(ids, i, it) {
			json_t *f;

			rc = finding_get(c, row_int(it, "id"), &f);
			if (rc)
				break;
			json_object_set_new(f, "source_label", json_string(enums_label(ES_FAULT_SOURCE, row_str(f, "source"))));
			json_array_append_new(items, f);
		}
	json_decref(ids);
	if (!rc)
		rc = audit_read_items(c, "fault.list", "fault_finding", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:s}", "items", items, "sanctions", setting_text(c, "fault.sanctions", 0));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
