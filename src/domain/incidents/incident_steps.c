/* incident_steps.c — the timeline of an incident after its intake
 * (incident_steps.h): 派警, 签收 / 到场 / 结束, 出警人员, 处警反馈 (a case
 * outcome registers the case) and the 回告 to the caller; each step an
 * incident_event row and an audit row. */
#include "domain/incidents/incident_steps.h"
#include "domain/incidents/incidents.h"
#include "domain/incidents/duplicates.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/cases/cases.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

struct inc_row {
	int64_t id, station_id, received_at, case_id;
	const char *status, *incident_no, *category, *place, *summary;
	int violation;
};

/* Load incident id for a decision: visible to the user (as for reading it;
 * a refusal is audited), typed, no JSON and no read audit. */
static int load(struct ctx *c, int64_t id, struct inc_row *r)
{
	struct db_stmt *st;
	const char *like = ctx_scope_like(c);
	int rc;

	memset(r, 0, sizeof(*r));
	rc = authz_require(c, ACT_INCIDENT_READ);
	if (rc)
		return rc;
	rc = db_prepare(c->db,
			"SELECT i.id, i.station_id, i.received_at, i.case_id, c.violation, i.status,"
			" i.incident_no, i.category, i.place, i.summary"
			" FROM incident i JOIN incident_category c ON c.code = i.category"
			" LEFT JOIN org_unit o ON o.id = i.station_id JOIN org_unit u ON u.id = i.unit_id"
			" WHERE i.id = ? AND" INCIDENT_VISIBLE_SQL,
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, like);
	db_bind_text(st, 3, like);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		r->id = db_column_int(st, 0);
		r->station_id = db_column_int(st, 1);
		r->received_at = db_column_int(st, 2);
		r->case_id = db_column_int(st, 3);
		r->violation = (int)db_column_int(st, 4);
		r->status = arena_strdup(c->arena, db_column_text(st, 5));
		r->incident_no = arena_strdup(c->arena, db_column_text(st, 6));
		r->category = arena_strdup(c->arena, db_column_text(st, 7));
		r->place = arena_strdup(c->arena, db_column_text(st, 8));
		r->summary = arena_strdup(c->arena, db_column_text(st, 9));
		rc = PS_OK;
	}
	db_finalize(st);
	if (rc == PS_DONE) {
		/* the same answer as a read: refused and audited when it exists elsewhere */
		rc = incidents_check_read(c, id);
		if (!rc)
			rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "警情不存在");
	}
	return rc;
}

static int set_state(struct ctx *c, struct inc_row *r, const char *status, const char *ts_col,
		     const char *action, const char *detail)
{
	struct rows_query q;
	char sql[200];
	int rc;

	snprintf(sql, sizeof(sql), "UPDATE incident SET status = ?, %s = ? WHERE id = ?", ts_col);
	rows_binds(&q, c);
	rows_bind_text(&q, status);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, r->id);
	rc = rows_exec(&q, sql, NULL);
	if (!rc)
		rc = incidents_event(c, r->id, action, detail);
	if (!rc)
		rc = audit_write(c, arena_printf(c->arena, "incident.%s", action), "incident", r->incident_no,
				 "success", detail);
	return rc;
}

/* load, then the action on this incident (a refusal is audited) */
static int load_for(struct ctx *c, int64_t id, enum authz_act a, struct inc_row *r)
{
	int rc = load(c, id, r);

	return rc ? rc : authz_check(c, a, NULL, 0, r->incident_no);
}

/* An officer sent must be an active user of the station or of its 警务室. */
static int check_officer(struct ctx *c, int64_t user_id, int64_t station_id)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, station_id);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"
		      " AND u.disabled = 0 AND (o.id = ? OR o.parent_id = ?)",
		      0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "officer_ids", "出警人员须为该派出所人员");
	return rc;
}

/* Business rule: staff of the station the incident was given to. */
static int station_user(struct ctx *c, const struct inc_row *r)
{
	return r->station_id && c->who.station_id == r->station_id &&
	       (ctx_has_role(c, "officer") || ctx_has_role(c, "chief") || ctx_has_role(c, "auxiliary"));
}

int incident_steps_dispatch(struct ctx *c, int64_t id, int64_t station_id, const int64_t *officers,
			    int nofficers, struct jw *w)
{
	struct inc_row r;
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rc = load_for(c, id, ACT_INCIDENT_DISPATCH, &r);
	if (rc)
		return rc;
	/* rule: a chief dispatches only what was given to the station */
	if (!incidents_is_desk(c) && !station_user(c, &r))
		return ctx_deny(c, "incident.dispatch", "incident", r.incident_no, "只有指挥中心或本所领导可以派警");
	if (!strcmp(r.status, "closed") || !strcmp(r.status, "handled"))
		return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "警情已处置完毕，不能再派警");
	if (!incidents_is_desk(c))
		station_id = r.station_id;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM org_unit WHERE id = ? AND kind = 'station'", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "station_id", "派警单位应为派出所");
	for (int i = 0; i < nofficers && !rc; i++) {
		rc = check_officer(c, officers[i], station_id);
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_int(&q, id);
			rows_bind_int(&q, officers[i]);
			rc = rows_exec(&q,
				       "INSERT INTO incident_officer(incident_id, user_id) VALUES (?,?)"
				       " ON CONFLICT (incident_id, user_id) DO NOTHING",
				       NULL);
		}
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE incident SET station_id = ? WHERE id = ?", NULL);
	if (!rc)
		rc = set_state(c, &r, "dispatched", "dispatched_at", "dispatch",
			       arena_printf(c->arena, "station=%lld officers=%d", (long long)station_id, nofficers));
	return rc || !w ? rc : incidents_write(c, id, w);
}

