/* hotel_guests.c — 旅馆业 guest register: COM-HOTEL-REG (the ID document),
 * COM-HOTEL-FOREIGN (24-hour report), COM-HOTEL-DUTY (the wanted list). */
#include "domain/trades/hotel_guests.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/trades/trade_checks.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))
#define GUEST_PATH_SQL "SELECT o.path FROM hotel_guest g JOIN org_unit o ON o.id = g.station_id WHERE g.id = ?"
#define FOREIGN_HOURS 24

#define refuse trade_checks_refuse

/* COM-HOTEL-DUTY: compare with the active wanted list; a hit opens a 警情
 * for the station at the hotel (LG Art 9: report at once) */
static int compare(struct ctx *c, int64_t guest_id, const char *id_number, const char *hotel, int64_t station,
		   json_t *hits, int64_t *wanted_out)
{
	struct rows_query q;
	json_t *w = NULL;
	int64_t incident_id = 0;
	const char *summary;
	int rc;

	*wanted_out = 0;
	rc = trade_checks_wanted(c, id_number, &w);
	if (rc || !w)
		return rc;
	*wanted_out = row_int(w, "id");
	if (hits)
		json_array_append_new(hits, json_pack("{s:s, s:s}", "name", row_str(w, "name"), "case_desc",
						      row_str(w, "case_desc")));
	summary = arena_printf(c->arena, "旅馆住宿登记比中在逃人员：%s（%s），入住%s，住宿登记 %lld", row_str(w, "name"),
			       row_str(w, "case_desc"), hotel, (long long)guest_id);
	json_decref(w);
	rc = trade_checks_incident(c, hotel, station, summary, &incident_id);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, *wanted_out);
	rows_bind_int(&q, incident_id);
	rows_bind_int(&q, guest_id);
	rc = rows_exec(&q, "UPDATE hotel_guest SET wanted_id = ?, incident_id = ? WHERE id = ?", NULL);
	if (!rc)
		rc = audit_write(c, "hotel_guest.wanted_hit", "hotel_guest", ID(guest_id), "success", ID(incident_id));
	return rc;
}

#define GUEST_COLS                                                                                      \
	"SELECT g.id, g.unit_id, t.name AS hotel, g.station_id, g.name, g.id_type, g.id_number, g.nationality," \
	" g.foreign_guest, g.room, g.checkin_at, g.checkout_at, g.reported_at, g.wanted_id, g.incident_id,"     \
	" g.suspicion, g.source,"                                                                               \
	" u.name AS recorded_by_name, g.created_at"

#define GUEST_FROM                                                                                 \
	" FROM hotel_guest g JOIN trade_unit t ON t.id = g.unit_id JOIN org_unit o ON o.id = g.station_id" \
	" JOIN users u ON u.id = g.recorded_by"

/* figures of a row: the masked document number, the foreign report's deadline and state */
static void dress(struct ctx *c, json_t *r)
{
	char m[19];
	int64_t due = row_int(r, "checkin_at") + FOREIGN_HOURS * 3600;
	int foreign = row_int(r, "foreign_guest") != 0;

	/* every kind of document, as the export masks them (PII-1): a
	 * passport or a 港澳台 pass names its holder as surely as an ID card */
	idcard_mask(row_str(r, "id_number"), m);
	json_object_set_new(r, "id_number", json_string(m));
	json_object_set_new(r, "foreign_guest", json_boolean(foreign));
	json_object_set_new(r, "id_type_label", json_string(enums_label(ES_GUEST_ID_TYPE, row_str(r, "id_type"))));
	json_object_set_new(r, "source_label", json_string(enums_label(ES_GUEST_SOURCE, row_str(r, "source"))));
	if (foreign) {
		json_object_set_new(r, "report_due_at", json_integer(due));
		json_object_set_new(r, "report_overdue",
				    json_boolean(json_is_null(json_object_get(r, "reported_at")) && c->now > due));
	} else {
		json_object_set_new(r, "report_due_at", json_null());
		json_object_set_new(r, "report_overdue", json_false());
	}
	json_object_set_new(r, "wanted_hit", json_boolean(row_int(r, "wanted_id") != 0));
	json_object_del(r, "wanted_id");
}

