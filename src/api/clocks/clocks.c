/* clocks.c — /warnings, /breaches, /measures, /custody, case limits,
 * /holidays, and the background sweep. */
#include "api/api.h"
#include "api/committer.h"
#include "api/handlers.h"
#include "domain/cases/cases.h"
#include "api/fields.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/clocks/clocks.h"
#include "domain/custody/custody.h"
#include "domain/admin/holidays.h"
#include "domain/clocks/breaches.h"
#include "domain/clocks/case_limits.h"
#include "domain/clocks/measures.h"
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

	int rc = authz_require(c, ACT_WARNING_LIST);

	if (rc)
		return rc;
	/* the default view of each role (not a permission: every scope may be asked) */
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

/* The deepest row of the board a page may reach: a request holds at most
 * twice this many clocks, whatever the county's backlog. */
#define WARNINGS_DEPTH 10000

int api_warnings(struct req *r)
{
	struct clock_ask a = { 0 };
	int64_t page = 1, per_page = 500;
	json_t *items;
	int rc = scope_for(r, &a.scope, &a.min);

	/* one case's clocks (its 强制措施 tab), not the whole board's */
	if (!rc)
		rc = req_query_int(r, "case_id", 1, INT64_MAX, 0, &a.case_id);
	if (!rc)
		rc = req_query_int(r, "page", 1, WARNINGS_DEPTH, 1, &page);
	if (!rc)
		rc = req_query_int(r, "per_page", 1, 500, 500, &per_page);
	if (!rc && page * per_page > WARNINGS_DEPTH)
		rc = ps_fail_field(&r->err, PS_EINVAL, "page",
				   "预警看板最多翻到第 10000 条，请按级别或本案缩小范围");
	a.skip = (size_t)((page - 1) * per_page);
	a.keep = (size_t)per_page;
	/* one case's clocks: a case the reader may read, another unit's
	 * refused and audited as such, never answered as empty */
	if (!rc && a.case_id) {
		struct case_row k;

		rc = case_load(&r->ctx, a.case_id, &k);
	}
	if (!rc)
		rc = clocks_ask(&r->ctx, &a, &items);
	/* AUD-1: the warnings name cases, persons and records of every kind:
	 * audited with each clock's key, which names its record
	 * ("measure:12:…", "key_person:22:…"); a case id was null for all the
	 * rest */
	if (!rc) {
		rc = audit_read_items(&r->ctx, "warning.list", "clock", items, "key");
		if (rc)
			json_decref(items);
	}
	if (rc)
		return rc;
	return req_reply(r, 200, json_pack("{s:o, s:I, s:I, s:I, s:I}", "items", items, "total",
					   (json_int_t)a.total, "page", (json_int_t)page, "per_page",
					   (json_int_t)per_page, "now", (json_int_t)r->ctx.now));
}

int api_warnings_summary(struct req *r)
{
	struct clock_ask a = { 0 };
	int rc = scope_for(r, &a.scope, &a.min);

	/* counted, not listed: every page's header asks for it */
	a.min = LEVEL_WARN;
	if (!rc)
		rc = clocks_ask(&r->ctx, &a, NULL);
	if (rc)
		return rc;
	return req_reply(r, 200, json_pack("{s:I, s:I, s:I}", "WARN", (json_int_t)a.counts[LEVEL_WARN], "URGENT",
					   (json_int_t)a.counts[LEVEL_URGENT], "BREACH",
					   (json_int_t)a.counts[LEVEL_BREACH]));
}

int api_breaches(struct req *r)
{
	struct breach_filter f = { 0 };
	int64_t open = 0;
	json_t *out;
	int rc = req_query_int(r, "open", 0, 1, 0, &open);

	if (!rc)
		rc = req_query_int(r, "page", 1, 100000, 1, &f.page);
	if (!rc)
		rc = req_query_int(r, "per_page", 1, 500, 500, &f.per_page);
	if (!rc)
		rc = req_query_int(r, "case_id", 1, INT64_MAX, 0, &f.case_id);
	if (rc)
		return rc;
	f.open_only = (int)open;
	f.rule = req_query(r, "rule");
	f.key = req_query(r, "key");
	rc = breaches_list(&r->ctx, &f, &out);
	return rc ? rc : req_reply(r, 200, out);
}

struct breaches_answer_body {
	const char *kind;
	const char *text;
};