int incident_steps_record(struct ctx *c, int64_t id, const char *step, struct jw *w)
{
	struct inc_row r;
	int rc;

	rc = load(c, id, &r);
	if (rc)
		return rc;
	if (!step || (strcmp(step, "acknowledge") && strcmp(step, "arrive") && strcmp(step, "close")))
		return ps_fail(c->err, PS_ENOTFOUND, "UNKNOWN_STEP", NULL, "未知的处警环节");
	if (!station_user(c, &r) && !(incidents_is_desk(c) && !strcmp(step, "close")))
		return ctx_deny(c, arena_printf(c->arena, "incident.%s", step), "incident", r.incident_no,
				"只有受派派出所的人员可以办理此环节");
	if (!strcmp(step, "acknowledge")) {
		if (strcmp(r.status, "dispatched"))
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "只有已派警的警情可以签收");
		rc = set_state(c, &r, "acknowledged", "acknowledged_at", "acknowledge", NULL);
	} else if (!strcmp(step, "arrive")) {
		if (strcmp(r.status, "acknowledged") && strcmp(r.status, "dispatched"))
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "签收后才能登记到场");
		rc = set_state(c, &r, "arrived", "arrived_at", "arrive", NULL);
	} else {
		if (strcmp(r.status, "handled"))
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "处警反馈后才能结束警情");
		rc = set_state(c, &r, "closed", "closed_at", "close", NULL);
	}
	return rc || !w ? rc : incidents_write(c, id, w);
}

int incident_steps_responders(struct ctx *c, int64_t id, const struct incident_responders *in,
			      struct jw *w)
{
	struct inc_row r;
	struct rows_query q;
	int64_t at = in->arrived_at ? in->arrived_at : c->now, dispatched = 0;
	int rc;

	rc = load_for(c, id, ACT_INCIDENT_RESPONDERS, &r);
	if (rc)
		return rc;
	if (!station_user(c, &r))
		return ctx_deny(c, "incident.responders", "incident", r.incident_no,
				"只有受派派出所的人员可以登记出警人员");
	if (!strcmp(r.status, "received") || !strcmp(r.status, "closed"))
		return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "派警后、结束前才能登记出警人员");
	if (in->nofficers + in->nvehicles == 0)
		return ps_fail_field(c->err, PS_EINVAL, "officer_ids", "请至少登记一名出警人员或一辆车辆");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT COALESCE(dispatched_at, 0) FROM incident WHERE id = ?", 0, &dispatched);
	if (rc)
		return rc;
	if (at > c->now + 60 || (dispatched && at < dispatched))
		return ps_fail_field(c->err, PS_EINVAL, "arrived_at", "到场时间应在派警之后、当前时间之前");
	for (int i = 0; i < in->nofficers && !rc; i++) {
		rc = check_officer(c, in->officers[i], r.station_id);
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_int(&q, id);
			rows_bind_int(&q, in->officers[i]);
			rows_bind_int(&q, at);
			rc = rows_exec(&q,
				       "INSERT INTO incident_officer(incident_id, user_id, arrived_at) VALUES (?,?,?)"
				       " ON CONFLICT (incident_id, user_id) DO UPDATE SET arrived_at = excluded.arrived_at",
				       NULL);
		}
	}
	for (int i = 0; i < in->nvehicles && !rc; i++) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_text(&q, in->vehicles[i]);
		rows_bind_int(&q, at);
		rc = rows_exec(&q,
			       "INSERT INTO incident_vehicle(incident_id, plate, arrived_at) VALUES (?,?,?)"
			       " ON CONFLICT (incident_id, plate) DO UPDATE SET arrived_at = excluded.arrived_at",
			       NULL);
	}
	/* the first arrival is the incident's 到场 */
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, at);
		rows_bind_int(&q, at);
		rows_bind_int(&q, id);
		rc = rows_exec(&q,
			       "UPDATE incident SET arrived_at = CASE WHEN arrived_at IS NULL OR arrived_at > ?"
			       " THEN ? ELSE arrived_at END, status = CASE WHEN status IN ('dispatched','acknowledged')"
			       " THEN 'arrived' ELSE status END WHERE id = ?",
			       NULL);
	}
	if (!rc) {
		const char *detail = arena_printf(c->arena, "officers=%d vehicles=%d at=%lld", in->nofficers,
						  in->nvehicles, (long long)at);

		rc = incidents_event(c, id, "responders", detail);
		if (!rc)
			rc = audit_write(c, "incident.responders", "incident", r.incident_no, "success", detail);
	}
	return rc || !w ? rc : incidents_write(c, id, w);
}

