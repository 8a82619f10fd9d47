/* residence_permits.c — 居住证: the application checked against the
 * floating-person register (COM-RESCARD), its acceptance and the issue
 * clock (COM-RESCARD-ISSUE), the yearly 签注 (COM-RESCARD-ENDORSE),
 * cancelling and withdrawing; the list, the record (audited) and the clocks
 * of the 预警 board. */
#include "domain/population/residence_permits.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/clocks/clocks.h"
#include "domain/enums.h"
#include "domain/population/persons.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "rules/residence.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))

#define RP_COLS                                                                                            \
	"SELECT r.id, r.person_id, p.name, p.id_number, p.sex, p.phone, r.station_id, o.name AS unit_name,"  \
	" r.status, r.basis, r.basis_detail, r.address, r.registered_on, r.applied_on, r.missing_docs,"      \
	" r.accepted_on, r.accepted_at, r.issue_days, r.issue_due, r.card_no, r.issued_on, r.years_from,"    \
	" r.endorse_from, r.endorse_due, r.last_endorsed_on, r.endorsements, r.closed_on, r.close_reason,"   \
	" r.created_at"
#define RP_FROM \
	" FROM residence_permit r JOIN person p ON p.id = r.person_id JOIN org_unit o ON o.id = r.station_id"
#define RP_PATH_SQL "SELECT o.path FROM residence_permit r JOIN org_unit o ON o.id = r.station_id WHERE r.id = ?"

static int64_t days_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return 0;
	return date_days_from_civil(y, m, d);
}

static const char *ymd(struct ctx *c, int64_t days)
{
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

static int refuse(struct ctx *c, const char *rule, const char *field, const char *msg)
{
	int rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", rule, "%s", msg);

	c->err->field = field;
	return rc;
}

static int empty(const char *s)
{
	return !s || !*s;
}

/* A date of the request: today when NULL; not after today. */
static int day_in(struct ctx *c, const char *s, const char *field, const char *what, int64_t *out)
{
	*out = s ? days_of(s) : date_local_days(c->now);
	if (!*out || *out > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, field, "%s应为 YYYY-MM-DD，且不能晚于今天", what);
	return PS_OK;
}

/* Labels, the state of the 签注 and of the issue deadline; the ID number
 * masked in lists. */
static void dress(struct ctx *c, json_t *r, int masked)
{
	const char *st = row_str(r, "status");
	int64_t today = date_local_days(c->now);
	int issued = st && !strcmp(st, "issued");
	int accepted = st && !strcmp(st, "accepted");
	enum residence_endorse_state es = ENDORSE_NOT_DUE;
	static const char *const es_names[] = { "not_due", "due", "overdue" };

	if (masked && row_str(r, "id_number")) {
		char m[19];

		idcard_mask(row_str(r, "id_number"), m);
		json_object_set_new(r, "id_number", json_string(m));
	}
	if (masked)
		json_object_del(r, "phone");
	json_object_set_new(r, "status_label", json_string(enums_label(ES_RESIDENCE_PERMIT_STATUS, st)));
	json_object_set_new(r, "basis_label", json_string(enums_label(ES_RESIDENCE_BASIS, row_str(r, "basis"))));
	if (issued)
		es = residence_endorse_state(days_of(row_str(r, "endorse_from")), days_of(row_str(r, "endorse_due")), today);
	json_object_set_new(r, "endorse_state", issued ? json_string(es_names[es]) : json_null());
	json_object_set_new(r, "endorse_state_label",
			    issued ? json_string(enums_label(ES_RESIDENCE_ENDORSE_STATE, es_names[es])) : json_null());
	/* JZZ Art 10: a missed 签注 stops the card's functions */
	json_object_set_new(r, "suspended", json_boolean(issued && es == ENDORSE_OVERDUE));
	json_object_set_new(r, "issue_overdue",
			    json_boolean(accepted && days_of(row_str(r, "issue_due")) < today));
}

static int permit_load(struct ctx *c, int64_t id, json_t **r)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	return rows_one(&q, RP_COLS RP_FROM " WHERE r.id = ?", r);
}

