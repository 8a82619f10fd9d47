/* clocks.c — /warnings, /breaches, /measures, /custody, case limits,
 * /holidays, and the background sweep. */
#include "api/api.h"
#include "api/committer.h"
#include "api/handlers.h"
#include "domain/clocks.h"
#include "domain/custody.h"
#include "domain/holidays.h"
#include "domain/measures.h"
#include "core/json.h"
#include "core/log.h"

#include <string.h>

static enum warn_level level_of(const char *s, enum warn_level def)
{
	if (!s || !*s)
		return def;
	if (!strcmp(s, "OK") || !strcmp(s, "all"))
		return LEVEL_OK;
	if (!strcmp(s, "WARN"))
		return LEVEL_WARN;
	if (!strcmp(s, "URGENT"))
		return LEVEL_URGENT;
	if (!strcmp(s, "BREACH"))
		return LEVEL_BREACH;
	return (enum warn_level)-1;
}

/* Who sees what by default (issue 4): officers their own cases from WARN,
 * chiefs and legal officers their station from URGENT, supervisors the
 * county's BREACHes. */
static int scope_for(struct req *r, enum clock_scope *scope, enum warn_level *min)
{
	const char *s = req_query(r, "scope");
	struct ctx *c = &r->ctx;

	if (ctx_has_role(c, "admin") || ctx_has_role(c, "auditor"))
		return ctx_deny(c, "warning.list", "warning", NULL, "无权查看执法预警");
	if (ctx_has_role(c, "supervisor")) {
		*scope = SCOPE_UNIT;
		*min = LEVEL_BREACH;
	} else if (ctx_has_role(c, "chief") || ctx_has_role(c, "legal")) {
		*scope = SCOPE_UNIT;
		*min = LEVEL_URGENT;
	} else {
		*scope = SCOPE_MINE;
		*min = LEVEL_WARN;
	}
	if (s && !strcmp(s, "mine"))
		*scope = SCOPE_MINE;
	else if (s && (!strcmp(s, "unit") || !strcmp(s, "station") || !strcmp(s, "county")))
		*scope = SCOPE_UNIT;
	else if (s && *s)
		return ps_fail_field(&r->err, PS_EINVAL, "scope", "scope 应为 mine 或 unit");
	*min = level_of(req_query(r, "level"), *min);
	if ((int)*min < 0)
		return ps_fail_field(&r->err, PS_EINVAL, "level", "level 应为 all/WARN/URGENT/BREACH");
	return PS_OK;
}

int api_warnings(struct req *r)
{
	enum clock_scope scope;
	enum warn_level min;
	json_t *items;
	int rc = scope_for(r, &scope, &min);

	if (!rc)
		rc = clocks_collect(&r->ctx, scope, min, &items);
	if (rc)
		return rc;
	return req_reply(r, 200, json_pack("{s:o, s:I, s:I}", "items", items, "total",
					   (json_int_t)json_array_size(items), "now",
					   (json_int_t)r->ctx.now));
}

int api_warnings_summary(struct req *r)
{
	enum clock_scope scope;
	enum warn_level min;
	json_t *items, *it;
	size_t i;
	json_int_t n[4] = { 0 };
	int rc = scope_for(r, &scope, &min);

	if (!rc)
		rc = clocks_collect(&r->ctx, scope, LEVEL_WARN, &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it)
		n[json_integer_value(json_object_get(it, "level_rank"))]++;
	json_decref(items);
	return req_reply(r, 200, json_pack("{s:I, s:I, s:I}", "WARN", n[LEVEL_WARN], "URGENT",
					   n[LEVEL_URGENT], "BREACH", n[LEVEL_BREACH]));
}

