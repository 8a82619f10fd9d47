/* services.c — 为民服务 records, their figures, and 治安形势预报 notices made
 * from the incident figures of a village's area. */
#include "domain/trades/public_services.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "core/buf.h"
#include "core/json.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int empty(const char *s)
{
	return !s || !*s;
}

int public_services_create(struct ctx *c, const struct public_service_input *in, json_t **out)
{
	struct rows_query q;
	int64_t id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PUBLIC_SERVICE_CREATE);
	if (rc)
		return rc;
	if (!enums_valid(ES_PUBLIC_SERVICE_KIND, in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "服务类别应为 legal_class/publicity/rescue/convenience");
	if (!date_valid_str(in->service_on) || strcmp(in->service_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "service_on", "日期应为 YYYY-MM-DD，且不晚于今天");
	if (!strcmp(in->kind, "legal_class")) {
		if (empty(in->place))
			return ps_fail_field(c->err, PS_EINVAL, "place", "请填写学校");
		if (empty(in->class_name))
			return ps_fail_field(c->err, PS_EINVAL, "class_name", "请填写班级（年级）");
		if (in->audience < 1)
			return ps_fail_field(c->err, PS_EINVAL, "audience", "请填写听课人数");
	} else if (!strcmp(in->kind, "publicity")) {
		if (empty(in->place))
			return ps_fail_field(c->err, PS_EINVAL, "place", "请填写宣传地点");
		if (empty(in->topic))
			return ps_fail_field(c->err, PS_EINVAL, "topic", "请填写宣传主题");
	} else if (!strcmp(in->kind, "rescue")) {
		if (empty(in->person_helped))
			return ps_fail_field(c->err, PS_EINVAL, "person_helped", "请填写救助对象");
		if (empty(in->help))
			return ps_fail_field(c->err, PS_EINVAL, "help", "请填写救助方式");
	} else if (!enums_valid(ES_CONVENIENCE_KIND, in->convenience)) {
		return ps_fail_field(c->err, PS_EINVAL, "convenience", "便民服务类别应为 certificate（开具证明）/consultation（咨询）/other");
	}
	if (in->incident_id) {
		rc = rows_check_unit(c, ACT_INCIDENT_READ,
				     "SELECT o.path FROM incident i JOIN org_unit o ON o.id = COALESCE(i.station_id, i.unit_id)"
				     " WHERE i.id = ?",
				     in->incident_id, "警情不存在");
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->service_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, in->place);
	rows_bind_text(&q, in->class_name);
	rows_bind_text(&q, in->topic);
	rows_bind_int(&q, in->audience);
	rows_bind_text(&q, in->materials);
	rows_bind_text(&q, in->person_helped);
	rows_bind_text(&q, in->help);
	if (in->incident_id)
		rows_bind_int(&q, in->incident_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, !strcmp(in->kind, "convenience") ? in->convenience : NULL);
	rows_bind_int(&q, in->quantity > 0 ? in->quantity : 1);
	rows_bind_text(&q, in->notes);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO public_service(kind, service_on, officer_id, station_id, place, class_name, topic, audience,"
			 " materials, person_helped, help, incident_id, convenience, quantity, notes, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "public_service.create", "public_service", arena_printf(c->arena, "%lld", (long long)id),
				 "success", enums_label(ES_PUBLIC_SERVICE_KIND, in->kind));
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s}}", "service", "id", (json_int_t)id, "kind", in->kind);
	return *out ? PS_OK : NOMEM(c);
}

static int check_range(struct ctx *c, const char *from, const char *to)
{
	if (!empty(from) && !date_valid_str(from))
		return ps_fail_field(c->err, PS_EINVAL, "from", "日期应为 YYYY-MM-DD");
	if (!empty(to) && !date_valid_str(to))
		return ps_fail_field(c->err, PS_EINVAL, "to", "日期应为 YYYY-MM-DD");
	return PS_OK;
}