/* The record as the answer of a write (no read audit: the write's row
 * names it). */
static int permit_out(struct ctx *c, int64_t id, json_t **out)
{
	json_t *r;
	int rc = permit_load(c, id, &r);

	if (rc)
		return rc;
	dress(c, r, 0);
	*out = json_pack("{s:o}", "residence_permit", r);
	return *out ? PS_OK : NOMEM(c);
}

int residence_permits_apply(struct ctx *c, const struct residence_permit_input *in, json_t **out)
{
	struct rows_query q;
	json_t *f = NULL;
	int64_t applied, reg, open = 0, id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_RESIDENCE_PERMIT_APPLY);
	if (!rc)
		rc = persons_visible(c, in->person_id, "person_id");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	rc = rows_one(&q,
		      "SELECT f.registered_on, f.departed_on, f.station_id, o.path FROM floating_person f"
		      " JOIN org_unit o ON o.id = f.station_id WHERE f.person_id = ?",
		      &f);
	if (rc == PS_ENOTFOUND)
		return refuse(c, "COM-RESCARD", "person_id",
			      "该人员未办理居住登记（未登记为流动人口），不能申领居住证（居住证暂行条例第2条、第9条）");
	if (rc)
		return rc;
	rc = authz_check(c, ACT_RESIDENCE_PERMIT_APPLY, row_str(f, "path"), 0, ID(in->person_id));
	if (!rc && row_str(f, "departed_on"))
		rc = refuse(c, "COM-RESCARD", "person_id",
			    arena_printf(c->arena, "该人员已于%s登记离开本地，不能申领居住证", row_str(f, "departed_on")));
	reg = days_of(row_str(f, "registered_on"));
	if (!rc)
		rc = day_in(c, in->applied_on, "applied_on", "申请日期", &applied);
	if (!rc && !enums_valid(ES_RESIDENCE_BASIS, in->basis))
		rc = ps_fail_field(c->err, PS_EINVAL, "basis", "申领条件应为 work（稳定就业）/home（稳定住所）/study（连续就读）");
	if (!rc && empty(in->basis_detail))
		rc = refuse(c, "COM-RESCARD", "basis_detail",
			    "须登记合法稳定就业、合法稳定住所或连续就读的证明（单位、住所或学校）（居住证暂行条例第2条）");
	if (!rc && !residence_half_year_met(reg, applied))
		rc = refuse(c, "COM-RESCARD", "person_id",
			    arena_printf(c->arena,
					 "居住登记未满半年：登记日期%s，%s起方可申领居住证（居住证暂行条例第2条）",
					 row_str(f, "registered_on"), ymd(c, date_add_months(reg, rule_value(RULE_COM_RESCARD, 0)))));
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->person_id);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM residence_permit WHERE person_id = ?"
			      " AND status IN ('applied','accepted','issued')",
			      0, &open);
		if (!rc && open)
			rc = ps_fail(c->err, PS_ECONFLICT, "PERMIT_OPEN", NULL, "该人员已有在办或有效的居住证");
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->person_id);
		rows_bind_int(&q, row_int(f, "station_id"));
		rows_bind_text(&q, in->basis);
		rows_bind_text(&q, in->basis_detail);
		rows_bind_text(&q, in->address);
		rows_bind_text(&q, row_str(f, "registered_on"));
		rows_bind_text(&q, ymd(c, applied));
		rows_bind_text(&q, in->missing_docs);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rc = rows_insert(&q,
				 "INSERT INTO residence_permit(person_id, station_id, status, basis, basis_detail, address,"
				 " registered_on, applied_on, missing_docs, created_by, created_at)"
				 " VALUES (?,?,'applied',?,?,?,?,?,?,?,?) RETURNING id",
				 &id);
	}
	json_decref(f);
	if (!rc)
		rc = audit_write(c, "residence_permit.apply", "residence_permit", ID(id), "success", in->basis);
	return rc ? rc : permit_out(c, id, out);
}

