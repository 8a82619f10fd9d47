/* complaints.c — 信访 / 投诉: intake (phone, letter, visit; the public form
 * is complaints_public.c), the 信访工作条例 chain with its clocks (SUP-XINFANG: notice in 15
 * days, finish in 60 (+30); SUP-XF-REVIEW, SUP-XF-RECHECK: 30/30) and the
 * responsibility trace of a complaint
 * linked to a case: everyone who acted on the case, from its records and
 * the audit log. */
#include "domain/supervision/supervision.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/clocks/clocks.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/throttle.h"
#include "core/crypto.h"
#include "rules/catalog.h"

#include "core/text.h"
#include <string.h>

#define UNIT_PATH_SQL "SELECT o.path FROM complaint m JOIN org_unit o ON o.id = m.station_id WHERE m.id = ?"

static const char *idstr(struct ctx *c, int64_t id)
{
	return arena_printf(c->arena, "%lld", (long long)id);
}


/* A new tracking code that no complaint has. */
static int new_tracking_code(struct ctx *c, char out[16])
{
	for (int tries = 0; tries < 8; tries++) {
		struct rows_query q;
		int64_t n = 0;
		int rc;

		crypto_code(out, 10);
		rows_binds(&q, c);
		rows_bind_text(&q, out);
		rc = rows_int(&q, "SELECT COUNT(*) FROM complaint WHERE tracking_code = ?", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return PS_OK;
	}
	return ps_fail(c->err, PS_ECONFLICT, "TRY_AGAIN", NULL, "请稍后重试");
}

int complaints_insert(struct ctx *c, int64_t station_id, const char *channel, const char *kind,
		      const char *track, const char *content, const char *name, const char *phone,
		      const char *receipt, int64_t case_id, int64_t incident_id, char code[16],
		      int64_t *id)
{
	struct rows_query q;
	int rc = new_tracking_code(c, code);

	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, code);
	rows_bind_int(&q, station_id);
	rows_bind_text(&q, channel);
	rows_bind_text(&q, kind);
	rows_bind_text(&q, track);
	rows_bind_text(&q, content);
	rows_bind_text(&q, name);
	rows_bind_text(&q, phone);
	rows_bind_text(&q, receipt);
	if (case_id)
		rows_bind_int(&q, case_id);
	else
		rows_bind_text(&q, NULL);
	if (incident_id)
		rows_bind_int(&q, incident_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->now);
	if (c->who.user_id)
		rows_bind_int(&q, c->who.user_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->now);
	return rows_insert(&q,
			   "INSERT INTO complaint(tracking_code, station_id, channel, kind, track, content,"
			   " contact_name, contact_phone, receipt_code, case_id, incident_id, status, received_at,"
			   " received_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,'received',?,?,?) RETURNING id",
			   id);
}

/* SUP-XF-LEGAL-TRACK: the appeal record an item routed into a legal
 * procedure names, in the actor's scope; its case in *case_id when the item
 * names none, else the two must agree. */
static int appeal_link(struct ctx *c, int64_t appeal_id, int64_t *case_id)
{
	struct rows_query q;
	json_t *a = NULL;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, appeal_id);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_one(&q, "SELECT a.case_id FROM appeal a JOIN org_unit o ON o.id = a.station_id"
			  " WHERE a.id = ? AND o.path LIKE ?", &a);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "appeal_id", "复议、诉讼或赔偿记录不存在");
	if (rc)
		return rc;
	if (*case_id && *case_id != row_int(a, "case_id"))
		rc = ps_fail_field(c->err, PS_EINVAL, "appeal_id", "复议、诉讼或赔偿记录不是所关联案件的");
	else
		*case_id = row_int(a, "case_id");
	json_decref(a);
	return rc;
}

/* The intake rules: the outcome code and where it went (SUP-XF-SCOPE), the
 * sender of a transferred item (SUP-XF-OBJECT-5WD), the record of an item
 * routed into a legal procedure (SUP-XF-LEGAL-TRACK). */
