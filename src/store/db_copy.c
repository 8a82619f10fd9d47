/* db_copy.c — copy a county's SQLite file into a PostgreSQL database
 * (precinct copy), through db.h on both sides, with a per-table row count
 * and checksum read back from each side. */
#include "store/db.h"
#include "core/buf.h"
#include "core/crypto.h"
#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COPY_MAX_COLS 128
#define COPY_MAX_PARENTS 32

struct copy_table {
	char *name;
	int nparents;
	char *parents[COPY_MAX_PARENTS];
	int done;
};

/* Add the canonical form of column i of the current row to buf: a type
 * tag and the value, so that the same data read from either store hashes
 * the same (integers in decimal, floats as the shortest exact double,
 * text and blobs by length and bytes). */
static int row_canon(struct db_stmt *st, char **buf, size_t *len, size_t *cap)
{
	int n = db_column_count(st);

	*len = 0;
	for (int i = 0; i < n; i++) {
		char head[64];
		const void *p = NULL;
		size_t pn = 0;
		int hn;

		switch (db_column_type(st, i)) {
		case DB_INT:
			hn = snprintf(head, sizeof(head), "i%lld;", (long long)db_column_int(st, i));
			break;
		case DB_FLOAT:
			hn = snprintf(head, sizeof(head), "f%.17g;", db_column_double(st, i));
			break;
		case DB_TEXT:
			p = db_column_text(st, i);
			pn = strlen(p);
			hn = snprintf(head, sizeof(head), "t%zu:", pn);
			break;
		case DB_BLOB:
			p = db_column_blob(st, i, &pn);
			hn = snprintf(head, sizeof(head), "b%zu:", pn);
			break;
		default:
			hn = snprintf(head, sizeof(head), "n;");
		}
		if (*len + (size_t)hn + pn + 1 > *cap) {
			size_t c = (*len + (size_t)hn + pn + 1) * 2;
			char *nb = ps_realloc(*buf, c);

			if (!nb)
				return PS_ENOMEM;
			*buf = nb;
			*cap = c;
		}
		memcpy(*buf + *len, head, (size_t)hn);
		*len += (size_t)hn;
		if (pn)
			memcpy(*buf + *len, p, pn);
		*len += pn;
	}
	return PS_OK;
}

/* Order-independent checksum of a table: the sum, lane by lane, of the
 * BLAKE2b-256 of each row's canonical form (rows come in any order from
 * either store), as 64 hex characters. */
static int table_sum(struct db *db, const char *table, int64_t *rows, char out[65],
		     struct ps_err *err)
{
	struct db_stmt *st;
	uint64_t lane[4] = { 0, 0, 0, 0 };
	char sql[200], hex[CRYPTO_HASH_HEX];
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*rows = 0;
	snprintf(sql, sizeof(sql), "SELECT * FROM %s", table);
	rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	while ((rc = db_step(st, err)) == PS_ROW) {
		rc = row_canon(st, &buf, &len, &cap);
		if (rc)
			break;
		crypto_hash_hex(buf, len, hex);
		for (int l = 0; l < 4; l++) {
			char part[17];

			memcpy(part, hex + l * 16, 16);
			part[16] = '\0';
			lane[l] += strtoull(part, NULL, 16);
		}
		(*rows)++;
	}
	db_finalize(st);
	ps_free(buf);
	if (rc != PS_DONE)
		return rc == PS_ENOMEM ? ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足") : rc;
	snprintf(out, 65, "%016llx%016llx%016llx%016llx", (unsigned long long)lane[0],
		 (unsigned long long)lane[1], (unsigned long long)lane[2],
		 (unsigned long long)lane[3]);
	return PS_OK;
}

/* The tables of the SQLite file (and of its read-audit file: audit_read
 * and its anchors, store/db.h) and the tables each one references, so
 * that parents are copied before their children; into *tp, grown as
 * needed (a table left out would be a county's rows silently not copied). */
