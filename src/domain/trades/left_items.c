/* left_items.c — a hotel's left property, from the hotel's posting to the
 * owner, or to the station and the state (COM-HOTEL-LEFT, LG Art 8;
 * COM-FOUND-STATE, 民法典 Art 318). */
#include "domain/trades/left_items.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/trades/trade_checks.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))
#define ITEM_PATH_SQL "SELECT o.path FROM left_item i JOIN org_unit o ON o.id = i.station_id WHERE i.id = ?"
#define LATE_YEARS 3 /* an item entered late: found at most 3 years ago */

#define ITEM_COLS                                                                                           \
	"SELECT i.id, i.unit_id, t.name AS hotel, i.station_id, i.found_on, i.noticed_on, i.room, i.description," \
	" i.guest_id, g.name AS guest_name, i.kept_by, i.status, i.returned_on, i.returned_to, i.handed_on,"      \
	" i.receipt_no, r.name AS received_by_name, i.announced_on, i.disposed_on, i.disposal_note,"            \
	" u.name AS recorded_by_name, i.created_at"

#define ITEM_FROM                                                                                          \
	" FROM left_item i JOIN trade_unit t ON t.id = i.unit_id JOIN org_unit o ON o.id = i.station_id"       \
	" LEFT JOIN hotel_guest g ON g.id = i.guest_id LEFT JOIN users r ON r.id = i.received_by"             \
	" JOIN users u ON u.id = i.recorded_by"

static int64_t day_of(const char *s)
{
	int y, m, d;

	return s && !date_parse(s, strlen(s), &y, &m, &d) ? date_days_from_civil(y, m, d) : 0;
}

static const char *ymd(struct ctx *c, int64_t days)
{
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* LG Art 8: unclaimed 3 months after the posting, it goes to the station —
 * the first day after the period's last (the corresponding day, 民法典 Art
 * 202) */
static int64_t handover_from(const char *noticed_on)
{
	return date_add_months(day_of(noticed_on), rule_value(RULE_COM_HOTEL_LEFT, 0)) + 1;
}

/* 民法典 Art 318: unclaimed a year from the station's notice, the state's */
static int64_t state_from(const char *announced_on)
{
	return date_add_months(day_of(announced_on), 12 * rule_value(RULE_COM_FOUND_STATE, 0)) + 1;
}

/* the last posting day whose period of months has run by today: the
 * largest n with n + months + 1 <= today (months clamp at a month's end, so
 * step from the estimate) — lets SQL compare the stored days as text */
static const char *ran_by(struct ctx *c, int months)
{
	int64_t today = date_local_days(c->now), n = date_add_months(today - 1, -months);

	while (date_add_months(n + 1, months) + 1 <= today)
		n++;
	while (date_add_months(n, months) + 1 > today)
		n--;
	return ymd(c, n);
}

#define DUE_SQL "((i.status = 'kept' AND i.noticed_on <= ?) OR (i.status = 'handed' AND i.announced_on <= ?))"

/* a day field: YYYY-MM-DD, not after today, not before floor (a day
 * number, 0: no floor; floor_msg names it) */
static int check_day(struct ctx *c, const char *field, const char *v, const char *label, int64_t floor,
		     const char *floor_msg)
{
	int64_t d = day_of(v), today = date_local_days(c->now);

	if (!d)
		return ps_fail_field(c->err, PS_EINVAL, field, "%s应为 YYYY-MM-DD 格式的日期", label);
	if (d > today)
		return ps_fail_field(c->err, PS_EINVAL, field, "%s不能晚于今天", label);
	if (floor && d < floor)
		return ps_fail_field(c->err, PS_EINVAL, field, "%s", floor_msg);
	return PS_OK;
}

static void dress(struct ctx *c, json_t *r)
{
	const char *st = row_str(r, "status");
	int64_t today = date_local_days(c->now), from = handover_from(row_str(r, "noticed_on"));
	int handed = !strcmp(st, "handed");

	json_object_set_new(r, "status_label", json_string(enums_label(ES_LEFT_ITEM_STATUS, st)));
	json_object_set_new(r, "handover_from", json_string(ymd(c, from)));
	json_object_set_new(r, "handover_due", json_boolean(!strcmp(st, "kept") && today >= from));
	if (!json_is_null(json_object_get(r, "announced_on")) && row_str(r, "announced_on")) {
		int64_t sf = state_from(row_str(r, "announced_on"));

		json_object_set_new(r, "state_from", json_string(ymd(c, sf)));
		json_object_set_new(r, "state_due", json_boolean(handed && today >= sf));
	} else {
		json_object_set_new(r, "state_from", json_null());
		json_object_set_new(r, "state_due", json_false());
	}
}