/* The record a step acts on, in the status want (a '|' list). */
static int step_load(struct ctx *c, int64_t id, const char *want, const char *what, json_t **r)
{
	int rc = rows_check_unit(c, ACT_RESIDENCE_PERMIT_ACT, RP_PATH_SQL, id, "居住证记录不存在");
	const char *st;

	*r = NULL;
	if (!rc)
		rc = permit_load(c, id, r);
	if (rc)
		return rc;
	st = row_str(*r, "status");
	if (!strstr(want, st)) {
		rc = ps_fail(c->err, PS_ECONFLICT, "BAD_STATE", NULL, "该居住证记录当前为“%s”，不能%s",
			     enums_label(ES_RESIDENCE_PERMIT_STATUS, st), what);
		json_decref(*r);
		*r = NULL;
	}
	return rc;
}

int residence_permits_accept(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int64_t today = date_local_days(c->now), days;
	int rc;

	*out = NULL;
	rc = step_load(c, id, "applied", "受理", &r);
	if (rc)
		return rc;
	days = setting_int(c, "residence_permit.issue_days", row_int(r, "station_id"));
	json_decref(r);
	rows_binds(&q, c);
	rows_bind_text(&q, ymd(c, today));
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, days);
	rows_bind_text(&q, ymd(c, residence_issue_last_day(today, (int)days)));
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE residence_permit SET status = 'accepted', accepted_on = ?, accepted_at = ?, accepted_by = ?,"
		       " issue_days = ?, issue_due = ?, missing_docs = NULL WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "residence_permit.accept", "residence_permit", ID(id), "success", NULL);
	return rc ? rc : permit_out(c, id, out);
}

int residence_permits_issue(struct ctx *c, int64_t id, const char *card_no, const char *issued_on, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int64_t day, opens, due, taken = 0, person;
	int rc;

	*out = NULL;
	rc = step_load(c, id, "accepted", "签发", &r);
	if (rc)
		return rc;
	person = row_int(r, "person_id");
	rc = day_in(c, issued_on, "issued_on", "签发日期", &day);
	if (!rc && day < days_of(row_str(r, "accepted_on")))
		rc = ps_fail_field(c->err, PS_EINVAL, "issued_on", "签发日期不能早于受理日期（%s）",
				   row_str(r, "accepted_on"));
	json_decref(r);
	if (!rc && empty(card_no))
		rc = ps_fail_field(c->err, PS_EINVAL, "card_no", "请填写居住证号");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, card_no);
		rows_bind_int(&q, id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM residence_permit WHERE card_no = ? AND id <> ?", 0, &taken);
		if (!rc && taken)
			rc = ps_fail_field(c->err, PS_ECONFLICT, "card_no", "该居住证号已被使用");
	}
	if (rc)
		return rc;
	/* the residence years and the first 签注 window count from the issue */
	residence_endorse_window(day, &opens, &due);
	rows_binds(&q, c);
	rows_bind_text(&q, card_no);
	rows_bind_text(&q, ymd(c, day));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, ymd(c, day));
	rows_bind_text(&q, ymd(c, opens));
	rows_bind_text(&q, ymd(c, due));
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE residence_permit SET status = 'issued', card_no = ?, issued_on = ?, issued_by = ?,"
		       " years_from = ?, endorse_from = ?, endorse_due = ? WHERE id = ?",
		       NULL);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, card_no);
		rows_bind_text(&q, ymd(c, day));
		rows_bind_int(&q, person);
		rc = rows_exec(&q, "UPDATE floating_person SET permit_no = ?, permit_issued_on = ? WHERE person_id = ?",
			       NULL);
	}
	if (!rc)
		rc = audit_write(c, "residence_permit.issue", "residence_permit", ID(id), "success", card_no);
	return rc ? rc : permit_out(c, id, out);
}