static int guest_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, GUEST_COLS GUEST_FROM " WHERE g.id = ?", &r);
	if (rc)
		return rc;
	dress(c, r);
	*out = json_pack("{s:o}", "hotel_guest", r);
	return *out ? PS_OK : NOMEM(c);
}

/* The stay already registered (the same guest's check-in at the hotel):
 * the feed completes it — check-out and report when it now has them — and
 * *found says it is done; entered by hand, it is refused. */
static int stay_found(struct ctx *c, const struct hotel_guest_input *in, const char *number, int64_t checkin,
		      json_t **out, int *found)
{
	struct rows_query q;
	json_t *r = NULL;
	int64_t id;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, in->unit_id);
	rows_bind_text(&q, number);
	rows_bind_int(&q, checkin);
	rc = rows_one(&q,
		      "SELECT id, foreign_guest, checkout_at, reported_at FROM hotel_guest"
		      " WHERE unit_id = ? AND id_number = ? AND checkin_at = ?",
		      &r);
	if (rc == PS_ENOTFOUND) {
		ps_err_clear(c->err);
		return PS_OK;
	}
	if (rc)
		return rc;
	id = row_int(r, "id");
	if (!in->feed)
		rc = ps_fail(c->err, PS_ECONFLICT, "STAY_EXISTS", NULL, "该旅客的本次入住已登记（住宿登记 %lld）", (long long)id);
	if (!rc && in->checkout_at && json_is_null(json_object_get(r, "checkout_at"))) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->checkout_at);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE hotel_guest SET checkout_at = ? WHERE id = ?", NULL);
		if (!rc)
			rc = audit_write(c, "hotel_guest.checkout", "hotel_guest", ID(id), "success", "旅业系统导入");
	}
	if (!rc && in->reported_at && row_int(r, "foreign_guest") && json_is_null(json_object_get(r, "reported_at"))) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->reported_at);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE hotel_guest SET reported_at = ? WHERE id = ?", NULL);
		if (!rc)
			rc = audit_write(c, "hotel_guest.report", "hotel_guest", ID(id), "success", "旅业系统导入");
	}
	json_decref(r);
	if (rc)
		return rc;
	if (in->created)
		*in->created = 0;
	*found = 1;
	return out ? guest_get(c, id, out) : PS_OK;
}