static int list_tables(struct db *from, struct copy_table **tp, int *n, struct ps_err *err)
{
	struct copy_table *t = NULL;
	struct db_stmt *st;
	int rc, cap = 0;

	*n = 0;
	rc = db_prepare(from,
			"SELECT name FROM (SELECT name, type FROM main.sqlite_schema"
			" UNION ALL SELECT name, type FROM " DB_AUDIT_SCHEMA ".sqlite_schema)"
			" WHERE type = 'table'"
			" AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_version'"
			" ORDER BY name",
			&st, err);
	if (rc)
		return rc;
	while ((rc = db_step(st, err)) == PS_ROW) {
		if (*n == cap) {
			struct copy_table *g;

			cap = cap ? 2 * cap : 64;
			g = ps_realloc(t, (size_t)cap * sizeof(*t));
			if (!g) {
				db_finalize(st);
				return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
			}
			*tp = t = g;
			memset(t + *n, 0, (size_t)(cap - *n) * sizeof(*t));
		}
		t[*n].name = ps_strdup(db_column_text(st, 0));
		if (!t[*n].name) {
			db_finalize(st);
			return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
		}
		(*n)++;
	}
	db_finalize(st);
	if (rc != PS_DONE && rc != PS_ROW)
		return rc;
	for (int i = 0; i < *n; i++) {
		char sql[200];

		snprintf(sql, sizeof(sql), "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('%s')",
			 t[i].name);
		rc = db_prepare(from, sql, &st, err);
		if (rc)
			return rc;
		while ((rc = db_step(st, err)) == PS_ROW) {
			const char *p = db_column_text(st, 0);

			if (p && strcmp(p, t[i].name) != 0 && t[i].nparents == COPY_MAX_PARENTS) {
				db_finalize(st);
				return ps_fail(err, PS_EINVAL, "COPY_SCHEMA", NULL,
					       "表 %s 引用的表超过 %d 个，无法排定复制顺序", t[i].name,
					       COPY_MAX_PARENTS);
			}
			if (p && strcmp(p, t[i].name) != 0) {
				t[i].parents[t[i].nparents] = ps_strdup(p);
				if (!t[i].parents[t[i].nparents]) {
					db_finalize(st);
					return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
				}
				t[i].nparents++;
			}
		}
		db_finalize(st);
		if (rc != PS_DONE)
			return rc;
	}
	return PS_OK;
}

/* 1 when table is declared WITHOUT ROWID */
static int without_rowid(struct db *from, const char *table)
{
	struct db_stmt *st;
	int yes = 0;

	if (db_prepare(from, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"
			     " AND instr(upper(sql), 'WITHOUT ROWID') > 0", &st, NULL))
		return 0;
	db_bind_text(st, 1, table);
	if (db_step(st, NULL) == PS_ROW)
		yes = db_column_int(st, 0) > 0;
	db_finalize(st);
	return yes;
}

/* An INSERT of `rows` rows of the source's columns. */
static int insert_prepare(struct db *to, struct db_stmt *src, const char *table, int ncols,
			  int rows, struct db_stmt **out, struct ps_err *err)
{
	struct buf b;
	int rc;

	buf_init(&b, (size_t)1 << 22);
	buf_addf(&b, "INSERT INTO %s (", table);
	for (int i = 0; i < ncols; i++)
		buf_addf(&b, "%s\"%s\"", i ? ", " : "", db_column_name(src, i));
	buf_adds(&b, ") VALUES ");
	for (int r = 0; r < rows; r++) {
		buf_adds(&b, r ? ", (" : "(");
		for (int i = 0; i < ncols; i++)
			buf_adds(&b, i ? ", ?" : "?");
		buf_adds(&b, ")");
	}
	if (!buf_str(&b))
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = db_prepare(to, buf_str(&b), out, err);
	buf_release(&b);
	return rc;
}

/* Bind the source's current row as row `slot` of dst. */
static void bind_row(struct db_stmt *dst, struct db_stmt *src, int ncols, int slot)
{
	for (int i = 0; i < ncols; i++) {
		int at = slot * ncols + i + 1;
		size_t n;
		const void *p;

		switch (db_column_type(src, i)) {
		case DB_INT:
			db_bind_int(dst, at, db_column_int(src, i));
			break;
		case DB_NULL:
			db_bind_null(dst, at);
			break;
		case DB_FLOAT:
			db_bind_double(dst, at, db_column_double(src, i));
			break;
		case DB_BLOB:
			p = db_column_blob(src, i, &n);
			db_bind_blob(dst, at, p, n);
			break;
		default:
			db_bind_text(dst, at, db_column_text(src, i));
		}
	}
}