int incident_steps_feedback(struct ctx *c, int64_t id, const struct incident_feedback *fb,
			    struct jw *w)
{
	static const char *const outcomes[] = { "admin_case", "criminal_case", "mediated", "assistance",
						"invalid", "transferred", "other", NULL };
	struct inc_row r;
	struct rows_query q;
	int64_t case_id = 0;
	const char *const *o;
	int rc;

	rc = load_for(c, id, ACT_INCIDENT_FEEDBACK, &r);
	if (rc)
		return rc;
	/* rule: only the station the incident was given to answers it */
	if (!station_user(c, &r))
		return ctx_deny(c, "incident.feedback", "incident", r.incident_no, "只有受派派出所的民警可以反馈处警结果");
	if (strcmp(r.status, "arrived") && strcmp(r.status, "acknowledged") && strcmp(r.status, "dispatched"))
		return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "该警情当前不能反馈");
	for (o = outcomes; *o && (!fb->outcome || strcmp(*o, fb->outcome)); o++)
		;
	if (!*o)
		return ps_fail_field(c->err, PS_EINVAL, "outcome", "处警结果不正确");
	/* PAT-RESCUE: what was done, and why no case when none */
	if (!fb->text || !*fb->text) {
		rc = ps_fail(c->err, PS_EINVAL, "INVALID_FIELD", rule_get(RULE_PAT_RESCUE)->code,
			     strcmp(fb->outcome, "admin_case") && strcmp(fb->outcome, "criminal_case") ?
				     "请填写处警情况及未转为案件的理由" : "请填写处警情况");
		c->err->field = "text";
		return rc;
	}
	if (!strcmp(fb->outcome, "admin_case") || !strcmp(fb->outcome, "criminal_case")) {
		/* one step from incident to case: the case carries the incident */
		struct case_input in;
		json_t *kf;
		int y, m, d;

		memset(&in, 0, sizeof(in));
		date_civil_from_days(date_local_days(r.received_at), &y, &m, &d);
		in.kind = strcmp(fb->outcome, "admin_case") == 0 ? "admin" : "criminal";
		in.title = fb->title && *fb->title ? fb->title : r.summary;
		in.offence_code = fb->offence_code;
		in.summary = arena_printf(c->arena, "%s（警情 %s：%s）", fb->text, r.incident_no, r.summary);
		in.source = "incident";
		in.incident_id = id;
		in.act_date = fb->act_date ? fb->act_date : arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
		in.act_place = r.place;
		in.co_officer_id = fb->co_officer_id;
		/* the police learnt of the act with the call: the report and the
		 * discovery are the incident's (ADM-LIMIT-6M counts to the
		 * discovery), not the moment the feedback is typed */
		in.reported_at = r.received_at;
		in.econ_reason = fb->econ_reason;
		in.jurisdiction_basis = fb->jurisdiction_basis;
		in.jurisdiction_reason = fb->jurisdiction_reason;
		in.discovered_date = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
		if (fb->act_date && strcmp(fb->act_date, in.discovered_date) > 0)
			in.discovered_date = NULL;
		rc = cases_create(c, &in, &kf);
		if (rc)
			return rc;
		case_id = row_int(kf, "id");
		json_decref(kf);
	}
	rows_binds(&q, c);
	rows_bind_text(&q, fb->outcome);
	rows_bind_text(&q, fb->text);
	if (case_id)
		rows_bind_int(&q, case_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE incident SET outcome = ?, outcome_text = ?, case_id = COALESCE(?, case_id)"
			   " WHERE id = ?",
		       NULL);
	if (!rc)
		rc = set_state(c, &r, "handled", "handled_at", "feedback",
			       case_id ? arena_printf(c->arena, "%s case=%lld", fb->outcome, (long long)case_id)
				       : fb->outcome);
	return rc || !w ? rc : incidents_write(c, id, w);
}

int incident_steps_callback(struct ctx *c, int64_t id, const char *result, struct jw *w)
{
	struct inc_row r;
	struct rows_query q;
	int rc;

	rc = load(c, id, &r);
	if (rc)
		return rc;
	if (!station_user(c, &r) && !incidents_is_desk(c))
		return ctx_deny(c, "incident.callback", "incident", r.incident_no, "无权登记回告");
	if (!result || !*result)
		return ps_fail_field(c->err, PS_EINVAL, "result", "请填写回告结果");
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE incident SET callback_at = ? WHERE id = ?", NULL);
	if (!rc)
		rc = incidents_event(c, id, "callback", result);
	if (!rc)
		rc = audit_write(c, "incident.callback", "incident", r.incident_no, "success", NULL);
	return rc || !w ? rc : incidents_write(c, id, w);
}