int hotel_guests_create(struct ctx *c, const struct hotel_guest_input *in, json_t **out)
{
	struct rows_query q;
	struct idcard idc;
	const char *hotel = NULL, *number = in->id_number, *nat = in->nationality;
	int64_t id, station, wanted = 0, checkin = in->checkin_at ? in->checkin_at : c->now;
	int foreign, found = 0, rc;

	if (out)
		*out = NULL;
	rc = trade_checks_unit(c, in->feed ? ACT_HOTEL_GUEST_IMPORT : ACT_HOTEL_GUEST_CREATE, in->unit_id, "hotel",
			       "只能登记在营旅馆的旅客", &station, &hotel);
	if (rc)
		return rc;
	/* COM-HOTEL-REG: the guest's ID document checked and recorded */
	if (!in->name || !*in->name)
		rc = refuse(c, "COM-HOTEL-REG", "name", "旅客姓名必须登记（旅馆业治安管理办法第6条）");
	else if (!in->id_type || !enums_valid(ES_GUEST_ID_TYPE, in->id_type))
		rc = ps_fail_field(c->err, PS_EINVAL, "id_type", "证件类型不正确");
	else if (!number || !*number)
		rc = refuse(c, "COM-HOTEL-REG", "id_number", "须查验并登记旅客的有效身份证件（旅馆业治安管理办法第6条）");
	else if (!strcmp(in->id_type, "id_card")) {
		enum idcard_result ir = idcard_parse(number, strlen(number), ctx_today_ymd(c), &idc);

		if (ir != IDCARD_OK)
			rc = refuse(c, "COM-HOTEL-REG", "id_number",
				    arena_printf(c->arena, "身份证号码不正确：%s", idcard_result_message(ir)));
		else
			number = arena_strdup(c->arena, idc.number);
	}
	if (!rc && (!in->room || !*in->room))
		rc = ps_fail_field(c->err, PS_EINVAL, "room", "请填写房号");
	if (!rc && (checkin > c->now + 600 || checkin < c->now - 30 * 86400))
		rc = ps_fail_field(c->err, PS_EINVAL, "checkin_at", "入住时间应在30天以内且不晚于现在");
	if (!rc && in->checkout_at && (in->checkout_at < checkin || in->checkout_at > c->now + 600))
		rc = ps_fail_field(c->err, PS_EINVAL, "checkout_at", "退房时间应在入住之后且不晚于现在");
	if (!rc && in->reported_at && (in->reported_at < checkin || in->reported_at > c->now + 600))
		rc = ps_fail_field(c->err, PS_EINVAL, "reported_at", "报送时间应在入住之后且不晚于现在");
	if (!rc)
		rc = stay_found(c, in, number, checkin, out, &found);
	if (rc || found)
		return rc;
	/* 境外旅客: a foreign document, or a nationality other than China's */
	if (!nat || !*nat)
		nat = "中国";
	foreign = strcmp(in->id_type, "id_card") && strcmp(in->id_type, "hk_macao_tw") ? 1 : strcmp(nat, "中国") != 0;
	if (!strcmp(in->id_type, "hk_macao_tw"))
		foreign = 1; /* 港澳台居民 are 境外人员 for the lodging report */
	rows_binds(&q, c);
	rows_bind_int(&q, in->unit_id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->id_type);
	rows_bind_text(&q, number);
	rows_bind_text(&q, nat);
	rows_bind_int(&q, foreign);
	rows_bind_text(&q, in->room);
	rows_bind_int(&q, checkin);
	if (foreign && in->reported_at)
		rows_bind_int(&q, in->reported_at);
	else if (foreign && in->reported)
		rows_bind_int(&q, c->now);
	else
		rows_bind_text(&q, NULL);
	if (in->checkout_at)
		rows_bind_int(&q, in->checkout_at);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->feed ? "feed" : "manual");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO hotel_guest(unit_id, station_id, name, id_type, id_number, nationality, foreign_guest,"
			 " room, checkin_at, reported_at, checkout_at, source, recorded_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, in->feed ? "hotel_guest.feed" : "hotel_guest.create", "hotel_guest", ID(id),
				 "success", foreign ? "境外旅客" : NULL);
	if (!rc)
		rc = compare(c, id, number, hotel, station, in->hits, &wanted);
	if (in->created)
		*in->created = !rc;
	return rc || !out ? rc : guest_get(c, id, out);
}