int residence_permits_endorse(struct ctx *c, int64_t id, const char *endorsed_on, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int64_t day, opens, due, next_opens, next_due;
	enum residence_endorse_state es;
	int rc, late;

	*out = NULL;
	rc = step_load(c, id, "issued", "签注", &r);
	if (rc)
		return rc;
	opens = days_of(row_str(r, "endorse_from"));
	due = days_of(row_str(r, "endorse_due"));
	rc = day_in(c, endorsed_on, "endorsed_on", "签注日期", &day);
	if (!rc && day < days_of(row_str(r, "issued_on")))
		rc = ps_fail_field(c->err, PS_EINVAL, "endorsed_on", "签注日期不能早于签发日期");
	json_decref(r);
	if (rc)
		return rc;
	es = residence_endorse_state(opens, due, day);
	if (es == ENDORSE_NOT_DUE)
		return refuse(c, "COM-RESCARD-ENDORSE", "endorsed_on",
			      arena_printf(c->arena,
					   "未到签注期：应在居住满一年之日（%s）前一个月内办理签注，即%s至%s（居住证暂行条例第10条）",
					   ymd(c, due), ymd(c, opens), ymd(c, due)));
	/* in time: the next year follows on; late: the years restart (Art 10) */
	late = es == ENDORSE_OVERDUE;
	residence_endorse_window(late ? day : due, &next_opens, &next_due);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, ymd(c, day));
	rows_bind_text(&q, ymd(c, due));
	rows_bind_int(&q, late);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO residence_permit_endorsement(permit_id, endorsed_on, due_on, late, user_id, created_at)"
		       " VALUES (?,?,?,?,?,?)",
		       NULL);
	rows_binds(&q, c);
	rows_bind_text(&q, late ? ymd(c, day) : NULL);
	rows_bind_text(&q, ymd(c, next_opens));
	rows_bind_text(&q, ymd(c, next_due));
	rows_bind_text(&q, ymd(c, day));
	rows_bind_int(&q, id);
	if (!rc)
		rc = rows_exec(&q,
			       "UPDATE residence_permit SET years_from = COALESCE(?, years_from), endorse_from = ?,"
			       " endorse_due = ?, last_endorsed_on = ?, endorsements = endorsements + 1 WHERE id = ?",
			       NULL);
	if (!rc)
		rc = audit_write(c, "residence_permit.endorse", "residence_permit", ID(id), "success",
				 late ? "late" : "in_time");
	return rc ? rc : permit_out(c, id, out);
}

int residence_permits_close(struct ctx *c, int64_t id, const char *how, const char *reason, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int withdraw = how && !strcmp(how, "withdraw");
	int rc;

	*out = NULL;
	if (!how || (!withdraw && strcmp(how, "cancel")))
		return ps_fail_field(c->err, PS_EINVAL, "how", "应为 withdraw（撤回申请）或 cancel（注销）");
	rc = step_load(c, id, withdraw ? "applied|accepted" : "applied|accepted|issued", withdraw ? "撤回" : "注销", &r);
	if (rc)
		return rc;
	json_decref(r);
	if (empty(reason))
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写原因");
	rows_binds(&q, c);
	rows_bind_text(&q, withdraw ? "withdrawn" : "cancelled");
	rows_bind_text(&q, ctx_today_str(c));
	rows_bind_text(&q, reason);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE residence_permit SET status = ?, closed_on = ?, close_reason = ?, closed_by = ? WHERE id = ?",
		       NULL);
	if (!rc && withdraw)
		rc = audit_write(c, "residence_permit.withdraw", "residence_permit", ID(id), "success", reason);
	else if (!rc)
		rc = audit_write(c, "residence_permit.cancel", "residence_permit", ID(id), "success", reason);
	return rc ? rc : permit_out(c, id, out);
}

