/* audit_purge.c — remove audit rows past the retention period, keeping the
 * chain verifiable from an anchor. */
#include "domain/admin/audit_purge.h"
#include "domain/admin/audit.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

/* One integer from a one-column query with an optional integer parameter;
 * *v = dflt when the row or the value is absent. */
static int query_int(struct ctx *c, const char *sql, int have_p, int64_t p, int64_t dflt,
		     int64_t *v)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db, sql, &st, c->err);

	if (rc)
		return rc;
	if (have_p)
		db_bind_int(st, 1, p);
	*v = dflt;
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		if (db_column_type(st, 0) != DB_NULL)
			*v = db_column_int(st, 0);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

static int anchor_hash(struct ctx *c, const char *table, int64_t id, char out[65])
{
	struct db_stmt *st;
	const char *h;
	char sql[96];
	int rc;

	snprintf(sql, sizeof(sql), "SELECT hash FROM %s WHERE id = ?", table);
	rc = db_prepare(c->db, sql, &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		h = db_column_text(st, 0);
		rc = h && strlen(h) == 64 ? PS_OK
					  : ps_fail(c->err, PS_ECONFLICT, "AUDIT_BROKEN", NULL,
						    "审计记录 %lld 的哈希值损坏", (long long)id);
		if (!rc)
			memcpy(out, h, 65);
	} else if (rc == PS_DONE) {
		rc = ps_fail(c->err, PS_ECONFLICT, "AUDIT_BROKEN", NULL, "审计记录 %lld 缺失",
			     (long long)id);
	}
	db_finalize(st);
	return rc;
}

/* The rows of one chain before cut_ms: their count and the last one's id
 * and hash (the anchor); 0 rows when none is that old. */
static int purge_range(struct ctx *c, enum audit_chain ch, int64_t cut_ms, int64_t *rows,
		       int64_t *through, char anchor[65])
{
	const char *t = audit_chain_table(ch);
	int64_t first, first_keep;
	char sql[128];
	int rc;

	*rows = *through = 0;
	anchor[0] = '\0';
	snprintf(sql, sizeof(sql), "SELECT MIN(id) FROM %s", t);
	rc = query_int(c, sql, 0, 0, 0, &first);
	if (!rc) {
		snprintf(sql, sizeof(sql), "SELECT MIN(id) FROM %s WHERE at_ms >= ?", t);
		rc = query_int(c, sql, 1, cut_ms, -1, &first_keep);
	}
	if (!rc && first_keep < 0) {
		snprintf(sql, sizeof(sql), "SELECT MAX(id) + 1 FROM %s", t);
		rc = query_int(c, sql, 0, 0, 1, &first_keep);
	}
	if (rc || !first || first_keep <= first)
		return rc;
	*through = first_keep - 1;
	*rows = first_keep - first;
	return anchor_hash(c, t, *through, anchor);
}

/* The anchor, then the rows through it (the anchor lets the guard
 * triggers of 016/147 allow the DELETE). */
static int purge_rows(struct ctx *c, enum audit_chain ch, int64_t cut_ms, int64_t rows,
		      int64_t through, const char *anchor)
{
	struct db_stmt *st;
	char sql[160];
	int rc;

	/* the writer's memo of the head is read again after this */
	audit_head_forget(ch);
	snprintf(sql, sizeof(sql),
		 "INSERT INTO %s_anchor(through_id, hash, before_ms,"
		 " purged_rows, purged_at_ms) VALUES (?,?,?,?,?)",
		 audit_chain_table(ch));
	rc = db_prepare(c->db, sql, &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, through);
	db_bind_text(st, 2, anchor);
	db_bind_int(st, 3, cut_ms);
	db_bind_int(st, 4, rows);
	db_bind_int(st, 5, c->now * 1000);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id <= ?", audit_chain_table(ch));
	rc = db_prepare(c->db, sql, &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, through);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (db_changes(c->db) != rows)
		return ps_fail(c->err, PS_ECONFLICT, "AUDIT_BROKEN", NULL,
			       "审计记录编号不连续，拒绝清除");
	return PS_OK;
}

int audit_purge(struct ctx *c, const char *before, struct audit_purge_result *out)
{
	int y, m, d, keep_days = rule_value(RULE_AUD_RETAIN, 0);
	int64_t day, today, cut_ms, bad = 0, rows = 0;
	char id[24], detail[256];
	struct ps_err e;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!before || date_parse(before, strlen(before), &y, &m, &d) != 0)
		return ps_fail_field(c->err, PS_EINVAL, "before", "日期格式应为 YYYY-MM-DD");
	day = date_days_from_civil(y, m, d);
	today = date_local_days(c->now);
	if (day > today - keep_days) {
		int ly, lm, ld;

		date_civil_from_days(today - keep_days, &ly, &lm, &ld);
		return ps_fail(c->err, PS_ERULE, "AUDIT_RETENTION", "AUD-RETAIN",
			       "审计日志须保存至少 %d 天：清除日期最晚为 %04d-%02d-%02d",
			       keep_days, ly, lm, ld);
	}
	cut_ms = (day * 86400 - 8 * 3600) * 1000;
	/* never erase the evidence of tampering (either chain) */
	ps_err_clear(&e);
	rc = audit_verify(c->db, &bad, &rows, &e);
	if (rc == PS_EIO)
		return ps_fail(c->err, PS_ECONFLICT, "AUDIT_BROKEN", NULL,
			       "审计链校验未通过，拒绝清除：%s", e.msg);
	if (rc)
		return ps_fail(c->err, rc, e.code, NULL, "%s", e.msg);
	rc = purge_range(c, AUDIT_CHAIN_CHANGE, cut_ms, &out->rows, &out->through_id, out->anchor);
	if (!rc)
		rc = purge_range(c, AUDIT_CHAIN_READ, cut_ms, &out->read_rows, &out->read_through_id,
				 out->read_anchor);
	if (rc)
		return rc;
	/* the purge's own row first: it is kept (written now, inside the
	 * retention period), so the table is never empty and ids go on from
	 * the anchor (an emptied table would start again at 1). The read
	 * chain's purge is recorded in the change chain too (object_type
	 * "audit_read"), only when it removed rows. */
	snprintf(id, sizeof(id), "%lld", (long long)out->through_id);
	snprintf(detail, sizeof(detail), "before=%s rows=%lld anchor=%s", before,
		 (long long)out->rows, out->rows ? out->anchor : "-");
	rc = audit_write(c, "audit.purge", "audit", out->rows ? id : NULL, "success", detail);
	if (!rc && out->rows)
		rc = purge_rows(c, AUDIT_CHAIN_CHANGE, cut_ms, out->rows, out->through_id,
				out->anchor);
	if (rc || !out->read_rows)
		return rc;
	snprintf(id, sizeof(id), "%lld", (long long)out->read_through_id);
	snprintf(detail, sizeof(detail), "chain=read before=%s rows=%lld anchor=%s", before,
		 (long long)out->read_rows, out->read_anchor);
	rc = audit_write(c, "audit.purge", "audit_read", id, "success", detail);
	if (!rc)
		rc = purge_rows(c, AUDIT_CHAIN_READ, cut_ms, out->read_rows, out->read_through_id,
				out->read_anchor);
	return rc;
}