static int item_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, ITEM_COLS ITEM_FROM " WHERE i.id = ?", &r);
	if (rc)
		return rc;
	dress(c, r);
	*out = json_pack("{s:o}", "left_item", r);
	return *out ? PS_OK : NOMEM(c);
}

int left_items_create(struct ctx *c, const struct left_item_input *in, json_t **out)
{
	struct rows_query q;
	const char *hotel = NULL, *found = in->found_on && *in->found_on ? in->found_on : ctx_today_str(c);
	const char *noticed = in->noticed_on && *in->noticed_on ? in->noticed_on : found;
	int64_t id, station, n = 0, today = date_local_days(c->now);
	int rc;

	*out = NULL;
	rc = trade_checks_unit(c, ACT_LEFT_ITEM_CREATE, in->unit_id, "hotel", "只能登记在营旅馆的旅客遗留物品", &station,
			       &hotel);
	if (!rc)
		rc = check_day(c, "found_on", found, "发现日期", date_add_months(today, -12 * LATE_YEARS),
			       "发现日期不能早于三年前");
	if (!rc)
		rc = check_day(c, "noticed_on", noticed, "招领日期", day_of(found), "招领日期不能早于发现日期");
	if (!rc && (!in->description || !*in->description))
		rc = ps_fail_field(c->err, PS_EINVAL, "description", "请写明物品名称、数量和特征");
	if (!rc && (!in->kept_by || !*in->kept_by))
		rc = trade_checks_refuse(c, "COM-HOTEL-LEFT", "kept_by",
					 "遗留物品须由旅馆指定专人妥为保管，请填写保管人（旅馆业治安管理办法第8条）");
	if (!rc && in->guest_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->guest_id);
		rows_bind_int(&q, in->unit_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM hotel_guest WHERE id = ? AND unit_id = ?", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "guest_id", "该旅客不是本旅馆的住宿登记");
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->unit_id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, found);
	rows_bind_text(&q, noticed);
	rows_bind_text(&q, in->room && *in->room ? in->room : NULL);
	rows_bind_text(&q, in->description);
	if (in->guest_id)
		rows_bind_int(&q, in->guest_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->kept_by);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO left_item(unit_id, station_id, found_on, noticed_on, room, description, guest_id,"
			 " kept_by, status, recorded_by, created_at) VALUES (?,?,?,?,?,?,?,?,'kept',?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "left_item.create", "left_item", ID(id), "success", hotel);
	return rc ? rc : item_get(c, id, out);
}

int left_items_list(struct ctx *c, const struct left_item_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *items, *r, *fig;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TRADE_REGISTER_LIST);
	if (rc)
		return rc;
	if (f->status && !enums_valid(ES_LEFT_ITEM_STATUS, f->status))
		return ps_fail_field(c->err, PS_EINVAL, "status", "物品状态不正确");
	rows_query_init(&q, c, ITEM_FROM " WHERE o.path LIKE ?", f->page, f->per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_and_int(&q, "i.unit_id = ?", f->unit_id);
	rows_and_text(&q, "i.status = ?", f->status);
	if (f->due_only) {
		rows_and(&q, DUE_SQL);
		rows_bind_text(&q, ran_by(c, rule_value(RULE_COM_HOTEL_LEFT, 0)));
		rows_bind_text(&q, ran_by(c, 12 * rule_value(RULE_COM_FOUND_STATE, 0)));
	}
	rc = rows_page(&q, ITEM_COLS, " ORDER BY i.found_on DESC, i.id DESC", out);
	if (rc)
		return rc;
	items = json_object_get(*out, "items");
	json_array_foreach(items, i, r)
		dress(c, r);
	/* the scope's figures, whatever the filter */
	{
		static const char *const sql[] = {
			"i.status = 'kept'", "i.status = 'kept' AND i.noticed_on <= ?",
			"i.status = 'handed'", "i.status = 'handed' AND i.announced_on <= ?",
		};
		const char *cut[] = { NULL, ran_by(c, rule_value(RULE_COM_HOTEL_LEFT, 0)), NULL,
				      ran_by(c, 12 * rule_value(RULE_COM_FOUND_STATE, 0)) };
		int64_t v[4] = { 0 };

		for (int k = 0; !rc && k < 4; k++) {
			rows_binds(&q, c);
			rows_bind_text(&q, ctx_scope_like(c));
			rows_bind_int(&q, f->unit_id);
			rows_bind_int(&q, f->unit_id);
			if (cut[k])
				rows_bind_text(&q, cut[k]);
			rc = rows_int(&q,
				      arena_printf(c->arena,
						   "SELECT COUNT(*) FROM left_item i JOIN org_unit o ON o.id = i.station_id"
						   " WHERE o.path LIKE ? AND (? = 0 OR i.unit_id = ?) AND %s",
						   sql[k]),
				      0, &v[k]);
		}
		fig = rc ? NULL
			 : json_pack("{s:I, s:I, s:I, s:I}", "kept", (json_int_t)v[0], "handover_due", (json_int_t)v[1],
				     "held", (json_int_t)v[2], "state_due", (json_int_t)v[3]);
		if (!rc && (!fig || json_object_set_new(*out, "figures", fig)))
			rc = NOMEM(c);
	}
	if (!rc)
		rc = audit_read_items(c, "left_item.list", "left_item", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* the item's status and the day its current holder's period counts from */
static int item_state(struct ctx *c, int64_t id, json_t **row)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	return rows_one(&q, "SELECT status, found_on, handed_on, announced_on FROM left_item WHERE id = ?", row);
}

int left_items_return(struct ctx *c, int64_t id, const char *on, const char *to, json_t **out)
{
	struct rows_query q;
	json_t *st = NULL;
	const char *status, *next, *since;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_REGISTER_LIST, ITEM_PATH_SQL, id, "遗留物品登记不存在");
	if (!rc)
		rc = item_state(c, id, &st);
	if (rc)
		return rc;
	status = arena_strdup(c->arena, row_str(st, "status"));
	since = arena_strdup(c->arena, !strcmp(status, "handed") ? row_str(st, "handed_on") : row_str(st, "found_on"));
	json_decref(st);
	if (strcmp(status, "kept") && strcmp(status, "handed"))
		return ps_fail(c->err, PS_ECONFLICT, "LEFT_ITEM_CLOSED", NULL, "该物品已归还或已上缴，不能再办理");
	/* the hotel gives back what it keeps; what the station holds, a sworn officer */
	rc = authz_require(c, !strcmp(status, "kept") ? ACT_LEFT_ITEM_CREATE : ACT_LEFT_ITEM_RECEIVE);
	if (!rc && (!on || !*on))
		on = ctx_today_str(c);
	if (!rc)
		rc = check_day(c, "returned_on", on, "归还日期", day_of(since),
			       !strcmp(status, "kept") ? "归还日期不能早于发现日期" : "归还日期不能早于送交派出所的日期");
	if (!rc && (!to || !*to))
		rc = ps_fail_field(c->err, PS_EINVAL, "returned_to", "请填写领取人姓名");
	if (rc)
		return rc;
	next = !strcmp(status, "kept") ? "returned" : "claimed";
	rows_binds(&q, c);
	rows_bind_text(&q, next);
	rows_bind_text(&q, on);
	rows_bind_text(&q, to);
	rows_bind_int(&q, id);
	rows_bind_text(&q, status);
	rc = rows_exec(&q,
		       "UPDATE left_item SET status = ?, returned_on = ?, returned_to = ? WHERE id = ? AND status = ?",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LEFT_ITEM_CLOSED", NULL, "该物品的状态已变化，请刷新后重试");
	if (!rc)
		rc = audit_write(c, "left_item.return", "left_item", ID(id), "success",
				 arena_printf(c->arena, "%s → %s", status, next));
	return rc ? rc : item_get(c, id, out);
}

int left_items_receive(struct ctx *c, int64_t id, const char *on, const char *announced_on, json_t **out)
{
	struct rows_query q;
	json_t *st = NULL;
	const char *receipt;
	int64_t n = 0, station = 0, seq = 0;
	int y, m, d, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_LEFT_ITEM_RECEIVE, ITEM_PATH_SQL, id, "遗留物品登记不存在");
	if (!rc)
		rc = item_state(c, id, &st);
	if (rc)
		return rc;
	if (strcmp(row_str(st, "status"), "kept")) {
		json_decref(st);
		return ps_fail(c->err, PS_ECONFLICT, "LEFT_ITEM_NOT_KEPT", NULL, "只有旅馆保管中的物品可以接收");
	}
	if (!on || !*on)
		on = ctx_today_str(c);
	rc = check_day(c, "handed_on", on, "送交日期", day_of(row_str(st, "found_on")), "送交日期不能早于发现日期");
	json_decref(st);
	if (!announced_on || !*announced_on)
		announced_on = on;
	if (!rc)
		rc = check_day(c, "announced_on", announced_on, "招领公告日期", day_of(on),
			       "招领公告日期不能早于接收日期");
	if (rc)
		return rc;
	/* the station's receipt: 拾物收据〔year〕n号, numbered per station and year */
	date_parse(on, 10, &y, &m, &d);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT station_id FROM left_item WHERE id = ?", 0, &station);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, station);
		rows_bind_text(&q, arena_printf(c->arena, "%04d-01-01", y));
		rows_bind_text(&q, arena_printf(c->arena, "%04d-01-01", y + 1));
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM left_item WHERE station_id = ? AND receipt_no IS NOT NULL"
			      " AND handed_on >= ? AND handed_on < ?",
			      0, &seq);
	}
	if (rc)
		return rc;
	receipt = arena_printf(c->arena, "拾物收据〔%04d〕%lld号", y, (long long)seq + 1);
	rows_binds(&q, c);
	rows_bind_text(&q, on);
	rows_bind_text(&q, receipt);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, announced_on);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE left_item SET status = 'handed', handed_on = ?, receipt_no = ?, received_by = ?,"
		       " announced_on = ? WHERE id = ? AND status = 'kept'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LEFT_ITEM_NOT_KEPT", NULL, "该物品的状态已变化，请刷新后重试");
	if (!rc)
		rc = audit_write(c, "left_item.receive", "left_item", ID(id), "success", receipt);
	return rc ? rc : item_get(c, id, out);
}