static int intake_check(struct ctx *c, const struct complaint_in *in, int64_t *case_id)
{
	const char *origin = in->origin && *in->origin ? in->origin : "direct";

	if (!in->scope || !enums_valid(ES_COMPLAINT_SCOPE, in->scope))
		return ps_fail(c->err, PS_EINVAL, "XF_SCOPE_REQUIRED", "SUP-XF-SCOPE",
			       "请选择处理去向：本机关办理、转送下级机关或告知向有权机关提出");
	if (strcmp(in->scope, "own") != 0 && (!in->scope_unit || !*in->scope_unit))
		return ps_fail(c->err, PS_EINVAL, "XF_SCOPE_UNIT", "SUP-XF-SCOPE",
			       strcmp(in->scope, "transferred_down") == 0 ? "请写明转送的下级机关"
									 : "请写明应向哪个有权机关提出");
	if (!enums_valid(ES_COMPLAINT_ORIGIN, origin))
		return ps_fail_field(c->err, PS_EINVAL, "origin", "来源应为直接提出或上级、信访部门转送");
	if (strcmp(origin, "transferred_in") == 0 && (!in->origin_unit || !*in->origin_unit))
		return ps_fail_field(c->err, PS_EINVAL, "origin_unit", "请写明转送（交办）本事项的信访部门或上级机关");
	if (in->appeal_id) {
		int rc = appeal_link(c, in->appeal_id, case_id);

		if (rc)
			return rc;
	}
	if (in->track && strcmp(in->track, "legal_procedure") == 0 && !*case_id)
		return ps_fail(c->err, PS_EINVAL, "XF_LEGAL_LINK", "SUP-XF-LEGAL-TRACK",
			       "导入法定途径的信访事项须关联案件或复议、诉讼、赔偿记录");
	return PS_OK;
}

int complaints_create(struct ctx *c, const struct complaint_in *in, json_t **out)
{
	struct rows_query q;
	int64_t station = in->station_id, id, case_id = in->case_id;
	const char *path = NULL;
	char code[16];
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_COMPLAINT_CREATE);
	if (rc)
		return rc;
	rc = intake_check(c, in, &case_id);
	if (rc)
		return rc;
	if (case_id) {
		json_t *k = NULL;

		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rc = rows_one(&q, "SELECT k.unit_id, o.path FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
				  " WHERE k.id = ?", &k);
		if (rc == PS_ENOTFOUND)
			return ps_fail_field(c->err, PS_EINVAL, "case_id", "案件不存在");
		if (rc)
			return rc;
		station = row_int(k, "unit_id");
		path = arena_strdup(c->arena, row_str(k, "path"));
		json_decref(k);
	} else if (in->incident_id) {
		json_t *k = NULL;

		rows_binds(&q, c);
		rows_bind_int(&q, in->incident_id);
		rc = rows_one(&q, "SELECT i.station_id, o.path FROM incident i JOIN org_unit o ON o.id = i.station_id"
				  " WHERE i.id = ?", &k);
		if (rc == PS_ENOTFOUND)
			return ps_fail_field(c->err, PS_EINVAL, "incident_id", "警情不存在或尚未派给派出所");
		if (rc)
			return rc;
		station = row_int(k, "station_id");
		path = arena_strdup(c->arena, row_str(k, "path"));
		json_decref(k);
	} else {
		if (!station)
			station = c->who.station_id;
		if (!station)
			return ps_fail_field(c->err, PS_EINVAL, "station_id", "请选择被投诉的派出所");
		rows_binds(&q, c);
		rows_bind_int(&q, station);
		rc = rows_one(&q, "SELECT path FROM org_unit WHERE id = ? AND kind = 'station'", out);
		if (rc == PS_ENOTFOUND)
			return ps_fail_field(c->err, PS_EINVAL, "station_id", "请选择被投诉的派出所");
		if (rc)
			return rc;
		path = arena_strdup(c->arena, row_str(*out, "path"));
		json_decref(*out);
		*out = NULL;
	}
	rc = authz_check(c, ACT_COMPLAINT_CREATE, path, 0, NULL);
	if (!rc)
		rc = complaints_insert(c, station, in->channel, in->kind, in->track ? in->track : "residual",
				       in->content, in->contact_name, in->contact_phone, NULL, case_id,
				       in->incident_id, code, &id);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, in->scope);
		rows_bind_text(&q, in->scope_unit && *in->scope_unit ? in->scope_unit : NULL);
		rows_bind_text(&q, in->origin && *in->origin ? in->origin : "direct");
		rows_bind_text(&q, in->origin_unit && *in->origin_unit ? in->origin_unit : NULL);
		rows_bind_int(&q, in->identity_unclear ? 1 : 0);
		if (in->appeal_id)
			rows_bind_int(&q, in->appeal_id);
		else
			rows_bind_text(&q, NULL);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE complaint SET scope = ?, scope_unit = ?, origin = ?, origin_unit = ?,"
				   " identity_unclear = ?, appeal_id = ? WHERE id = ?", NULL);
	}
	if (!rc)
		rc = audit_write(c, "complaint.create", "complaint", idstr(c, id), "success", in->channel);
	if (rc)
		return rc;
	if (c->who.station_id && strcmp(in->kind, "denunciation") == 0) {
		/* SUP-XF-CONFIDENTIAL: the station registers it and sees no more */
		*out = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)id, "tracking_code", code, "status", "received",
				 "kind", "denunciation");
		return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	return complaints_get(c, id, out);
}

