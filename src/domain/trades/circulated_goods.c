/* circulated_goods.c — 协查物品: the list the police circulate, its 撤销, and
 * the matching of what scrap buyers and pawnshops take in (COM-SCRAP-REG,
 * COM-PAWN, as warnings: a hit is recorded, never refused). */
#include "domain/trades/circulated_goods.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
#include "domain/org.h"
#include "domain/rows.h"
#include "domain/trades/trade_checks.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))
#define GOODS_PATH_SQL "SELECT o.path FROM circulated_goods g JOIN org_unit o ON o.id = g.station_id WHERE g.id = ?"
#define KIND_SCRAP "scrap_purchase"
#define KIND_PAWN "pawn_ticket"

#define GOODS_COLS                                                                                          \
	"SELECT g.id, g.station_id, o.name AS station_name, g.case_id, g.incident_id, g.name, g.category,"    \
	" g.brand_model, g.identifier, g.features, g.quantity, g.value_yuan, g.circulated_on, g.valid_until," \
	" g.withdrawn_on, g.withdraw_reason, g.withdraw_note, u.name AS created_by_name, g.created_at,"       \
	" (SELECT COUNT(*) FROM circulated_goods_hits h WHERE h.goods_id = g.id) AS hit_count"
#define GOODS_FROM                                                                                    \
	" FROM circulated_goods g JOIN org_unit o ON o.id = g.station_id JOIN users u ON u.id = g.created_by"
/* what the actor sees: its scope, and the units above it (the county's) */
#define GOODS_SEEN "(o.path LIKE ? OR ? LIKE (o.path || '%'))"
/* active: not withdrawn, not past its valid_until */
#define GOODS_ACTIVE "g.withdrawn_on IS NULL AND (g.valid_until IS NULL OR g.valid_until >= ?)"

static int64_t days_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return 0;
	return date_days_from_civil(y, m, d);
}

