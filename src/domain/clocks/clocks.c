#include "domain/clocks/clocks.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/clocks/breach_officers.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
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

struct clock_sink {
	struct ctx *c;
	struct calendar cal;
	struct warn_policy pol;
	enum warn_level min;
	int64_t soon; /* a WARN clock with less than this left is listed below min (0: never) */
	int64_t case_id; /* only this case's clocks (0: every case's) */
	size_t keep;     /* only the most urgent keep (0: all) */
	json_t *cut;     /* with keep: the last of a full cut (borrowed from items) */
	int count_only;  /* counted, not listed */
	int64_t counts[LEVEL_BREACH + 1]; /* the clocks listed or counted, by level */
	int unrecorded; /* the sweep: a clock whose breach is on record is not listed */
	/* the sweep in batches: every `batch` items found go to flush, sorted */
	size_t batch;
	int (*flush)(struct ctx *c, json_t *due, void *arg);
	void *flush_arg;
	json_t *items;
	int rc;
};

static const char *unit_code(enum clock_unit u)
{
	return u == CLOCK_HOURS ? "hours" : u == CLOCK_DAYS ? "days" : u == CLOCK_WORKDAYS ? "workdays" : "months";
}

/* By time left (the earliest deadline first: overdue ones on top), then the
 * higher level (issue 17: a WARN clock with 1 h left comes before an URGENT
 * one with 3 days left). */
static int urgency_cmp(int64_t dx, int64_t lx, const char *kx, int64_t dy, int64_t ly, const char *ky)
{
	if (dx != dy)
		return dx < dy ? -1 : 1;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	/* the same instant and level (dispatches of one second): by key, so
	 * every store answers the same order */
	return strcmp(kx, ky);
}

static int by_urgency(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;

	return urgency_cmp(row_int(x, "deadline"), row_int(x, "level_rank"), row_str(x, "key"),
			   row_int(y, "deadline"), row_int(y, "level_rank"), row_str(y, "key"));
}