static const char list_select[] =
	"SELECT m.id, m.tracking_code, m.station_id, o.name AS unit_name, m.channel, m.kind, m.track,"
	" m.status, m.content, m.contact_name, m.case_id, k.case_no, m.incident_id, m.received_at,"
	" m.accepted_at, m.extended_at, m.finished_at, m.finding, m.review_requested_at,"
	" m.review_answered_at, m.recheck_requested_at, m.recheck_answered_at, m.scope, m.scope_unit, m.origin,"
	" m.origin_unit, m.identity_unclear, m.objected_at, m.appeal_id";

int complaints_list(struct ctx *c, const char *status, json_t **out)
{
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_COMPLAINT_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c,
			" FROM complaint m JOIN org_unit o ON o.id = m.station_id"
			" LEFT JOIN police_case k ON k.id = m.case_id WHERE o.path LIKE ?",
			1, 200);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_and_text(&q, "m.status = ?", status);
	/* SUP-XF-CONFIDENTIAL: a denunciation never reaches the station it
	 * accuses; the county's 督察 and 信访 staff handle it */
	if (c->who.station_id)
		rows_and(&q, "m.kind <> 'denunciation'");
	rc = rows_page(&q, list_select, "ORDER BY m.received_at DESC, m.id DESC", out);
	if (!rc)
		rc = audit_read_items(c, "complaint.list", "complaint", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* What a row of the trace's union names, in Chinese. */
static const char *act_label(const char *src, const char *what)
{
	static const struct { const char *src, *label; } labels[] = {
		{ "officer", "参加办案" },     { "event", "办案步骤" },      { "approval", "审核审批" },
		{ "interview", "询问（讯问）" }, { "measure", "采取强制措施" }, { "measure_ok", "批准强制措施" },
		{ "custody", "带入办案区" },     { "custody_check", "人身安全检查" }, { "custody_log", "办案区看管" },
		{ "notice", "告知" },         { "property", "扣押涉案财物" },   { "document", "制作法律文书" },
		{ "proposal", "提出处理意见" },   { "audit", "系统操作" },
	};

	(void)what;
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].src, src) == 0)
			return labels[i].label;
	return src;
}

/* Everyone who acted on case_id, grouped by person, in order of first act. */
static int trace(struct ctx *c, int64_t case_id, json_t **out)
{
	struct rows_query q;
	json_t *rows, *r, *people = json_array(), *byid = json_object();
	size_t i;
	int rc;

	*out = NULL;
	if (!people || !byid) {
		json_decref(people);
		json_decref(byid);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	rows_binds(&q, c);
	for (int n = 0; n < 14; n++)
		rows_bind_int(&q, case_id);
	rows_bind_text(&q, idstr(c, case_id));
	rc = rows_all(&q,
		      "SELECT t.user_id, t.at, t.src, t.what, u.name, u.role, u.badge_no, o.name AS unit_name FROM ("
		      " SELECT user_id, added_at AS at, 'officer' AS src, duty AS what FROM case_officer WHERE case_id = ?"
		      " UNION ALL SELECT user_id, at, 'event', action FROM case_event WHERE case_id = ? AND user_id IS NOT NULL"
		      " UNION ALL SELECT decided_by, decided_at, 'approval', role || ':' || status FROM approval"
		      "  WHERE case_id = ? AND decided_by IS NOT NULL"
		      " UNION ALL SELECT io.user_id, i.start_at, 'interview', i.kind FROM interview_officer io"
		      "  JOIN interview i ON i.id = io.interview_id WHERE i.case_id = ?"
		      " UNION ALL SELECT created_by, started_at, 'measure', kind FROM measure WHERE case_id = ?"
		      " UNION ALL SELECT approved_by, started_at, 'measure_ok', kind FROM measure WHERE case_id = ?"
		      "  AND approved_by IS NOT NULL"
		      " UNION ALL SELECT officer_id, arrived_at, 'custody', reason FROM custody_entry WHERE case_id = ?"
		      " UNION ALL SELECT safety_check_by, arrived_at, 'custody_check', NULL FROM custody_entry"
		      "  WHERE case_id = ? AND safety_check_by IS NOT NULL"
		      " UNION ALL SELECT l.user_id, l.at, 'custody_log', l.kind FROM custody_log l"
		      "  JOIN custody_entry e ON e.id = l.entry_id WHERE e.case_id = ?"
		      " UNION ALL SELECT officer_id, at, 'notice', kind FROM case_notice WHERE case_id = ?"
		      " UNION ALL SELECT created_by, seized_at, 'property', name FROM case_property WHERE case_id = ?"
		      " UNION ALL SELECT created_by, created_at, 'document', kind FROM case_document WHERE case_id = ?"
		      " UNION ALL SELECT created_by, created_at, 'proposal', tier FROM penalty_proposal WHERE case_id = ?"
		      " UNION ALL SELECT seizure_approved_by, seized_at, 'property', name FROM case_property"
		      "  WHERE case_id = ? AND seizure_approved_by IS NOT NULL"
		      " UNION ALL SELECT user_id, at_ms / 1000, 'audit', action FROM audit WHERE object_type = 'case'"
		      "  AND object_id = ? AND outcome = 'success' AND user_id IS NOT NULL"
		      "  AND action NOT IN ('read', 'case.progress_query')"
		      ") t JOIN users u ON u.id = t.user_id JOIN org_unit o ON o.id = u.unit_id ORDER BY t.at, t.user_id",
		      &rows);
	if (rc) {
		json_decref(people);
		json_decref(byid);
		return rc;
	}
	json_array_foreach(rows, i, r) {
		const char *key = idstr(c, row_int(r, "user_id"));
		json_t *p = json_object_get(byid, key), *acts;

		if (!p) {
			p = json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:[]}", "user_id", (json_int_t)row_int(r, "user_id"),
				      "name", row_str(r, "name"), "role", row_str(r, "role"), "badge_no",
				      row_str(r, "badge_no"), "unit_name", row_str(r, "unit_name"), "acts");
			if (!p)
				break;
			json_object_set_new(p, "role_label", json_string(authz_role_label(row_str(r, "role"))));
			json_array_append_new(people, p);
			json_object_set(byid, key, p);
		}
		acts = json_object_get(p, "acts");
		json_array_append_new(acts, json_pack("{s:I, s:s, s:s, s:s?}", "at", (json_int_t)row_int(r, "at"),
						      "source", row_str(r, "src"), "label",
						      act_label(row_str(r, "src"), row_str(r, "what")), "what",
						      row_str(r, "what")));
	}
	json_decref(rows);
	json_decref(byid);
	*out = people;
	return PS_OK;
}

