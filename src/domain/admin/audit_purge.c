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

static int anchor_hash(struct ctx *c, int64_t id, char out[65])
{
	struct db_stmt *st;
	const char *h;
	int rc = db_prepare(c->db, "SELECT hash FROM audit WHERE id = ?", &st, c->err);

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

int audit_purge(struct ctx *c, const char *before, struct audit_purge_result *out)
{
	int y, m, d, keep_days = rule_value(RULE_AUD_RETAIN, 0);
	int64_t day, today, cut_ms, first, first_keep, bad = 0, rows = 0;
	struct db_stmt *st;
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
	/* never erase the evidence of tampering */
	ps_err_clear(&e);
	rc = audit_verify(c->db, &bad, &rows, &e);
	if (rc == PS_EIO)
		return ps_fail(c->err, PS_ECONFLICT, "AUDIT_BROKEN", NULL,
			       "审计链校验未通过，拒绝清除：%s", e.msg);
	if (rc)
		return ps_fail(c->err, rc, e.code, NULL, "%s", e.msg);
	rc = query_int(c, "SELECT MIN(id) FROM audit", 0, 0, 0, &first);
	if (!rc)
		rc = query_int(c, "SELECT MIN(id) FROM audit WHERE at_ms >= ?", 1, cut_ms, -1,
			       &first_keep);
	if (!rc && first_keep < 0)
		rc = query_int(c, "SELECT MAX(id) + 1 FROM audit", 0, 0, 1, &first_keep);
	if (rc)
		return rc;
	if (first && first_keep > first) {
		out->through_id = first_keep - 1;
		out->rows = first_keep - first;
		rc = anchor_hash(c, out->through_id, out->anchor);
		if (rc)
			return rc;
	}
	/* the purge's own row first: it is kept (written now, inside the
	 * retention period), so the table is never empty and ids go on from
	 * the anchor (an emptied table would start again at 1) */
	snprintf(id, sizeof(id), "%lld", (long long)out->through_id);
	snprintf(detail, sizeof(detail), "before=%s rows=%lld anchor=%s", before,
		 (long long)out->rows, out->rows ? out->anchor : "-");
	rc = audit_write(c, "audit.purge", "audit", out->rows ? id : NULL, "success", detail);
	if (rc || !out->rows)
		return rc;
	rc = db_prepare(c->db,
			"INSERT INTO audit_anchor(through_id, hash, before_ms,"
			" purged_rows, purged_at_ms) VALUES (?,?,?,?,?)",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, out->through_id);
	db_bind_text(st, 2, out->anchor);
	db_bind_int(st, 3, cut_ms);
	db_bind_int(st, 4, out->rows);
	db_bind_int(st, 5, c->now * 1000);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	rc = db_prepare(c->db, "DELETE FROM audit WHERE id <= ?", &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, out->through_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (db_changes(c->db) != out->rows)
		return ps_fail(c->err, PS_ECONFLICT, "AUDIT_BROKEN", NULL,
			       "审计记录编号不连续，拒绝清除");
	return PS_OK;
}