int hotel_guests_list(struct ctx *c, const struct hotel_guest_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *items, *r, *fig;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TRADE_REGISTER_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, GUEST_FROM " WHERE o.path LIKE ?", f->page, f->per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_and_int(&q, "g.unit_id = ?", f->unit_id);
	if (f->foreign_only)
		rows_and(&q, "g.foreign_guest = 1");
	if (f->unreported_only)
		rows_and(&q, "g.foreign_guest = 1 AND g.reported_at IS NULL");
	if (f->in_house_only)
		rows_and(&q, "g.checkout_at IS NULL");
	if (f->hits_only)
		rows_and(&q, "g.wanted_id IS NOT NULL");
	rc = rows_page(&q, GUEST_COLS, " ORDER BY g.checkin_at DESC, g.id DESC", out);
	if (rc)
		return rc;
	items = json_object_get(*out, "items");
	json_array_foreach(items, i, r)
		dress(c, r);
	/* the station's figures, whatever the filter */
	{
		int64_t in_house = 0, unrep = 0, hits = 0;

		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_int(&q, f->unit_id);
		rows_bind_int(&q, f->unit_id);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM hotel_guest g JOIN org_unit o ON o.id = g.station_id"
			      " WHERE o.path LIKE ? AND (? = 0 OR g.unit_id = ?) AND g.checkout_at IS NULL",
			      0, &in_house);
		if (!rc)
			rc = rows_int(&q,
				      "SELECT COUNT(*) FROM hotel_guest g JOIN org_unit o ON o.id = g.station_id"
				      " WHERE o.path LIKE ? AND (? = 0 OR g.unit_id = ?) AND g.foreign_guest = 1"
				      " AND g.reported_at IS NULL",
				      0, &unrep);
		if (!rc)
			rc = rows_int(&q,
				      "SELECT COUNT(*) FROM hotel_guest g JOIN org_unit o ON o.id = g.station_id"
				      " WHERE o.path LIKE ? AND (? = 0 OR g.unit_id = ?) AND g.wanted_id IS NOT NULL",
				      0, &hits);
		fig = rc ? NULL : json_pack("{s:I, s:I, s:I}", "in_house", (json_int_t)in_house, "foreign_unreported",
					    (json_int_t)unrep, "hits", (json_int_t)hits);
		if (!rc && (!fig || json_object_set_new(*out, "figures", fig)))
			rc = NOMEM(c);
	}
	if (!rc)
		rc = audit_read_items(c, "hotel_guest.list", "hotel_guest", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int hotel_guests_checkout(struct ctx *c, int64_t id, int64_t at, json_t **out)
{
	struct rows_query q;
	int64_t n = 0, in_at = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_HOTEL_GUEST_CREATE, GUEST_PATH_SQL, id, "住宿登记不存在");
	if (rc)
		return rc;
	if (!at)
		at = c->now;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT checkin_at FROM hotel_guest WHERE id = ?", 0, &in_at);
	if (!rc && (at < in_at || at > c->now + 600))
		rc = ps_fail_field(c->err, PS_EINVAL, "checkout_at", "退房时间应在入住之后且不晚于现在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, at);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE hotel_guest SET checkout_at = ? WHERE id = ? AND checkout_at IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_OUT", NULL, "该旅客已退房");
	if (!rc)
		rc = audit_write(c, "hotel_guest.checkout", "hotel_guest", ID(id), "success", NULL);
	return rc ? rc : guest_get(c, id, out);
}

int hotel_guests_report(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_HOTEL_GUEST_CREATE, GUEST_PATH_SQL, id, "住宿登记不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT foreign_guest FROM hotel_guest WHERE id = ?", 0, &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "NOT_FOREIGN", "COM-HOTEL-FOREIGN", "只有境外旅客需要报送住宿登记表");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE hotel_guest SET reported_at = ? WHERE id = ? AND reported_at IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_REPORTED", NULL, "该境外旅客的住宿登记已报送");
	if (!rc)
		rc = audit_write(c, "hotel_guest.report", "hotel_guest", ID(id), "success", NULL);
	return rc ? rc : guest_get(c, id, out);
}