int public_services_list(struct ctx *c, const char *kind, const char *from, const char *to, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PUBLIC_SERVICE_LIST);
	if (!rc)
		rc = check_range(c, from, to);
	if (!rc && !empty(kind) && !enums_valid(ES_PUBLIC_SERVICE_KIND, kind))
		rc = ps_fail_field(c->err, PS_EINVAL, "kind", "服务类别不正确");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text_exact(&q, empty(kind) ? "" : kind);
	rows_bind_text_exact(&q, empty(kind) ? "" : kind);
	rows_bind_text_exact(&q, empty(from) ? "0000-00-00" : from);
	rows_bind_text_exact(&q, empty(to) ? "9999-99-99" : to);
	rc = rows_all(&q,
		      "SELECT s.id, s.kind, s.service_on, s.officer_id, u.name AS officer_name, s.place, s.class_name, s.topic,"
		      " s.audience, s.materials, s.person_helped, s.help, s.incident_id, i.incident_no, s.convenience,"
		      " s.quantity, s.notes, o.name AS unit_name"
		      " FROM public_service s JOIN org_unit o ON o.id = s.station_id JOIN users u ON u.id = s.officer_id"
		      " LEFT JOIN incident i ON i.id = s.incident_id"
		      " WHERE o.path LIKE ? AND (? = '' OR s.kind = ?) AND s.service_on >= ? AND s.service_on <= ?"
		      " ORDER BY s.service_on DESC, s.id DESC LIMIT 500",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it)
		json_object_set_new(it, "kind_label", json_string(enums_label(ES_PUBLIC_SERVICE_KIND, row_str(it, "kind"))));
	*out = json_pack("{s:o}", "items", items);
	if (!*out)
		return NOMEM(c);
	/* AUD-1: 救助 rows name the persons helped */
	rc = audit_read_items(c, "public_service.list", "public_service", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static json_t *zero_figures(void)
{
	return json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:i}", "legal_class", 0, "publicity", 0, "rescue", 0,
			 "convenience", 0, "audience", 0, "certificates", 0, "consultations", 0);
}

static void add_figure(json_t *f, const char *key, int64_t n)
{
	json_object_set_new(f, key, json_integer(json_integer_value(json_object_get(f, key)) + n));
}

