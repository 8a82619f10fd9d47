/* trades.c — /trade-units, /trade-findings (issue 16, part B): 特种行业 and
 * 内部单位, their inspections, findings and re-inspections. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/trades/trades.h"
#include "domain/trades/trade_inspections.h"
#include "domain/trades/trade_changes.h"
#include "domain/trades/trade_findings.h"
#include "domain/trades/trade_notices.h"

#include <string.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_trade_units_list(struct req *r)
{
	int64_t overdue;
	json_t *out;
	const char *cat = req_query(r, "category"), *kind = req_query(r, "kind");
	int rc = req_query_int(r, "overdue", 0, 1, 0, &overdue);

	if (!rc) rc = trades_list(&r->ctx, cat && *cat ? cat : NULL, kind && *kind ? kind : NULL, (int)overdue, &out);
	return DONE(rc, 200, out);
}

struct trade_units_create_body {
	struct trade_input in;
	int64_t address_id;
	int address_id_given;
	int64_t security_staff, cameras;
	int security_staff_given, cameras_given;
	int key_unit, video_linked, alarm;
	int key_unit_given, video_linked_given, alarm_given;
};

const struct field trade_units_create_fields[] = {
	FENUM(struct trade_units_create_body, in.category, "category", 1, 16, TRADE_CATEGORY),
	FSTR(struct trade_units_create_body, in.kind, "kind", 1, 16),
	FSTR(struct trade_units_create_body, in.name, "name", 1, 64),
	FINTP(struct trade_units_create_body, address_id, address_id_given, "address_id", 1, INT64_MAX),
	FSTR(struct trade_units_create_body, in.licence_no, "licence_no", 0, 64),
	FSTR(struct trade_units_create_body, in.licence_expires_on, "licence_expires_on", 0, 10),
	FSTR(struct trade_units_create_body, in.responsible, "responsible", 0, 32),
	FSTR(struct trade_units_create_body, in.phone, "phone", 0, 20),
	FSTR(struct trade_units_create_body, in.security_chief, "security_chief", 0, 32),
	FINTP(struct trade_units_create_body, security_staff, security_staff_given, "security_staff", 0, 10000),
	FINTP(struct trade_units_create_body, cameras, cameras_given, "cameras", 0, 100000),
	FBOOLP(struct trade_units_create_body, key_unit, key_unit_given, "key_unit"),
	FBOOLP(struct trade_units_create_body, video_linked, video_linked_given, "video_linked"),
	FBOOLP(struct trade_units_create_body, alarm, alarm_given, "alarm"),
	FSTR(struct trade_units_create_body, in.guard_measures, "guard_measures", 0, 200),
	FSTR(struct trade_units_create_body, in.physical_measures, "physical_measures", 0, 200),
	FENUM(struct trade_units_create_body, in.key_unit_category, "key_unit_category", 0, 16, KEY_UNIT_CATEGORY),
	FSTR(struct trade_units_create_body, in.key_unit_decision, "key_unit_decision", 0, 64),
	FSTR(struct trade_units_create_body, in.key_unit_decided_on, "key_unit_decided_on", 0, 10),
	FEND,
};

struct trade_units_update_body {
	struct trade_patch p;
	int64_t security_staff, cameras;
	int video_linked, alarm;
};

const struct field trade_units_update_fields[] = {
	FSTR(struct trade_units_update_body, p.in.name, "name", 0, 64),
	FINTP(struct trade_units_update_body, p.address_id, p.has_address, "address_id", 0, INT64_MAX),
	FSTR(struct trade_units_update_body, p.in.licence_no, "licence_no", 0, 64),
	FSTR(struct trade_units_update_body, p.in.licence_expires_on, "licence_expires_on", 0, 10),
	FSTR(struct trade_units_update_body, p.in.responsible, "responsible", 0, 32),
	FSTR(struct trade_units_update_body, p.in.phone, "phone", 0, 20),
	FSTR(struct trade_units_update_body, p.in.security_chief, "security_chief", 0, 32),
	FINTP(struct trade_units_update_body, security_staff, p.has_staff, "security_staff", 0, 10000),
	FINTP(struct trade_units_update_body, cameras, p.has_cameras, "cameras", 0, 100000),
	FBOOLP(struct trade_units_update_body, video_linked, p.has_video, "video_linked"),
	FBOOLP(struct trade_units_update_body, alarm, p.has_alarm, "alarm"),
	FSTR(struct trade_units_update_body, p.in.guard_measures, "guard_measures", 0, 200),
	FSTR(struct trade_units_update_body, p.in.physical_measures, "physical_measures", 0, 200),
	FSTR(struct trade_units_update_body, p.closed_on, "closed_on", 0, 10),
	FSTR(struct trade_units_update_body, p.close_reason, "close_reason", 0, 200),
	FEND,
};

int api_trade_units_update(struct req *r)
{
	struct trade_units_update_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, trade_units_update_fields, &b, &r->err);
	b.p.in.security_staff = b.security_staff;
	b.p.in.cameras = b.cameras;
	b.p.in.video_linked = b.video_linked;
	b.p.in.alarm = b.alarm;
	if (!rc)
		rc = trades_update(&r->ctx, id, &b.p, &out);
	return DONE(rc, 200, out);
}

int api_trade_units_create(struct req *r)
{
	struct trade_units_create_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, trade_units_create_fields, &b, &r->err);

	if (!rc) {
		b.in.address_id = b.address_id_given ? b.address_id : 0;
		b.in.security_staff = b.security_staff;
		b.in.cameras = b.cameras;
		b.in.key_unit = b.key_unit;
		b.in.video_linked = b.video_linked;
		b.in.alarm = b.alarm;
		rc = trades_create(&r->ctx, &b.in, &out);
	}
	return DONE(rc, 201, out);
}

int api_trade_units_get(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = trades_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct trade_inspections_body {
	const char *inspected_on, *notes;
	json_t *items, *findings;
	int id_shown, id_shown_given;
	int64_t co_officer_id;
	int co_officer_given;
};

const struct field trade_inspections_create_fields[] = {
	FSTR(struct trade_inspections_body, inspected_on, "inspected_on", 1, 10),
	FJSON(struct trade_inspections_body, items, "items", 1),
	FSTR(struct trade_inspections_body, notes, "notes", 0, 500),
	FJSON(struct trade_inspections_body, findings, "findings", 0),
	FBOOLP(struct trade_inspections_body, id_shown, id_shown_given, "id_shown"),
	FINTP(struct trade_inspections_body, co_officer_id, co_officer_given, "co_officer_id", 1, INT64_MAX),
	FEND,
};

int api_trade_inspections_create(struct req *r)
{
	struct trade_inspections_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, trade_inspections_create_fields, &b, &r->err);
	if (!rc) rc = trade_inspections_create(&r->ctx, id, b.inspected_on, b.items, b.notes, b.findings, b.id_shown,
					      b.co_officer_given ? b.co_officer_id : 0, &out);
	return DONE(rc, 201, out);
}

int api_trade_findings_list(struct req *r)
{
	int64_t open, overdue, escalation = 0;
	json_t *out;
	int rc = req_query_int(r, "open", 0, 1, 1, &open);

	if (!rc) rc = req_query_int(r, "overdue", 0, 1, 0, &overdue);
	if (!rc) rc = req_query_int(r, "escalation", 0, 1, 0, &escalation);
	if (!rc) rc = trade_findings_list(&r->ctx, (int)open, (int)overdue, (int)escalation, &out);
	return DONE(rc, 200, out);
}

struct trade_findings_recheck_body {
	const char *checked_on, *notes, *new_deadline;
	int rectified;
};

const struct field trade_findings_recheck_fields[] = {
	FSTR(struct trade_findings_recheck_body, checked_on, "checked_on", 1, 10),
	FBOOL(struct trade_findings_recheck_body, rectified, "rectified", 1),
	FSTR(struct trade_findings_recheck_body, notes, "notes", 0, 200),
	FSTR(struct trade_findings_recheck_body, new_deadline, "new_deadline", 0, 10),
	FEND,
};

int api_trade_findings_recheck(struct req *r)
{
	struct trade_findings_recheck_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, trade_findings_recheck_fields, &b, &r->err);
	if (!rc) rc = trade_findings_recheck(&r->ctx, id, b.checked_on, b.rectified, b.notes, b.new_deadline, &out);
	return DONE(rc, 200, out);
}

/* ---- 变更备案 (COM-HOTEL-CHANGE, COM-SCRAP-FILE) ---- */