/* items sorted by urgency into a new array in *out. */
static int sort_items(struct ctx *c, json_t *items, json_t **out)
{
	size_t n = json_array_size(items), i;
	json_t **v = arena_alloc(c->arena, sizeof(*v) * (n + 1)), *sorted = json_array();

	*out = NULL;
	if (!v || !sorted) {
		json_decref(sorted);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	for (i = 0; i < n; i++)
		v[i] = json_array_get(items, i);
	qsort(v, n, sizeof(*v), by_urgency);
	for (i = 0; i < n; i++)
		if (json_array_append(sorted, v[i])) {
			json_decref(sorted);
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		}
	*out = sorted;
	return PS_OK;
}

/* The sink's items cut to its keep most urgent (a board's first rows hold
 * 2 × keep at most, whatever the county's backlog). */
static int keep_most_urgent(struct clock_sink *k)
{
	json_t *sorted;
	int rc = sort_items(k->c, k->items, &sorted);

	if (rc)
		return rc;
	while (json_array_size(sorted) > k->keep)
		json_array_remove(sorted, json_array_size(sorted) - 1);
	json_decref(k->items);
	k->items = sorted;
	/* the least urgent kept: a clock after it is counted, not built */
	k->cut = json_array_size(sorted) == k->keep ? json_array_get(sorted, k->keep - 1) : NULL;
	return PS_OK;
}

/* The sweep's items so far, sorted, to its flush; the sink starts empty. */
static int flush_items(struct clock_sink *k)
{
	json_t *sorted;
	int rc = sort_items(k->c, k->items, &sorted);

	if (!rc)
		rc = k->flush(k->c, sorted, k->flush_arg);
	json_decref(sorted);
	json_array_clear(k->items);
	return rc;
}

/* Add one clock (the case row r gives case_id, case_no, unit_id, unit_name). */
void clocks_add_warn(struct clock_sink *k, json_t *r, const char *key, const char *rule,
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

	if (k->rc)
		return;
	/* a clock about to run out is shown even at WARN (issue 17): the board
	 * of a station, which starts at URGENT, lists it by its time left */
	if (lv < k->min && !(k->soon && lv >= LEVEL_WARN && end - k->c->now < k->soon))
		return;
	if (k->case_id && json_integer_value(json_object_get(r, "case_id")) != k->case_id)
		return;
	if (k->unrecorded) {
		struct rows_query q;
		int64_t n = 0;

		rows_binds(&q, k->c);
		rows_bind_text(&q, key);
		k->rc = rows_int(&q, "SELECT COUNT(*) FROM breach WHERE clock_key = ?", 0, &n);
		if (k->rc || n)
			return;
	}
	k->counts[lv]++;
	if (k->count_only)
		return;
	if (k->cut && urgency_cmp(end, lv, key, row_int(k->cut, "deadline"), row_int(k->cut, "level_rank"),
				  row_str(k->cut, "key")) > 0)
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
	if (k->flush && json_array_size(k->items) >= k->batch)
		k->rc = flush_items(k);
	else if (k->keep && json_array_size(k->items) >= 2 * k->keep)
		k->rc = keep_most_urgent(k);
}

void clocks_add(struct clock_sink *k, json_t *r, const char *key, const char *rule,
		const char *label, int64_t start, int64_t end, enum clock_unit unit,
		int64_t measure_id, const char *person, const char *act)
{
	clocks_add_warn(k, r, key, rule, label, start, end, unit, measure_id, person, act, 0);
}

struct ctx *clocks_sink_ctx(struct clock_sink *k)
{
	return k->c;
}

const struct calendar *clocks_sink_calendar(struct clock_sink *k)
{
	return &k->cal;
}

int clocks_sink_rc(struct clock_sink *k)
{
	return k->rc;
}

static void scan_binds(struct rows_query *q, struct ctx *c, enum clock_scope s, const struct clock_scan *d)
{
	int ni = 0, nt = 0;

	for (const char *b = d->binds ? d->binds : ""; *b; b++)
		switch (*b) {
		case 'l':
			rows_bind_text(q, s == SCOPE_ALL ? "/%" : ctx_scope_like(c));
			break;
		case 'm':
			rows_bind_int(q, s == SCOPE_MINE ? c->who.user_id : 0);
			break;
		case 's':
			rows_bind_int(q, s == SCOPE_ALL ? 0 : c->who.station_id);
			break;
		case 'd':
			rows_bind_text(q, ctx_today_str(c));
			break;
		case 'n':
			rows_bind_int(q, c->now);
			break;
		case 'i':
			rows_bind_int(q, d->ints[ni++]);
			break;
		case 't':
			rows_bind_text(q, d->texts[nt++]);
			break;
		}
}

struct scan_row {
	struct clock_sink *k;
	const struct clock_scan *d;
};

/* One row of a source's scan: its unit and title under the common names,
 * then its clocks. */
static int scan_row(json_t *r, void *arg)
{
	const struct scan_row *sr = arg;
	const struct clock_scan *d = sr->d;
	/* read every column before any is overwritten */
	json_t *unit = d->unit_col ? json_integer(row_int(r, d->unit_col)) : NULL;
	json_t *name = d->unit_name_col ? json_string(row_str(r, d->unit_name_col)) : NULL;
	json_t *title = d->title_col ? json_string(row_str(r, d->title_col)) : NULL;
	int rc;

	if (d->unit_col)
		json_object_set_new(r, "unit_id", unit);
	if (d->unit_name_col)
		json_object_set_new(r, "unit_name", name);
	if (d->title_col) {
		json_object_set_new(r, "case_no", title);
		json_object_set_new(r, "case_id", json_null());
	}
	/* a failure of the sink (the sweep's write of a batch) ends the scan */
	rc = d->each(sr->k, r, d->arg);
	return rc ? rc : sr->k->rc;
}

int clocks_scan(struct clock_sink *k, enum clock_scope s, const struct clock_scan *d)
{
	struct ctx *c = k->c;
	struct scan_row sr = { k, d };
	int rc;

	if (d->station_work && s == SCOPE_MINE)
		return k->rc;
	if (d->rows) {
		json_t *rows = NULL, *r;
		size_t i;

		rc = d->rows(c, s == SCOPE_ALL ? "/%" : ctx_scope_like(c), s == SCOPE_MINE ? c->who.user_id : 0, &rows);
		json_array_foreach(rows, i, r) {
			if (rc)
				break;
			rc = scan_row(r, &sr);
		}
		json_decref(rows);
	} else {
		/* row by row: the sweep's scan of a county holds one row, not
		 * every running clock's (issue 14) */
		struct rows_query q;

		rows_binds(&q, c);
		scan_binds(&q, c, s, d);
		rc = rows_each(&q, d->sql, scan_row, &sr);
	}
	return rc ? rc : k->rc;
}

/* Every source's clocks at min_level and above into k (set up by the
 * caller: its scope's filters, and flush for the sweep). */
static int collect(struct clock_sink *k, struct ctx *c, enum clock_scope scope, enum warn_level min_level)
{
	k->c = c;
	k->min = min_level;
	k->soon = min_level == LEVEL_URGENT ? CLOCKS_SOON_SECONDS : 0;
	clocks_policy(c, &k->pol);
	k->rc = clocks_calendar(c, &k->cal);
	if (k->rc)
		return k->rc;
	k->items = json_array();
	if (!k->items)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* every module's running clocks (domain/clock_sources.c) */
	for (const struct clock_source *src = clock_sources; src->name && !k->rc; src++) {
		int rc;

		/* a user's board and counts hold only what the user may read;
		 * the sweep (flush) records every breach */
		if (!k->flush && !authz_allowed(c, (enum authz_act)src->read_action))
			continue;
		rc = src->collect(k, scope);

		if (rc && !k->rc)
			k->rc = rc;
	}
	if (!k->rc && k->flush && json_array_size(k->items))
		k->rc = flush_items(k);
	if (k->rc) {
		json_decref(k->items);
		k->items = NULL;
	}
	return k->rc;
}

int clocks_ask(struct ctx *c, struct clock_ask *a, json_t **out)
{
	struct clock_sink k;
	int rc;

	if (out)
		*out = NULL;
	memset(&k, 0, sizeof(k));
	k.case_id = a->case_id;
	k.keep = a->keep ? a->skip + a->keep : 0;
	k.count_only = !out;
	rc = collect(&k, c, a->scope, a->min);
	if (!rc && out && k.keep) {
		json_t *page;

		rc = keep_most_urgent(&k); /* sorted */
		/* the page: what is kept after the skip */
		page = rc ? NULL : json_array();
		for (size_t i = a->skip; page && i < json_array_size(k.items); i++)
			if (json_array_append(page, json_array_get(k.items, i))) {
				json_decref(page);
				page = NULL;
			}
		if (!rc && !page)
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		*out = page;
	} else if (!rc && out) {
		rc = sort_items(c, k.items, out);
	}
	json_decref(k.items);
	memcpy(a->counts, k.counts, sizeof(a->counts));
	a->total = k.counts[LEVEL_OK] + k.counts[LEVEL_WARN] + k.counts[LEVEL_URGENT] + k.counts[LEVEL_BREACH];
	return rc;
}

int clocks_collect(struct ctx *c, enum clock_scope scope, enum warn_level min_level,
		   json_t **out)
{
	struct clock_ask a = { .scope = scope, .min = min_level };

	return clocks_ask(c, &a, out);
}

/* The sweep's sink: a clock whose breach is on record is left out as it
 * is found, so the scan holds only what is to be recorded. */
static int sweep_due(struct ctx *c, enum clock_scope scope, size_t batch,
		     int (*record)(struct ctx *c, json_t *due, void *arg), void *arg, json_t **due)
{
	struct clock_sink k;
	int rc;

	memset(&k, 0, sizeof(k));
	k.unrecorded = 1;
	k.batch = batch;
	k.flush = record;
	k.flush_arg = arg;
	rc = collect(&k, c, scope, LEVEL_BREACH);
	if (!rc && due)
		rc = sort_items(c, k.items, due);
	json_decref(k.items);
	return rc;
}

int clocks_sweep_due(struct ctx *c, json_t **due)
{
	*due = NULL;
	return sweep_due(c, SCOPE_ALL, 0, NULL, NULL, due);
}

int clocks_sweep_batches(struct ctx *c, size_t batch, int (*record)(struct ctx *c, json_t *due, void *arg),
			 void *arg)
{
	return sweep_due(c, SCOPE_ALL, batch ? batch : 1, record, arg, NULL);
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

		/* 补录: a deadline that passed before the case was entered fell in
		 * the paper period; the system did not supervise it then, and the
		 * real times entered afterwards judge it (the board shows its level
		 * from them) — no supervision record is dated from the entry */
		if (row_int(it, "case_id")) {
			rows_binds(&q, c);
			rows_bind_int(&q, row_int(it, "case_id"));
			rows_bind_int(&q, row_int(it, "deadline"));
			rc = rows_int(&q,
				      "SELECT COUNT(*) FROM police_case WHERE id = ? AND late_entry = 1"
				      " AND created_at > ?",
				      0, &n);
			if (rc)
				break;
			if (n)
				continue;
		}
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
			rc = breach_officers_record(c, row_str(it, "key"));
			if (!rc)
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
	json_t *due = NULL;
	/* the reader's scope: a station's list or measure does not scan the
	 * county (the background sweep records the rest within ~30 s) */
	int rc = sweep_due(c, SCOPE_UNIT, 0, NULL, NULL, &due);

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