/* SUP-XF-CONFIDENTIAL: refuse station staff a denunciation (403, audited). */
static int confidential(struct ctx *c, int64_t id, const char *action)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	if (!c->who.station_id)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM complaint WHERE id = ? AND kind = 'denunciation'", 0, &n);
	if (rc || !n)
		return rc;
	rc = ctx_deny(c, action, "complaint", idstr(c, id), "检举揭发事项不得交给被检举的单位和人员，由县局督察办理");
	c->err->rule = "SUP-XF-CONFIDENTIAL";
	return rc;
}

int complaints_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *m = NULL, *people = NULL, *officers = NULL;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_COMPLAINT_LIST, UNIT_PATH_SQL, id, "信访投诉不存在");
	if (!rc)
		rc = confidential(c, id, "complaint.read");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT m.id, m.tracking_code, m.station_id, o.name AS unit_name, m.channel, m.kind, m.track,"
		      " m.status, m.content, m.contact_name, m.contact_phone, m.receipt_code, m.case_id, k.case_no,"
		      " m.incident_id, m.received_at, m.accepted_at, m.extended_at, m.extend_reason, m.finished_at,"
		      " m.finding, m.opinion, m.review_requested_at, m.review_answered_at, m.recheck_requested_at,"
		      " m.recheck_answered_at, m.scope, m.scope_unit, m.origin, m.origin_unit, m.identity_unclear,"
		      " m.objected_at, m.objection, m.appeal_id, m.facts, m.basis"
		      " FROM complaint m JOIN org_unit o ON o.id = m.station_id"
		      " LEFT JOIN police_case k ON k.id = m.case_id WHERE m.id = ?",
		      &m);
	if (rc)
		return rc;
	if (row_int(m, "case_id"))
		rc = trace(c, row_int(m, "case_id"), &people);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_all(&q, "SELECT co.user_id, u.name, u.badge_no, co.finding FROM complaint_officer co"
				  " JOIN users u ON u.id = co.user_id WHERE co.complaint_id = ? ORDER BY co.user_id",
			      &officers);
	}
	if (!rc)
		rc = audit_read(c, "complaint", idstr(c, id));
	if (rc) {
		json_decref(m);
		json_decref(people);
		json_decref(officers);
		return rc;
	}
	json_object_set_new(m, "identity_unclear", json_boolean(row_int(m, "identity_unclear")));
	json_object_set_new(m, "trace", people ? people : json_array());
	json_object_set_new(m, "officers", officers);
	*out = m;
	return PS_OK;
}

/* 1 when the officers name at least one person found responsible. */
static int names_responsible(const json_t *officers)
{
	const json_t *o;
	size_t i;

	json_array_foreach(officers, i, o) {
		const char *f = json_string_value(json_object_get(o, "finding"));

		if (f && strcmp(f, "unfounded") != 0)
			return 1;
	}
	return 0;
}

/* SUP-XF-REVIEW, SUP-XF-RECHECK: the 复查 and the 复核 are answered above the
 * station the complaint is about (the bureau records the opinion), never
 * by the station itself. */