int left_items_to_state(struct ctx *c, int64_t id, const char *on, const char *note, json_t **out)
{
	struct rows_query q;
	json_t *st = NULL;
	int64_t n = 0, from;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_LEFT_ITEM_RECEIVE, ITEM_PATH_SQL, id, "遗留物品登记不存在");
	if (!rc)
		rc = item_state(c, id, &st);
	if (rc)
		return rc;
	if (strcmp(row_str(st, "status"), "handed")) {
		json_decref(st);
		return ps_fail(c->err, PS_ECONFLICT, "LEFT_ITEM_NOT_HELD", NULL, "只有本所接收保管中的物品可以上缴");
	}
	from = state_from(row_str(st, "announced_on"));
	if (!on || !*on)
		on = ctx_today_str(c);
	rc = check_day(c, "disposed_on", on, "上缴日期", day_of(row_str(st, "handed_on")), "上缴日期不能早于接收日期");
	json_decref(st);
	if (rc)
		return rc;
	/* COM-FOUND-STATE: the owner has the whole year from the notice */
	if (day_of(on) < from)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "COM-FOUND-STATE",
			       "招领公告发布之日起一年内无人认领的才归国家所有（民法典第318条），%s起方可上缴",
			       ymd(c, from));
	if (!note || !*note)
		return ps_fail_field(c->err, PS_EINVAL, "disposal_note", "请写明上缴去向（如上缴财政、拍卖款上缴）");
	rows_binds(&q, c);
	rows_bind_text(&q, on);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE left_item SET status = 'state', disposed_on = ?, disposal_note = ? WHERE id = ?"
		       " AND status = 'handed'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LEFT_ITEM_NOT_HELD", NULL, "该物品的状态已变化，请刷新后重试");
	if (!rc)
		rc = audit_write(c, "left_item.to_state", "left_item", ID(id), "success", note);
	return rc ? rc : item_get(c, id, out);
}