int residence_permits_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r, *hist;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RESIDENCE_PERMIT_READ, RP_PATH_SQL, id, "居住证记录不存在");
	if (!rc)
		rc = permit_load(c, id, &r);
	if (rc)
		return rc;
	dress(c, r, 0);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT e.id, e.endorsed_on, e.due_on, e.late, u.name AS user_name FROM residence_permit_endorsement e"
		      " JOIN users u ON u.id = e.user_id WHERE e.permit_id = ? ORDER BY e.id",
		      &hist);
	if (!rc && json_object_set_new(r, "endorsement_history", hist))
		rc = NOMEM(c);
	/* the holder's record is personal data: every read is audited */
	if (!rc)
		rc = audit_read(c, "residence_permit", ID(id));
	if (rc) {
		json_decref(r);
		return rc;
	}
	*out = json_pack("{s:o}", "residence_permit", r);
	return *out ? PS_OK : NOMEM(c);
}

/* The counts of the actor's scope per state, with the earliest due day of
 * the cards to issue and of the 签注 windows open: the list's figures and
 * the today rows. */
static int counts(struct ctx *c, json_t **fig)
{
	struct rows_query q;
	const char *today = ctx_today_str(c);

	rows_binds(&q, c);
	for (int i = 0; i < 6; i++)
		rows_bind_text(&q, today);
	rows_bind_text(&q, ctx_scope_like(c));
	return rows_one(&q,
			"SELECT COALESCE(SUM(CASE WHEN r.status = 'applied' THEN 1 ELSE 0 END), 0) AS applied,"
			" COALESCE(SUM(CASE WHEN r.status = 'accepted' THEN 1 ELSE 0 END), 0) AS accepted,"
			" COALESCE(SUM(CASE WHEN r.status = 'accepted' AND r.issue_due < ? THEN 1 ELSE 0 END), 0)"
			" AS issue_overdue,"
			" MIN(CASE WHEN r.status = 'accepted' THEN r.issue_due END) AS issue_first,"
			" COALESCE(SUM(CASE WHEN r.status = 'issued' THEN 1 ELSE 0 END), 0) AS issued,"
			" COALESCE(SUM(CASE WHEN r.status = 'issued' AND r.endorse_from <= ? AND r.endorse_due >= ?"
			" THEN 1 ELSE 0 END), 0) AS endorse_due,"
			" MIN(CASE WHEN r.status = 'issued' AND r.endorse_from <= ? AND r.endorse_due >= ?"
			" THEN r.endorse_due END) AS endorse_first,"
			" COALESCE(SUM(CASE WHEN r.status = 'issued' AND r.endorse_due < ? THEN 1 ELSE 0 END), 0)"
			" AS endorse_overdue"
			" FROM residence_permit r JOIN org_unit o ON o.id = r.station_id WHERE o.path LIKE ?",
			fig);
}

static int figures(struct ctx *c, json_t *page)
{
	json_t *fig;
	int rc = counts(c, &fig);

	if (rc)
		return rc;
	return json_object_set_new(page, "figures", fig) ? NOMEM(c) : PS_OK;
}

