/* pawn_tickets.c — 典当登记: COM-PAWN (the pledger's ID and the goods'
 * origin checked, banned goods refused, reports and wanted-list hits sent
 * to the station as a 警情 at once). */
#include "domain/trades/pawn_tickets.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/trades/circulated_goods.h"
#include "domain/trades/trade_checks.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))

#define PAWN_COLS                                                                                         \
	"SELECT p.id, p.unit_id, t.name AS pawnshop, p.station_id, p.ticket_no, p.pawned_on, p.item_class,"  \
	" p.item, p.origin, p.amount_yuan, p.pledger_name, p.pledger_id_number, p.suspicious, p.suspicion,"  \
	" p.wanted_id, p.incident_id, u.name AS recorded_by_name, p.created_at, p.identifier,"                \
	" (SELECT COUNT(*) FROM circulated_goods_hits ch WHERE ch.record_kind = 'pawn_ticket'"                 \
	" AND ch.record_id = p.id) AS circulated_hits"
#define PAWN_FROM                                                                                      \
	" FROM pawn_ticket p JOIN trade_unit t ON t.id = p.unit_id JOIN org_unit o ON o.id = p.station_id" \
	" JOIN users u ON u.id = p.recorded_by"

static void dress(json_t *r)
{
	char m[19];

	idcard_mask(row_str(r, "pledger_id_number"), m);
	json_object_set_new(r, "pledger_id_number", json_string(m));
	json_object_set_new(r, "suspicious", json_boolean(row_int(r, "suspicious")));
	json_object_set_new(r, "item_class_label", json_string(enums_label(ES_PAWN_ITEM_CLASS, row_str(r, "item_class"))));
	json_object_set_new(r, "wanted_hit", json_boolean(row_int(r, "wanted_id") != 0));
	json_object_set_new(r, "circulated_hit", json_boolean(row_int(r, "circulated_hits") != 0));
	json_object_del(r, "wanted_id");
}

static int ticket_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, PAWN_COLS PAWN_FROM " WHERE p.id = ?", &r);
	if (rc)
		return rc;
	dress(r);
	*out = json_pack("{s:o}", "pawn_ticket", r);
	return *out ? PS_OK : NOMEM(c);
}

/* a report, a wanted-list hit or a 协查物品 hit (goods, maybe empty): the
 * one 警情 the station works on at once; the hits linked into hits */
static int report(struct ctx *c, int64_t id, const char *pawnshop, int64_t station, const char *number,
		  const struct pawn_ticket_input *in, json_t *goods, json_t *hits)
{
	struct rows_query q;
	json_t *w = NULL;
	int64_t wanted = 0, incident = 0;
	const char *summary, *why = in->suspicious ? in->suspicion : NULL;
	int rc = trade_checks_wanted(c, number, &w);

	if (rc)
		return rc;
	/* COM-PAWN (典当管理办法 Art 27, 51 [S]; ZA2025 Art 71): goods the police circulated */
	if (json_array_size(goods)) {
		const char *hit = circulated_goods_why(c, goods);

		why = why ? arena_printf(c->arena, "%s；%s", why, hit) : hit;
	}
	if (w) {
		wanted = row_int(w, "id");
		why = arena_printf(c->arena, "出质人比中在逃人员：%s（%s）%s%s", row_str(w, "name"),
				   row_str(w, "case_desc"), why ? "；" : "", why ? why : "");
		json_decref(w);
	}
	if (!why)
		return PS_OK;
	summary = arena_printf(c->arena, "典当行报告：%s，当票%s，当物%s，出质人%s。%s", pawnshop, in->ticket_no, in->item,
			       in->pledger_name, why);
	rc = trade_checks_incident(c, pawnshop, station, summary, &incident);
	if (rc)
		return rc;
	rows_binds(&q, c);
	if (wanted)
		rows_bind_int(&q, wanted);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, incident);
	rows_bind_text(&q, why);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE pawn_ticket SET wanted_id = ?, incident_id = ?, suspicious = 1, suspicion = ? WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, wanted ? "pawn_ticket.wanted_hit" : "pawn_ticket.report", "pawn_ticket", ID(id),
				 "success", ID(incident));
	if (!rc && json_array_size(goods))
		rc = circulated_goods_link(c, goods, "pawn_ticket", id, station, incident, "record", hits);
	return rc;
}

