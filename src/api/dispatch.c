/* dispatch.c — routing, session, CSRF, one transaction per request. */
#include "api/api.h"
#include "api/fields.h"
#include "api/committer.h"
#include "api/offload.h"
#include "domain/admin/audit.h"
#include "domain/admin/auth.h"
#include "domain/admin/mfa.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/num.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* argon2id threads (AUTH-9): one — two hashing at once took twice the
 * caches from the writer in the login storm (api_login_storm) */
#define OFFLOAD_THREADS 1

struct api_config api_config;

const char *api_cookie_name(void)
{
	return api_config.secure_cookie ? "__Host-precinct_session" : "precinct_session";
}

/* ---- helpers ---- */

const char *req_query(struct req *r, const char *key)
{
	for (size_t i = 0; i < r->nquery; i++)
		if (strcmp(r->query[i].key, key) == 0)
			return r->query[i].value;
	return NULL;
}

int req_query_int(struct req *r, const char *key, int64_t min, int64_t max,
		  int64_t def, int64_t *out)
{
	const char *v = req_query(r, key);
	int64_t n;

	*out = def;
	if (!v || !*v)
		return PS_OK;
	/* strict decimal: " 1", "+1", "01", "1x" and overflow are junk */
	if (num_parse_int(v, &n) || n < min || n > max)
		return ps_fail_field(&r->err, PS_EINVAL, key,
				     "查询参数 %s 应为 %lld 到 %lld 之间的整数", key,
				     (long long)min, (long long)max);
	*out = n;
	return PS_OK;
}

int req_param_id(struct req *r, int i, int64_t *out)
{
	/* one spelling per record: "/cases/%201", "/cases/+1", "/cases/01",
	 * "/cases/1x" and ids past int64 are malformed, not another name of
	 * case 1 (issue 13) — 400, where a well-formed id that names no
	 * record is 404 */
	if (num_parse_id(r->params[i], out))
		return ps_fail(&r->err, PS_EINVAL, "BAD_ID", NULL,
			       "记录编号格式不正确：应为不带前导零的正整数");
	return PS_OK;
}

int req_body(struct req *r, const char *const *allowed)
{
	if (!r->in)
		return ps_fail(&r->err, PS_EINVAL, "BAD_JSON", NULL, "缺少请求内容");
	return json_only_keys(r->in, allowed, &r->err);
}

int req_reply(struct req *r, int status, json_t *body)
{
	if (!body && status != 204)
		return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	json_decref(r->out);
	r->out = body;
	json_mem_free(r->out_text);
	r->out_text = NULL;
	r->status = status;
	return PS_OK;
}

void req_error_extra(struct req *r, json_t *extra)
{
	json_decref(r->err_extra);
	r->err_extra = extra;
}

int req_reply_jw(struct req *r, int status, const struct jw *w)
{
	size_t len;
	const char *text = jw_text(w, &len);
	char *copy = jw_rc(w) ? NULL : json_mem_strndup(text, len);

	if (!copy)
		return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	json_decref(r->out);
	r->out = NULL;
	json_mem_free(r->out_text);
	r->out_text = copy;
	r->out_len = len;
	r->status = status;
	return PS_OK;
}

void req_answer_open(struct jw *w)
{
	jw_init(w, API_ANSWER_MAX);
	jw_obj(w, NULL);
}

int req_answer_close(struct req *r, int rc, int status, struct jw *w)
{
	jw_end_obj(w);
	if (!rc)
		rc = req_reply_jw(r, status, w);
	jw_release(w);
	return rc;
}