int api_breaches(struct req *r)
{
	int64_t open;
	json_t *out;
	int rc = req_query_int(r, "open", 0, 1, 0, &open);

	if (!rc)
		rc = breaches_list(&r->ctx, (int)open, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_breaches_answer(struct req *r)
{
	static const char *const keys[] = { "kind", "text", NULL };
	const char *kind = NULL, *text = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "kind", 1, 16, &kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "text", 1, 2000, &text, &r->err);
	if (!rc) rc = breaches_answer(&r->ctx, id, kind, text, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_measures_list(struct req *r)
{
	int64_t case_id, active;
	json_t *out;
	int rc = req_query_int(r, "case_id", 0, INT64_MAX, 0, &case_id);

	if (!rc) rc = req_query_int(r, "active", 0, 1, 0, &active);
	if (!rc) rc = measures_list(&r->ctx, case_id, (int)active, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_measures_start(struct req *r)
{
	static const char *const keys[] = { "party_id", "kind", "tier", "reason", "days",
					    "special_person", "started_at", "previous_id", NULL };
	struct measure_input in;
	int64_t id, days = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_int(r->in, "party_id", 1, 1, INT64_MAX, &in.party_id, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "kind", 1, 32, &in.kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "tier", 1, 16, &in.tier, &r->err);
	if (!rc) rc = json_get_str(r->in, "reason", 0, 1000, &in.reason, &r->err);
	if (!rc) rc = json_get_int(r->in, "days", 0, 0, 365, &days, NULL, &r->err);
	if (!rc) rc = json_get_bool(r->in, "special_person", 0, &in.special_person, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "started_at", 0, 0, INT64_MAX / 2, &in.started_at, &in.has_started, &r->err);
	if (!rc) rc = json_get_int(r->in, "previous_id", 0, 1, INT64_MAX, &in.previous_id, NULL, &r->err);
	in.days = (int)days;
	if (!rc) rc = measures_start(&r->ctx, id, &in, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_measures_extend(struct req *r)
{
	static const char *const keys[] = { "tier", "reason", NULL };
	const char *tier = NULL, *reason = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "tier", 1, 16, &tier, &r->err);
	if (!rc) rc = json_get_str(r->in, "reason", 1, 1000, &reason, &r->err);
	if (!rc) rc = measures_extend(&r->ctx, id, tier, reason, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_measures_milestone(struct req *r)
{
	static const char *const keys[] = { "key", "at", "exception", NULL };
	const char *key = NULL, *exc = NULL;
	int64_t id, at = 0;
	int has_at = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "key", 1, 16, &key, &r->err);
	if (!rc) rc = json_get_int(r->in, "at", 0, 0, INT64_MAX / 2, &at, &has_at, &r->err);
	if (!rc) rc = json_get_str(r->in, "exception", 0, 500, &exc, &r->err);
	if (!rc) rc = measures_milestone(&r->ctx, id, key, has_at ? at : r->ctx.now, exc, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_measures_end(struct req *r)
{
	static const char *const keys[] = { "reason", NULL };
	const char *reason = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "reason", 1, 1000, &reason, &r->err);
	if (!rc) rc = measures_end(&r->ctx, id, reason, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_cases_limit(struct req *r)
{
	static const char *const keys[] = { "action", "reason", "kind", NULL };
	const char *action = NULL, *reason = NULL, *kind = NULL;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "action", 1, 16, &action, &r->err);
	if (!rc) rc = json_get_str(r->in, "reason", 0, 1000, &reason, &r->err);
	if (!rc) rc = json_get_str(r->in, "kind", 0, 16, &kind, &r->err);
	if (rc)
		return rc;
	if (!strcmp(action, "extend"))
		rc = cases_extend_limit(&r->ctx, id, reason, &out);
	else if (!strcmp(action, "pause"))
		rc = cases_pause(&r->ctx, id, kind, &out);
	else if (!strcmp(action, "resume"))
		rc = cases_resume(&r->ctx, id, &out);
	else
		rc = ps_fail_field(&r->err, PS_EINVAL, "action", "action 应为 extend / pause / resume");
	return rc ? rc : req_reply(r, 200, json_pack("{s:o}", "case", out));
}

int api_custody_board(struct req *r)
{
	json_t *out;
	int rc = custody_board(&r->ctx, &out);

	r->no_store = 1;
	return rc ? rc : req_reply(r, 200, out);
}

int api_custody_enter(struct req *r)
{
	static const char *const keys[] = { "case_id", "party_id", "measure_id", "reason", "arrived_at",
					    NULL };
	struct custody_input in;
	json_t *out;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_body(r, keys);
	if (!rc) rc = json_get_int(r->in, "case_id", 1, 1, INT64_MAX, &in.case_id, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "party_id", 1, 1, INT64_MAX, &in.party_id, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "measure_id", 0, 1, INT64_MAX, &in.measure_id, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "reason", 1, 200, &in.reason, &r->err);
	if (!rc) rc = json_get_int(r->in, "arrived_at", 0, 0, INT64_MAX / 2, &in.arrived_at, &in.has_arrived, &r->err);
	if (!rc) rc = custody_enter(&r->ctx, &in, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_custody_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = custody_read(&r->ctx, id, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_custody_check(struct req *r)
{
	static const char *const keys[] = { "notes", "locker_no", "items", NULL };
	struct custody_item_input items[64];
	const char *notes = NULL, *locker = NULL;
	json_t *arr, *v, *out;
	size_t i;
	int64_t id;
	int n = 0, rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "notes", 1, 1000, &notes, &r->err);
	if (!rc) rc = json_get_str(r->in, "locker_no", 0, 16, &locker, &r->err);
	if (rc)
		return rc;
	arr = json_object_get(r->in, "items");
	if (arr && !json_is_null(arr)) {
		if (!json_is_array(arr) || json_array_size(arr) > 64)
			return ps_fail_field(&r->err, PS_EINVAL, "items", "随身物品应为列表（最多64项）");
		json_array_foreach(arr, i, v) {
			if (!json_is_object(v))
				return ps_fail_field(&r->err, PS_EINVAL, "items", "物品应为 {name, quantity}");
			rc = json_get_str(v, "name", 1, 64, &items[n].name, &r->err);
			if (!rc) rc = json_get_str(v, "quantity", 1, 16, &items[n].quantity, &r->err);
			if (rc)
				return rc;
			n++;
		}
	}
	rc = custody_check(&r->ctx, id, notes, locker, items, n, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_custody_room(struct req *r)
{
	static const char *const keys[] = { "room_kind", "room_no", NULL };
	const char *kind = NULL, *no = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "room_kind", 1, 32, &kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "room_no", 1, 16, &no, &r->err);
	if (!rc) rc = custody_room(&r->ctx, id, kind, no, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_custody_log(struct req *r)
{
	static const char *const keys[] = { "kind", "note", NULL };
	const char *kind = NULL, *note = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "kind", 1, 16, &kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "note", 0, 500, &note, &r->err);
	if (!rc) rc = custody_log(&r->ctx, id, kind, note, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_custody_exit(struct req *r)
{
	static const char *const keys[] = { "reason", "belongings_returned", NULL };
	const char *reason = NULL;
	int returned = 0;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "reason", 1, 200, &reason, &r->err);
	if (!rc) rc = json_get_bool(r->in, "belongings_returned", 0, &returned, NULL, &r->err);
	if (!rc) rc = custody_exit(&r->ctx, id, reason, returned, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_holidays_list(struct req *r)
{
	int64_t year;
	json_t *out;
	int rc = req_query_int(r, "year", 0, 2200, 0, &year);

	if (!rc) rc = holidays_list(&r->ctx, (int)year, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_holidays_put(struct req *r)
{
	static const char *const keys[] = { "kind", "name", NULL };
	const char *kind = NULL, *name = NULL;
	json_t *out;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_str(r->in, "kind", 1, 16, &kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "name", 1, 32, &name, &r->err);
	if (!rc) rc = holidays_put(&r->ctx, r->params[0], kind, name, &out);
	return rc ? rc : req_reply(r, 200, out);
}

/* The sweep's write, as a job of the one writer. */
struct sweep_job {
	struct commit_job cj; /* first */
	struct ctx *c;
	json_t *due;
	int recorded;
};

static int sweep_record_job(struct commit_job *cj, struct db *db)
{
	struct sweep_job *sj = (struct sweep_job *)cj;
	struct db *own = sj->c->db;
	int rc;

	sj->c->db = db;
	sj->recorded = 0;
	rc = clocks_sweep_record(sj->c, sj->due, &sj->recorded);
	sj->c->db = own;
	return rc;
}

/* Record the due breaches: through the committer when it runs, else in a
 * short write transaction of the sweep's own connection. */
static int sweep_record(struct ctx *c, struct db *db, json_t *due, int *recorded)
{
	int rc;

	if (committer_running()) {
		struct sweep_job sj;

		memset(&sj, 0, sizeof(sj));
		sj.cj.run = sweep_record_job;
		sj.cj.err = c->err;
		sj.c = c;
		sj.due = due;
		rc = committer_call(&sj.cj);
		*recorded = rc ? 0 : sj.recorded;
		return rc;
	}
	rc = db_begin(db, 1, c->err);
	if (!rc)
		rc = clocks_sweep_record(c, due, recorded);
	if (!rc)
		rc = db_commit(db, c->err);
	else
		db_rollback(db);
	return rc;
}

int api_sweep_once(struct db *db, int *recorded)
{
	struct arena a;
	struct ps_err err;
	struct ctx c;
	int rc;

	*recorded = 0;
	arena_init(&a);
	ps_err_clear(&err);
	ctx_init(&c, db, &a, &err);
	c.who.username = "system:sweep";
	c.who.role = "system";
	c.client_ip = "local";
	/* the county-wide scan in a read transaction of the sweep's own
	 * connection; only what is new is recorded, by the one writer */
	{
		json_t *due = NULL;

		rc = db_begin(db, 0, &err);
		if (!rc)
			rc = clocks_sweep_due(&c, &due);
		db_rollback(db);
		if (!rc && json_array_size(due))
			rc = sweep_record(&c, db, due, recorded);
		json_decref(due);
	}
	if (rc)
		log_error("breach sweep failed: %s", err.msg);
	else if (*recorded)
		log_info("breach sweep recorded %d breach(es)", *recorded);
	arena_release(&a);
	return rc;
}