int residence_permits_list(struct ctx *c, const struct residence_permit_filter *f, json_t **out)
{
	struct rows_query q;
	const char *today = ctx_today_str(c);
	json_t *items, *r;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_RESIDENCE_PERMIT_LIST);
	if (rc)
		return rc;
	if (!empty(f->status) && strcmp(f->status, "suspended") && !enums_valid(ES_RESIDENCE_PERMIT_STATUS, f->status))
		return ps_fail_field(c->err, PS_EINVAL, "status", "状态不正确");
	rows_query_init(&q, c, RP_FROM " WHERE o.path LIKE ?", f->page, f->per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	if (!empty(f->status) && !strcmp(f->status, "suspended")) {
		rows_and(&q, "r.status = 'issued' AND r.endorse_due < ?");
		rows_bind_text(&q, today);
	} else {
		rows_and_text(&q, "r.status = ?", f->status);
	}
	if (f->endorse_due) {
		rows_and(&q, "r.status = 'issued' AND r.endorse_from <= ? AND r.endorse_due >= ?");
		rows_bind_text(&q, today);
		rows_bind_text(&q, today);
	}
	if (f->endorse_overdue) {
		rows_and(&q, "r.status = 'issued' AND r.endorse_due < ?");
		rows_bind_text(&q, today);
	}
	if (f->issue_overdue) {
		rows_and(&q, "r.status = 'accepted' AND r.issue_due < ?");
		rows_bind_text(&q, today);
	}
	rows_and_like(&q, "(p.name LIKE ?" ROWS_ESCAPE " OR r.card_no LIKE ?" ROWS_ESCAPE ")", f->q);
	rc = rows_page(&q, RP_COLS, " ORDER BY r.id DESC", out);
	if (rc)
		return rc;
	items = json_object_get(*out, "items");
	json_array_foreach(items, i, r)
		dress(c, r, 1);
	rc = figures(c, *out);
	if (!rc)
		rc = audit_read_items(c, "residence_permit.list", "residence_permit", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int residence_permits_eligible(struct ctx *c, const int64_t *ids, size_t n, json_t **out)
{
	struct rows_query q;
	json_t *items, *f, *it;
	int64_t today = date_local_days(c->now);
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_RESIDENCE_PERMIT_LIST);
	if (rc)
		return rc;
	if (n > 200)
		return ps_fail_field(c->err, PS_EINVAL, "person_ids", "一次最多查询200人");
	items = json_array();
	if (!items)
		return NOMEM(c);
	for (size_t i = 0; i < n && !rc; i++) {
		int64_t reg, from;
		const char *reason = NULL;

		rows_binds(&q, c);
		rows_bind_int(&q, ids[i]);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_one(&q,
			      "SELECT f.registered_on, f.departed_on, (SELECT COUNT(*) FROM residence_permit r"
			      " WHERE r.person_id = f.person_id AND r.status IN ('applied','accepted','issued')) AS open"
			      " FROM floating_person f JOIN org_unit o ON o.id = f.station_id"
			      " WHERE f.person_id = ? AND o.path LIKE ?",
			      &f);
		if (rc == PS_ENOTFOUND) {
			rc = PS_OK;
			continue;
		}
		if (rc)
			break;
		reg = days_of(row_str(f, "registered_on"));
		from = date_add_months(reg, rule_value(RULE_COM_RESCARD, 0));
		if (row_str(f, "departed_on"))
			reason = "已登记离开";
		else if (row_int(f, "open"))
			reason = "已有在办或有效的居住证";
		else if (!residence_half_year_met(reg, today))
			reason = arena_printf(c->arena, "居住登记未满半年（%s起可申领）", ymd(c, from));
		it = json_pack("{s:I, s:b, s:s?, s:s}", "person_id", (json_int_t)ids[i], "eligible", reason == NULL,
			       "reason", reason, "eligible_on", ymd(c, from));
		json_decref(f);
		if (!it || json_array_append_new(items, it))
			rc = NOMEM(c);
	}
	if (!rc)
		rc = audit_read_items(c, "residence_permit.eligibility", "person", items, "person_id");
	if (!rc) {
		*out = json_pack("{s:o}", "items", items);
		return *out ? PS_OK : NOMEM(c);
	}
	json_decref(items);
	return rc;
}

/* ---- the clocks of the 预警 board ---- */

/* the station's work: accepted applications, and issued cards whose 签注
 * window has opened (mine plays no part) */
static int open_permits(struct ctx *c, const char *like, int64_t mine, json_t **rows)
{
	struct rows_query q;

	(void)mine;
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rows_bind_text(&q, ctx_today_str(c));
	return rows_all(&q,
			"SELECT r.id, r.status, r.accepted_at, r.issue_due, r.endorse_from, r.endorse_due, r.station_id,"
			" o.name AS unit_name, p.name FROM residence_permit r JOIN person p ON p.id = r.person_id"
			" JOIN org_unit o ON o.id = r.station_id WHERE o.path LIKE ?"
			" AND (r.status = 'accepted' OR (r.status = 'issued' AND r.endorse_from <= ?)) ORDER BY r.id",
			rows);
}

static int permit_clocks(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int64_t id = row_int(r, "id");
	const char *name = row_str(r, "name");

	(void)arg;
	if (!strcmp(row_str(r, "status"), "accepted")) {
		/* COM-RESCARD-ISSUE: from the acceptance to the end of its last day */
		clocks_add(k, r, arena_printf(c->arena, "residence_permit:%lld:issue", (long long)id),
			   rule_get(RULE_COM_RESCARD_ISSUE)->code, arena_printf(c->arena, "居住证制作发放：%s", name),
			   row_int(r, "accepted_at"), date_local_midnight(days_of(row_str(r, "issue_due")) + 1), CLOCK_DAYS, 0, name,
			   "制作发放居住证");
	} else {
		/* COM-RESCARD-ENDORSE: the window is the time to act (WARN all
		 * through it); after the due day the card's functions stop */
		int64_t opens = date_local_midnight(days_of(row_str(r, "endorse_from")));

		clocks_add_warn(k, r,
				arena_printf(c->arena, "residence_permit:%lld:endorse:%s", (long long)id,
					     row_str(r, "endorse_due")),
				rule_get(RULE_COM_RESCARD_ENDORSE)->code, arena_printf(c->arena, "居住证签注：%s", name),
				opens, date_local_midnight(days_of(row_str(r, "endorse_due")) + 1), CLOCK_DAYS, 0, name,
				"办理签注（逾期未签注的居住证使用功能中止）", opens);
	}
	return PS_OK;
}

int residence_permits_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.station_work = 1,
		.rows = open_permits,
		.unit_col = "station_id",
		.unit_name_col = "unit_name",
		.title_col = "name",
		.each = permit_clocks,
	};

	return clocks_scan(k, s, &d);
}