static const char *day_str(struct ctx *c, int64_t days)
{
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

const char *circulated_goods_norm(struct ctx *c, const char *s)
{
	size_t n, i, k = 0;
	char *o;

	if (!s)
		return NULL;
	n = strlen(s);
	o = arena_alloc(c->arena, n + 1);
	if (!o)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		/* U+3000 (full-width space), U+FF0D (full-width hyphen), U+2014/U+2013 (dashes) */
		if (i + 2 < n && ((ch == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) ||
				  (ch == 0xEF && (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x8D) ||
				  (ch == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
				   ((unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93)))) {
			i += 2;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '-' || ch == '_' || ch == '/' || ch == '.')
			continue;
		o[k++] = (char)(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
	}
	o[k] = '\0';
	return k ? o : NULL;
}

/* The LIKE pattern of the county of a unit (its 县局's subtree); the unit's
 * own subtree when no bureau is above it. */
static int county_like(struct ctx *c, int64_t unit, const char **like)
{
	struct rows_query q;
	struct org_chain ch;
	json_t *r;
	char buf[256];
	const char *path;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, unit);
	rc = rows_one(&q, "SELECT path FROM org_unit WHERE id = ?", &r);
	if (rc)
		return rc;
	path = arena_strdup(c->arena, row_str(r, "path"));
	json_decref(r);
	if (!path)
		return NOMEM(c);
	rc = chain_load(c, path, &ch);
	if (rc)
		return rc;
	if (org_path_to(&ch, org_bureau_of(&ch), buf, sizeof(buf)))
		*like = arena_printf(c->arena, "%s%%", path);
	else
		*like = arena_printf(c->arena, "%s%%", buf);
	return *like ? PS_OK : NOMEM(c);
}

static void dress_goods(struct ctx *c, json_t *r)
{
	const char *until = row_str(r, "valid_until"), *status = "active";

	if (row_str(r, "withdrawn_on"))
		status = "withdrawn";
	else if (until && days_of(until) < date_local_days(c->now))
		status = "expired";
	json_object_set_new(r, "status", json_string(status));
	json_object_set_new(r, "category_label",
			    json_string(enums_label(ES_CIRCULATED_CATEGORY, row_str(r, "category"))));
	if (row_str(r, "withdraw_reason"))
		json_object_set_new(r, "withdraw_reason_label",
				    json_string(enums_label(ES_CIRCULATED_WITHDRAW_REASON, row_str(r, "withdraw_reason"))));
}

int circulated_goods_match(struct ctx *c, int64_t station, const char *norm, json_t **goods)
{
	struct rows_query q;
	const char *like = NULL;
	json_t *r;
	size_t i;
	int rc;

	*goods = NULL;
	if (!norm) {
		*goods = json_array();
		return *goods ? PS_OK : NOMEM(c);
	}
	rc = county_like(c, station, &like);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, norm);
	rows_bind_text(&q, ctx_today_str(c));
	rows_bind_text(&q, like);
	rc = rows_all(&q,
		      "SELECT g.id, g.name, g.category, g.identifier, g.brand_model, g.circulated_on, o.name AS station_name"
		      " FROM circulated_goods g JOIN org_unit o ON o.id = g.station_id WHERE g.identifier_norm = ? AND " GOODS_ACTIVE
		      " AND o.path LIKE ? ORDER BY g.id",
		      goods);
	if (rc)
		return rc;
	json_array_foreach(*goods, i, r)
		json_object_set_new(r, "category_label", json_string(enums_label(ES_CIRCULATED_CATEGORY, row_str(r, "category"))));
	return PS_OK;
}

const char *circulated_goods_why(struct ctx *c, json_t *goods)
{
	json_t *g = json_array_get(goods, 0);

	return arena_printf(c->arena, "物品串号比中协查物品：%s（%s，%s发布协查%s）", row_str(g, "name"), row_str(g, "identifier"),
			    row_str(g, "station_name"),
			    json_array_size(goods) > 1 ? arena_printf(c->arena, "，共%zu条", json_array_size(goods)) : "");
}

int circulated_goods_mark(struct ctx *c, const char *kind, int64_t record_id, const char *why, int64_t incident)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, why);
	rows_bind_text(&q, why);
	rows_bind_int(&q, incident);
	rows_bind_int(&q, record_id);
	return rows_exec(&q,
			 !strcmp(kind, KIND_SCRAP)
				 ? "UPDATE scrap_purchase SET suspicious = 1, suspicion = CASE WHEN suspicion IS NULL OR suspicion = ''"
				   " THEN ? ELSE suspicion || '；' || ? END, incident_id = COALESCE(incident_id, ?) WHERE id = ?"
				 : "UPDATE pawn_ticket SET suspicious = 1, suspicion = CASE WHEN suspicion IS NULL OR suspicion = ''"
				   " THEN ? ELSE suspicion || '；' || ? END, incident_id = COALESCE(incident_id, ?) WHERE id = ?",
			 NULL);
}

