#include "domain/admin/audit.h"
#include "core/text.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "domain/throttle.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/log.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void hex(const unsigned char *h, size_t n, char *out)
{
	static const char d[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = d[h[i] >> 4];
		out[2 * i + 1] = d[h[i] & 15];
	}
	out[2 * n] = '\0';
}

/* The canonical form of a row: fields separated by 0x1f, NULL as 0x00. */
static int canon_add(struct buf *b, const char *s)
{
	int rc = s ? buf_adds(b, s) : buf_add(b, "\0", 1);

	return rc ? rc : buf_add(b, "\x1f", 1);
}

static int row_hash(const char *prev, int64_t at_ms, int64_t user_id,
		    const char *username, const char *role, int64_t unit_id,
		    const char *ip, const char *sess, const char *req,
		    const char *action, const char *otype, const char *oid,
		    const char *outcome, const char *detail, char out[65])
{
	struct buf b;
	unsigned char h[32];
	int rc;

	buf_init(&b, 1 << 20);
	rc = buf_addf(&b, "%s\x1e%lld\x1f%lld\x1f", prev, (long long)at_ms,
		      (long long)user_id);
	if (!rc) rc = canon_add(&b, username);
	if (!rc) rc = canon_add(&b, role);
	if (!rc) rc = buf_addf(&b, "%lld\x1f", (long long)unit_id);
	if (!rc) rc = canon_add(&b, ip);
	if (!rc) rc = canon_add(&b, sess);
	if (!rc) rc = canon_add(&b, req);
	if (!rc) rc = canon_add(&b, action);
	if (!rc) rc = canon_add(&b, otype);
	if (!rc) rc = canon_add(&b, oid);
	if (!rc) rc = canon_add(&b, outcome);
	if (!rc) rc = canon_add(&b, detail);
	if (rc)
		return rc;
	crypto_generichash(h, sizeof(h), (const unsigned char *)b.p, b.len,
			   NULL, 0);
	buf_release(&b);
	hex(h, sizeof(h), out);
	return PS_OK;
}

int audit_row_hash(const char *prev, const struct audit_row *w, char out[65])
{
	return row_hash(prev, w->at_ms, w->user_id, w->username, w->role, w->unit_id,
			w->client_ip, w->session_hash, w->request_id, w->action, w->object_type,
			w->object_id, w->outcome, w->detail, out);
}

static const char *const chain_tables[AUDIT_CHAINS] = { "audit", "audit_read" };
static const char *const chain_anchors[AUDIT_CHAINS] = { "audit_anchor", "audit_read_anchor" };
static const char *const chain_names[AUDIT_CHAINS] = { "change", "read" };
static const char *const chain_labels[AUDIT_CHAINS] = { "审计链", "读取审计链" };

const char *audit_chain_table(enum audit_chain ch)
{
	return chain_tables[ch];
}

const char *audit_chain_name(enum audit_chain ch)
{
	return chain_names[ch];
}

/* The head of each chain as this thread's connection last appended to it,
 * inside its write transaction (issue 14): the group committer writes a row
 * for every job of a batch, and the head it just wrote is the head the next
 * row needs. Kept while db_epoch(db) is unchanged, which holds within one
 * write transaction until a ROLLBACK TO (a job undone), the COMMIT or the
 * ROLLBACK; no other connection appends meanwhile (the write lock). A purge
 * of the chain in the same transaction forgets it (audit_head_forget). */
struct head_memo {
	const struct db *db;
	uint64_t epoch;
	char hash[65];
	int64_t next_id;
};
static _Thread_local struct head_memo head_memo[AUDIT_CHAINS];

void audit_head_forget(enum audit_chain ch)
{
	head_memo[ch].db = NULL;
}

/* The memo of ch on c's connection, or NULL. */
static const struct head_memo *head_known(struct ctx *c, enum audit_chain ch)
{
	const struct head_memo *m = &head_memo[ch];

	return m->db == c->db && m->epoch == db_epoch(c->db) && db_in_write_txn(c->db) ? m : NULL;
}

static void head_keep(struct ctx *c, enum audit_chain ch, const char hash[65], int64_t next_id)
{
	struct head_memo *m = &head_memo[ch];

	if (!db_in_write_txn(c->db)) {
		m->db = NULL;
		return;
	}
	m->db = c->db;
	m->epoch = db_epoch(c->db);
	memcpy(m->hash, hash, 65);
	m->next_id = next_id;
}

