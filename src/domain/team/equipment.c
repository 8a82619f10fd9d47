/* equipment.c — kit held by name, and the recorder check of recording ids. */
#include "domain/team/equipment.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "core/json.h"
#include "rules/catalog.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define UNIT_SQL "SELECT o.path FROM equipment e JOIN org_unit o ON o.id = e.station_id WHERE e.id = ?"

static int empty(const char *s)
{
	return !s || !*s;
}

static const char *id_str(struct ctx *c, int64_t id)
{
	return arena_printf(c->arena, "%lld", (long long)id);
}

int equipment_create(struct ctx *c, const char *kind, const char *code, const char *model, json_t **out)
{
	struct rows_query q;
	int64_t id, dup = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EQUIPMENT_MANAGE);
	if (rc)
		return rc;
	if (!c->who.station_id)
		return ps_fail(c->err, PS_EFORBIDDEN, "FORBIDDEN", NULL, "装备登记在派出所");
	if (!enums_valid(ES_EQUIPMENT_KIND, kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "装备类别应为 recorder/camera/vehicle/radio/other");
	if (empty(code))
		return ps_fail_field(c->err, PS_EINVAL, "code", "请填写装备编号");
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, code);
	rc = rows_int(&q, "SELECT COUNT(*) FROM equipment WHERE station_id = ? AND code = ?", 0, &dup);
	if (rc)
		return rc;
	if (dup)
		return ps_fail_field(c->err, PS_ECONFLICT, "code", "本所已有编号为 %s 的装备", code);
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, kind);
	rows_bind_text(&q, code);
	rows_bind_text(&q, empty(model) ? NULL : model);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO equipment(station_id, kind, code, model, active, created_by, created_at)"
			 " VALUES (?,?,?,?,1,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "equipment.create", "equipment", id_str(c, id), "success",
				 arena_printf(c->arena, "%s %s", enums_label(ES_EQUIPMENT_KIND, kind), code));
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s, s:s}}", "equipment", "id", (json_int_t)id, "kind", kind, "code", code);
	return *out ? PS_OK : NOMEM(c);
}

#define LIST_SQL                                                                                                     \
	"SELECT e.id, e.kind, e.code, e.model, e.active, o.name AS unit_name, i.id AS issue_id, i.officer_id AS holder_id," \
	" u.name AS holder_name, i.issued_at, i.purpose"                                                                \
	" FROM equipment e JOIN org_unit o ON o.id = e.station_id"                                                     \
	" LEFT JOIN equipment_issue i ON i.equipment_id = e.id AND i.returned_at IS NULL"                              \
	" LEFT JOIN users u ON u.id = i.officer_id"

static void label_rows(json_t *items)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		json_object_set_new(it, "kind_label", json_string(enums_label(ES_EQUIPMENT_KIND, row_str(it, "kind"))));
}

int equipment_list(struct ctx *c, const char *kind, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EQUIPMENT_LIST);
	if (!rc && !empty(kind) && !enums_valid(ES_EQUIPMENT_KIND, kind))
		rc = ps_fail_field(c->err, PS_EINVAL, "kind", "装备类别不正确");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text_exact(&q, empty(kind) ? "" : kind);
	rows_bind_text_exact(&q, empty(kind) ? "" : kind);
	rc = rows_all(&q, LIST_SQL " WHERE o.path LIKE ? AND (? = '' OR e.kind = ?) ORDER BY e.kind, e.code LIMIT 1000",
		      &items);
	if (rc)
		return rc;
	label_rows(items);
	*out = json_pack("{s:o}", "items", items);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "equipment.list", "equipment", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int equipment_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *row = NULL, *issues = NULL;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_EQUIPMENT_LIST, UNIT_SQL, id, "装备不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, LIST_SQL " WHERE e.id = ?", &row);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT i.id, i.officer_id, u.name AS officer_name, i.issued_at, b.name AS issued_by_name, i.purpose,"
		      " i.returned_at, r.name AS returned_by_name, i.return_note"
		      " FROM equipment_issue i JOIN users u ON u.id = i.officer_id JOIN users b ON b.id = i.issued_by"
		      " LEFT JOIN users r ON r.id = i.returned_by WHERE i.equipment_id = ? ORDER BY i.issued_at DESC, i.id DESC"
		      " LIMIT 500",
		      &issues);
	if (rc) {
		json_decref(row);
		return rc;
	}
	json_object_set_new(row, "kind_label", json_string(enums_label(ES_EQUIPMENT_KIND, row_str(row, "kind"))));
	json_object_set_new(row, "issues", issues);
	*out = json_pack("{s:o}", "equipment", row);
	if (!*out)
		return NOMEM(c);
	rc = audit_read(c, "equipment", id_str(c, id));
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

struct equipment_row {
	int64_t id, station_id, active, issue_id, holder_id, issued_at;
	const char *code, *kind;
};