static int above_the_station(struct ctx *c, json_t *m, const char *rule, const char *what)
{
	if (c->who.station_id && c->who.station_id == row_int(m, "station_id"))
		return ps_fail(c->err, PS_EFORBIDDEN, "NOT_ABOVE", rule, "%s意见由上一级机关作出，派出所不能自行%s",
			       what, what);
	return PS_OK;
}

/* Record the finding against each named person; any founded one opens a
 * 执法过错 review naming them. Each person once, and never the one who
 * finishes the complaint (nobody judges a complaint about themselves). */
static int record_officers(struct ctx *c, int64_t id, int64_t station, int64_t case_id, json_t *officers)
{
	json_t *o, *named = json_array();
	size_t i;
	int rc = PS_OK;

	if (!named)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	json_array_foreach(officers, i, o) {
		struct rows_query q;
		int64_t uid = json_integer_value(json_object_get(o, "user_id")), ok = 0;
		const char *f = json_string_value(json_object_get(o, "finding"));

		if (!uid || !enums_valid(ES_FINDING, f)) {
			rc = ps_fail_field(c->err, PS_EINVAL, "officers", "每名被认定的人员须有 user_id 和认定结论（属实/部分属实/不属实）");
			break;
		}
		for (size_t j = 0; j < i; j++)
			if (json_integer_value(json_object_get(json_array_get(officers, j), "user_id")) == uid)
				rc = ps_fail_field(c->err, PS_EINVAL, "officers", "同一人员只能认定一次");
		if (!rc && uid == c->who.user_id)
			rc = ps_fail(c->err, PS_ECONFLICT, "RECUSED", NULL,
				     "投诉涉及您本人，应当回避，由其他有权人员认定");
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, uid);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_int(&q, "SELECT COUNT(*) FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"
				  " AND o.path LIKE ?", 0, &ok);
		if (!rc && !ok)
			rc = ps_fail_field(c->err, PS_EINVAL, "officers", "认定的人员不存在");
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, uid);
		rows_bind_text(&q, f);
		rc = rows_exec(&q, "INSERT INTO complaint_officer(complaint_id, user_id, finding) VALUES (?,?,?)", NULL);
		if (rc)
			break;
		if (strcmp(f, "unfounded") != 0)
			json_array_append_new(named, json_pack("{s:I, s:s}", "user_id", (json_int_t)uid, "part", "other"));
	}
	if (!rc && json_array_size(named)) {
		int64_t fid;

		rc = fault_findings_open(c, station, case_id, "complaint", id, named, &fid);
	}
	json_decref(named);
	return rc;
}

/* SUP-XF-LEGAL-TRACK at acceptance: an item routed into a legal procedure
 * names its record — the one it has or the one the step gives (written
 * back into m for the update). */
static int accept_link(struct ctx *c, json_t *m, const struct complaint_step_in *in)
{
	int64_t case_id = row_int(m, "case_id");
	int rc = PS_OK;

	if (!in->track || strcmp(in->track, "legal_procedure") != 0)
		return PS_OK;
	if (in->case_id) {
		struct rows_query q;
		int64_t n = 0;

		if (case_id && case_id != in->case_id)
			return ps_fail_field(c->err, PS_EINVAL, "case_id", "该信访事项已关联其他案件");
		rows_binds(&q, c);
		rows_bind_int(&q, in->case_id);
		rows_bind_int(&q, row_int(m, "station_id"));
		rc = rows_int(&q, "SELECT COUNT(*) FROM police_case WHERE id = ? AND unit_id = ?", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "case_id", "案件不存在或不是本单位的");
		case_id = in->case_id;
	}
	if (!rc && in->appeal_id) {
		rc = appeal_link(c, in->appeal_id, &case_id);
		if (!rc)
			json_object_set_new(m, "appeal_id", json_integer(in->appeal_id));
	}
	if (!rc && !case_id)
		rc = ps_fail(c->err, PS_EINVAL, "XF_LEGAL_LINK", "SUP-XF-LEGAL-TRACK",
			     "导入法定途径的信访事项须关联案件或复议、诉讼、赔偿记录");
	if (!rc)
		json_object_set_new(m, "case_id", json_integer(case_id));
	return rc;
}

