/* throttle.c — failure counters by key in a window, in the database (see
 * throttle.h). */
#include "domain/throttle.h"
#include "core/log.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

static const char *const kind_names[THROTTLE_NKINDS] = {
	[THROTTLE_LOGIN_ADDR] = "login_addr",
	[THROTTLE_PROGRESS_ADDR] = "progress_addr",
	[THROTTLE_PROGRESS_CODE] = "progress_code",
	[THROTTLE_TOTP_USER] = "totp_user",
	[THROTTLE_COMPLAINT_ADDR] = "complaint_addr",
};

/* The key as counted, in buf: an IPv6 client by its /64 (one subscriber's
 * whole prefix), an IPv4 one by its address, other keys as they are; cut
 * to THROTTLE_KEY_MAX bytes. */
static const char *count_key(enum throttle_kind kind, const char *key,
			     char buf[THROTTLE_KEY_MAX + 1])
{
	unsigned char a[16];
	char v6[INET6_ADDRSTRLEN];

	if (kind != THROTTLE_PROGRESS_CODE && kind != THROTTLE_TOTP_USER && strchr(key, ':') &&
	    inet_pton(AF_INET6, key, a) == 1) {
		memset(a + 8, 0, 8);
		if (inet_ntop(AF_INET6, a, v6, sizeof(v6)))
			key = v6;
	}
	snprintf(buf, THROTTLE_KEY_MAX + 1, "%s", key);
	return buf;
}

int throttle_retry_after(struct ctx *c, enum throttle_kind kind, const char *key, int max,
			 int64_t window_s, int *retry)
{
	struct db_stmt *st;
	char buf[THROTTLE_KEY_MAX + 1];
	int rc;

	*retry = 0;
	if (!key || !*key || kind >= THROTTLE_NKINDS || max <= 0)
		return PS_OK;
	rc = db_prepare(c->db,
			"SELECT started_at, failures FROM throttle_window WHERE kind = ? AND subject = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, kind_names[kind]);
	db_bind_text(st, 2, count_key(kind, key, buf));
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		int64_t start = db_column_int(st, 0);

		if (db_column_int(st, 1) >= max && c->now >= start && c->now - start < window_s)
			*retry = (int)(start + window_s - c->now);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

/* Count one failure of the counted key k at now: expired windows go first,
 * then the key's row starts a window or adds to it. */
static int count(struct db *db, enum throttle_kind kind, const char *k, int64_t now,
		 int64_t window_s, int *failures, struct ps_err *err)
{
	struct db_stmt *st;
	int rc;

	rc = db_prepare(db, "DELETE FROM throttle_window WHERE expires_at <= ?", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, now);
	rc = db_step(st, err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	/* a window that ended (or lies ahead: the clock went back) starts
	 * again at this failure */
	rc = db_prepare(db,
			"INSERT INTO throttle_window (kind, subject, started_at, expires_at, failures)"
			" VALUES (?, ?, ?, ?, 1)"
			" ON CONFLICT (kind, subject) DO UPDATE SET"
			" failures = CASE WHEN throttle_window.expires_at <= excluded.started_at"
			"  OR throttle_window.started_at > excluded.started_at THEN 1"
			"  ELSE throttle_window.failures + 1 END,"
			" started_at = CASE WHEN throttle_window.expires_at <= excluded.started_at"
			"  OR throttle_window.started_at > excluded.started_at THEN excluded.started_at"
			"  ELSE throttle_window.started_at END,"
			" expires_at = CASE WHEN throttle_window.expires_at <= excluded.started_at"
			"  OR throttle_window.started_at > excluded.started_at THEN excluded.expires_at"
			"  ELSE throttle_window.expires_at END"
			" RETURNING failures",
			&st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, kind_names[kind]);
	db_bind_text(st, 2, k);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, now + window_s);
	rc = db_step(st, err);
	if (rc == PS_ROW) {
		if (failures)
			*failures = (int)db_column_int(st, 0);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = ps_fail(err, PS_EIO, NULL, NULL, "失败计数未能记录");
	}
	db_finalize(st);
	return rc;
}

int throttle_fail(struct ctx *c, enum throttle_kind kind, const char *key, int64_t window_s,
		  int *failures)
{
	struct pending_fail *p;
	char buf[THROTTLE_KEY_MAX + 1];
	const char *k;

	if (failures)
		*failures = 0;
	if (!key || !*key || kind >= THROTTLE_NKINDS)
		return PS_OK;
	k = count_key(kind, key, buf);
	/* remembered first: if the count below fails, the request fails and
	 * the rollback counts it */
	p = arena_alloc(c->arena, sizeof(*p));
	if (p) {
		p->kind = kind;
		p->key = arena_strdup(c->arena, k);
		p->at = c->now;
		p->window_s = window_s;
		p->next = c->pending_fails;
		if (p->key)
			c->pending_fails = p;
	}
	return count(c->db, kind, k, c->now, window_s, failures, c->err);
}

void throttle_write_pending(struct ctx *c)
{
	struct ps_err e;

	ps_err_clear(&e);
	for (struct pending_fail *p = c->pending_fails; p; p = p->next)
		if (count(c->db, p->kind, p->key, p->at, p->window_s, NULL, &e)) {
			log_error("could not count a failure (%s): %s", kind_names[p->kind], e.msg);
			break;
		}
	c->pending_fails = NULL;
}