static int load_row(struct ctx *c, int64_t id, struct equipment_row *e)
{
	static const struct rows_col cols[] = {
		ROWS_INT(struct equipment_row, id), ROWS_INT(struct equipment_row, station_id),
		ROWS_INT(struct equipment_row, active), ROWS_INT(struct equipment_row, issue_id),
		ROWS_INT(struct equipment_row, holder_id), ROWS_INT(struct equipment_row, issued_at),
		ROWS_TEXT(struct equipment_row, code), ROWS_TEXT(struct equipment_row, kind),
	};
	struct rows_query q;

	memset(e, 0, sizeof(*e));
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	return rows_struct(&q,
			   "SELECT e.id, e.station_id, e.active, i.id, i.officer_id, i.issued_at, e.code, e.kind"
			   " FROM equipment e LEFT JOIN equipment_issue i ON i.equipment_id = e.id AND i.returned_at IS NULL"
			   " WHERE e.id = ?",
			   cols, sizeof(cols) / sizeof(cols[0]), e);
}

int equipment_issue(struct ctx *c, int64_t id, int64_t officer_id, int64_t issued_at, const char *purpose,
		    json_t **out)
{
	struct equipment_row e;
	struct rows_query q;
	int64_t iid, staff = 0, last = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_EQUIPMENT_MANAGE, UNIT_SQL, id, "装备不存在");
	if (!rc)
		rc = load_row(c, id, &e);
	if (rc)
		return rc;
	if (!issued_at)
		issued_at = c->now;
	if (issued_at > c->now)
		return ps_fail_field(c->err, PS_EINVAL, "issued_at", "领用时间不能晚于现在");
	if (!e.active)
		return ps_fail(c->err, PS_ECONFLICT, "WRITTEN_OFF", NULL, "该装备已报废");
	if (e.issue_id)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_ISSUED", NULL, "该装备尚未归还，不能再次发放");
	/* the officer: staff of the item's station (or one of its 警务室) */
	rows_binds(&q, c);
	rows_bind_int(&q, officer_id);
	rows_bind_int(&q, e.station_id);
	rows_bind_int(&q, e.station_id);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ? AND u.disabled = 0"
		      " AND (o.id = ? OR o.parent_id = ?) AND u.role IN ('officer', 'chief', 'legal', 'auxiliary', 'clerk')",
		      0, &staff);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_int(&q, "SELECT MAX(returned_at) FROM equipment_issue WHERE equipment_id = ?", 0, &last);
	}
	if (rc)
		return rc;
	if (!staff)
		return ps_fail_field(c->err, PS_EINVAL, "officer_id", "领用人应为本所在岗人员");
	if (issued_at < last)
		return ps_fail_field(c->err, PS_EINVAL, "issued_at", "领用时间不能早于上次归还时间");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_int(&q, officer_id);
	rows_bind_int(&q, issued_at);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, empty(purpose) ? NULL : purpose);
	rc = rows_insert(&q,
			 "INSERT INTO equipment_issue(equipment_id, officer_id, issued_at, issued_by, purpose)"
			 " VALUES (?,?,?,?,?) RETURNING id",
			 &iid);
	if (!rc)
		rc = audit_write(c, "equipment.issue", "equipment", id_str(c, id), "success",
				 arena_printf(c->arena, "%s 发放给用户%lld", e.code, (long long)officer_id));
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:I, s:I, s:I}}", "issue", "id", (json_int_t)iid, "equipment_id", (json_int_t)id,
			 "officer_id", (json_int_t)officer_id, "issued_at", (json_int_t)issued_at);
	return *out ? PS_OK : NOMEM(c);
}

int equipment_return(struct ctx *c, int64_t id, int64_t returned_at, const char *note, json_t **out)
{
	struct equipment_row e;
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_EQUIPMENT_RETURN, UNIT_SQL, id, "装备不存在");
	if (!rc)
		rc = load_row(c, id, &e);
	if (rc)
		return rc;
	if (!e.issue_id)
		return ps_fail(c->err, PS_ECONFLICT, "NOT_ISSUED", NULL, "该装备未发放，无需归还");
	/* an officer or auxiliary hands back only what he holds */
	if (!authz_allowed(c, ACT_EQUIPMENT_MANAGE) && e.holder_id != c->who.user_id)
		return authz_check(c, ACT_EQUIPMENT_MANAGE, NULL, 0, id_str(c, id));
	if (!returned_at)
		returned_at = c->now;
	if (returned_at > c->now || returned_at < e.issued_at)
		return ps_fail_field(c->err, PS_EINVAL, "returned_at", "归还时间应在领用之后、不晚于现在");
	rows_binds(&q, c);
	rows_bind_int(&q, returned_at);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, empty(note) ? NULL : note);
	rows_bind_int(&q, e.issue_id);
	rc = rows_exec(&q, "UPDATE equipment_issue SET returned_at = ?, returned_by = ?, return_note = ? WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "equipment.return", "equipment", id_str(c, id), "success", e.code);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:I, s:I, s:I}}", "issue", "id", (json_int_t)e.issue_id, "equipment_id",
			 (json_int_t)id, "officer_id", (json_int_t)e.holder_id, "returned_at", (json_int_t)returned_at);
	return *out ? PS_OK : NOMEM(c);
}

