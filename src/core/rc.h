/* rc.h — the one error enum of Precinct, and the request error slot.
 *
 * Every fallible function returns an enum ps_rc. PS_OK is 0, so the idiom is
 *     rc = f(...); if (rc) goto out;
 * The human message (Chinese, for the UI), a stable code and the rule id of a
 * refusal travel in a struct ps_err that the caller owns. */
#ifndef PS_RC_H
#define PS_RC_H

#include <stddef.h>

enum ps_rc {
	PS_OK = 0,
	PS_ENOMEM,     /* allocation failed: 503 */
	PS_EINVAL,     /* bad input: 400 */
	PS_EAUTH,      /* not logged in / bad credentials: 401 */
	PS_EFORBIDDEN, /* logged in but not allowed: 403 */
	PS_ENOTFOUND,  /* 404 */
	PS_EMETHOD,    /* 405 */
	PS_ECONFLICT,  /* state conflict (duplicate, wrong state): 409 */
	PS_ERULE,      /* a legal rule refused it: 409 with the rule id */
	PS_ETOOBIG,    /* body too large: 413 */
	PS_ETIMEOUT,   /* the body did not arrive in time: 408 */
	PS_ETOOLONG,   /* request target (URI) too long: 414 */
	PS_EHEADERS,   /* request header block too large: 431 */
	PS_EMEDIA,     /* wrong Content-Type: 415 */
	PS_ELOCKED,    /* account locked: 423 */
	PS_ERATE,      /* too many requests: 429 */
	PS_EBUSY,      /* database busy: retried, then 503 */
	PS_EIO,        /* storage failure: 503, write-fail-stop */
	PS_EUNAVAIL,   /* the store lost a batch (disk full, I/O error): 503,
			* nothing of the request was saved, retry later */
	PS_EINTERNAL,  /* a bug: 500 with a correlation id */
	PS_ROW,        /* db_step: a row is ready (not an error) */
	PS_DONE,       /* db_step: no more rows (not an error) */
};

/* The error slot of one request or CLI call. code is a static string such as
 * "BAD_JSON"; rule is a rule id such as "ADM-OFFICERS-2" or NULL; msg is the
 * Chinese message shown to the user. field names the offending input field. */
struct ps_err {
	int rc;
	const char *code;
	const char *rule;
	const char *field;
	char msg[512];
};

/* Fill err and return rc. The message is formatted with vsnprintf and
 * truncated to fit; err may be NULL (then only rc is returned). Cannot fail. */
int ps_fail(struct ps_err *err, int rc, const char *code, const char *rule,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Like ps_fail with the offending field named. */
int ps_fail_field(struct ps_err *err, int rc, const char *field,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Reset err to "no error". Cannot fail. */
void ps_err_clear(struct ps_err *err);

/* The HTTP status for rc. Cannot fail. */
int ps_rc_http_status(int rc);

/* A default machine code for rc ("NOT_FOUND", …) used when err->code is NULL. */
const char *ps_rc_code(int rc);

/* A default Chinese message for rc, used when err->msg is empty. */
const char *ps_rc_message(int rc);

#endif
