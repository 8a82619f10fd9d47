/* dispatch.c — routing, session, CSRF, one transaction per request. */
#include "api/api.h"
#include "domain/audit.h"
#include "domain/auth.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/log.h"
#include "core/mem.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct api_config api_config;
static atomic_int write_failed;

void api_write_fail_stop(void)
{
	if (!atomic_exchange(&write_failed, 1))
		log_error("ALERT: a database write failed to commit; the server "
			  "refuses writes (503) until it is restarted and checked");
}

int api_write_failed(void)
{
	return atomic_load(&write_failed);
}

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
	char *end;
	long long n;

	*out = def;
	if (!v || !*v)
		return PS_OK;
	n = strtoll(v, &end, 10);
	if (*end || n < min || n > max)
		return ps_fail_field(&r->err, PS_EINVAL, key,
				     "查询参数 %s 应为 %lld 到 %lld 之间的整数", key,
				     (long long)min, (long long)max);
	*out = n;
	return PS_OK;
}

int req_param_id(struct req *r, int i, int64_t *out)
{
	const char *v = r->params[i];
	char *end;
	long long n;

	*out = 0;
	if (!v || !*v || *v == '-' || *v == '+')
		goto bad;
	n = strtoll(v, &end, 10);
	if (*end || n <= 0)
		goto bad;
	*out = n;
	return PS_OK;
bad:
	return ps_fail(&r->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "记录不存在");
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
	r->status = status;
	return PS_OK;
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
	const char *msg = e->msg[0] ? e->msg : ps_rc_message(rc);

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
	json_decref(r->out);
	json_mem_free(r->out_text);
	r->out_text = NULL;
	r->out = err ? json_pack("{s:o}", "error", err) : NULL;
	r->status = ps_rc_http_status(rc);
	if (rc == PS_ERATE && !r->retry_after)
		r->retry_after = 60;
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
 * before its writes commit). PS_ENOMEM when it cannot be. */
static int render_out(struct req *r)
{
	json_mem_free(r->out_text);
	r->out_text = NULL;
	r->out_len = 0;
	if (!r->out)
		return PS_OK;
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
	return rc;
}

static void ctx_for(struct req *r)
{
	ctx_init(&r->ctx, r->db, r->arena, &r->err);
	r->ctx.client_ip = r->client_ip;
	r->ctx.request_id = r->request_id;
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
	int write = is_write_method(r->method) || (rt->flags & ROUTE_WRITE);
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
		if (rc)
			goto fail;
	}
	rc = db_commit(r->db, &r->err);
	if (rc == PS_EIO)
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

/* ---- group commit ----
 * Requests that write are run one after another by one committer thread on
 * its own connection, each inside a savepoint of a shared transaction, and
 * committed together: one fsync for the batch. The deferred writes of reads
 * join the same batches. No request is answered before its batch is
 * durable; a refused request rolls back to its savepoint and only its
 * refusal audit rows stay. The worker thread does not wait: the http layer
 * parks the connection and is called back when the batch is done. */

enum job_kind {
	JOB_REQUEST,  /* run the whole request */
	JOB_DEFERRED, /* write what a read deferred (or its refusal rows) */
};

struct job {
	struct req *r;
	const struct route *rt;
	enum job_kind kind;
	int rc;
	void (*done)(void *arg);
	void *arg;
	struct job *next;
};

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_cond = PTHREAD_COND_INITIALIZER;
static struct job *q_head, *q_tail;
static struct db *committer_db;
static pthread_t committer;
static int committer_running, committer_stop;
static atomic_int jobs_open; /* submitted and not yet answered */

#define BATCH_MAX 256

static int run_job(struct job *j)
{
	struct req *r = j->r;
	struct ctx *c = &r->ctx;
	int rc;

	if (j->kind == JOB_DEFERRED) {
		c->db = committer_db;
		c->err = &r->err;
		c->defer_writes = 0;
		if (j->rc) {
			/* the read was refused: only its refusal rows */
			audit_write_pending(c);
			return j->rc;
		}
		rc = auth_touch_deferred(c);
		if (!rc)
			rc = audit_write_deferred(c);
		return rc;
	}
	r->db = committer_db;
	ctx_for(r);
	return run_body(r, j->rt);
}

static void run_batch(struct job *list)
{
	struct ps_err e;
	struct job *j;
	int rc;

	ps_err_clear(&e);
	rc = db_begin(committer_db, 1, &e);
	for (j = list; j; j = j->next) {
		struct req *r = j->r;
		int refused_read = j->kind == JOB_DEFERRED && j->rc;

		if (rc) {
			if (!refused_read) {
				r->err = e;
				j->rc = rc;
			}
			continue;
		}
		if (db_exec(committer_db, "SAVEPOINT request", &r->err)) {
			j->rc = PS_EIO;
			continue;
		}
		j->rc = run_job(j);
		if (j->rc && !refused_read) {
			db_exec(committer_db, "ROLLBACK TO SAVEPOINT request", NULL);
			audit_write_pending(&r->ctx);
		}
		db_exec(committer_db, "RELEASE SAVEPOINT request", NULL);
	}
	if (rc)
		return;
	rc = db_commit(committer_db, &e);
	if (rc) {
		if (rc == PS_EIO)
			api_write_fail_stop();
		for (j = list; j; j = j->next)
			if (!j->rc) {
				j->r->err = e;
				j->rc = rc;
			}
	}
}