int circulated_goods_link(struct ctx *c, json_t *goods, const char *kind, int64_t record_id, int64_t station,
			  int64_t incident, const char *found_by, json_t *hits)
{
	const char *rule = rule_get(!strcmp(kind, KIND_SCRAP) ? RULE_COM_SCRAP_REG : RULE_COM_PAWN)->code;
	struct rows_query q;
	json_t *g;
	size_t i;
	int rc = PS_OK;

	json_array_foreach(goods, i, g) {
		int64_t n = 0, hid = 0;
		json_t *h;

		rows_binds(&q, c);
		rows_bind_int(&q, row_int(g, "id"));
		rows_bind_text(&q, kind);
		rows_bind_int(&q, record_id);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM circulated_goods_hits WHERE goods_id = ? AND record_kind = ? AND record_id = ?",
			      0, &n);
		if (rc)
			return rc;
		if (!n) {
			rows_binds(&q, c);
			rows_bind_int(&q, row_int(g, "id"));
			rows_bind_text(&q, kind);
			rows_bind_int(&q, record_id);
			rows_bind_int(&q, station);
			if (incident)
				rows_bind_int(&q, incident);
			else
				rows_bind_text(&q, NULL);
			rows_bind_text(&q, found_by);
			rows_bind_int(&q, c->now);
			rc = rows_insert(&q,
					 "INSERT INTO circulated_goods_hits(goods_id, record_kind, record_id, station_id, incident_id,"
					 " found_by, created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
					 &hid);
			if (!rc)
				rc = audit_write(c, "circulated_goods.hit", "circulated_goods", ID(row_int(g, "id")), "success",
						 arena_printf(c->arena, "%s:%lld", kind, (long long)record_id));
			if (rc)
				return rc;
		}
		h = json_pack("{s:O, s:s, s:s, s:s, s:I, s:s}", "goods", g, "rule", rule, "message",
			      arena_printf(c->arena,
					   "%s与协查物品“%s”（%s）一致，已列为可疑物品并生成警情，请立即核查、依法扣留（%s）",
					   !strcmp(kind, KIND_SCRAP) ? "收购物品" : "当物", row_str(g, "name"),
					   row_str(g, "identifier"), rule),
			      "record_kind", kind, "record_id", (json_int_t)record_id, "found_by", found_by);
		if (h && incident)
			json_object_set_new(h, "incident_id", json_integer(incident));
		if (!h || json_array_append_new(hits, h))
			return NOMEM(c);
	}
	return rc;
}

static int goods_row(struct ctx *c, int64_t id, json_t **r)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, GOODS_COLS GOODS_FROM " WHERE g.id = ?", r);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "协查物品不存在");
	if (rc)
		return rc;
	dress_goods(c, *r);
	return PS_OK;
}

/* The lookback: the county's purchases and tickets of the last N days with
 * this identifier, each marked suspected with a 警情 of its own. */
static int lookback(struct ctx *c, json_t *good, int64_t owner, const char *norm, json_t *hits)
{
	struct rows_query q;
	const char *like = NULL, *since;
	json_t *recs, *r, *goods;
	size_t i;
	int rc;

	rc = county_like(c, owner, &like);
	if (rc)
		return rc;
	since = day_str(c, date_local_days(c->now) - setting_int(c, "trade.circulated_lookback_days", owner));
	rows_binds(&q, c);
	rows_bind_text(&q, norm);
	rows_bind_text(&q, since);
	rows_bind_text(&q, like);
	rows_bind_text(&q, norm);
	rows_bind_text(&q, since);
	rows_bind_text(&q, like);
	rc = rows_all(&q,
		      "SELECT 'scrap_purchase' AS kind, s.id, s.station_id, s.item, s.purchased_on AS on_day,"
		      " s.seller_name AS person, t.name AS unit_name FROM scrap_purchase s JOIN trade_unit t ON t.id = s.unit_id"
		      " JOIN org_unit o ON o.id = s.station_id WHERE s.identifier_norm = ? AND s.purchased_on >= ? AND o.path LIKE ?"
		      " UNION ALL SELECT 'pawn_ticket' AS kind, p.id, p.station_id, p.item, p.pawned_on AS on_day,"
		      " p.pledger_name AS person, t.name AS unit_name FROM pawn_ticket p JOIN trade_unit t ON t.id = p.unit_id"
		      " JOIN org_unit o ON o.id = p.station_id WHERE p.identifier_norm = ? AND p.pawned_on >= ? AND o.path LIKE ?"
		      " ORDER BY 1, 2",
		      &recs);
	if (rc)
		return rc;
	goods = json_pack("[O]", good);
	if (!goods) {
		json_decref(recs);
		return NOMEM(c);
	}
	json_array_foreach(recs, i, r) {
		const char *kind = arena_strdup(c->arena, row_str(r, "kind")), *why = circulated_goods_why(c, goods);
		int64_t incident = 0, station = row_int(r, "station_id");
		const char *summary = arena_printf(c->arena, "协查比中：%s，%s%s（%s），%s%s。%s", row_str(r, "unit_name"),
						   !strcmp(kind, KIND_SCRAP) ? "收购物品" : "当物", row_str(r, "item"),
						   row_str(r, "on_day"), !strcmp(kind, KIND_SCRAP) ? "出售人" : "出质人",
						   row_str(r, "person"), why);

		rc = trade_checks_incident(c, row_str(r, "unit_name"), station, summary, &incident);
		if (!rc)
			rc = circulated_goods_mark(c, kind, row_int(r, "id"), why, incident);
		if (!rc)
			rc = circulated_goods_link(c, goods, kind, row_int(r, "id"), station, incident, "lookback", hits);
		if (rc)
			break;
	}
	json_decref(goods);
	json_decref(recs);
	return rc;
}