struct trade_changes_body {
	const char *kind, *changed_on, *filed_on, *notes;
};

const struct field trade_changes_create_fields[] = {
	FENUM(struct trade_changes_body, kind, "kind", 1, 16, TRADE_CHANGE_KIND),
	FSTR(struct trade_changes_body, changed_on, "changed_on", 1, 10),
	FSTR(struct trade_changes_body, filed_on, "filed_on", 0, 10),
	FSTR(struct trade_changes_body, notes, "notes", 0, 200),
	FEND,
};

int api_trade_changes_create(struct req *r)
{
	struct trade_changes_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, trade_changes_create_fields, &b, &r->err);
	if (!rc) rc = trade_changes_create(&r->ctx, id, b.kind, b.changed_on, b.filed_on, b.notes, &out);
	return DONE(rc, 201, out);
}

struct trade_change_filings_body {
	int64_t change_id;
	const char *filed_on;
};

const struct field trade_change_filings_fields[] = {
	FINT(struct trade_change_filings_body, change_id, "change_id", 1, 1, INT64_MAX),
	FSTR(struct trade_change_filings_body, filed_on, "filed_on", 1, 10),
	FEND,
};

int api_trade_change_filings_create(struct req *r)
{
	struct trade_change_filings_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, trade_change_filings_fields, &b, &r->err);
	if (!rc) rc = trade_changes_file(&r->ctx, id, b.change_id, b.filed_on, &out);
	return DONE(rc, 200, out);
}

/* ---- 检查记录的更正 (COM-HOTEL-POLICE on the edit) ---- */

struct trade_inspections_update_body {
	int id_shown, id_shown_given;
	int64_t co_officer_id;
	int co_officer_given;
	const char *notes;
};

const struct field trade_inspections_update_fields[] = {
	FBOOLP(struct trade_inspections_update_body, id_shown, id_shown_given, "id_shown"),
	FINTP(struct trade_inspections_update_body, co_officer_id, co_officer_given, "co_officer_id", 0, INT64_MAX),
	FSTR(struct trade_inspections_update_body, notes, "notes", 0, 500),
	FEND,
};

int api_trade_inspections_update(struct req *r)
{
	struct trade_inspections_update_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, trade_inspections_update_fields, &b, &r->err);
	if (!rc) rc = trade_inspections_update(&r->ctx, id, b.id_shown_given ? b.id_shown : -1,
					       b.co_officer_given ? b.co_officer_id : -1, b.notes, &out);
	return DONE(rc, 200, out);
}

int api_trade_inspections_notice(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = trade_notices_rectification(&r->ctx, id, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}