static void *committer_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&q_lock);
	for (;;) {
		struct job *list, *j, *next;
		int n = 0;

		while (!committer_stop && !q_head)
			pthread_cond_wait(&q_cond, &q_lock);
		if (!q_head && committer_stop)
			break;
		/* take what is waiting, up to a batch */
		list = q_head;
		for (j = q_head; j->next && ++n < BATCH_MAX; j = j->next)
			;
		q_head = j->next;
		if (!q_head)
			q_tail = NULL;
		j->next = NULL;
		pthread_mutex_unlock(&q_lock);
		run_batch(list);
		for (j = list; j; j = next) {
			next = j->next;
			j->r->rc = j->rc;
			j->done(j->arg); /* the request may be gone after this */
			atomic_fetch_sub(&jobs_open, 1);
		}
		pthread_mutex_lock(&q_lock);
	}
	pthread_mutex_unlock(&q_lock);
	return NULL;
}

int api_committer_start(struct db *db)
{
	committer_db = db;
	committer_stop = 0;
	if (pthread_create(&committer, NULL, committer_main, NULL) != 0)
		return PS_ENOMEM;
	committer_running = 1;
	return PS_OK;
}

void api_committer_stop(void)
{
	if (!committer_running)
		return;
	pthread_mutex_lock(&q_lock);
	committer_stop = 1;
	pthread_cond_broadcast(&q_cond);
	pthread_mutex_unlock(&q_lock);
	pthread_join(committer, NULL);
	committer_running = 0;
}

int api_committer_pending(void)
{
	return atomic_load(&jobs_open);
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
	j->rc = rc;
	r->job = j;
	return 1;
}

void api_submit(struct req *r, void (*done)(void *arg), void *arg)
{
	struct job *j = r->job;

	j->done = done;
	j->arg = arg;
	atomic_fetch_add(&jobs_open, 1);
	pthread_mutex_lock(&q_lock);
	if (q_tail)
		q_tail->next = j;
	else
		q_head = j;
	q_tail = j;
	pthread_cond_signal(&q_cond);
	pthread_mutex_unlock(&q_lock);
}

void api_finish(struct req *r)
{
	int rc = r->rc;

	r->job = NULL;
	if (rc)
		render_error(r, rc);
	else if (!r->out && r->status != 204)
		r->out = json_object();
	json_decref(r->in);
	r->in = NULL;
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
		if (strcmp(rt->method, r->method) == 0) {
			found = rt;
			break;
		}
	}
	if (!found) {
		rc = path_matched
			     ? ps_fail(&r->err, PS_EMETHOD, NULL, NULL,
				       "该地址不支持 %s 方法", r->method)
			     : ps_fail(&r->err, PS_ENOTFOUND, "NO_ROUTE", NULL,
				       "没有这个接口：%s", r->path);
		render_error(r, rc);
		return API_DONE;
	}
	if (is_write_method(r->method) && api_write_failed()) {
		render_error(r, ps_fail(&r->err, PS_EIO, NULL, NULL, "写入已停止"));
		return API_DONE;
	}
	if (r->body_len > 0) {
		const char *ct = r->content_type;

		if (!ct || strncasecmp(ct, "application/json", 16) != 0 ||
		    (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
			render_error(r, ps_fail(&r->err, PS_EMEDIA, NULL, NULL,
						"请求内容类型必须为 application/json"));
			return API_DONE;
		}
		rc = json_parse_body(r->body, r->body_len, &r->in, &r->err);
		if (rc) {
			render_error(r, rc);
			return API_DONE;
		}
	}
	if (committer_running && !(found->flags & ROUTE_SOLO) && is_write_method(r->method) &&
	    wait_for(r, found, JOB_REQUEST, PS_OK))
		return API_WAIT;
	for (int attempt = 0;; attempt++) {
		ps_err_clear(&r->err);
		json_decref(r->out);
		r->out = NULL;
		json_mem_free(r->out_text);
		r->out_text = NULL;
		r->status = 200;
		r->set_cookie = NULL;
		rc = run_route(r, found, committer_running);
		if (rc != PS_EBUSY || attempt >= 20)
			break;
		/* a request that had to write met a newer snapshot or a busy
		 * writer: back off a little and retry */
		usleep((useconds_t)(5000 * (attempt + 1)));
	}
	if (r->ctx.defer_writes &&
	    (rc ? r->ctx.pending != NULL : r->ctx.deferred || r->ctx.touch_hash)) {
		if (wait_for(r, found, JOB_DEFERRED, rc))
			return API_WAIT;
		/* no answer before its audit rows are written (AUD-1) */
		if (!rc)
			rc = ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	r->rc = rc;
	api_finish(r);
	return API_DONE;
}