/* The head of the chain: the newest row's hash (the genesis when there is
 * none) and the id the next row takes. Ids are given here, one after the
 * newest, under the write lock every writer holds: a sequence (PostgreSQL's
 * identity) is not rolled back with a lost batch, and its gap would read
 * as a deleted row to audit verify. With no row (all purged), the next id
 * follows the latest anchor. */
static int chain_head(struct ctx *c, enum audit_chain ch, char out[65], int64_t *next_id)
{
	const struct head_memo *m = head_known(c, ch);
	struct db_stmt *st;
	char sql[128];
	const char *h;
	int rc;

	if (m) {
		memcpy(out, m->hash, 65);
		*next_id = m->next_id;
		return PS_OK;
	}
	snprintf(sql, sizeof(sql), "SELECT hash, id FROM %s ORDER BY id DESC LIMIT 1",
		 chain_tables[ch]);
	rc = db_prepare(c->db, sql, &st, c->err);

	if (rc)
		return rc;
	memcpy(out, AUDIT_GENESIS, 65);
	*next_id = 0;
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		h = db_column_text(st, 0);
		if (h && strlen(h) == 64)
			memcpy(out, h, 65);
		*next_id = db_column_int(st, 1) + 1;
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	if (rc || *next_id)
		return rc;
	snprintf(sql, sizeof(sql), "SELECT COALESCE(MAX(through_id), 0) + 1 FROM %s",
		 chain_anchors[ch]);
	rc = db_prepare(c->db, sql, &st, c->err);
	if (rc)
		return rc;
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		*next_id = db_column_int(st, 0);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		*next_id = 1;
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

static int audit_insert(struct ctx *c, enum audit_chain ch, int64_t at_ms, const char *action,
			const char *object_type, const char *object_id,
			const char *outcome, const char *detail)
{
	char prev[65], hash[65], sql[320];
	struct db_stmt *st;
	int64_t id;
	int rc;

	rc = chain_head(c, ch, prev, &id);
	if (rc)
		return rc;
	rc = row_hash(prev, at_ms, c->who.user_id, c->who.username, c->who.role,
		      c->who.unit_id, c->client_ip, c->session_hash,
		      c->request_id, action, object_type, object_id, outcome,
		      detail, hash);
	if (rc)
		return ps_fail(c->err, rc, NULL, NULL, "审计记录生成失败");
	snprintf(sql, sizeof(sql),
		 "INSERT INTO %s(at_ms, user_id, username, role, unit_id,"
		 " client_ip, session_hash, request_id, action, object_type,"
		 " object_id, outcome, detail, prev_hash, hash, id)"
		 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		 chain_tables[ch]);
	rc = db_prepare(c->db, sql, &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, at_ms);
	if (c->who.user_id)
		db_bind_int(st, 2, c->who.user_id);
	db_bind_text(st, 3, c->who.username);
	db_bind_text(st, 4, c->who.role);
	if (c->who.unit_id)
		db_bind_int(st, 5, c->who.unit_id);
	db_bind_text(st, 6, c->client_ip);
	db_bind_text(st, 7, c->session_hash);
	db_bind_text(st, 8, c->request_id);
	db_bind_text(st, 9, action);
	db_bind_text(st, 10, object_type);
	db_bind_text(st, 11, object_id);
	db_bind_text(st, 12, outcome);
	db_bind_text(st, 13, detail);
	db_bind_text(st, 14, prev);
	db_bind_text(st, 15, hash);
	db_bind_int(st, 16, id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE) {
		audit_head_forget(ch);
		return rc;
	}
	head_keep(c, ch, hash, id + 1);
	return PS_OK;
}

/* Remember the row (its time is now) for audit_write_deferred. */
static int audit_defer(struct ctx *c, enum audit_chain ch, const char *action, const char *object_type,
		       const char *object_id, const char *outcome, const char *detail)
{
	struct pending_audit *p = arena_alloc(c->arena, sizeof(*p));

	if (!p)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	p->at_ms = ps_now_ms();
	p->chain = (int)ch;
	p->action = arena_strdup(c->arena, action);
	p->object_type = object_type ? arena_strdup(c->arena, object_type) : NULL;
	p->object_id = object_id ? arena_strdup(c->arena, object_id) : NULL;
	p->outcome = arena_strdup(c->arena, outcome);
	p->detail = detail ? arena_strdup(c->arena, detail) : NULL;
	if (!p->action || !p->outcome || (object_type && !p->object_type) ||
	    (object_id && !p->object_id) || (detail && !p->detail))
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	p->next = c->deferred;
	c->deferred = p;
	return PS_OK;
}

static int chain_write(struct ctx *c, enum audit_chain ch, const char *action,
		       const char *object_type, const char *object_id, const char *outcome,
		       const char *detail)
{
	/* an id or a detail taken from a request may hold any bytes: a row
	 * that is not UTF-8 could never be listed or exported again */
	const char *id = text_utf8_scrub(c->arena, object_id), *det = text_utf8_scrub(c->arena, detail);
	int rc;

	if ((object_id && !id) || (detail && !det))
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	object_id = id;
	detail = det;
	rc = c->defer_writes ? audit_defer(c, ch, action, object_type, object_id, outcome, detail)
			     : audit_insert(c, ch, ps_now_ms(), action, object_type, object_id, outcome, detail);

	if (!rc && strcmp(outcome, "success") == 0 && object_type && object_id) {
		c->audited_type = arena_strdup(c->arena, object_type);
		c->audited_id = arena_strdup(c->arena, object_id);
	}
	return rc;
}

int audit_write(struct ctx *c, const char *action, const char *object_type,
		const char *object_id, const char *outcome, const char *detail)
{
	return chain_write(c, AUDIT_CHAIN_CHANGE, action, object_type, object_id, outcome,
			   detail);
}

int audit_write_deferred(struct ctx *c)
{
	struct pending_audit *p, *next, *fifo = NULL;
	int rc = PS_OK;

	/* oldest first, so the chain follows the request */
	for (p = c->deferred; p; p = next) {
		next = p->next;
		p->next = fifo;
		fifo = p;
	}
	c->deferred = NULL;
	for (p = fifo; p && !rc; p = p->next)
		rc = audit_insert(c, (enum audit_chain)p->chain, p->at_ms, p->action, p->object_type, p->object_id,
				  p->outcome, p->detail);
	return rc;
}

int audit_read(struct ctx *c, const char *object_type, const char *object_id)
{
	/* the row of the change this request just made to the same object
	 * already names who touched it: the echo is not a second access */
	if (c->audited_type && c->audited_id && object_id &&
	    strcmp(c->audited_type, object_type) == 0 && strcmp(c->audited_id, object_id) == 0)
		return PS_OK;
	/* a write's echo that names another object goes to the read chain
	 * too: every read row is in one chain, whatever request made it */
	return chain_write(c, AUDIT_CHAIN_READ, "read", object_type, object_id, "success", NULL);
}

int audit_read_action(struct ctx *c, const char *action, const char *object_type,
		      const char *object_id, const char *detail)
{
	return chain_write(c, AUDIT_CHAIN_READ, action, object_type, object_id, "success", detail);
}

int audit_read_ids(struct ctx *c, const char *action, const char *object_type, const int64_t *ids,
		   size_t n)
{
	struct buf text;
	int rc;

	buf_init(&text, 4096);
	buf_addf(&text, "n=%zu ids=", n);
	for (size_t i = 0; i < n && i < 200; i++)
		buf_addf(&text, "%s%lld", i ? "," : "", (long long)ids[i]);
	rc = buf_str(&text) ? audit_read_action(c, action, object_type, NULL, buf_str(&text))
			    : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	buf_release(&text);
	return rc;
}

int audit_read_items(struct ctx *c, const char *action, const char *object_type,
		     const json_t *items, const char *id_key)
{
	struct buf text;
	size_t n = json_array_size(items);
	int rc;

	/* 200 keys of up to ~60 bytes: a text key (a clock's) is longer than
	 * an id, and a buffer that fills empties itself (buf.h), so the room
	 * is counted first and the list ends with "…" where it would not fit */
	buf_init(&text, 16384);
	rc = buf_addf(&text, "n=%zu ids=", n);
	for (size_t i = 0; !rc && i < n && i < 200; i++) {
		const json_t *v = json_object_get(json_array_get(items, i), id_key);
		char num[24];
		const char *one = json_is_string(v) ? json_string_value(v) : num;

		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		if (text.len + strlen(one) + 8 > text.max) {
			rc = buf_adds(&text, ",…");
			break;
		}
		rc = buf_addf(&text, "%s%s", i ? "," : "", one);
	}
	rc = rc ? ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足")
		: audit_read_action(c, action, object_type, NULL, buf_str(&text));
	buf_release(&text);
	return rc;
}

void audit_flush_pending(struct ctx *c)
{
	struct ps_err e;
	struct ps_err *saved = c->err;
	int rc;

	if (!c->pending && !c->pending_fails)
		return;
	ps_err_clear(&e);
	c->err = &e;
	rc = db_begin(c->db, 1, &e);
	for (struct pending_audit *p = c->pending; p && !rc; p = p->next)
		rc = audit_write(c, p->action, p->object_type, p->object_id,
				 p->outcome, p->detail);
	if (!rc)
		throttle_write_pending(c);
	if (!rc)
		rc = db_commit(c->db, &e);
	else
		db_rollback(c->db);
	if (rc)
		log_error("could not audit a refusal: %s", e.msg);
	c->pending = NULL;
	c->err = saved;
}

void audit_write_pending(struct ctx *c)
{
	struct ps_err e;
	struct ps_err *saved = c->err;
	int rc = PS_OK;

	ps_err_clear(&e);
	c->err = &e;
	for (struct pending_audit *p = c->pending; p && !rc; p = p->next)
		rc = audit_write(c, p->action, p->object_type, p->object_id, p->outcome, p->detail);
	if (rc)
		log_error("could not audit a refusal: %s", e.msg);
	c->pending = NULL;
	c->err = saved;
	throttle_write_pending(c);
}

int audit_write_refusals(struct ctx *c)
{
	int rc = PS_OK;

	for (struct pending_audit *p = c->pending; p && !rc; p = p->next)
		rc = audit_write(c, p->action, p->object_type, p->object_id, p->outcome, p->detail);
	if (!rc)
		c->pending = NULL; /* else kept: written after the rollback */
	return rc;
}

/* Where the chain starts: after the latest purge anchor (its hash, the id
 * after it), else at the genesis with row 1. */
static int chain_start(struct db *db, enum audit_chain ch, char prev[65], int64_t *first_id,
		       struct ps_err *err)
{
	struct db_stmt *st;
	const char *h;
	char sql[128];
	int rc;

	snprintf(sql, sizeof(sql), "SELECT through_id, hash FROM %s ORDER BY through_id DESC LIMIT 1",
		 chain_anchors[ch]);
	rc = db_prepare(db, sql, &st, err);

	if (rc)
		return rc;
	*first_id = 1;
	rc = db_step(st, err);
	if (rc == PS_ROW) {
		h = db_column_text(st, 1);
		*first_id = db_column_int(st, 0) + 1;
		rc = h && strlen(h) == 64
			     ? PS_OK
			     : ps_fail(err, PS_EIO, "AUDIT_BROKEN", NULL, "%s锚点记录损坏",
				       chain_labels[ch]);
		if (!rc)
			memcpy(prev, h, 65);
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

/* The latest anchor was made by a purge that the chain records (its row
 * "audit.purge" names the anchor's row as object). */
static int anchor_purge_recorded(struct db *db, enum audit_chain ch, int64_t through,
				 int64_t *bad_id, struct ps_err *err)
{
	struct db_stmt *st;
	char id[24];
	int rc = db_prepare(db,
			    "SELECT COUNT(*) FROM audit WHERE action = 'audit.purge'"
			    " AND object_type = ? AND object_id = ? AND outcome = 'success'",
			    &st, err);

	if (rc)
		return rc;
	snprintf(id, sizeof(id), "%lld", (long long)through);
	db_bind_text(st, 1, chain_tables[ch]);
	db_bind_text(st, 2, id);
	rc = db_step(st, err);
	if (rc == PS_ROW)
		rc = db_column_int(st, 0) == 1
			     ? PS_OK
			     : ps_fail(err, PS_EIO, "AUDIT_BROKEN", NULL,
				       "%s锚点（第 %lld 条之前已清除）没有对应的清除记录",
				       chain_labels[ch], (long long)through);
	else if (rc == PS_DONE)
		rc = ps_fail(err, PS_EIO, "AUDIT_BROKEN", NULL, "%s锚点无法核对", chain_labels[ch]);
	db_finalize(st);
	if (rc == PS_EIO)
		*bad_id = through + 1;
	return rc;
}

int audit_verify_chain(struct db *db, enum audit_chain ch, int64_t *bad_id, int64_t *rows,
		       struct ps_err *err)
{
	struct db_stmt *st;
	char prev[65], hash[65], sql[256];
	int64_t expect_id = 1, anchored;
	int rc;

	*bad_id = 0;
	*rows = 0;
	memcpy(prev, AUDIT_GENESIS, 65);
	rc = chain_start(db, ch, prev, &expect_id, err);
	if (rc)
		return rc;
	anchored = expect_id - 1; /* the last purged row, 0 when none */
	snprintf(sql, sizeof(sql),
		 "SELECT id, at_ms, user_id, username, role, unit_id,"
		 " client_ip, session_hash, request_id, action, object_type,"
		 " object_id, outcome, detail, prev_hash, hash"
		 " FROM %s ORDER BY id",
		 chain_tables[ch]);
	rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	while ((rc = db_step(st, err)) == PS_ROW) {
		int64_t id = db_column_int(st, 0);
		const char *ph = db_column_text(st, 14);
		const char *h = db_column_text(st, 15);

		(*rows)++;
		if (id != expect_id) {
			*bad_id = expect_id;
			rc = ps_fail(err, PS_EIO, "AUDIT_BROKEN", NULL,
				     "%s断裂：第 %lld 条记录缺失", chain_labels[ch],
				     (long long)expect_id);
			break;
		}
		expect_id = id + 1;
		rc = row_hash(prev, db_column_int(st, 1), db_column_int(st, 2),
			      db_column_text(st, 3), db_column_text(st, 4),
			      db_column_int(st, 5), db_column_text(st, 6),
			      db_column_text(st, 7), db_column_text(st, 8),
			      db_column_text(st, 9), db_column_text(st, 10),
			      db_column_text(st, 11), db_column_text(st, 12),
			      db_column_text(st, 13), hash);
		if (rc)
			break;
		if (!ph || strcmp(ph, prev) != 0 || !h || strcmp(h, hash) != 0) {
			*bad_id = id;
			rc = ps_fail(err, PS_EIO, "AUDIT_BROKEN", NULL,
				     "%s校验失败：第 %lld 条记录被改动、删除或调换",
				     chain_labels[ch], (long long)id);
			break;
		}
		memcpy(prev, hash, 65);
	}
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (anchored && *rows == 0 && ch == AUDIT_CHAIN_CHANGE) {
		/* everything after the anchor is gone, the purge's own row too
		 * (the read chain may be empty after a purge: its purge row is
		 * in the change chain) */
		*bad_id = expect_id;
		return ps_fail(err, PS_EIO, "AUDIT_BROKEN", NULL,
			       "%s断裂：第 %lld 条记录缺失", chain_labels[ch], (long long)expect_id);
	}
	return anchored ? anchor_purge_recorded(db, ch, anchored, bad_id, err) : PS_OK;
}

int audit_verify_both(struct db *db, enum audit_chain *bad_chain, int64_t *bad_id,
		      int64_t *rows, struct ps_err *err)
{
	int64_t n = 0;
	int rc = PS_OK;

	*rows = 0;
	for (int ch = 0; ch < AUDIT_CHAINS && !rc; ch++) {
		rc = audit_verify_chain(db, (enum audit_chain)ch, bad_id, &n, err);
		*rows += n;
		if (rc && bad_chain)
			*bad_chain = (enum audit_chain)ch;
	}
	return rc;
}

int audit_verify(struct db *db, int64_t *bad_id, int64_t *rows, struct ps_err *err)
{
	return audit_verify_both(db, NULL, bad_id, rows, err);
}

int audit_verify_report(struct ctx *c, json_t **out)
{
	struct ps_err e[AUDIT_CHAINS];
	int64_t bad[AUDIT_CHAINS] = { 0 }, rows[AUDIT_CHAINS] = { 0 };
	int vrc[AUDIT_CHAINS], broken = -1;
	char detail[160];
	json_t *o;
	int rc;

	rc = authz_require(c, ACT_AUDIT_VERIFY);
	if (rc)
		return rc;
	/* each chain on its own: a break in one does not hide the other */
	for (int ch = 0; ch < AUDIT_CHAINS; ch++) {
		ps_err_clear(&e[ch]);
		vrc[ch] = audit_verify_chain(c->db, (enum audit_chain)ch, &bad[ch], &rows[ch], &e[ch]);
		if (vrc[ch] && vrc[ch] != PS_EIO)
			return ps_fail(c->err, vrc[ch], e[ch].code, NULL, "%s",
				       e[ch].msg[0] ? e[ch].msg : "审计链校验未能完成");
		if (vrc[ch] && broken < 0)
			broken = ch;
	}
	/* rows and bad_id: the change chain as before the split, or the read
	 * chain's break when only it is broken; chain names the broken one */
	o = json_pack("{s:b, s:I, s:o, s:o, s:I, s:o, s:s}", "ok", broken < 0, "rows",
		      (json_int_t)rows[AUDIT_CHAIN_CHANGE], "bad_id",
		      broken < 0 ? json_null() : json_integer(bad[broken]), "chain",
		      broken < 0 ? json_null() : json_string(chain_names[broken]), "read_rows",
		      (json_int_t)rows[AUDIT_CHAIN_READ], "read_bad_id",
		      vrc[AUDIT_CHAIN_READ] ? json_integer(bad[AUDIT_CHAIN_READ]) : json_null(),
		      "message", broken < 0 ? "审计链完整" : e[broken].msg);
	if (!o)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (broken < 0)
		snprintf(detail, sizeof detail, "intact rows=%lld read_rows=%lld",
			 (long long)rows[AUDIT_CHAIN_CHANGE], (long long)rows[AUDIT_CHAIN_READ]);
	else
		snprintf(detail, sizeof detail, "broken chain=%s at id=%lld rows=%lld read_rows=%lld",
			 chain_names[broken], (long long)bad[broken],
			 (long long)rows[AUDIT_CHAIN_CHANGE], (long long)rows[AUDIT_CHAIN_READ]);
	rc = audit_write(c, "audit.verify", "audit", NULL, broken < 0 ? "success" : "error",
			 detail);
	if (rc) {
		json_decref(o);
		return rc;
	}
	*out = o;
	return PS_OK;
}

#define LIST_COLS                                                                     \
	"SELECT id, at_ms, user_id, username, role, unit_id, client_ip, action,"     \
	" object_type, object_id, outcome, detail, hash"

int audit_list(struct ctx *c, const struct audit_filter *f, json_t **out)
{
	struct rows_query q;
	struct db_stmt *st;
	const char *where, *sql;
	int64_t offset, limit, n[AUDIT_CHAINS] = { 0, 0 }, total;
	json_t *items, *o;
	int rc, at, capped;

	rc = authz_require(c, ACT_AUDIT_LIST);
	if (rc)
		return rc;
	/* Each chain's rows that pass the filter. Only the conditions the
	 * auditor set are written, so each combination is its own statement
	 * and its plan uses the chain's index for it: (username, at_ms) for
	 * "what did this officer read", (object_type, object_id) for "who read
	 * this record", (at_ms, id) for a time span and for the order. A
	 * filter written "(? IS NULL OR col = ?)" made every plan walk the
	 * whole chain, for the page and again for its count (issue 14). */
	rows_query_init(&q, c, " WHERE 1 = 1", f->page, f->per_page);
	q.count_cap = ROWS_COUNT_CAP;
	rows_and_text(&q, "username = ?", f->user);
	if (f->action && *f->action) {
		/* exact, or a prefix when it ends with '*' ("user.*") */
		size_t len = strlen(f->action);
		int prefix = f->action[len - 1] == '*';
		const char *text;

		if (len > 512)
			return ps_fail_field(c->err, PS_EINVAL, "action", "筛选条件过长");
		text = prefix ? arena_strndup(c->arena, f->action, len - 1) : f->action;
		if (!text)
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		if (*text)
			rows_and_text(&q, "action LIKE ?" ROWS_ESCAPE,
				      rows_like(&q, text, prefix ? ROWS_LIKE_PREFIX : ROWS_LIKE_EXACT));
	}
	rows_and_text(&q, "object_type = ?", f->object_type);
	rows_and_text(&q, "object_id = ?", f->object_id);
	/* the seconds as milliseconds here: "? * 1000" is an int4 product
	 * on PostgreSQL (an untyped parameter takes the constant's type),
	 * and any instant after 1970-01-25 overflowed it */
	rows_and_int(&q, "at_ms >= ?", f->from > INT64_MAX / 1000 ? INT64_MAX : f->from * 1000);
	rows_and_int(&q, "at_ms < ?", f->to > INT64_MAX / 1000 ? INT64_MAX : f->to * 1000);
	if (q.oom)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "查询条件过多或内存不足");
	where = q.from_where;
	/* counted up to the cap, then "1000+" as every big list: past it a
	 * filter narrows the log, and the pages end there too */
	sql = arena_printf(c->arena,
			   "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM audit%s LIMIT %lld) c),"
			   " (SELECT COUNT(*) FROM (SELECT 1 FROM audit_read%s LIMIT %lld) r)",
			   where, (long long)q.count_cap + 1, where, (long long)q.count_cap + 1);
	if (!sql)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rows_log_plan(c, "count", where, sql);
	rc = db_prepare(c->db, sql, &st, c->err);
	if (rc)
		return rc;
	rc = rows_bind_from(&q, st, 0);
	if (!rc)
		rc = rows_bind_from(&q, st, q.n);
	if (!rc)
		rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		n[AUDIT_CHAIN_CHANGE] = db_column_int(st, 0);
		n[AUDIT_CHAIN_READ] = db_column_int(st, 1);
		rc = PS_OK;
	}
	db_finalize(st);
	if (rc)
		return rc == PS_DONE ? ps_fail(c->err, PS_EIO, NULL, NULL, "审计记录计数失败") : rc;
	total = n[AUDIT_CHAIN_CHANGE] + n[AUDIT_CHAIN_READ];
	capped = rows_cap_total(&q, &total);
	limit = rows_page_window(&q, &offset);
	/* both chains merged, newest first (time, then id): each chain gives
	 * at most offset + per_page rows in that order, the merge keeps the
	 * page, so a page costs O(page number × page size), not the log's
	 * length */
	sql = arena_printf(c->arena,
			   "SELECT * FROM (" LIST_COLS ", 'change' AS chain FROM audit%s"
			   " ORDER BY at_ms DESC, id DESC LIMIT ?) AS c"
			   " UNION ALL SELECT * FROM (" LIST_COLS ", 'read' AS chain FROM audit_read%s"
			   " ORDER BY at_ms DESC, id DESC LIMIT ?) AS r"
			   " ORDER BY at_ms DESC, chain, id DESC LIMIT ? OFFSET ?",
			   where, where);
	if (!sql)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rows_log_plan(c, "page", where, sql);
	items = json_array();
	if (!items)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = db_prepare(c->db, sql, &st, c->err);
	if (rc) {
		json_decref(items);
		return rc;
	}
	at = q.n;
	rc = rows_bind_from(&q, st, 0);
	if (!rc)
		rc = db_bind_int(st, ++at, offset + limit);
	if (!rc)
		rc = rows_bind_from(&q, st, at);
	at += q.n;
	if (!rc)
		rc = db_bind_int(st, ++at, offset + limit);
	if (!rc)
		rc = db_bind_int(st, ++at, limit);
	if (!rc)
		rc = db_bind_int(st, ++at, offset);
	while (!rc && (rc = db_step(st, c->err)) == PS_ROW) {
		json_t *row = rows_to_json(st);

		if (!row || json_array_append_new(items, row)) {
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			break;
		}
		rc = PS_OK;
	}
	db_finalize(st);
	o = rc == PS_DONE ? json_pack("{s:o, s:I, s:b}", "items", items, "total", (json_int_t)total,
				      "total_capped", capped)
			  : NULL;
	if (!o) {
		if (rc == PS_DONE) {
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		}
		json_decref(items);
		return rc;
	}
	*out = o;
	rc = audit_write(c, "audit.list", "audit", NULL, "success", NULL);
	if (rc) {
		json_decref(o);
		*out = NULL;
	}
	return rc;
}