int req_reply_get(struct req *r, int (*get)(struct ctx *c, int64_t id, json_t **out))
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = get(&r->ctx, id, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int req_reply_unit_list(struct req *r, int (*list)(struct ctx *c, int64_t unit, json_t **out))
{
	int64_t unit = 0;
	json_t *out;
	int rc = req_query_int(r, "unit", 0, INT64_MAX, 0, &unit);

	if (!rc)
		rc = list(&r->ctx, unit, &out);
	r->no_store = 1;
	return rc ? rc : req_reply(r, 200, out);
}

/* ---- routing ---- */

/* Match pattern against path; fill params. 1 on match. */
static int match(const char *pattern, const char *path, const char **params,
		 struct arena *a)
{
	int np = 0;

	while (*pattern && *path) {
		if (*pattern == '{') {
			const char *pe = strchr(pattern, '}');
			const char *se = strchr(path, '/');
			size_t n = se ? (size_t)(se - path) : strlen(path);

			if (!pe || n == 0 || np >= API_MAX_PARAMS)
				return 0;
			params[np++] = arena_strndup(a, path, n);
			pattern = pe + 1;
			path += n;
			continue;
		}
		if (*pattern != *path)
			return 0;
		pattern++;
		path++;
	}
	return *pattern == '\0' && *path == '\0';
}

static void render_error(struct req *r, int rc)
{
	struct ps_err *e = &r->err;
	json_t *err;
	const char *msg;

	if (rc == PS_EIO && e->code && strcmp(e->code, "STORAGE_CORRUPT") == 0) {
		/* the store found a damaged page: no retry mends it, and
		 * whoever keeps the server must know at once */
		log_error("ALERT: request %s %s %s met a damaged database (%s): check it "
			  "(precinct audit verify; PRAGMA integrity_check or amcheck) and restore "
			  "it from a backup",
			  r->request_id, r->method, r->path, e->msg);
		rc = ps_fail(e, PS_EUNAVAIL, "DB_CORRUPT", NULL,
			     "数据库文件已损坏，本次操作未完成：请立即报告系统管理员检查数据库并从备份恢复");
	} else if (rc == PS_EIO && e->code && strcmp(e->code, "STORAGE_ERROR") == 0 &&
		   !api_write_failed()) {
		/* a store failure that lost only this request (its savepoint or
		 * its batch): nothing was saved, and writes go on */
		log_error("request %s %s %s: %s", r->request_id, r->method, r->path, e->msg);
		rc = ps_fail(e, PS_EUNAVAIL, "STORE_UNAVAILABLE", NULL, "%s",
			     ps_rc_message(PS_EUNAVAIL));
	}
	msg = e->msg[0] ? e->msg : ps_rc_message(rc);
	if (rc == PS_EINTERNAL || ps_rc_http_status(rc) == 500) {
		/* never leak internals: a generic message and the correlation id */
		log_error("request %s %s %s failed: %s", r->request_id, r->method,
			  r->path, e->msg);
		msg = ps_rc_message(PS_EINTERNAL);
		e->code = NULL;
		e->rule = NULL;
		e->field = NULL;
	}
	if (rc == PS_EIO || rc == PS_ENOMEM)
		log_error("request %s %s %s: %s", r->request_id, r->method, r->path,
			  e->msg);
	err = json_pack("{s:s, s:s, s:s}", "code", e->code ? e->code : ps_rc_code(rc),
			"message", rc == PS_EIO ? ps_rc_message(PS_EIO) : msg,
			"request_id", r->request_id);
	if (err && e->rule)
		json_object_set_new(err, "rule", json_string(e->rule));
	if (err && e->field)
		json_object_set_new(err, "field", json_string(e->field));
	if (err && r->err_extra && ps_rc_http_status(rc) < 500)
		json_object_update(err, r->err_extra);
	json_decref(r->err_extra);
	r->err_extra = NULL;
	json_decref(r->out);
	json_mem_free(r->out_text);
	r->out_text = NULL;
	r->out = err ? json_pack("{s:o}", "error", err) : NULL;
	r->status = ps_rc_http_status(rc);
	r->set_cookie = NULL; /* a failed request changes no session */
	if (rc == PS_ERATE && !r->retry_after)
		r->retry_after = 60;
	if (rc == PS_EUNAVAIL && !r->retry_after)
		r->retry_after = 5;
}

static int is_write_method(const char *m)
{
	return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0;
}

/* Origin must be this host when a browser sends one (API-1). */
static int origin_ok(struct req *r)
{
	const char *o = r->origin;

	if (!o || !*o)
		return 1;
	if (!r->host)
		return 0;
	if (strncmp(o, "http://", 7) == 0)
		o += 7;
	else if (strncmp(o, "https://", 8) == 0)
		o += 8;
	else
		return 0;
	return strcmp(o, r->host) == 0;
}

/* Serialize r->out into r->out_text (a request's answer is rendered
 * before its writes commit). PS_ENOMEM when it cannot be. An answer the
 * handler wrote as text (req_reply_jw: no r->out) is kept as it is. */
static int render_out(struct req *r)
{
	if (!r->out)
		return PS_OK;
	json_mem_free(r->out_text);
	r->out_text = NULL;
	r->out_len = 0;
	r->out_text = json_render(r->out, JSON_COMPACT);
	if (!r->out_text)
		return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	r->out_len = strlen(r->out_text);
	return PS_OK;
}

/* Session, CSRF and the handler, inside a transaction the caller opened. */
static int run_body(struct req *r, const struct route *rt)
{
	struct ctx *c = &r->ctx;
	const char *csrf = NULL;
	unsigned long fails = ps_mem_thread_failures();
	int rc;

	if (!(rt->flags & ROUTE_PUBLIC)) {
		rc = auth_session(c, r->session_token, &csrf);
		if (rc)
			return rc;
		r->session_csrf = csrf;
		if (is_write_method(r->method)) {
			if (!r->csrf_header || !crypto_str_equal(r->csrf_header, csrf) ||
			    !origin_ok(r)) {
				ctx_deny(c, "csrf.refused", NULL, r->path,
					 "缺少或错误的 CSRF 令牌");
				return ps_fail(&r->err, PS_EFORBIDDEN, "CSRF_REFUSED", NULL,
					       "请求缺少有效的 CSRF 令牌或来源不符，已拒绝");
			}
		}
		if (c->who.must_change_pw && !(rt->flags & ROUTE_PW_CHANGE))
			return ps_fail(&r->err, PS_EFORBIDDEN, "PASSWORD_CHANGE_REQUIRED",
				       "AUTH-6", "首次登录或密码已过期，请先修改密码");
		if (!(rt->flags & (ROUTE_PW_CHANGE | ROUTE_MFA_SETUP))) {
			rc = mfa_gate(c); /* AUTH-5: a required role enrols first */
			if (rc)
				return rc;
		}
	}
	rc = rt->handler(r);
	/* an allocation that failed in the session check or the handler, even one whose
	 * failure it ignored (a json_object_set_new left unchecked, a NULL
	 * bind), fails the request: its answer or its rows may miss a part */
	if (!rc && ps_mem_thread_failures() != fails)
		rc = ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* the answer is rendered here, inside the request's transaction or
	 * savepoint: what can fail for lack of memory fails before COMMIT, and
	 * a request is answered 5xx only when nothing of it was written */
	if (!rc)
		rc = render_out(r);
	/* a refusal within a request that succeeds (a row of an import) is
	 * audited with it; a deferred read's go with its audit rows */
	if (!rc && c->pending && !r->preparing && !c->defer_writes)
		rc = audit_write_refusals(c);
	return rc;
}

static void ctx_for(struct req *r)
{
	ctx_init(&r->ctx, r->db, r->arena, &r->err);
	r->ctx.client_ip = r->client_ip;
	r->ctx.request_id = r->request_id;
	r->ctx.totp_key = api_config.totp_key;
	r->ctx.memo_settings = 1;
}

/* A GET runs on its worker thread in a read transaction of its own, so reads
 * run in parallel. With the group committer on, its few writes (audit rows,
 * the session touch) are deferred: they are written by the committer in its
 * next batch, and the answer waits until that batch is durable (AUD-1: no
 * read of personal data is answered before its audit row is on disk). A GET
 * marked ROUTE_WRITE records data as it reads (breaches): it takes the write
 * lock at once and writes its audit rows in the same transaction. */
static int run_route(struct req *r, const struct route *rt, int defer)
{
	/* without the committer (it could not start) a GET writes its audit
	 * rows itself: it takes the write lock at BEGIN, as a write does —
	 * a read snapshot taken first would be older than the lock on
	 * PostgreSQL (its audit row then met a newer chain: 409) */
	int write = is_write_method(r->method) || (rt->flags & ROUTE_WRITE) || !defer;
	int rc;

	ctx_for(r);
	r->ctx.defer_writes = defer && !write;
	rc = db_begin(r->db, write, &r->err);
	if (rc)
		return rc;
	rc = run_body(r, rt);
	if (rc)
		goto fail;
	if (r->ctx.defer_writes && db_in_write_txn(r->db)) {
		/* the handler wrote after all: its audit rows go with it */
		r->ctx.defer_writes = 0;
		rc = auth_touch_deferred(&r->ctx);
		if (!rc)
			rc = audit_write_deferred(&r->ctx);
		if (!rc)
			rc = audit_write_refusals(&r->ctx);
		if (rc)
			goto fail;
	}
	rc = db_commit(r->db, &r->err);
	if (rc && db_sync_failed(r->db))
		api_write_fail_stop();
	return rc;
fail:
	db_rollback(r->db);
	r->ctx.deferred = NULL;
	r->ctx.touch_hash = NULL;
	if (!r->ctx.defer_writes)
		audit_flush_pending(&r->ctx);
	return rc;
}

/* 1 when the route's table has a file (FIELD_FILE): an import's workbook
 * or GBK text is decoded in the first run, as ROUTE_PREPARE says (a
 * merge once dropped that flag from the person import, and its workbooks
 * were unzipped under the write lock: the table says it now). */
static int fields_take_file(const struct field *f)
{
	for (; f && f->name; f++)
		if (f->type == FIELD_FILE || (f->type == FIELD_OBJECT && fields_take_file(f->sub)))
			return 1;
	return 0;
}

static int route_prepares(const struct route *rt)
{
	return (rt->flags & ROUTE_PREPARE) || fields_take_file(rt->body);
}

/* The first run of a ROUTE_PREPARE request, on the worker in a read
 * transaction of its own: the handler does its CPU-heavy part (argon2id,
 * a workbook's decoding) and leaves the result in r->prepared, so that the
 * write (the committer's run, or a ROUTE_SOLO transaction) does not hold up
 * a batch or the write lock with it. Nothing of this run is written or answered:
 * when it fails, the committer's run meets the same failure (and audits
 * it) without a prepared result. */
static void prepare_route(struct req *r, const struct route *rt)
{
	ctx_for(r);
	r->ctx.defer_writes = 1;
	r->prepared = NULL;
	r->prepared_wipe = 0;
	r->offload = NULL;
	r->prepare_failed = 0;
	if (db_begin(r->db, 0, &r->err) == PS_OK) {
		r->preparing = 1;
		if (run_body(r, rt)) {
			if (r->prepared && r->prepared_wipe)
				ps_memzero(r->prepared, r->prepared_wipe);
			r->prepared = NULL;
			r->prepared_wipe = 0;
			r->offload = NULL;
			r->prepare_failed = 1;
			r->prepare_err = r->err;
		}
		r->preparing = 0;
	} else {
		/* the read transaction could not begin (out of memory, storage):
		 * the handler must answer that, never act as if it had not
		 * been prepared (a login would answer a wrong password) */
		r->prepare_failed = 1;
		r->prepare_err = r->err;
	}
	db_rollback(r->db);
	ps_err_clear(&r->err);
	json_decref(r->out);
	r->out = NULL;
	r->status = 200;
	r->set_cookie = NULL;
	r->retry_after = 0;
}

/* ---- the committer's jobs ----
 * Requests that write are run by the one writer (api/committer.c), each in
 * a savepoint of a shared transaction, committed together: one fsync for
 * the batch. The deferred writes of reads join the same batches. No request
 * is answered before its batch is durable; a refused request rolls back to
 * its savepoint and only its refusal audit rows stay; a lost batch answers
 * every request of it 503. The worker thread does not wait: the http layer
 * parks the connection and is called back when the batch is done. */

enum job_kind {
	JOB_REQUEST,  /* run the whole request */
	JOB_DEFERRED, /* write what a read deferred (or its refusal rows) */
	JOB_DURABLE,  /* a read that wrote nothing: wait until what it could
		       * have seen is durable (committer_wait_durable) */
};

struct job {
	struct commit_job cj; /* first: a commit_job * is a job * */
	struct offload_job oj; /* the request's offload step, before cj */
	struct req *r;
	const struct route *rt;
	enum job_kind kind;
	int read_rc; /* JOB_DEFERRED, JOB_DURABLE: the read's own result */
	uint64_t seen; /* JOB_DURABLE: committer_seen after the read */
	void (*done)(void *arg);
	void *arg;
};

static int run_request_job(struct commit_job *cj, struct db *db)
{
	struct job *j = (struct job *)cj;
	struct req *r = j->r;

	r->db = db;
	ctx_for(r);
	return run_body(r, j->rt);
}

static int run_deferred_job(struct commit_job *cj, struct db *db)
{
	struct job *j = (struct job *)cj;
	struct ctx *c = &j->r->ctx;
	int rc;

	c->db = db;
	c->err = &j->r->err;
	c->defer_writes = 0;
	if (j->read_rc) {
		/* the read was refused: only its refusal rows */
		audit_write_pending(c);
		return PS_OK;
	}
	rc = auth_touch_deferred(c);
	if (!rc)
		rc = audit_write_deferred(c);
	if (!rc)
		rc = audit_write_refusals(c);
	return rc;
}

/* After the rollback to its savepoint: a refused request keeps its refusal
 * rows. */
static void request_rolled_back(struct commit_job *cj, struct db *db)
{
	struct job *j = (struct job *)cj;

	(void)db;
	audit_write_pending(&j->r->ctx);
}

static void job_done(struct commit_job *cj)
{
	struct job *j = (struct job *)cj;
	struct req *r = j->r;

	/* a read's answer stands once its audit rows are durable; a lost
	 * batch answers it 503 (AUD-1) */
	r->rc = (j->kind != JOB_REQUEST && !cj->rc) ? j->read_rc : cj->rc;
	j->done(j->arg); /* the request may be gone after this */
}

/* The station has writes waiting for the writer (the offload pool rests
 * between its jobs only then). */
static int writes_waiting(void)
{
	return committer_pending() > 0;
}

int api_committer_start(struct db *db)
{
	int rc = committer_start(db);

	/* without the pool, the offload steps run on the workers */
	if (!rc && offload_start(OFFLOAD_THREADS, writes_waiting))
		log_warn("offload threads not started; argon2id runs on the HTTP workers");
	return rc;
}

void api_committer_checkpoint_soon(void)
{
	committer_checkpoint_soon();
}

void api_committer_stop(void)
{
	offload_stop(); /* its jobs go on to the committer: first */
	committer_stop();
}

int api_committer_pending(void)
{
	return committer_pending() + offload_pending();
}

static int wait_for(struct req *r, const struct route *rt, enum job_kind kind, int rc)
{
	struct job *j = arena_alloc(r->arena, sizeof(*j));

	if (!j)
		return 0;
	memset(j, 0, sizeof(*j));
	j->r = r;
	j->rt = rt;
	j->kind = kind;
	j->read_rc = rc;
	j->cj.err = &r->err;
	j->cj.read = kind != JOB_REQUEST;
	j->cj.run = kind == JOB_REQUEST ? run_request_job
		    : kind == JOB_DEFERRED ? run_deferred_job
					   : NULL;
	j->cj.rolled_back = kind == JOB_REQUEST ? request_rolled_back : NULL;
	j->cj.done = job_done;
	r->job = j;
	return 1;
}

/* The offload step of a request, on a pool thread (AUTH-9). */
static void offload_run(struct offload_job *oj)
{
	struct job *j = (struct job *)(void *)((char *)oj - offsetof(struct job, oj));

	j->r->offload(j->r);
	j->r->offload = NULL;
}

/* Then the request joins the writer's queue. */
static void offload_done(struct offload_job *oj)
{
	struct job *j = (struct job *)(void *)((char *)oj - offsetof(struct job, oj));

	committer_submit(&j->cj);
}

void api_submit(struct req *r, void (*done)(void *arg), void *arg)
{
	struct job *j = r->job;

	j->done = done;
	j->arg = arg;
	if (j->kind == JOB_DURABLE) {
		if (!committer_wait_durable(&j->cj, j->seen))
			job_done(&j->cj); /* durable meanwhile */
		return;
	}
	if (r->offload) {
		j->oj.run = offload_run;
		j->oj.done = offload_done;
		offload_submit(&j->oj);
		return;
	}
	committer_submit(&j->cj);
}

void api_finish(struct req *r)
{
	int rc = r->rc;

	r->job = NULL;
	if (r->prepared && r->prepared_wipe)
		ps_memzero(r->prepared, r->prepared_wipe);
	r->prepared = NULL;
	r->prepared_wipe = 0;
	if (rc)
		render_error(r, rc);
	else if (!r->out && r->status != 204)
		r->out = json_object();
	json_decref(r->err_extra); /* an answer that was not a refusal */
	r->err_extra = NULL;
	json_decref(r->in);
	r->in = NULL;
}

size_t api_body_limit(const char *method, const char *raw_target, size_t def)
{
	const char *params[API_MAX_PARAMS];
	struct arena a;
	char path[256];
	size_t n = strcspn(raw_target, "?");
	size_t limit = def;

	if (strcmp(method, "POST") != 0 || n >= sizeof(path))
		return def;
	memcpy(path, raw_target, n);
	path[n] = '\0';
	arena_init(&a);
	for (const struct route *rt = api_routes; rt->method; rt++)
		if ((rt->flags & ROUTE_UPLOAD) && strcmp(rt->method, method) == 0 &&
		    match(rt->pattern, path, params, &a)) {
			limit = API_UPLOAD_MAX > def ? API_UPLOAD_MAX : def;
			break;
		}
	arena_release(&a);
	return limit;
}

/* The methods r's path answers, as a 405's Allow header lists them
 * ("GET, HEAD, POST"), in r's arena; NULL without memory. */
static const char *route_methods(struct req *r)
{
	const char *out = "";
	const char *params[API_MAX_PARAMS];

	for (const struct route *rt = api_routes; rt->method && out; rt++) {
		memset(params, 0, sizeof(params));
		if (!match(rt->pattern, r->path, params, r->arena) || strstr(out, rt->method))
			continue;
		out = arena_printf(r->arena, "%s%s%s%s", out, *out ? ", " : "", rt->method,
				   strcmp(rt->method, "GET") == 0 ? ", HEAD" : "");
	}
	return out && *out ? out : NULL;
}

int api_handle(struct req *r)
{
	const struct route *rt, *found = NULL;
	int path_matched = 0, rc;

	r->status = 200;
	ps_err_clear(&r->err);
	for (rt = api_routes; rt->method; rt++) {
		memset(r->params, 0, sizeof(r->params));
		if (!match(rt->pattern, r->path, r->params, r->arena))
			continue;
		path_matched = 1;
		/* HEAD is GET without the body (RFC 9110 §9.3.2): the same
		 * handler, its read audited alike */
		if (strcmp(rt->method, r->method) == 0 ||
		    (strcmp(r->method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0)) {
			found = rt;
			break;
		}
	}
	if (!found) {
		if (path_matched) {
			r->allow = route_methods(r);
			rc = ps_fail(&r->err, PS_EMETHOD, NULL, NULL, "该地址不支持 %s 方法", r->method);
		} else {
			rc = ps_fail(&r->err, PS_ENOTFOUND, "NO_ROUTE", NULL, "没有这个接口：%s", r->path);
		}
		render_error(r, rc);
		return API_DONE;
	}
	if (is_write_method(r->method)) {
		rc = api_write_failed() ? api_writes_stopped(&r->err) : api_writes_held(&r->err);
		if (rc) {
			render_error(r, rc);
			return API_DONE;
		}
	}
	if (r->body_len > 0 && !(found->flags & ROUTE_UPLOAD)) {
		const char *ct = r->content_type;

		if (!ct || strncasecmp(ct, "application/json", 16) != 0 ||
		    (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
			render_error(r, ps_fail(&r->err, PS_EMEDIA, NULL, NULL,
						"请求内容类型必须为 application/json"));
			return API_DONE;
		}
		rc = json_parse_body(r->body, r->body_len, &r->in, &r->err);
		if (!rc && !found->body && is_write_method(r->method))
			rc = fields_bind(r->in, fields_none, NULL, &r->err); /* a step takes no fields */
		if (rc) {
			json_decref(r->in); /* a refused body is dropped here */
			r->in = NULL;
			render_error(r, rc);
			return API_DONE;
		}
	}
	r->offload = NULL;
	if (route_prepares(found) && is_write_method(r->method))
		prepare_route(r, found);
	if (committer_running() && !(found->flags & ROUTE_SOLO) && is_write_method(r->method) &&
	    wait_for(r, found, JOB_REQUEST, PS_OK)) {
		if (r->offload && !offload_running()) {
			r->offload(r);
			r->offload = NULL;
		}
		return API_WAIT;
	}
	if (r->offload) {
		r->offload(r); /* no pool or no committer: here, before the write */
		r->offload = NULL;
	}
	for (int attempt = 0;; attempt++) {
		ps_err_clear(&r->err);
		req_error_extra(r, NULL);
		json_decref(r->out);
		r->out = NULL;
		json_mem_free(r->out_text);
		r->out_text = NULL;
		r->status = 200;
		r->set_cookie = NULL;
		rc = run_route(r, found, committer_running());
		if (rc != PS_EBUSY || attempt >= 20)
			break;
		/* a request that had to write met a newer snapshot or a busy
		 * writer: back off a little and retry */
		usleep((useconds_t)(5000 * (attempt + 1)));
	}
	if (r->ctx.defer_writes &&
	    (rc ? r->ctx.pending || r->ctx.pending_fails
		: r->ctx.deferred || r->ctx.touch_hash || r->ctx.pending)) {
		int held = api_writes_held(&r->err);

		if (held) { /* its audit rows could not be written: nothing shown */
			r->rc = held;
			api_finish(r);
			return API_DONE;
		}
		if (wait_for(r, found, JOB_DEFERRED, rc))
			return API_WAIT;
		/* no answer before its audit rows are written (AUD-1) */
		if (!rc)
			rc = ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	if (!is_write_method(r->method) && !(found->flags & ROUTE_NO_DATA)) {
		/* a read shows nothing before it is durable: a batch that
		 * committed may still be on its way to the disk (its 404 or
		 * 403 neither: a delete or a revocation not yet synced) */
		uint64_t seen = committer_seen();

		if (!committer_durable(seen)) {
			if (!wait_for(r, found, JOB_DURABLE, rc))
				rc = ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
			else {
				((struct job *)r->job)->seen = seen;
				return API_WAIT;
			}
		}
	}
	r->rc = rc;
	api_finish(r);
	return API_DONE;
}