/* Copy the rows of one table, ordered by rowid (a self-reference points
 * back to an older row: the foreign keys are checked at the end of each
 * statement, so a row may point to one in its own batch); a table WITHOUT
 * ROWID (the name index, migration 139) has no rowid and no
 * self-reference: in its key's order. Rows go in batches of up to
 * COPY_BATCH_ROWS rows a statement (one round trip each instead of one a
 * row; PostgreSQL takes at most 65 535 parameters a statement), the rows
 * past the last whole batch one a statement — the count, read first in
 * the source's read transaction, says where they start. */
#define COPY_BATCH_ROWS 256
#define COPY_BATCH_PARAMS 32768
static int copy_rows(struct db *from, struct db *to, const char *table, struct ps_err *err)
{
	struct db_stmt *src, *batch = NULL, *one = NULL;
	char sql[200];
	int64_t total = 0, seen = 0, whole = 0;
	int rc, ncols = 0, per = 1, slot = 0;

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s", table);
	rc = db_prepare(from, sql, &src, err);
	if (rc)
		return rc;
	if ((rc = db_step(src, err)) == PS_ROW)
		total = db_column_int(src, 0);
	db_finalize(src);
	if (rc != PS_ROW)
		return rc;
	snprintf(sql, sizeof(sql), "SELECT * FROM %s%s", table, without_rowid(from, table) ? "" : " ORDER BY rowid");
	rc = db_prepare(from, sql, &src, err);
	if (rc)
		return rc;
	while ((rc = db_step(src, err)) == PS_ROW) {
		if (!one) {
			ncols = db_column_count(src);
			if (ncols > COPY_MAX_COLS) {
				rc = ps_fail(err, PS_EINTERNAL, NULL, NULL, "表 %s 的列过多", table);
				break;
			}
			per = COPY_BATCH_PARAMS / ncols;
			if (per > COPY_BATCH_ROWS)
				per = COPY_BATCH_ROWS;
			whole = per > 1 ? total / per * per : 0;
			rc = insert_prepare(to, src, table, ncols, 1, &one, err);
			if (!rc && whole)
				rc = insert_prepare(to, src, table, ncols, per, &batch, err);
			if (rc)
				break;
		}
		if (seen++ < whole) {
			bind_row(batch, src, ncols, slot);
			if (++slot < per)
				continue;
			slot = 0;
			rc = db_step(batch, err);
			db_reset(batch);
		} else {
			bind_row(one, src, ncols, 0);
			rc = db_step(one, err);
			db_reset(one);
		}
		if (rc != PS_DONE)
			break;
	}
	if (rc == PS_DONE && seen != total)
		rc = ps_fail(err, PS_EINTERNAL, NULL, NULL, "表 %s 在复制中行数变化", table);
	db_finalize(batch);
	db_finalize(one);
	db_finalize(src);
	return rc == PS_DONE ? PS_OK : rc;
}

/* tables migrations fill with reference rows (101: 警情类别 → 案由) */
static int copy_migration_filled(const char *table)
{
	static const char *const filled[] = { "incident_category_offence", NULL };

	for (const char *const *f = filled; *f; f++)
		if (!strcmp(*f, table))
			return 1;
	return 0;
}