static int check_ref(struct ctx *c, const char *sql, int64_t id, const char *field, const char *msg)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	if (!id)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, sql, 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, field, "%s", msg);
	return rc;
}

int circulated_goods_create(struct ctx *c, const struct circulated_goods_input *in, json_t **out)
{
	struct rows_query q;
	const char *on = in->circulated_on && *in->circulated_on ? in->circulated_on : ctx_today_str(c);
	const char *until = in->valid_until && *in->valid_until ? in->valid_until : NULL, *norm;
	int64_t id, owner = c->who.station_id, today = date_local_days(c->now);
	json_t *r = NULL, *hits;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_CIRCULATED_GOODS_CREATE);
	if (rc)
		return rc;
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写物品名称");
	if (!in->category || !enums_valid(ES_CIRCULATED_CATEGORY, in->category))
		return ps_fail_field(c->err, PS_EINVAL, "category", "物品类别不正确");
	if (!days_of(on) || days_of(on) > today)
		return ps_fail_field(c->err, PS_EINVAL, "circulated_on", "协查日期格式应为 YYYY-MM-DD 且不晚于今天");
	if (until && (!days_of(until) || days_of(until) < days_of(on)))
		return ps_fail_field(c->err, PS_EINVAL, "valid_until", "有效期格式应为 YYYY-MM-DD 且不早于协查日期");
	norm = circulated_goods_norm(c, in->identifier);
	if (in->identifier && *in->identifier && (!norm || strlen(norm) < 4))
		return ps_fail_field(c->err, PS_EINVAL, "identifier", "串号/车架号等识别号至少4位（空格和横线不计）");
	if (in->quantity < 0 || in->value_yuan < 0)
		return ps_fail_field(c->err, PS_EINVAL, in->quantity < 0 ? "quantity" : "value_yuan", "数量和价值不能为负");
	rc = check_ref(c, "SELECT COUNT(*) FROM police_case WHERE id = ?", in->case_id, "case_id", "关联的案件不存在");
	if (!rc)
		rc = check_ref(c, "SELECT COUNT(*) FROM incident WHERE id = ?", in->incident_id, "incident_id", "关联的警情不存在");
	if (rc)
		return rc;
	/* county staff circulate for the county: the bureau's row, county-wide */
	if (!owner)
		owner = chain_bureau_of(c, c->who.unit_path);
	if (!owner)
		owner = c->who.unit_id;
	rows_binds(&q, c);
	rows_bind_int(&q, owner);
	if (in->case_id)
		rows_bind_int(&q, in->case_id);
	else
		rows_bind_text(&q, NULL);
	if (in->incident_id)
		rows_bind_int(&q, in->incident_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->category);
	rows_bind_text(&q, in->brand_model);
	rows_bind_text(&q, norm ? in->identifier : NULL);
	rows_bind_text(&q, norm);
	rows_bind_text(&q, in->features);
	rows_bind_int(&q, in->quantity ? in->quantity : 1);
	if (in->value_yuan)
		rows_bind_int(&q, in->value_yuan);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, on);
	rows_bind_text(&q, until);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO circulated_goods(station_id, case_id, incident_id, name, category, brand_model, identifier,"
			 " identifier_norm, features, quantity, value_yuan, circulated_on, valid_until, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "circulated_goods.create", "circulated_goods", ID(id), "success", in->category);
	hits = json_array();
	if (!rc && !hits)
		rc = NOMEM(c);
	/* a good circulated to come: what was already brought in is found too */
	if (!rc && norm && (!until || days_of(until) >= today)) {
		json_t *goods = NULL, *g;

		rc = circulated_goods_match(c, owner, norm, &goods);
		/* the good itself, as the matching sees it */
		for (size_t i = 0; !rc && i < json_array_size(goods); i++) {
			g = json_array_get(goods, i);
			if (row_int(g, "id") == id)
				rc = lookback(c, g, owner, norm, hits);
		}
		json_decref(goods);
	}
	if (!rc)
		rc = goods_row(c, id, &r);
	if (!rc) {
		*out = json_pack("{s:o, s:o}", "circulated_goods", r, "hits", hits);
		return *out ? PS_OK : NOMEM(c);
	}
	json_decref(hits);
	return rc;
}