int public_services_figures(struct ctx *c, const char *from, const char *to, json_t **out)
{
	struct rows_query q;
	json_t *rows, *r, *officers, *station;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PUBLIC_SERVICE_LIST);
	if (!rc)
		rc = check_range(c, from, to);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text_exact(&q, empty(from) ? "0000-00-00" : from);
	rows_bind_text_exact(&q, empty(to) ? "9999-99-99" : to);
	rc = rows_all(&q,
		      "SELECT s.officer_id, u.name AS officer_name, s.kind, s.convenience, COUNT(*) AS n,"
		      " SUM(s.audience) AS audience, SUM(s.quantity) AS quantity"
		      " FROM public_service s JOIN org_unit o ON o.id = s.station_id JOIN users u ON u.id = s.officer_id"
		      " WHERE o.path LIKE ? AND s.service_on >= ? AND s.service_on <= ?"
		      " GROUP BY s.officer_id, u.name, s.kind, s.convenience ORDER BY s.officer_id",
		      &rows);
	if (rc)
		return rc;
	officers = json_array();
	station = zero_figures();
	if (!officers || !station) {
		json_decref(rows);
		json_decref(officers);
		json_decref(station);
		return NOMEM(c);
	}
	json_array_foreach(rows, i, r) {
		json_t *f = NULL, *x;
		size_t j;
		const char *kind = row_str(r, "kind"), *conv = row_str(r, "convenience");
		int64_t n = row_int(r, "n");

		json_array_foreach(officers, j, x)
			if (row_int(x, "officer_id") == row_int(r, "officer_id"))
				f = x;
		if (!f) {
			f = zero_figures();
			if (!f)
				break;
			json_object_set_new(f, "officer_id", json_integer(row_int(r, "officer_id")));
			json_object_set_new(f, "officer_name", json_string(row_str(r, "officer_name")));
			json_array_append_new(officers, f);
		}
		for (int k = 0; k < 2; k++) {
			json_t *t = k ? station : f;

			add_figure(t, kind, n);
			if (!strcmp(kind, "legal_class") || !strcmp(kind, "publicity"))
				add_figure(t, "audience", row_int(r, "audience"));
			if (conv && !strcmp(conv, "certificate"))
				add_figure(t, "certificates", row_int(r, "quantity"));
			if (conv && !strcmp(conv, "consultation"))
				add_figure(t, "consultations", row_int(r, "quantity"));
		}
	}
	json_decref(rows);
	*out = json_pack("{s:o, s:o, s:s?, s:s?}", "officers", officers, "station", station, "from", empty(from) ? NULL : from,
			 "to", empty(to) ? NULL : to);
	if (!*out)
		return NOMEM(c);
	/* AUD-1: the figures name the officers */
	rc = audit_read_items(c, "public_service.figures", "public_service", json_object_get(*out, "officers"), "officer_id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* ---- 治安形势预报 ---------------------------------------------------- */

static int count_period(struct ctx *c, const char *community, int64_t from_day, int64_t to_day, json_t **out)
{
	struct rows_query q;
	int64_t day = from_day;

	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_int(&q, day * 86400 - 8 * 3600);
	day = to_day + 1;
	rows_bind_int(&q, day * 86400 - 8 * 3600);
	rows_bind_text(&q, community);
	rows_bind_text(&q, rows_like(&q, community, ROWS_LIKE_CONTAINS));
	return rows_all(&q,
			"SELECT i.category, ic.name, ic.preventable, COUNT(*) AS n FROM incident i"
			" JOIN incident_category ic ON ic.code = i.category"
			" WHERE i.station_id = ? AND i.duplicate_of IS NULL AND i.received_at >= ? AND i.received_at < ?"
			" AND (i.community = ? OR i.place LIKE ?" ROWS_ESCAPE ")"
			" GROUP BY i.category, ic.name, ic.preventable ORDER BY COUNT(*) DESC, i.category",
			out);
}

static int64_t n_of(json_t *rows, const char *code)
{
	json_t *r;
	size_t i;

	json_array_foreach(rows, i, r)
		if (!strcmp(row_str(r, "category"), code))
			return row_int(r, "n");
	return 0;
}

int public_services_forecast_create(struct ctx *c, const char *community, const char *from_on, const char *to_on,
			     json_t **out)
{
	struct rows_query q;
	json_t *now_rows = NULL, *prev_rows = NULL, *figures = NULL, *r;
	int64_t from_day, to_day, len, total = 0, prev_total = 0, id;
	int y, m, d, rc, bad = 0;
	struct buf b;
	char *ftext;
	size_t i;

	*out = NULL;
	rc = authz_require(c, ACT_FORECAST_CREATE);
	if (rc)
		return rc;
	if (empty(community))
		return ps_fail_field(c->err, PS_EINVAL, "community", "请填写预报发往的村（社区）");
	if (!from_on || date_parse(from_on, strlen(from_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "from_on", "开始日期应为 YYYY-MM-DD");
	from_day = date_days_from_civil(y, m, d);
	if (!to_on || date_parse(to_on, strlen(to_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "to_on", "结束日期应为 YYYY-MM-DD");
	to_day = date_days_from_civil(y, m, d);
	if (to_day < from_day || to_day > date_local_days(c->now) || to_day - from_day > 366)
		return ps_fail_field(c->err, PS_EINVAL, "to_on", "统计期间应在一年以内，且不晚于今天");
	len = to_day - from_day + 1;
	rc = count_period(c, community, from_day, to_day, &now_rows);
	if (!rc)
		rc = count_period(c, community, from_day - len, from_day - 1, &prev_rows);
	if (rc) {
		json_decref(now_rows);
		return rc;
	}
	figures = json_array();
	buf_init(&b, 16384);
	json_array_foreach(now_rows, i, r)
		total += row_int(r, "n");
	json_array_foreach(prev_rows, i, r)
		prev_total += row_int(r, "n");
	bad |= buf_addf(&b, "治安形势预报\n\n%s：\n    %s至%s，辖区共接报警情%lld起（上一同期%lld起，%s%lld起）。", community, from_on,
		    to_on, (long long)total, (long long)prev_total, total >= prev_total ? "上升" : "下降",
		    (long long)(total >= prev_total ? total - prev_total : prev_total - total));
	json_array_foreach(now_rows, i, r) {
		int64_t before = n_of(prev_rows, row_str(r, "category"));

		json_array_append_new(figures, json_pack("{s:s, s:s, s:I, s:I}", "category", row_str(r, "category"), "name",
							 row_str(r, "name"), "n", (json_int_t)row_int(r, "n"), "before",
							 (json_int_t)before));
		bad |= buf_addf(&b, "%s%s%lld起", i ? "，" : "其中", row_str(r, "name"), (long long)row_int(r, "n"));
	}
	if (json_array_size(now_rows))
		bad |= buf_addf(&b, "。");
	bad |= buf_addf(&b, "\n    防范提示：");
	{
		int tips = 0;

		json_array_foreach(now_rows, i, r)
			if (row_int(r, "preventable"))
				bad |= buf_addf(&b, "%s请注意防范%s", tips++ ? "；" : "", row_str(r, "name"));
		bad |= buf_addf(&b, "%s外出关好门窗，贵重物品妥善保管，不轻信陌生来电和转账要求。",
			    tips ? "；" : "");
	}
	bad |= buf_addf(&b, "\n    发现可疑情况请及时拨打110，或联系社区民警%s。\n\n%s\n%s", c->who.name ? c->who.name : "",
		    c->who.unit_name ? c->who.unit_name : "", ctx_today_str(c));
	json_decref(now_rows);
	json_decref(prev_rows);
	ftext = json_render(figures, JSON_COMPACT);
	if (!ftext || bad || !figures) {
		json_mem_free(ftext);
		json_decref(figures);
		buf_release(&b);
		return NOMEM(c);
	}
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, community);
	rows_bind_text(&q, from_on);
	rows_bind_text(&q, to_on);
	rows_bind_text(&q, arena_strdup(c->arena, ftext));
	rows_bind_text(&q, arena_strdup(c->arena, buf_str(&b)));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	json_mem_free(ftext);
	buf_release(&b);
	json_decref(figures);
	rc = rows_insert(&q,
			 "INSERT INTO security_forecast(station_id, community, from_on, to_on, figures, body, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "forecast.create", "security_forecast", arena_printf(c->arena, "%lld", (long long)id),
				 "success", community);
	return rc ? rc : public_services_forecast_get(c, id, out);
}

#define FORECAST_COLS                                                                                   \
	"SELECT f.id, f.community, f.from_on, f.to_on, f.figures, f.body, f.station_id, o.name AS unit_name," \
	" u.name AS created_by_name, f.created_at FROM security_forecast f JOIN org_unit o ON o.id = f.station_id" \
	" JOIN users u ON u.id = f.created_by"

static int parse_figures(struct ctx *c, json_t *it)
{
	json_t *f;
	int rc = json_parse_stored(row_str(it, "figures"), &f, c->err);

	if (!rc)
		json_object_set_new(it, "figures", f ? f : json_array());
	return rc;
}

int public_services_forecast_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PUBLIC_SERVICE_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q, FORECAST_COLS " WHERE o.path LIKE ? ORDER BY f.created_at DESC, f.id DESC LIMIT 200", &items);
	json_array_foreach(items, i, it)
		if (!rc)
			rc = parse_figures(c, it);
	if (!rc)
		rc = audit_read_items(c, "forecast.list", "security_forecast", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : NOMEM(c);
}

int public_services_forecast_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_PUBLIC_SERVICE_LIST,
			     "SELECT o.path FROM security_forecast f JOIN org_unit o ON o.id = f.station_id WHERE f.id = ?", id,
			     "预报不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, FORECAST_COLS " WHERE f.id = ?", &row);
	if (!rc)
		rc = parse_figures(c, row);
	if (!rc)
		rc = audit_read(c, "security_forecast", arena_printf(c->arena, "%lld", (long long)id));
	if (rc) {
		json_decref(row);
		return rc;
	}
	*out = json_pack("{s:o}", "forecast", row);
	return *out ? PS_OK : NOMEM(c);
}
