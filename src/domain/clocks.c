#include "domain/clocks.h"
#include "domain/audit.h"
#include "domain/rows.h"
#include "domain/settings.h"
#include "rules/case_flow.h"
#include "rules/measures.h"
#include "rules/offence.h"
#include "rules/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int clocks_calendar(struct ctx *c, struct calendar *cal)
{
	struct rows_query q;
	json_t *rows, *r;
	struct holiday_day *days;
	size_t i;
	int rc;

	cal->days = NULL;
	cal->n = 0;
	rows_binds(&q, c);
	rc = rows_all(&q, "SELECT day, kind FROM holiday ORDER BY day", &rows);
	if (rc)
		return rc;
	days = arena_alloc(c->arena, sizeof(*days) * (json_array_size(rows) + 1));
	if (!days) {
		json_decref(rows);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	json_array_foreach(rows, i, r) {
		const char *d = json_string_value(json_object_get(r, "day"));
		int y, m, dd;

		if (!d || date_parse(d, strlen(d), &y, &m, &dd))
			continue;
		days[cal->n].days = date_days_from_civil(y, m, dd);
		days[cal->n].workday = strcmp(json_string_value(json_object_get(r, "kind")), "workday") == 0;
		cal->n++;
	}
	json_decref(rows);
	cal->days = days;
	return PS_OK;
}

void clocks_policy(struct ctx *c, struct warn_policy *p)
{
	clock_policy_default(p);
	p->warn_pct = (int)setting_int(c, "warn.warn_pct", 0);
	p->urgent_pct = (int)setting_int(c, "warn.urgent_pct", 0);
	p->warn_days_left = (int)setting_int(c, "warn.warn_days_left", 0);
	p->urgent_days_left = (int)setting_int(c, "warn.urgent_days_left", 0);
	if (p->urgent_pct <= p->warn_pct)
		p->urgent_pct = p->warn_pct + 1;
}

struct collector {
	struct ctx *c;
	struct calendar cal;
	struct warn_policy pol;
	enum warn_level min;
	json_t *items;
	int rc;
};

static const char *unit_code(enum clock_unit u)
{
	return u == CLOCK_HOURS ? "hours" : u == CLOCK_DAYS ? "days" : u == CLOCK_WORKDAYS ? "workdays" : "months";
}

/* Add one clock (the case row r gives case_id, case_no, unit_id, unit_name). */
static void add_warn(struct collector *k, json_t *r, const char *key, const char *rule,
		     const char *label, int64_t start, int64_t end, enum clock_unit unit,
		     int64_t measure_id, const char *person, const char *act, int64_t warn_at)
{
	enum warn_level lv = clock_level(&k->pol, start, end, unit, k->c->now);
	json_t *it;

	/* a rule row with its own WARN point (PROC-PROPERTY-24H: 20 h) */
	if (warn_at) {
		if (lv == LEVEL_WARN && k->c->now < warn_at)
			lv = LEVEL_OK;
		else if (lv == LEVEL_OK && k->c->now >= warn_at)
			lv = LEVEL_WARN;
	}

	if (k->rc || lv < k->min)
		return;
	it = json_pack("{s:s, s:s?, s:s, s:O, s:O, s:O, s:O, s:I, s:I, s:s, s:s, s:s, s:I, s:I, s:s?}",
		       "key", key, "rule", rule, "label", label, "case_id", json_object_get(r, "case_id"),
		       "case_no", json_object_get(r, "case_no"), "unit_id", json_object_get(r, "unit_id"),
		       "unit_name", json_object_get(r, "unit_name"), "start", (json_int_t)start,
		       "deadline", (json_int_t)end, "unit", unit_code(unit), "level", clock_level_code(lv),
		       "level_label", clock_level_label(lv),
		       "warn_at", (json_int_t)(warn_at ? warn_at : clock_warn_at(&k->pol, start, end, unit)),
		       "urgent_at", (json_int_t)clock_urgent_at(&k->pol, start, end, unit), "act", act);
	if (!it) {
		k->rc = ps_fail(k->c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		return;
	}
	if (measure_id)
		json_object_set_new(it, "measure_id", json_integer(measure_id));
	if (person)
		json_object_set_new(it, "person", json_string(person));
	json_object_set_new(it, "level_rank", json_integer(lv));
	json_array_append_new(k->items, it);
}

static void add(struct collector *k, json_t *r, const char *key, const char *rule,
		const char *label, int64_t start, int64_t end, enum clock_unit unit,
		int64_t measure_id, const char *person, const char *act)
{
	add_warn(k, r, key, rule, label, start, end, unit, measure_id, person, act, 0);
}

/* The scope as a WHERE fragment's binds: (path prefix, officer id). */
static void scope_binds(struct rows_query *q, struct ctx *c, enum clock_scope s)
{
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;

	rows_bind_text(q, s == SCOPE_ALL ? "/%" : arena_printf(c->arena, "%s%%", scope ? scope : "/"));
	rows_bind_int(q, s == SCOPE_MINE ? c->who.user_id : 0);
	rows_bind_int(q, s == SCOPE_MINE ? c->who.user_id : 0);
}

#define SCOPE_SQL                                                                          \
	" o.path LIKE ? AND (? = 0 OR EXISTS (SELECT 1 FROM case_officer x WHERE x.case_id = k.id" \
	" AND x.user_id = ? AND x.duty IN ('main','co')))"

static void measures(struct collector *k, enum clock_scope s)
{
	struct ctx *c = k->c;
	struct rows_query q;
	json_t *rows, *r;
	size_t i;

	rows_binds(&q, c);
	rows_bind_int(&q, setting_int(c, "warn.nochain_hours", 0) * 3600);
	scope_binds(&q, c, s);
	k->rc = rows_all(&q,
			 "SELECT m.id, m.kind, m.tier, m.days, m.started_at, m.kss_at, m.family_at,"
			 " m.question_at, m.family_exception, k.id AS case_id, k.case_no, k.unit_id,"
			 " (SELECT COUNT(*) FROM measure pm WHERE pm.case_id = m.case_id AND pm.party_id = m.party_id"
			 "  AND pm.kind = m.kind AND pm.id <> m.id AND pm.ended_at IS NOT NULL"
			 "  AND pm.ended_at > m.started_at - ?) AS chained,"
			 " o.name AS unit_name, p.name AS person"
			 " FROM measure m JOIN police_case k ON k.id = m.case_id JOIN org_unit o ON o.id = k.unit_id"
			 " JOIN case_party cp ON cp.id = m.party_id JOIN person p ON p.id = cp.person_id"
			 " WHERE m.status = 'active' AND" SCOPE_SQL " ORDER BY m.id",
			 &rows);
	if (k->rc)
		return;
	json_array_foreach(rows, i, r) {
		const struct measure_tier *t = measure_tier_find(row_str(r, "kind"), row_str(r, "tier"));
		int64_t id = row_int(r, "id"), start = row_int(r, "started_at"), end;

		if (!t)
			continue;
		end = measure_tier_deadline(&k->cal, t, start, (int)row_int(r, "days"));
		add(k, r, arena_printf(c->arena, "measure:%lld", (long long)id), measure_tier_rule(t),
		    arena_printf(c->arena, "%s", t->label), start, end, measure_tier_unit(t), id, row_str(r, "person"),
		    "期限届满前释放、变更措施或依法延长");
		/* ADM-SUMMON-NOCHAIN: summoned again soon after the last summons ended */
		if (!strcmp(t->kind, "summons") && row_int(r, "chained"))
			add_warn(k, r, arena_printf(c->arena, "measure:%lld:nochain", (long long)id),
				 rule_get(RULE_ADM_SUMMON_NOCHAIN)->code, "连续传唤（距上次传唤结束不足间隔时间，防止变相拘禁）", start,
				 end, measure_tier_unit(t), id, row_str(r, "person"), "核实连续传唤的必要性，不得以连续传唤变相拘禁",
				 start);
		for (const struct measure_milestone *ms = measure_milestones; ms->kind; ms++) {
			const char *field;

			if (strcmp(ms->kind, t->kind) != 0)
				continue;
			field = strcmp(ms->key, "kss") == 0 ? "kss_at"
				: strcmp(ms->key, "family") == 0 ? "family_at" : "question_at";
			if (json_is_integer(json_object_get(r, field)))
				continue;
			if (strcmp(ms->key, "family") == 0 && row_str(r, "family_exception"))
				continue;
			add(k, r, arena_printf(c->arena, "measure:%lld:%s", (long long)id, ms->key),
			    rule_get(ms->rule_id)->code, ms->label, start,
			    measure_milestone_deadline(&k->cal, ms, start), rule_clock_unit(ms->rule_id), id, row_str(r, "person"), "记录完成时间，或注明无法办理的原因");
		}
	}
	json_decref(rows);
}

static void cases(struct collector *k, enum clock_scope s)
{
	struct ctx *c = k->c;
	struct rows_query q;
	json_t *rows, *r;
	size_t i;

	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	scope_binds(&q, c, s);
	k->rc = rows_all(&q,
			 "SELECT k.id AS case_id, k.case_no, k.unit_id, o.name AS unit_name, k.kind, k.status,"
			 " k.complex, k.accepted_at, k.filed_at, k.decided_at, k.closed_at, k.procedure,"
			 " k.onspot_reported_at,"
			 " (SELECT COALESCE(SUM(days), 0) FROM case_extension e WHERE e.case_id = k.id) AS ext_days,"
			 " (SELECT COALESCE(SUM(COALESCE(ended_at, ?) - started_at), 0) FROM case_pause cp"
			 "  WHERE cp.case_id = k.id) AS paused"
			 " FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
			 " WHERE k.status NOT IN ('declined','transferred','withdrawn','archived') AND" SCOPE_SQL,
			 &rows);
	if (k->rc)
		return;
	json_array_foreach(rows, i, r) {
		const char *st = row_str(r, "status");
		int64_t id = row_int(r, "case_id"), acc = row_int(r, "accepted_at");
		int admin = strcmp(row_str(r, "kind"), "admin") == 0;

		int y, m, d;
		enum law_version law;

		date_civil_from_days(date_local_days(acc), &y, &m, &d);
		law = law_in_force(y, m, d);
		if (strcmp(st, CASE_CLOSED) == 0) {
			/* 每案一结: archived the day after closing */
			add(k, r, arena_printf(c->arena, "case:%lld:archive", (long long)id), rule_get(RULE_CASE_ARCHIVE)->code,
			    rule_get(RULE_CASE_ARCHIVE)->label, row_int(r, "closed_at"),
			    rule_deadline(NULL, RULE_CASE_ARCHIVE, 0, row_int(r, "closed_at")), CLOCK_DAYS, 0, NULL,
			    "内勤或档案管理员归档");
			continue;
		}
		if (strcmp(st, CASE_ACCEPTED) == 0) {
			int complex = row_int(r, "complex") != 0;

			/* PROC-ACCEPT-REVIEW: an administrative case accepted before
			 * 2026; from 2026 a 治安 matter is 立即立案 (ZA2025 Art 90)
			 * and has no review window */
			if (admin && law == LAW_ZA2025)
				/* ADM-ACCEPT-01: 立即立案 — the 立案 is to be recorded at once */
				add(k, r, arena_printf(c->arena, "case:%lld:review", (long long)id),
				    rule_get(RULE_ADM_ACCEPT_01)->code, "治安案件立即立案", acc,
				    rule_deadline(&k->cal, RULE_ADM_ACCEPT_01, 0, acc), CLOCK_HOURS, 0, NULL,
				    "立即录入立案决定，或告知报案人不属于违反治安管理行为");
			else if (admin) {
				enum rule_id rr = complex ? RULE_PROC_ACCEPT_REVIEW_3D : RULE_PROC_ACCEPT_REVIEW;

				add(k, r, arena_printf(c->arena, "case:%lld:review", (long long)id),
				    rule_get(rr)->code, rule_get(rr)->label, acc, rule_deadline(&k->cal, rr, 0, acc),
				    rule_clock_unit(rr), 0, NULL, "作出立案或不予立案决定");
			} else if (!admin)
				add(k, r, arena_printf(c->arena, "case:%lld:review", (long long)id),
				    rule_get(RULE_CRIM_FILE_REVIEW_3D)->code,
				    complex ? "刑事立案审查（重大疑难复杂）" : "刑事立案审查",
				    acc, rule_deadline(&k->cal, RULE_CRIM_FILE_REVIEW_3D, complex ? 2 : 0, acc),
				    CLOCK_DAYS, 0, NULL, "报县局负责人作出立案或不予立案决定");
		}
		if (admin && strcmp(st, CASE_DECIDED) != 0 && strcmp(st, CASE_DELIVERED) != 0) {
			/* ADM-CASE-30D: under ZA2025 from 立案, which for a 治安
			 * matter is the acceptance itself (立即立案, Art 90) — a later
			 * recorded 立案 never delays the clock; under ZA2012 from
			 * 受理. +30 per approved extension, 鉴定/听证 time not counted */
			enum rule_id lr = law == LAW_ZA2025 ? RULE_ADM_CASE_30D : RULE_ADM_CASE_30D_ZA2012;
			int64_t start = acc;

			add(k, r, arena_printf(c->arena, "case:%lld:limit", (long long)id), rule_get(lr)->code,
			    row_int(r, "ext_days") ? "治安案件办案期限（已延长）" : "治安案件办案期限（30日）", start,
			    clock_deadline(&k->cal, start, CLOCK_DAYS, rule_value(lr, 0) + (int)row_int(r, "ext_days"), 0) +
				    row_int(r, "paused"),
			    CLOCK_DAYS, 0, NULL, "期限内作出决定，或报县局批准延长");
		}
		/* PROC-SIMPLE: a 当场处罚 is filed with the bureau within 24 h */
		if (!strcmp(row_str(r, "procedure"), "onspot") && row_int(r, "decided_at") &&
		    !json_is_integer(json_object_get(r, "onspot_reported_at")))
			add(k, r, arena_printf(c->arena, "case:%lld:onspot_report", (long long)id),
			    rule_get(RULE_PROC_SIMPLE)->code, rule_get(RULE_PROC_SIMPLE)->label, row_int(r, "decided_at"),
			    rule_deadline(&k->cal, RULE_PROC_SIMPLE, 0, row_int(r, "decided_at")),
			    CLOCK_HOURS, 0, NULL, "将当场处罚决定书报所属公安机关备案");
		if (strcmp(st, CASE_DECIDED) == 0)
			add(k, r, arena_printf(c->arena, "case:%lld:deliver", (long long)id),
			    rule_get(RULE_ADM_DELIVER_2D)->code, rule_get(RULE_ADM_DELIVER_2D)->label,
			    row_int(r, "decided_at"),
			    rule_deadline(&k->cal, RULE_ADM_DELIVER_2D, 0, row_int(r, "decided_at")), CLOCK_DAYS, 0,
			    NULL, "当场宣告或2日内送达");
	}
	json_decref(rows);
	if (k->rc)
		return;
	/* PROC-PROPERTY-24H: seized property to the keeper within 24 h */
	rows_binds(&q, c);
	scope_binds(&q, c, s);
	k->rc = rows_all(&q,
			 "SELECT cp.id, cp.name, cp.seized_at, k.id AS case_id, k.case_no, k.unit_id,"
			 " o.name AS unit_name FROM case_property cp JOIN police_case k ON k.id = cp.case_id"
			 " JOIN org_unit o ON o.id = k.unit_id WHERE cp.status = 'seized' AND" SCOPE_SQL,
			 &rows);
	if (k->rc)
		return;
	json_array_foreach(rows, i, r)
		add_warn(k, r, arena_printf(c->arena, "property:%lld:keep", (long long)row_int(r, "id")),
			 rule_get(RULE_PROC_PROPERTY_24H)->code,
			 arena_printf(c->arena, "涉案财物移交保管：%s", row_str(r, "name")), row_int(r, "seized_at"),
			 rule_deadline(&k->cal, RULE_PROC_PROPERTY_24H, 0, row_int(r, "seized_at")), CLOCK_HOURS, 0,
			 NULL, "24小时内移交涉案财物管理人员",
			 rule_deadline(&k->cal, RULE_PROC_PROPERTY_24H, 1, row_int(r, "seized_at")));
	json_decref(rows);
	if (k->rc)
		return;
	/* 有警无案: a violation or crime reported and no case after the window
	 * (PROC-ACCEPT-REG: every report is accepted and registered, XZCX Art 60) */
	rows_binds(&q, c);
	rows_bind_text(&q, s == SCOPE_ALL ? "/%" : arena_printf(c->arena, "%s%%",
			c->who.scope_path ? c->who.scope_path : c->who.unit_path));
	rows_bind_int(&q, s == SCOPE_MINE ? c->who.user_id : 0);
	rows_bind_int(&q, s == SCOPE_MINE ? c->who.user_id : 0);
	k->rc = rows_all(&q,
			 "SELECT i.id, i.incident_no, i.received_at, i.station_id AS unit_id, o.name AS unit_name,"
			 " NULL AS case_id, i.incident_no AS case_no FROM incident i"
			 " JOIN incident_category ic ON ic.code = i.category JOIN org_unit o ON o.id = i.station_id"
			 " WHERE ic.violation = 1 AND i.case_id IS NULL AND i.duplicate_of IS NULL"
			 " AND (i.outcome IS NULL OR i.outcome IN ('admin_case','criminal_case','other'))"
			 " AND o.path LIKE ? AND (? = 0 OR EXISTS (SELECT 1 FROM incident_officer io"
			 " WHERE io.incident_id = i.id AND io.user_id = ?))",
			 &rows);
	if (k->rc)
		return;
	{
		int64_t window = setting_int(c, "incident.unfiled_hours", 0) * 3600;

		json_array_foreach(rows, i, r)
			add(k, r, arena_printf(c->arena, "incident:%lld:unfiled", (long long)row_int(r, "id")),
			    "PROC-ACCEPT-REG", arena_printf(c->arena, "有警无案：%s", row_str(r, "incident_no")),
			    row_int(r, "received_at"), row_int(r, "received_at") + window, CLOCK_HOURS, 0, NULL,
			    "依法受案立案，或反馈不属于违法犯罪的处警结果");
	}
	json_decref(rows);
}

static int by_urgency(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int64_t lx = row_int(x, "level_rank"), ly = row_int(y, "level_rank");

	if (lx != ly)
		return lx > ly ? -1 : 1;
	return row_int(x, "deadline") < row_int(y, "deadline") ? -1 : row_int(x, "deadline") > row_int(y, "deadline");
}

int clocks_collect(struct ctx *c, enum clock_scope scope, enum warn_level min_level,
		   json_t **out)
{
	struct collector k;
	json_t **v, *sorted;
	size_t n, i;

	*out = NULL;
	memset(&k, 0, sizeof(k));
	k.c = c;
	k.min = min_level;
	clocks_policy(c, &k.pol);
	k.rc = clocks_calendar(c, &k.cal);
	if (k.rc)
		return k.rc;
	k.items = json_array();
	if (!k.items)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	measures(&k, scope);
	if (!k.rc)
		cases(&k, scope);
	if (k.rc) {
		json_decref(k.items);
		return k.rc;
	}
	n = json_array_size(k.items);
	v = arena_alloc(c->arena, sizeof(*v) * (n + 1));
	sorted = json_array();
	if (!v || !sorted) {
		json_decref(k.items);
		json_decref(sorted);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	for (i = 0; i < n; i++)
		v[i] = json_array_get(k.items, i);
	qsort(v, n, sizeof(*v), by_urgency);
	for (i = 0; i < n; i++)
		json_array_append(sorted, v[i]);
	json_decref(k.items);
	*out = sorted;
	return PS_OK;
}

int clocks_sweep_due(struct ctx *c, json_t **due)
{
	json_t *items, *fresh;
	size_t i;
	int rc;

	*due = NULL;
	rc = clocks_collect(c, SCOPE_ALL, LEVEL_BREACH, &items);
	if (rc)
		return rc;
	fresh = json_array();
	if (!fresh) {
		json_decref(items);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	for (i = 0; i < json_array_size(items) && !rc; i++) {
		json_t *it = json_array_get(items, i);
		struct rows_query q;
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_text(&q, row_str(it, "key"));
		rc = rows_int(&q, "SELECT COUNT(*) FROM breach WHERE clock_key = ?", 0, &n);
		if (!rc && !n && json_array_append(fresh, it))
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	json_decref(items);
	if (rc) {
		json_decref(fresh);
		return rc;
	}
	*due = fresh;
	return PS_OK;
}

int clocks_sweep_record(struct ctx *c, json_t *due, int *recorded)
{
	json_t *it;
	size_t i;
	int rc = PS_OK;

	*recorded = 0;
	json_array_foreach(due, i, it) {
		struct rows_query q;
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_text(&q, row_str(it, "key"));
		rows_bind_int(&q, row_int(it, "unit_id"));
		if (row_int(it, "case_id"))
			rows_bind_int(&q, row_int(it, "case_id"));
		else
			rows_bind_text(&q, NULL);
		if (json_object_get(it, "measure_id"))
			rows_bind_int(&q, row_int(it, "measure_id"));
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, row_str(it, "rule") ? row_str(it, "rule") : "CASE-ARCHIVE");
		rows_bind_text(&q, row_str(it, "label"));
		rows_bind_int(&q, row_int(it, "deadline"));
		rows_bind_int(&q, c->now);
		/* a breach recorded since it was found (GET /breaches) stays */
		rc = rows_exec(&q,
			       "INSERT INTO breach(clock_key, unit_id, case_id, measure_id, rule, label, deadline,"
			       " recorded_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (clock_key) DO NOTHING",
			       &n);
		if (!rc && n) {
			(*recorded)++;
			rc = audit_write(c, "breach.record", "case", row_str(it, "case_no"), "success",
					 row_str(it, "key"));
		}
		if (rc)
			break;
	}
	return rc;
}

int clocks_sweep(struct ctx *c, int *recorded)
{
	json_t *due;
	int rc = clocks_sweep_due(c, &due);

	*recorded = 0;
	if (rc)
		return rc;
	rc = clocks_sweep_record(c, due, recorded);
	json_decref(due);
	return rc;
}

int clocks_party_blocked(struct ctx *c, int64_t case_id, int64_t party_id, const char **rule,
			 const char **label)
{
	struct rows_query q;
	struct calendar cal;
	json_t *rows, *r;
	size_t i;
	int rc, blocked = 0;

	*rule = NULL;
	*label = NULL;
	/* a recorded breach not answered yet */
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, party_id);
	rc = rows_all(&q,
		      "SELECT b.rule, b.label FROM breach b JOIN measure m ON m.id = b.measure_id"
		      " WHERE b.case_id = ? AND m.party_id = ? AND b.answered_at IS NULL",
		      &rows);
	if (rc)
		return -rc;
	if (json_array_size(rows)) {
		r = json_array_get(rows, 0);
		*rule = arena_strdup(c->arena, row_str(r, "rule"));
		*label = arena_strdup(c->arena, row_str(r, "label"));
		blocked = 1;
	}
	json_decref(rows);
	if (blocked)
		return 1;
	/* or a liberty-restricting measure still running past its end */
	rc = clocks_calendar(c, &cal);
	if (rc)
		return -rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, party_id);
	rc = rows_all(&q,
		      "SELECT kind, tier, days, started_at FROM measure WHERE case_id = ? AND party_id = ?"
		      " AND status = 'active'",
		      &rows);
	if (rc)
		return -rc;
	json_array_foreach(rows, i, r) {
		const struct measure_tier *t = measure_tier_find(row_str(r, "kind"), row_str(r, "tier"));

		if (t && measure_tier_liberty(t) && measure_tier_unit(t) == CLOCK_HOURS &&
		    c->now >= measure_tier_deadline(&cal, t, row_int(r, "started_at"), 0)) {
			*rule = measure_tier_rule(t);
			*label = t->label;
			blocked = 1;
			break;
		}
	}
	json_decref(rows);
	return blocked;
}

int clocks_case_limit(struct ctx *c, int64_t case_id, int64_t *deadline)
{
	json_t *items, *it;
	size_t i;
	int rc;
	const char *key = arena_printf(c->arena, "case:%lld:limit", (long long)case_id);

	*deadline = 0;
	rc = clocks_collect(c, SCOPE_UNIT, LEVEL_OK, &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it)
		if (!strcmp(row_str(it, "key"), key))
			*deadline = row_int(it, "deadline");
	json_decref(items);
	return PS_OK;
}