int circulated_goods_list(struct ctx *c, const struct circulated_goods_filter *f, json_t **out)
{
	struct rows_query q;
	const char *today = ctx_today_str(c), *norm = circulated_goods_norm(c, f->q);
	json_t *items, *r, *fig;
	int64_t active = 0, withdrawn = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_CIRCULATED_GOODS_LIST);
	if (rc)
		return rc;
	if (f->status && *f->status && strcmp(f->status, "active") && strcmp(f->status, "withdrawn"))
		return ps_fail_field(c->err, PS_EINVAL, "status", "状态应为 active 或 withdrawn");
	if (f->category && *f->category && !enums_valid(ES_CIRCULATED_CATEGORY, f->category))
		return ps_fail_field(c->err, PS_EINVAL, "category", "物品类别不正确");
	rows_query_init(&q, c, GOODS_FROM " WHERE " GOODS_SEEN, f->page, f->per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, c->who.scope_path);
	if (f->status && !strcmp(f->status, "active")) {
		rows_and(&q, GOODS_ACTIVE);
		rows_bind_text(&q, today);
	} else if (f->status && !strcmp(f->status, "withdrawn")) {
		rows_and(&q, "g.withdrawn_on IS NOT NULL");
	}
	rows_and_text(&q, "g.category = ?", f->category);
	if (f->q && *f->q) {
		rows_and(&q, "(g.name LIKE ?" ROWS_ESCAPE " OR g.features LIKE ?" ROWS_ESCAPE " OR g.brand_model LIKE ?" ROWS_ESCAPE
			     " OR g.identifier_norm = ?)");
		rows_bind_text(&q, rows_like(&q, f->q, ROWS_LIKE_CONTAINS));
		rows_bind_text(&q, rows_like(&q, f->q, ROWS_LIKE_CONTAINS));
		rows_bind_text(&q, rows_like(&q, f->q, ROWS_LIKE_CONTAINS));
		rows_bind_text_exact(&q, norm ? norm : "");
	}
	rc = rows_page(&q, GOODS_COLS, " ORDER BY g.circulated_on DESC, g.id DESC", out);
	if (rc)
		return rc;
	items = json_object_get(*out, "items");
	json_array_foreach(items, i, r)
		dress_goods(c, r);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, c->who.scope_path);
	rows_bind_text(&q, today);
	rc = rows_int(&q, "SELECT COUNT(*)" GOODS_FROM " WHERE " GOODS_SEEN " AND " GOODS_ACTIVE, 0, &active);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_text(&q, c->who.scope_path);
		rc = rows_int(&q, "SELECT COUNT(*)" GOODS_FROM " WHERE " GOODS_SEEN " AND g.withdrawn_on IS NOT NULL", 0,
			      &withdrawn);
	}
	fig = rc ? NULL : json_pack("{s:I, s:I}", "active", (json_int_t)active, "withdrawn", (json_int_t)withdrawn);
	if (!rc && (!fig || json_object_set_new(*out, "figures", fig)))
		rc = NOMEM(c);
	if (!rc)
		rc = audit_read_items(c, "circulated_goods.list", "circulated_goods", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int circulated_goods_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r = NULL, *hits = NULL;
	const char *path;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_CIRCULATED_GOODS_LIST);
	if (!rc)
		rc = goods_row(c, id, &r);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, GOODS_PATH_SQL, &hits);
	path = rc ? NULL : arena_strdup(c->arena, row_str(hits, "path"));
	json_decref(hits);
	hits = NULL;
	if (!rc && !ctx_unit_visible(c, path) && !org_is_within(c->who.scope_path, path))
		rc = ctx_deny(c, "circulated_goods.list", "circulated_goods", ID(id), "无权查看协查物品：不属于本单位");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q,
			      "SELECT h.id, h.record_kind, h.record_id, h.found_by, h.incident_id, i.incident_no, h.created_at,"
			      " o.name AS station_name, COALESCE(s.item, p.item) AS item, COALESCE(ts.name, tp.name) AS unit_name,"
			      " COALESCE(s.purchased_on, p.pawned_on) AS record_on, COALESCE(s.seller_name, p.pledger_name) AS person_name,"
			      " COALESCE(s.identifier, p.identifier) AS identifier FROM circulated_goods_hits h"
			      " JOIN org_unit o ON o.id = h.station_id LEFT JOIN incident i ON i.id = h.incident_id"
			      " LEFT JOIN scrap_purchase s ON h.record_kind = 'scrap_purchase' AND s.id = h.record_id"
			      " LEFT JOIN pawn_ticket p ON h.record_kind = 'pawn_ticket' AND p.id = h.record_id"
			      " LEFT JOIN trade_unit ts ON ts.id = s.unit_id LEFT JOIN trade_unit tp ON tp.id = p.unit_id"
			      " WHERE h.goods_id = ? AND o.path LIKE ? ORDER BY h.id",
			      &hits);
	}
	if (!rc && json_object_set_new(r, "hits", hits))
		rc = NOMEM(c);
	if (!rc)
		rc = audit_read(c, "circulated_goods", ID(id));
	if (!rc) {
		*out = json_pack("{s:o}", "circulated_goods", r);
		return *out ? PS_OK : NOMEM(c);
	}
	json_decref(r);
	return rc;
}

int circulated_goods_withdraw(struct ctx *c, int64_t id, const char *reason, const char *note, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_CIRCULATED_GOODS_CREATE, GOODS_PATH_SQL, id, "协查物品不存在");
	if (rc)
		return rc;
	if (!reason || !enums_valid(ES_CIRCULATED_WITHDRAW_REASON, reason))
		return ps_fail_field(c->err, PS_EINVAL, "reason", "撤销原因应为 recovered / false_report / other");
	if (!strcmp(reason, "other") && (!note || !*note))
		return ps_fail_field(c->err, PS_EINVAL, "note", "撤销原因为“其他”时请写明说明");
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_today_str(c));
	rows_bind_text(&q, reason);
	rows_bind_text(&q, note);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE circulated_goods SET withdrawn_on = ?, withdraw_reason = ?, withdraw_note = ?, withdrawn_by = ?"
		       " WHERE id = ? AND withdrawn_on IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_WITHDRAWN", NULL, "该协查物品已撤销");
	if (!rc)
		rc = audit_write(c, "circulated_goods.withdraw", "circulated_goods", ID(id), "success", reason);
	return rc ? rc : circulated_goods_get(c, id, out);
}