int complaints_step(struct ctx *c, int64_t id, const char *step,
		    const struct complaint_step_in *in, json_t **out)
{
	struct rows_query q;
	json_t *m = NULL;
	const char *st, *set = NULL, *to = NULL, *need = NULL, *note = in->note;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_COMPLAINT_UPDATE, UNIT_PATH_SQL, id, "信访投诉不存在");
	if (!rc)
		rc = confidential(c, id, "complaint.update");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT status, track, station_id, case_id, appeal_id, extended_at, finished_at,"
			  " review_requested_at, review_answered_at, scope, origin, received_at, objected_at, accepted_at"
			  " FROM complaint WHERE id = ?", &m);
	if (rc)
		return rc;
	st = arena_strdup(c->arena, row_str(m, "status"));
	if (strcmp(step, "accept") == 0) {
		need = "received", to = "accepted", set = "accepted_at = ?";
		/* SUP-XF-SCOPE: only an item within our powers is accepted */
		if (strcmp(row_str(m, "scope"), "own") != 0)
			rc = ps_fail(c->err, PS_ECONFLICT, "XF_NOT_OURS", "SUP-XF-SCOPE",
				     "不属于本机关职权范围的信访事项不能受理，应书面告知去向");
		else
			rc = accept_link(c, m, in);
	} else if (strcmp(step, "notify") == 0) {
		/* SUP-XF-SCOPE: the written notice of where it went ends it */
		need = "received", to = "closed", set = "accepted_at = ?, opinion = ?";
		if (strcmp(row_str(m, "scope"), "own") == 0)
			rc = ps_fail(c->err, PS_ECONFLICT, "XF_OWN", "SUP-XF-SCOPE",
				     "本机关职权范围内的事项应受理或不予受理，不是告知去向");
	} else if (strcmp(step, "object") == 0) {
		/* SUP-XF-OBJECT-5WD: within 5 working days of receipt, once */
		struct calendar cal;

		need = "received", to = "received", set = "objected_at = ?, objection = ?";
		if (strcmp(row_str(m, "origin"), "transferred_in") != 0)
			rc = ps_fail(c->err, PS_ECONFLICT, "XF_NOT_TRANSFERRED", "SUP-XF-OBJECT-5WD",
				     "只有上级或信访部门转送来的事项可以提出异议");
		else if (row_int(m, "objected_at"))
			rc = ps_fail(c->err, PS_ECONFLICT, "XF_OBJECTED", "SUP-XF-OBJECT-5WD", "已经提出过异议");
		else if (!(rc = clocks_calendar(c, &cal)) &&
			 c->now >= rule_deadline(&cal, RULE_SUP_XF_OBJECT_5WD, 0, row_int(m, "received_at")))
			rc = ps_fail(c->err, PS_ECONFLICT, "XF_OBJECTION_TOO_LATE", "SUP-XF-OBJECT-5WD",
				     "已超过自收到之日起五个工作日的异议期限，应当依法办理");
	} else if (strcmp(step, "reject") == 0) {
		need = "received", to = "not_accepted", set = "accepted_at = ?, opinion = ?";
	} else if (strcmp(step, "extend") == 0) {
		/* SUP-XINFANG: once, by the unit's chief, with the reason told */
		need = "accepted", to = "accepted", set = "extended_at = ?, extend_reason = ?";
		if (!ctx_has_role(c, "chief"))
			rc = ps_fail(c->err, PS_EFORBIDDEN, "CHIEF_ONLY", "SUP-XINFANG", "延长信访办理期限须经本单位负责人批准");
		else if (row_int(m, "extended_at"))
			rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_EXTENDED", "SUP-XINFANG", "办理期限只能延长一次（不超过三十日）");
		else if (strcmp(row_str(m, "track"), "residual") != 0)
			rc = ps_fail(c->err, PS_ECONFLICT, "LEGAL_TRACK", "SUP-XINFANG", "已导入法定途径的事项不适用信访办理期限");
		/* extended within the period, not after it ran out (a late
		 * extension wiped a recorded breach off the board) */
		else if (row_int(m, "accepted_at")) {
			/* the board's own deadline: the calendar moves a last day
			 * that falls on a holiday */
			struct calendar cal;

			rc = clocks_calendar(c, &cal);
			if (!rc && c->now >= clock_deadline(&cal, row_int(m, "accepted_at"), CLOCK_DAYS,
							    rule_value(RULE_SUP_XINFANG, 1), 0))
				rc = ps_fail(c->err, PS_ECONFLICT, "EXTEND_TOO_LATE", "SUP-XINFANG",
					     "办理期限已届满，不能再延长");
		}
	} else if (strcmp(step, "finish") == 0) {
		need = "accepted", to = "finished", set = "finished_at = ?, opinion = ?, finding = ?, facts = ?, basis = ?";
		if (!in->finding)
			rc = ps_fail_field(c->err, PS_EINVAL, "finding", "请选择调查结论（属实/部分属实/不属实）");
		/* SUP-XF-FINISH-60: the 信访处理意见书 states the facts, the
		 * opinion and its basis (the request is the item's content) */
		else if (!in->facts || !*in->facts || !in->basis || !*in->basis)
			rc = ps_fail(c->err, PS_EINVAL, "XF_OPINION_INCOMPLETE", "SUP-XF-FINISH-60",
				     "信访处理意见书须写明调查认定的事实、处理意见和法律法规依据");
		/* 信访责任倒查: a complaint found true names who is responsible */
		else if (strcmp(in->finding, "unfounded") != 0 && !names_responsible(in->officers))
			rc = ps_fail_field(c->err, PS_EINVAL, "officers",
					   "调查结论为属实或部分属实的，须认定责任人员（信访责任倒查）");
	} else if (strcmp(step, "review") == 0) {
		/* SUP-XF-REVIEW: asked within 30 days of the written reply */
		need = "finished", to = "reviewing", set = "review_requested_at = ?";
		/* once: after the 复查 comes the 复核 */
		if (row_int(m, "review_requested_at"))
			rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_REVIEWED", "SUP-XF-REVIEW",
				     "已经复查过；对复查意见不服的，可以请求复核");
		else if (row_int(m, "finished_at") && !row_int(m, "review_answered_at") &&
		    c->now >= rule_deadline(NULL, RULE_SUP_XF_REVIEW, 0, row_int(m, "finished_at")))
			rc = ps_fail(c->err, PS_ECONFLICT, "REVIEW_TOO_LATE", "SUP-XF-REVIEW",
				     "已超过收到书面答复之日起三十日的请求复查期限");
	} else if (strcmp(step, "review_answer") == 0) {
		need = "reviewing", to = "finished", set = "review_answered_at = ?, opinion = ?";
		rc = above_the_station(c, m, "SUP-XF-REVIEW", "复查");
	} else if (strcmp(step, "recheck") == 0) {
		need = "finished", to = "rechecking", set = "recheck_requested_at = ?";
		if (strcmp(st, "finished") == 0) {
			rows_binds(&q, c);
			rows_bind_int(&q, id);
			rc = rows_int(&q, "SELECT COUNT(*) FROM complaint WHERE id = ? AND review_answered_at IS NOT NULL", 0, &n);
			if (!rc && !n)
				rc = ps_fail(c->err, PS_ECONFLICT, "NO_REVIEW", "SUP-XF-RECHECK", "复核须在复查意见作出之后请求");
			/* SUP-XF-RECHECK: asked within 30 days of the 复查 opinion */
			else if (!rc && c->now >= rule_deadline(NULL, RULE_SUP_XF_RECHECK, 0, row_int(m, "review_answered_at")))
				rc = ps_fail(c->err, PS_ECONFLICT, "RECHECK_TOO_LATE", "SUP-XF-RECHECK",
					     "已超过收到复查意见之日起三十日的请求复核期限");
		}
	} else if (strcmp(step, "recheck_answer") == 0) {
		/* SUP-XF-RECHECK: after 复核 the chain is closed */
		need = "rechecking", to = "closed", set = "recheck_answered_at = ?, opinion = ?";
		rc = above_the_station(c, m, "SUP-XF-RECHECK", "复核");
	} else {
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "没有这个办理步骤");
	}
	if (!rc && need && strcmp(st, need) != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "COMPLAINT_STATE", NULL, "当前状态（%s）不能%s",
			     enums_label(ES_COMPLAINT_STATUS, st), enums_label(ES_COMPLAINT_STEP, step));
	if (!rc && (strstr(set, "opinion") || strstr(set, "objection")) && (!note || !*note))
		rc = ps_fail_field(c->err, PS_EINVAL, "note",
				   strcmp(step, "finish") == 0   ? "请填写信访处理意见（诉求、事实、意见和依据）"
				   : strcmp(step, "notify") == 0 ? "请填写书面告知的内容（转送去向或应向哪个机关提出）"
				   : strcmp(step, "object") == 0 ? "请写明异议理由（为何不属于本机关职权范围）"
								 : "请填写意见或理由");
	if (!rc && strcmp(step, "extend") == 0 && (!note || !*note))
		rc = ps_fail_field(c->err, PS_EINVAL, "note", "请填写延长理由（将告知信访人）");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, to);
		rows_bind_int(&q, c->now);
		if (strstr(set, ", "))
			rows_bind_text(&q, note);
		if (strcmp(step, "finish") == 0) {
			rows_bind_text(&q, in->finding);
			rows_bind_text(&q, in->facts);
			rows_bind_text(&q, in->basis);
		}
		rows_bind_int(&q, id);
		rc = rows_exec(&q, arena_printf(c->arena, "UPDATE complaint SET status = ?, %s WHERE id = ?", set), NULL);
	}
	if (!rc && strcmp(step, "accept") == 0 && in->track) {
		rows_binds(&q, c);
		rows_bind_text(&q, in->track);
		rows_bind_int(&q, row_int(m, "case_id"));
		rows_bind_int(&q, row_int(m, "appeal_id"));
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE complaint SET track = ?, case_id = NULLIF(?, 0), appeal_id = NULLIF(?, 0)"
				   " WHERE id = ?", NULL);
	}
	if (!rc && strcmp(step, "finish") == 0 && in->officers)
		rc = record_officers(c, id, row_int(m, "station_id"), row_int(m, "case_id"), in->officers);
	json_decref(m);
	if (!rc)
		rc = audit_write(c, arena_printf(c->arena, "complaint.%s", step), "complaint", idstr(c, id), "success",
				 in->finding);
	return rc ? rc : complaints_get(c, id, out);
}