int pawn_tickets_create(struct ctx *c, const struct pawn_ticket_input *in, json_t **out)
{
	struct rows_query q;
	struct idcard idc;
	enum idcard_result ir;
	const char *pawnshop = NULL, *on = in->pawned_on ? in->pawned_on : ctx_today_str(c), *cls = in->item_class;
	const char *norm = circulated_goods_norm(c, in->identifier);
	json_t *goods = NULL, *hits = NULL;
	int64_t id, station = 0, day;
	int y, m, d, rc;

	*out = NULL;
	rc = trade_checks_unit(c, ACT_PAWN_TICKET_CREATE, in->unit_id, "pawn", "只能登记在营典当行的当票", &station,
			       &pawnshop);
	if (rc)
		return rc;
	day = date_parse(on, strlen(on), &y, &m, &d) ? 0 : date_days_from_civil(y, m, d);
	if (!day || day > date_local_days(c->now) || day < date_local_days(c->now) - 90)
		return ps_fail_field(c->err, PS_EINVAL, "pawned_on", "典当日期应在90天以内且不晚于今天");
	if (!cls || !enums_valid(ES_PAWN_ITEM_CLASS, cls))
		return ps_fail_field(c->err, PS_EINVAL, "item_class", "当物类别不正确");
	if (in->amount_yuan <= 0)
		return ps_fail_field(c->err, PS_EINVAL, "amount_yuan", "请填写当金");
	/* COM-PAWN: the pledger's ID document and the goods' origin checked */
	ir = idcard_parse(in->pledger_id_number ? in->pledger_id_number : "",
			  in->pledger_id_number ? strlen(in->pledger_id_number) : 0, ctx_today_ymd(c), &idc);
	if (ir != IDCARD_OK)
		return trade_checks_refuse(c, "COM-PAWN", "pledger_id_number",
					   arena_printf(c->arena, "须查验并登记出质人的有效身份证件：%s", idcard_result_message(ir)));
	if (!in->origin || !*in->origin)
		return trade_checks_refuse(c, "COM-PAWN", "origin", "须查验并登记当物来源，来源不明的不得收当（典当管理办法第27条）");
	/* goods a pawnshop may not take: only a report to the police */
	if (!strncmp(cls, "banned_", 7) && !in->suspicious)
		return trade_checks_refuse(c, "COM-PAWN", "item_class",
					   "该类物品不得收当（典当管理办法第27条）；发现有人典当应立即报告公安机关，按可疑情况登记");
	if (in->suspicious && (!in->suspicion || !*in->suspicion))
		return ps_fail_field(c->err, PS_EINVAL, "suspicion", "请写明可疑情况");
	rows_binds(&q, c);
	rows_bind_int(&q, in->unit_id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, in->ticket_no);
	rows_bind_text(&q, on);
	rows_bind_text(&q, cls);
	rows_bind_text(&q, in->item);
	rows_bind_text(&q, in->origin);
	rows_bind_int(&q, in->amount_yuan);
	rows_bind_text(&q, in->pledger_name);
	rows_bind_text(&q, idc.number);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, norm ? in->identifier : NULL);
	rows_bind_text(&q, norm);
	rc = rows_insert(&q,
			 "INSERT INTO pawn_ticket(unit_id, station_id, ticket_no, pawned_on, item_class, item, origin,"
			 " amount_yuan, pledger_name, pledger_id_number, recorded_by, created_at, identifier, identifier_norm)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "pawn_ticket.create", "pawn_ticket", ID(id), "success", cls);
	hits = json_array();
	if (!rc && !hits)
		rc = NOMEM(c);
	if (!rc)
		rc = circulated_goods_match(c, station, norm, &goods);
	if (!rc)
		rc = report(c, id, pawnshop, station, idc.number, in, goods, hits);
	json_decref(goods);
	if (!rc)
		rc = ticket_get(c, id, out);
	if (!rc && json_object_set(*out, "hits", hits)) {
		json_decref(*out);
		*out = NULL;
		rc = NOMEM(c);
	}
	json_decref(hits);
	return rc;
}

int pawn_tickets_list(struct ctx *c, const struct pawn_ticket_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *items, *r, *fig;
	int64_t reported = 0, hits = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TRADE_REGISTER_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, PAWN_FROM " WHERE o.path LIKE ?", f->page, f->per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_and_int(&q, "p.unit_id = ?", f->unit_id);
	if (f->reported_only)
		rows_and(&q, "p.suspicious = 1");
	rc = rows_page(&q, PAWN_COLS, " ORDER BY p.pawned_on DESC, p.id DESC", out);
	if (rc)
		return rc;
	items = json_object_get(*out, "items");
	json_array_foreach(items, i, r)
		dress(r);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM pawn_ticket p JOIN org_unit o ON o.id = p.station_id WHERE o.path LIKE ?"
		      " AND p.suspicious = 1",
		      0, &reported);
	if (!rc)
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM pawn_ticket p JOIN org_unit o ON o.id = p.station_id WHERE o.path LIKE ?"
			      " AND p.wanted_id IS NOT NULL",
			      0, &hits);
	fig = rc ? NULL : json_pack("{s:I, s:I}", "reported", (json_int_t)reported, "hits", (json_int_t)hits);
	if (!rc && (!fig || json_object_set_new(*out, "figures", fig)))
		rc = NOMEM(c);
	if (!rc)
		rc = audit_read_items(c, "pawn_ticket.list", "pawn_ticket", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