int db_copy(struct db *from, struct db *to,
	    void (*report)(void *arg, const char *table, int64_t rows_from, const char *sum_from,
			   int64_t rows_to, const char *sum_to),
	    void *arg, int *mismatches, struct ps_err *err)
{
	struct copy_table *t = NULL;
	int n = 0, left, rc;

	*mismatches = 0;
	if (strcmp(db_kind(from), "sqlite") != 0 || strcmp(db_kind(to), "postgresql") != 0) {
		return ps_fail(err, PS_EINVAL, "COPY_STORES", NULL,
			       "只能从 SQLite 数据库文件复制到 PostgreSQL");
	}
	if (db_schema_version(from) != db_schema_version(to)) {
		return ps_fail(err, PS_EINVAL, "COPY_SCHEMA", NULL,
			       "两个数据库的结构版本不同（源 %d，目标 %d）：请先停止使用源文件的服务器，"
			       "用本版本的 precinct migrate 升级源文件后再复制",
			       db_schema_version(from), db_schema_version(to));
	}
	rc = db_begin(from, 0, err);
	if (!rc)
		rc = db_begin(to, 1, err);
	if (!rc)
		rc = list_tables(from, &t, &n, err);
	/* into an empty database only: never merged into a county's rows.
	 * Tables a migration fills (reference rows) are emptied first: the
	 * source's rows, as the county has them, replace them */
	for (int i = 0; i < n && !rc; i++) {
		char sql[200];
		struct db_stmt *st;

		if (copy_migration_filled(t[i].name)) {
			snprintf(sql, sizeof(sql), "DELETE FROM %s", t[i].name);
			rc = db_exec(to, sql, err);
			continue;
		}
		snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s", t[i].name);
		rc = db_prepare(to, sql, &st, err);
		if (rc)
			break;
		rc = db_step(st, err);
		if (rc == PS_ROW)
			rc = db_column_int(st, 0) > 0
				     ? ps_fail(err, PS_ECONFLICT, "COPY_NOT_EMPTY", NULL,
					       "目标数据库的表 %s 已有数据：只能复制到空数据库", t[i].name)
				     : PS_OK;
		db_finalize(st);
	}
	/* parents first; a table whose parents never come is copied last */
	for (left = n; !rc && left > 0;) {
		int progress = 0;

		for (int i = 0; i < n && !rc; i++) {
			int ready = 1;

			if (t[i].done)
				continue;
			for (int k = 0; k < t[i].nparents && ready; k++)
				for (int j = 0; j < n; j++)
					if (!t[j].done && strcmp(t[j].name, t[i].parents[k]) == 0)
						ready = 0;
			if (!ready)
				continue;
			rc = copy_rows(from, to, t[i].name, err);
			t[i].done = 1;
			left--;
			progress = 1;
		}
		if (!progress && !rc)
			for (int i = 0; i < n; i++)
				if (!t[i].done) {
					t[i].nparents = 0; /* a cycle: break it */
					break;
				}
	}
	/* identity columns continue after the copied ids */
	for (int i = 0; i < n && !rc; i++) {
		struct db_stmt *st;
		char col[64] = "";

		rc = db_prepare(to,
				"SELECT column_name FROM information_schema.columns"
				" WHERE table_name = ? AND is_identity = 'YES'",
				&st, err);
		if (rc)
			break;
		db_bind_text(st, 1, t[i].name);
		rc = db_step(st, err);
		if (rc == PS_ROW)
			snprintf(col, sizeof(col), "%s", db_column_text(st, 0));
		db_finalize(st);
		rc = rc == PS_ROW || rc == PS_DONE ? PS_OK : rc;
		if (!rc && col[0]) {
			char sql[400];

			snprintf(sql, sizeof(sql),
				 "SELECT setval(pg_get_serial_sequence('%s', '%s'),"
				 " (SELECT COALESCE(MAX(%s), 0) + 1 FROM %s), false)",
				 t[i].name, col, col, t[i].name);
			rc = db_exec(to, sql, err);
		}
	}
	if (!rc)
		rc = db_commit(to, err);
	else
		db_rollback(to);
	/* the planner's statistics of what was copied: until autovacuum comes
	 * round, plans (cached per connection) would be made for empty tables */
	if (!rc)
		rc = db_exec(to, "ANALYZE", err);
	/* the report: each table read back from both */
	for (int i = 0; i < n && !rc; i++) {
		char sf[65], stt[65];
		int64_t rf, rt;

		rc = table_sum(from, t[i].name, &rf, sf, err);
		if (!rc)
			rc = table_sum(to, t[i].name, &rt, stt, err);
		if (!rc) {
			if (rf != rt || strcmp(sf, stt) != 0)
				(*mismatches)++;
			if (report)
				report(arg, t[i].name, rf, sf, rt, stt);
		}
	}
	db_rollback(from);
	for (int i = 0; i < n; i++) {
		ps_free(t[i].name);
		for (int k = 0; k < t[i].nparents; k++)
			ps_free(t[i].parents[k]);
	}
	ps_free(t);
	return rc;
}