int left_items_today(struct ctx *c, json_t *items)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_LEFT_ITEM_CREATE) || !c->who.station_id)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, ran_by(c, rule_value(RULE_COM_HOTEL_LEFT, 0)));
	rows_bind_text(&q, ran_by(c, 12 * rule_value(RULE_COM_FOUND_STATE, 0)));
	rc = rows_all(&q,
		      "SELECT i.id, i.status, i.noticed_on, i.announced_on, i.description, t.name AS hotel"
		      " FROM left_item i JOIN trade_unit t ON t.id = i.unit_id JOIN org_unit o ON o.id = i.station_id"
		      " WHERE o.path LIKE ? AND " DUE_SQL " ORDER BY i.noticed_on, i.id",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int kept = !strcmp(row_str(r, "status"), "kept");
		json_t *row = json_pack(
			"{s:s, s:s, s:s, s:s, s:s}", "kind", kept ? "left_item_handover" : "left_item_state", "label",
			kept ? arena_printf(c->arena, "遗留物品招领满3个月无人认领，应送交本所：%s", row_str(r, "hotel"))
			     : "拾遗物品招领满一年无人认领，可上缴",
			"detail", row_str(r, "description"), "due_on",
			ymd(c, kept ? handover_from(row_str(r, "noticed_on")) : state_from(row_str(r, "announced_on"))),
			"route", "/trades/left-items?due=1");

		if (!row || json_array_append_new(items, row)) {
			json_decref(rows);
			return NOMEM(c);
		}
	}
	json_decref(rows);
	return PS_OK;
}