const struct field breaches_answer_fields[] = {
	FENUM(struct breaches_answer_body, kind, "kind", 1, 16, BREACH_ANSWER),
	FSTR(struct breaches_answer_body, text, "text", 1, 2000),
	FEND,
};

int api_breaches_answer(struct req *r)
{
	struct breaches_answer_body body_in = { 0 };
	const char *kind = NULL, *text = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, breaches_answer_fields, &body_in, &r->err);
	if (!rc) {
		kind = body_in.kind;
		text = body_in.text;
	}
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

struct measures_start_body {
	int64_t party_id;
	int party_id_given;
	const char *kind;
	const char *tier;
	const char *reason;
	int64_t days;
	int days_given;
	int special_person;
	int special_person_given;
	int64_t started_at;
	int started_at_given;
	int64_t previous_id;
	int previous_id_given;
	int oral_summons;
	int oral_summons_given;
	int64_t ended_at;
	int ended_at_given;
	const char *end_reason;
};

const struct field measures_start_fields[] = {
	FINT(struct measures_start_body, party_id, "party_id", 1, 1, INT64_MAX),
	FSTR(struct measures_start_body, kind, "kind", 1, 32),
	FSTR(struct measures_start_body, tier, "tier", 1, 16),
	FSTR(struct measures_start_body, reason, "reason", 0, 1000),
	FINTP(struct measures_start_body, days, days_given, "days", 0, 365),
	FBOOLP(struct measures_start_body, special_person, special_person_given, "special_person"),
	FINTP(struct measures_start_body, started_at, started_at_given, "started_at", 0, INT64_MAX / 2),
	FINTP(struct measures_start_body, previous_id, previous_id_given, "previous_id", 1, INT64_MAX),
	FBOOLP(struct measures_start_body, oral_summons, oral_summons_given, "oral_summons"),
	FINTP(struct measures_start_body, ended_at, ended_at_given, "ended_at", 1, INT64_MAX / 2),
	FSTR(struct measures_start_body, end_reason, "end_reason", 0, 1000),
	FEND,
};

int api_measures_start(struct req *r)
{
	struct measures_start_body body_in = { 0 };
	struct measure_input in;
	int64_t id, days = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = fields_bind(r->in, measures_start_fields, &body_in, &r->err);
	if (!rc) {
		in.party_id = body_in.party_id;
		in.kind = body_in.kind;
		in.tier = body_in.tier;
		in.reason = body_in.reason;
		if (body_in.days_given)
			days = body_in.days;
		if (body_in.special_person_given)
			in.special_person = body_in.special_person;
		if (body_in.started_at_given)
			in.started_at = body_in.started_at;
		in.has_started = body_in.started_at_given;
		if (body_in.previous_id_given)
			in.previous_id = body_in.previous_id;
		if (body_in.oral_summons_given)
			in.oral_summons = body_in.oral_summons;
		in.ended_at = body_in.ended_at;
		in.has_ended = body_in.ended_at_given;
		in.end_reason = body_in.end_reason;
	}
	in.days = (int)days;
	if (!rc) rc = measures_start(&r->ctx, id, &in, &out);
	return rc ? rc : req_reply(r, 201, out);
}

struct measures_extend_body {
	const char *tier;
	const char *reason;
};

const struct field measures_extend_fields[] = {
	FSTR(struct measures_extend_body, tier, "tier", 1, 16),
	FSTR(struct measures_extend_body, reason, "reason", 1, 1000),
	FEND,
};

int api_measures_extend(struct req *r)
{
	struct measures_extend_body body_in = { 0 };
	const char *tier = NULL, *reason = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, measures_extend_fields, &body_in, &r->err);
	if (!rc) {
		tier = body_in.tier;
		reason = body_in.reason;
	}
	if (!rc) rc = measures_extend(&r->ctx, id, tier, reason, &out);
	return rc ? rc : req_reply(r, 200, out);
}

struct measures_milestone_body {
	const char *key;
	int64_t at;
	int at_given;
	const char *exception;
};

static const char *const measures_milestone_key_values[] = { "kss", "family", "question", NULL };
const struct field measures_milestone_fields[] = {
	FONEOF(struct measures_milestone_body, key, "key", 1, 16, measures_milestone_key_values),
	FINTP(struct measures_milestone_body, at, at_given, "at", 0, INT64_MAX / 2),
	FSTR(struct measures_milestone_body, exception, "exception", 0, 500),
	FEND,
};