/* A recording id names its recorder by beginning with the recorder's code,
 * followed by the end or a separator (-, _, /, .). */
static int names_recorder(const char *recording, const char *code)
{
	size_t n = strlen(code);

	return n && !strncmp(recording, code, n) && strchr("-_/.", recording[n]) != NULL;
}

int equipment_recording_check(struct ctx *c, const char *unit_path, const char *recording, int64_t at,
			      const int64_t *officers, size_t n, const char *object_type, int64_t object_id,
			      int64_t case_id)
{
	struct rows_query q;
	struct org_chain ch;
	json_t *recorders, *r, *best = NULL;
	int64_t station, held = 0, holder = 0;
	size_t i;
	const char *reason;
	int rc;

	if (empty(recording))
		return PS_OK;
	rc = chain_load(c, unit_path, &ch);
	if (rc)
		return rc;
	station = org_station_of(&ch);
	if (!station)
		return PS_OK; /* a county-level case: no station kit to check against */
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_all(&q,
		      "SELECT id, code FROM equipment WHERE station_id = ? AND kind IN ('recorder', 'camera')"
		      " ORDER BY id",
		      &recorders);
	if (rc)
		return rc;
	json_array_foreach(recorders, i, r)
		if (names_recorder(recording, row_str(r, "code")) &&
		    (!best || strlen(row_str(r, "code")) > strlen(row_str(best, "code"))))
			best = r;
	if (best) {
		for (i = 0; i < n && !held && !rc; i++) {
			rows_binds(&q, c);
			rows_bind_int(&q, row_int(best, "id"));
			rows_bind_int(&q, officers[i]);
			rows_bind_int(&q, at);
			rows_bind_int(&q, at);
			rc = rows_int(&q,
				      "SELECT COUNT(*) FROM equipment_issue WHERE equipment_id = ? AND officer_id = ?"
				      " AND issued_at <= ? AND (returned_at IS NULL OR returned_at >= ?)",
				      0, &held);
		}
		if (!rc && !held) {
			rows_binds(&q, c);
			rows_bind_int(&q, row_int(best, "id"));
			rows_bind_int(&q, at);
			rows_bind_int(&q, at);
			rc = rows_int(&q,
				      "SELECT MAX(officer_id) FROM equipment_issue WHERE equipment_id = ? AND issued_at <= ?"
				      " AND (returned_at IS NULL OR returned_at >= ?)",
				      0, &holder);
		}
	}
	if (rc || held) {
		json_decref(recorders);
		return rc;
	}
	reason = best ? "not_held" : "unknown";
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, object_type);
	rows_bind_int(&q, object_id);
	if (case_id)
		rows_bind_int(&q, case_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, recording);
	rows_bind_int(&q, at);
	rows_bind_text(&q, reason);
	if (best)
		rows_bind_int(&q, row_int(best, "id"));
	else
		rows_bind_text(&q, NULL);
	if (holder)
		rows_bind_int(&q, holder);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	json_decref(recorders);
	{
		int64_t wid;

		rc = rows_insert(&q,
				 "INSERT INTO recording_warning(station_id, object_type, object_id, case_id, recording_id,"
				 " recorded_at, reason, equipment_id, holder_id, created_by, created_at)"
				 " VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
				 &wid);
		if (!rc)
			rc = audit_write(c, "recording.warning", "recording_warning", id_str(c, wid), "success",
					 arena_printf(c->arena, "%s %s：%s", rule_get(RULE_TEAM_EQUIP_RECORDER)->code, recording,
						      enums_label(ES_RECORDING_WARNING_REASON, reason)));
	}
	return rc;
}

int equipment_recording_warnings(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EQUIPMENT_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT w.id, w.object_type, w.object_id, w.case_id, pc.case_no, w.recording_id, w.recorded_at, w.reason,"
		      " w.equipment_id, e.code AS equipment_code, w.holder_id, h.name AS holder_name, u.name AS created_by_name,"
		      " w.created_at FROM recording_warning w JOIN org_unit o ON o.id = w.station_id"
		      " JOIN users u ON u.id = w.created_by LEFT JOIN police_case pc ON pc.id = w.case_id"
		      " LEFT JOIN equipment e ON e.id = w.equipment_id LEFT JOIN users h ON h.id = w.holder_id"
		      " WHERE o.path LIKE ? ORDER BY w.created_at DESC, w.id DESC LIMIT 500",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it)
		json_object_set_new(it, "reason_label",
				    json_string(enums_label(ES_RECORDING_WARNING_REASON, row_str(it, "reason"))));
	*out = json_pack("{s:o, s:s}", "items", items, "rule", rule_get(RULE_TEAM_EQUIP_RECORDER)->code);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "recording_warning.list", "recording_warning", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