static int complaint_clocks(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	const struct calendar *cal = clocks_sink_calendar(k);
	const char *st = row_str(r, "status"), *code = row_str(r, "tracking_code");
	long long id = (long long)row_int(r, "id");

	json_object_set_new(r, "case_no", json_string(arena_printf(c->arena, "信访 %s", code)));
	if (strcmp(st, "received") == 0) {
		int64_t t = row_int(r, "received_at");

		/* SUP-XF-NOTICE-15: none owed when the name or address is unclear */
		if (!row_int(r, "identity_unclear"))
			clocks_add(k, r, arena_printf(c->arena, "complaint:%lld:notice", id), "SUP-XINFANG",
				   "信访事项受理告知", t, rule_deadline(cal, RULE_SUP_XINFANG, 0, t), CLOCK_DAYS, 0,
				   NULL, "书面告知信访人是否受理");
		/* SUP-XF-OBJECT-5WD: a transferred item not ours is objected to in time
		 * (a window, not a duty: past its end the item is simply handled) */
		if (strcmp(row_str(r, "origin"), "transferred_in") == 0 && !row_int(r, "objected_at") &&
		    c->now < rule_deadline(cal, RULE_SUP_XF_OBJECT_5WD, 0, t))
			clocks_add(k, r, arena_printf(c->arena, "complaint:%lld:object", id), "SUP-XF-OBJECT-5WD",
				   "转送信访事项异议", t, rule_deadline(cal, RULE_SUP_XF_OBJECT_5WD, 0, t),
				   CLOCK_WORKDAYS, 0, NULL, "不属本机关职权的，五个工作日内提出异议");
	} else if (strcmp(st, "accepted") == 0 && strcmp(row_str(r, "track"), "residual") == 0) {
		int64_t t = row_int(r, "accepted_at");
		int days = rule_value(RULE_SUP_XINFANG, 1) +
			   (row_int(r, "extended_at") ? rule_value(RULE_SUP_XINFANG, 2) : 0);

		clocks_add(k, r, arena_printf(c->arena, "complaint:%lld:finish", id), "SUP-XINFANG",
			   "信访事项办结", t, clock_deadline(cal, t, CLOCK_DAYS, days, 0), CLOCK_DAYS, 0, NULL,
			   "办结并送达信访处理意见书");
	} else if (strcmp(st, "reviewing") == 0) {
		int64_t t = row_int(r, "review_requested_at");

		clocks_add(k, r, arena_printf(c->arena, "complaint:%lld:review", id), "SUP-XF-REVIEW",
			   "信访复查意见", t, rule_deadline(cal, RULE_SUP_XF_REVIEW, 1, t), CLOCK_DAYS, 0, NULL,
			   "作出书面复查意见");
	} else if (strcmp(st, "rechecking") == 0) {
		int64_t t = row_int(r, "recheck_requested_at");

		clocks_add(k, r, arena_printf(c->arena, "complaint:%lld:recheck", id), "SUP-XF-RECHECK",
			   "信访复核意见", t, rule_deadline(cal, RULE_SUP_XF_RECHECK, 1, t), CLOCK_DAYS, 0, NULL,
			   "作出书面复核意见");
	}
	(void)arg;
	return PS_OK;
}

int complaints_clocks(struct clock_sink *k, enum clock_scope s)
{
	/* the station's and the 督察's, not one officer's; a board of a station
	 * does not list denunciations (SUP-XF-CONFIDENTIAL) */
	const struct clock_scan d = {
		.station_work = 1,
		.sql = "SELECT m.id, m.tracking_code, m.status, m.track, m.received_at, m.accepted_at, m.extended_at,"
		       " m.review_requested_at, m.recheck_requested_at, m.station_id AS unit_id, o.name AS unit_name,"
		       " m.case_id, m.tracking_code AS case_no, m.origin, m.identity_unclear, m.objected_at"
		       " FROM complaint m JOIN org_unit o ON o.id = m.station_id"
		       " WHERE o.path LIKE ? AND (? = 0 OR m.kind <> 'denunciation')"
		       " AND m.status IN ('received','accepted','reviewing','rechecking')",
		.binds = "ls",
		.each = complaint_clocks,
	};

	return clocks_scan(k, s, &d);
}