int api_measures_milestone(struct req *r)
{
	struct measures_milestone_body body_in = { 0 };
	const char *key = NULL, *exc = NULL;
	int64_t id, at = 0;
	int has_at = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, measures_milestone_fields, &body_in, &r->err);
	if (!rc) {
		key = body_in.key;
		if (body_in.at_given)
			at = body_in.at;
		has_at = body_in.at_given;
		exc = body_in.exception;
	}
	if (!rc) rc = measures_milestone(&r->ctx, id, key, has_at ? at : r->ctx.now, exc, &out);
	return rc ? rc : req_reply(r, 200, out);
}

struct measures_end_body {
	const char *reason;
};

const struct field measures_end_fields[] = {
	FSTR(struct measures_end_body, reason, "reason", 1, 1000),
	FEND,
};

int api_measures_end(struct req *r)
{
	struct measures_end_body body_in = { 0 };
	const char *reason = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, measures_end_fields, &body_in, &r->err);
	if (!rc) {
		reason = body_in.reason;
	}
	if (!rc) rc = measures_end(&r->ctx, id, reason, &out);
	return rc ? rc : req_reply(r, 200, out);
}

struct cases_limit_body {
	const char *action;
	const char *reason;
	const char *kind;
};

static const char *const cases_limit_action_values[] = { "extend", "pause", "resume", NULL };
const struct field cases_limit_fields[] = {
	FONEOF(struct cases_limit_body, action, "action", 1, 16, cases_limit_action_values),
	FSTR(struct cases_limit_body, reason, "reason", 0, 1000),
	FENUM(struct cases_limit_body, kind, "kind", 0, 16, CASE_LIMIT_PAUSE),
	FEND,
};

int api_cases_limit(struct req *r)
{
	struct cases_limit_body body_in = { 0 };
	const char *action = NULL, *reason = NULL, *kind = NULL;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, cases_limit_fields, &body_in, &r->err);
	if (!rc) {
		action = body_in.action;
		reason = body_in.reason;
		kind = body_in.kind;
	}
	if (rc)
		return rc;
	if (!strcmp(action, "extend"))
		rc = case_limits_extend(&r->ctx, id, reason, &out);
	else if (!strcmp(action, "pause"))
		rc = case_limits_pause(&r->ctx, id, kind, &out);
	else if (!strcmp(action, "resume"))
		rc = case_limits_resume(&r->ctx, id, &out);
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

const struct field custody_enter_fields[] = {
	FINT(struct custody_input, case_id, "case_id", 1, 1, INT64_MAX),
	FINT(struct custody_input, party_id, "party_id", 1, 1, INT64_MAX),
	FINT(struct custody_input, measure_id, "measure_id", 0, 1, INT64_MAX),
	FSTR(struct custody_input, reason, "reason", 1, 200),
	FINTP(struct custody_input, arrived_at, has_arrived, "arrived_at", 0, INT64_MAX / 2),
	FEND,
};

int api_custody_enter(struct req *r)
{
	struct custody_input in;
	json_t *out;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = fields_bind(r->in, custody_enter_fields, &in, &r->err);
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

struct custody_check_body {
	const char *notes;
	const char *locker_no;
	json_t *items;
};

const struct field custody_check_fields[] = {
	FSTR(struct custody_check_body, notes, "notes", 1, 1000),
	FSTR(struct custody_check_body, locker_no, "locker_no", 0, 16),
	FJSON(struct custody_check_body, items, "items", 0),
	FEND,
};

int api_custody_check(struct req *r)
{
	struct custody_check_body body_in = { 0 };
	struct custody_item_input items[64];
	const char *notes = NULL, *locker = NULL;
	json_t *arr, *v, *out;
	size_t i;
	int64_t id;
	int n = 0, rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, custody_check_fields, &body_in, &r->err);
	if (!rc) {
		notes = body_in.notes;
		locker = body_in.locker_no;
	}
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

struct custody_room_body {
	const char *room_kind;
	const char *room_no;
};

const struct field custody_room_fields[] = {
	FENUM(struct custody_room_body, room_kind, "room_kind", 1, 32, ROOM_KIND),
	FSTR(struct custody_room_body, room_no, "room_no", 1, 16),
	FEND,
};

int api_custody_room(struct req *r)
{
	struct custody_room_body body_in = { 0 };
	const char *kind = NULL, *no = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, custody_room_fields, &body_in, &r->err);
	if (!rc) {
		kind = body_in.room_kind;
		no = body_in.room_no;
	}
	if (!rc) rc = custody_room(&r->ctx, id, kind, no, &out);
	return rc ? rc : req_reply(r, 200, out);
}