int hotel_guests_suspicious(struct ctx *c, int64_t id, const char *reason, json_t **out)
{
	struct rows_query q;
	json_t *g = NULL;
	const char *summary;
	int64_t incident_id = 0, n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_HOTEL_GUEST_CREATE, GUEST_PATH_SQL, id, "住宿登记不存在");
	if (rc)
		return rc;
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "suspicion", "请写明可疑情况");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT g.name, g.room, g.station_id, g.incident_id, g.suspicion, t.name AS hotel FROM hotel_guest g"
		      " JOIN trade_unit t ON t.id = g.unit_id WHERE g.id = ?",
		      &g);
	if (rc)
		return rc;
	if (row_str(g, "suspicion") || !json_is_null(json_object_get(g, "incident_id")))
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_REPORTED", "COM-HOTEL-DUTY",
			     "该旅客已报告并生成警情，请在警情中补充情况");
	summary = rc ? NULL
		     : arena_printf(c->arena, "旅馆报告形迹可疑人员：%s，%s %s房；%s（住宿登记 %lld）", row_str(g, "name"),
				    row_str(g, "hotel"), row_str(g, "room"), reason, (long long)id);
	/* COM-HOTEL-DUTY (LG Art 9): reported at once — a 警情 of the station */
	if (!rc)
		rc = trade_checks_incident(c, row_str(g, "hotel"), row_int(g, "station_id"), summary, &incident_id);
	json_decref(g);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, incident_id);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE hotel_guest SET suspicion = ?, incident_id = ? WHERE id = ? AND suspicion IS NULL"
		       " AND incident_id IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_REPORTED", "COM-HOTEL-DUTY", "该旅客已报告并生成警情");
	if (!rc)
		rc = audit_write(c, "hotel_guest.suspicious", "hotel_guest", ID(id), "success", ID(incident_id));
	return rc ? rc : guest_get(c, id, out);
}

/* the foreign guests of the scope whose form is not in; mine (the officer of a
 * SCOPE_MINE board) plays no part: the station's work */
static int unreported(struct ctx *c, const char *like, int64_t mine, json_t **rows)
{
	struct rows_query q;

	(void)mine;
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	return rows_all(&q,
			"SELECT g.id, g.name, g.nationality, g.room, g.checkin_at, g.station_id, t.name AS hotel,"
			" o.name AS unit_name FROM hotel_guest g JOIN trade_unit t ON t.id = g.unit_id"
			" JOIN org_unit o ON o.id = g.station_id WHERE o.path LIKE ? AND g.foreign_guest = 1"
			" AND g.reported_at IS NULL ORDER BY g.checkin_at",
			rows);
}

static int hotel_guest_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int64_t start = row_int(r, "checkin_at");

	clocks_add(k, r, arena_printf(c->arena, "hotel_guest:%lld:report", (long long)row_int(r, "id")),
		   rule_get(RULE_COM_HOTEL_FOREIGN)->code,
		   arena_printf(c->arena, "境外旅客住宿登记报送：%s %s房", row_str(r, "hotel"), row_str(r, "room")),
		   start, start + FOREIGN_HOURS * 3600, CLOCK_HOURS, 0, row_str(r, "name"),
		   "督促旅馆报送境外旅客住宿登记表并登记");
	(void)arg;
	return PS_OK;
}

int hotel_guests_clocks(struct clock_sink *k, enum clock_scope s)
{
	/* the station's work, not one officer's */
	const struct clock_scan d = {
		.station_work = 1,
		.rows = unreported,
		.unit_col = "station_id",
		.title_col = "hotel",
		.each = hotel_guest_clock,
	};

	return clocks_scan(k, s, &d);
}

int hotel_guests_today(struct ctx *c, json_t *items)
{
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_HOTEL_GUEST_CREATE) || !c->who.station_id)
		return PS_OK;
	rc = unreported(c, ctx_scope_like(c), 0, &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int64_t due = row_int(r, "checkin_at") + FOREIGN_HOURS * 3600;
		int y, m, d;
		json_t *row;

		date_civil_from_days(date_local_days(due), &y, &m, &d);
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "hotel_foreign", "label",
				arena_printf(c->arena, "境外旅客未报送：%s", row_str(r, "hotel")), "detail",
				arena_printf(c->arena, "%s（%s）%s房", row_str(r, "name"), row_str(r, "nationality"),
					     row_str(r, "room")),
				"due_on", arena_printf(c->arena, "%04d-%02d-%02d", y, m, d), "route",
				"/trades/hotel-guests?unreported=1");
		if (!row || json_array_append_new(items, row)) {
			json_decref(rows);
			return NOMEM(c);
		}
	}
	json_decref(rows);
	return PS_OK;
}