/* ---- the today page and 待办 ---- */

static int today_row(struct ctx *c, json_t *items, int64_t n, const char *label, const char *detail,
		     const char *due_on, const char *query)
{
	json_t *row = json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "residence_permit", "label", label, "detail",
				detail, "due_on", due_on ? due_on : "", "route",
				arena_printf(c->arena, "/population/residence-permits?%s", query), "count", (json_int_t)n);

	return !row || json_array_append_new(items, row) ? NOMEM(c) : PS_OK;
}

/* The station's 居住证 work as counts (no names: nothing personal is read):
 * applications to accept, cards to make and issue (COM-RESCARD-ISSUE), 签注
 * windows open and 签注 overdue (COM-RESCARD-ENDORSE), each with its
 * earliest due day, for whoever handles them. */
int residence_permits_today(struct ctx *c, json_t *items)
{
	const char *today = ctx_today_str(c);
	json_t *f;
	int64_t n;
	int rc;

	if (!authz_allowed(c, ACT_RESIDENCE_PERMIT_ACT) || !c->who.station_id)
		return PS_OK;
	rc = counts(c, &f);
	if (rc)
		return rc;
	if ((n = row_int(f, "applied")) > 0)
		rc = today_row(c, items, n, arena_printf(c->arena, "居住证申领待受理：%lld 份", (long long)n),
			       "核对居住登记和申领材料", today, "status=applied");
	if (!rc && (n = row_int(f, "accepted")) > 0)
		rc = today_row(c, items, n, arena_printf(c->arena, "居住证待制作发放：%lld 张", (long long)n),
			       row_int(f, "issue_overdue")
				       ? arena_printf(c->arena, "其中逾期 %lld 张", (long long)row_int(f, "issue_overdue"))
				       : "受理后按期制作发放",
			       row_str(f, "issue_first"), "status=accepted");
	if (!rc && (n = row_int(f, "endorse_due")) > 0)
		rc = today_row(c, items, n, arena_printf(c->arena, "居住证待签注：%lld 张", (long long)n),
			       "签注期内办理签注", row_str(f, "endorse_first"), "endorse_due=1");
	if (!rc && (n = row_int(f, "endorse_overdue")) > 0)
		rc = today_row(c, items, n, arena_printf(c->arena, "居住证逾期未签注：%lld 张", (long long)n),
			       "使用功能中止，持证人补办签注后恢复", today, "endorse_overdue=1");
	json_decref(f);
	return rc;
}