struct custody_log_body {
	const char *kind;
	const char *note;
};

/* what an officer writes in the 在区记录 (the set custody_log also has
 * room, written by 分配房间) */
static const char *const custody_log_kind_values[] = { "meal", "rest", "note", "out", "back", NULL };
const struct field custody_log_fields[] = {
	FONEOF(struct custody_log_body, kind, "kind", 1, 16, custody_log_kind_values),
	FSTR(struct custody_log_body, note, "note", 0, 500),
	FEND,
};

int api_custody_log(struct req *r)
{
	struct custody_log_body body_in = { 0 };
	const char *kind = NULL, *note = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, custody_log_fields, &body_in, &r->err);
	if (!rc) {
		kind = body_in.kind;
		note = body_in.note;
	}
	if (!rc) rc = custody_log(&r->ctx, id, kind, note, &out);
	return rc ? rc : req_reply(r, 201, out);
}

struct custody_exit_body {
	const char *reason;
	int belongings_returned;
	int belongings_returned_given;
};

const struct field custody_exit_fields[] = {
	FSTR(struct custody_exit_body, reason, "reason", 1, 200),
	FBOOLP(struct custody_exit_body, belongings_returned, belongings_returned_given, "belongings_returned"),
	FEND,
};

int api_custody_exit(struct req *r)
{
	struct custody_exit_body body_in = { 0 };
	const char *reason = NULL;
	int returned = 0;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, custody_exit_fields, &body_in, &r->err);
	if (!rc) {
		reason = body_in.reason;
		if (body_in.belongings_returned_given)
			returned = body_in.belongings_returned;
	}
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

struct holidays_put_body {
	const char *kind;
	const char *name;
};

const struct field holidays_put_fields[] = {
	FENUM(struct holidays_put_body, kind, "kind", 1, 16, HOLIDAY_KIND),
	FSTR(struct holidays_put_body, name, "name", 1, 32),
	FEND,
};

int api_holidays_put(struct req *r)
{
	struct holidays_put_body body_in = { 0 };
	const char *kind = NULL, *name = NULL;
	json_t *out;
	int rc = fields_bind(r->in, holidays_put_fields, &body_in, &r->err);
	if (!rc) {
		kind = body_in.kind;
		name = body_in.name;
	}

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

/* Breaches recorded by one committer job of the sweep. */
#define SWEEP_BATCH 500

struct sweep_pass {
	int recorded, writes;
};

static int sweep_batch(struct ctx *c, json_t *due, void *arg)
{
	struct sweep_pass *p = arg;
	int n = 0, rc = sweep_record(c, c->db, due, &n);

	p->recorded += n;
	p->writes++;
	return rc;
}

int api_sweep_once(struct db *db, int *recorded)
{
	struct sweep_pass pass = { 0, 0 };
	struct arena a;
	struct ps_err err;
	struct ctx c;
	int rc;

	*recorded = 0;
	if (api_write_failed())
		return PS_OK; /* writes stopped: nothing is recorded until the restart */
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

		/* the scan cannot change a setting: it reads each scope once
		 * (a pass asked the store for the same cycle lengths per unit
		 * hundreds of times) */
		c.memo_settings = 1;
		rc = db_begin(db, 0, &err);
		/* with the committer, each batch is recorded as the scan finds
		 * it: a county with a backlog (94 000 unacknowledged dispatches
		 * after a migration) is neither held whole in memory nor
		 * written in one job that stops every other write for seconds */
		if (!rc && committer_running())
			rc = clocks_sweep_batches(&c, SWEEP_BATCH, sweep_batch, &pass);
		else if (!rc)
			rc = clocks_sweep_due(&c, &due);
		db_rollback(db);
		c.memo_settings = 0;
		c.setting_memo = NULL;
		if (!rc && json_array_size(due)) {
			rc = sweep_record(&c, db, due, &pass.recorded);
			pass.writes = 1;
		}
		json_decref(due);
	}
	*recorded = pass.recorded;
	if (rc)
		log_error("breach sweep failed: %s", err.msg);
	else if (*recorded)
		log_info("breach sweep recorded %d breach(es) in %d write(s)", *recorded, pass.writes);
	arena_release(&a);
	return rc;
}
