#include "domain/rows.h"
#include "core/buf.h"
#ifdef PS_TEST_HOOKS
#include "core/log.h"
#include "store/db.h"
#endif

#include <math.h>
#include <stdlib.h>
#include <string.h>

void rows_query_init(struct rows_query *q, struct ctx *c,
		     const char *from_where, int64_t page, int64_t per_page)
{
	memset(q, 0, sizeof(*q));
	q->c = c;
	q->from_where = from_where;
	q->page = page < 1 ? 1 : page;
	q->per_page = per_page < 1 ? 20 : per_page > 200 ? 200 : per_page;
}

void rows_bind_text(struct rows_query *q, const char *s)
{
	if (q->n >= ROWS_MAX_BINDS) {
		q->oom = 1;
		return;
	}
	q->binds[q->n].is_text = 1;
	q->binds[q->n].s = (s && *s) ? s : NULL;
	q->n++;
}

void rows_bind_text_exact(struct rows_query *q, const char *s)
{
	if (q->n >= ROWS_MAX_BINDS) {
		q->oom = 1;
		return;
	}
	q->binds[q->n].is_text = 1;
	q->binds[q->n].s = s;
	q->n++;
}

void rows_bind_int(struct rows_query *q, int64_t v)
{
	if (q->n >= ROWS_MAX_BINDS) {
		q->oom = 1;
		return;
	}
	q->binds[q->n].is_text = 0;
	q->binds[q->n].i = v;
	q->n++;
}

static int and_cond(struct rows_query *q, const char *cond)
{
	const char *w = arena_printf(q->c->arena, "%s AND %s", q->from_where, cond);
	int n = 0;

	if (!w) {
		q->oom = 1;
		return 0;
	}
	q->from_where = w;
	for (const char *p = cond; *p; p++)
		n += *p == '?';
	return n;
}

void rows_and(struct rows_query *q, const char *cond)
{
	and_cond(q, cond);
}

void rows_and_text(struct rows_query *q, const char *cond, const char *v)
{
	if (!v || !*v)
		return;
	for (int n = and_cond(q, cond); n > 0; n--)
		rows_bind_text_exact(q, v);
}

void rows_and_int(struct rows_query *q, const char *cond, int64_t v)
{
	if (!v)
		return;
	for (int n = and_cond(q, cond); n > 0; n--)
		rows_bind_int(q, v);
}

const char *rows_like(struct rows_query *q, const char *s, enum rows_like kind)
{
	struct buf b;
	const char *out;
	int rc;

	if (!s || !*s)
		return NULL;
	buf_init(&b, 4 * strlen(s) + 8);
	rc = kind == ROWS_LIKE_CONTAINS ? buf_add(&b, "%", 1) : PS_OK;
	for (const char *p = s; *p && !rc; p++) {
		if (*p == '\\' || *p == '%' || *p == '_')
			rc = buf_add(&b, "\\", 1);
		if (!rc)
			rc = buf_add(&b, p, 1);
	}
	if (!rc && kind != ROWS_LIKE_EXACT)
		rc = buf_add(&b, "%", 1);
	out = rc ? NULL : arena_strndup(q->c->arena, b.p, b.len);
	buf_release(&b);
	if (!out)
		q->oom = 1;
	return out;
}

void rows_and_like(struct rows_query *q, const char *cond, const char *v)
{
	const char *like;

	if (!v || !*v)
		return;
	like = rows_like(q, v, ROWS_LIKE_CONTAINS);
	for (int n = and_cond(q, cond); n > 0; n--)
		rows_bind_text_exact(q, like);
}

int rows_bind_from(struct rows_query *q, struct db_stmt *st, int first)
{
	for (int i = 0; i < q->n; i++) {
		int rc = q->binds[i].is_text
				 ? db_bind_text(st, first + i + 1, q->binds[i].s)
				 : db_bind_int(st, first + i + 1, q->binds[i].i);
		if (rc)
			return rc;
	}
	return PS_OK;
}

int rows_bind_all(struct rows_query *q, struct db_stmt *st)
{
	return rows_bind_from(q, st, 0);
}

json_t *rows_to_json(struct db_stmt *st)
{
	json_t *o = json_object();
	int n = db_column_count(st);

	if (!o)
		return NULL;
	for (int i = 0; i < n; i++) {
		json_t *v;

		switch (db_column_type(st, i)) {
		case DB_INT:
			v = json_integer(db_column_int(st, i));
			break;
		case DB_TEXT:
			v = json_string(db_column_text(st, i));
			break;
		case DB_FLOAT: {
			/* a REAL (an incident's coordinates); null were it
			 * no finite number */
			const char *t = db_column_text(st, i);
			char *end = NULL;
			double d = t ? strtod(t, &end) : 0;

			v = t && end != t && !*end && isfinite(d) ? json_real(d) : json_null();
			break;
		}
		default:
			v = json_null();
		}
		if (!v || json_object_set_new(o, db_column_name(st, i), v)) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

void rows_write_col(struct db_stmt *st, int i, struct jw *w)
{
	const char *name = db_column_name(st, i);

	switch (db_column_type(st, i)) {
	case DB_INT:
		jw_int(w, name, db_column_int(st, i));
		break;
	case DB_TEXT:
		jw_str(w, name, db_column_text(st, i));
		break;
	case DB_FLOAT:
		/* a REAL (an incident's coordinates) as the store writes it */
		jw_number(w, name, db_column_text(st, i));
		break;
	default:
		jw_null(w, name);
	}
}

int rows_write_rc(struct ctx *c, const struct jw *w)
{
	return jw_rc(w) ? ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足") : PS_OK;
}

int rows_write_cols(struct rows_query *q, const char *sql, struct jw *w)
{
	struct db_stmt *st;
	int rc = db_prepare(q->c->db, sql, &st, q->c->err);

	if (rc)
		return rc;
	rc = rows_bind_all(q, st);
	if (!rc)
		rc = db_step(st, q->c->err);
	if (rc == PS_ROW) {
		int n = db_column_count(st);

		for (int i = 0; i < n; i++)
			rows_write_col(st, i, w);
		rc = rows_write_rc(q->c, w);
	} else if (rc == PS_DONE) {
		rc = ps_fail(q->c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "记录不存在");
	}
	db_finalize(st);
	return rc;
}


#ifdef PS_TEST_HOOKS
/* With PRECINCT_TEST_PLAN_LOG set, the plan of each list statement goes to
 * the log, one line: "list plan <what>: <from_where> => <steps | …>", for
 * the check that lists are served by indexes (tests/api/api_lists.c); the
 * statements of rows_all and rows_each as "query plan all|scan: <sql> => …". */
static void log_plan(struct ctx *c, const char *kind, const char *what, const char *from_where, const char *sql)
{
	char plan[1024];

	if (!getenv("PRECINCT_TEST_PLAN_LOG") || db_test_explain(c->db, sql, plan, sizeof(plan)))
		return;
	for (char *p = plan; *p; p++)
		if (*p == '\n')
			*p = p[1] ? '|' : '\0';
	log_info("%s plan %s: %.600s => %s", kind, what, from_where, plan);
}
#define LOG_PLAN(c, what, fw, sql) log_plan(c, "list", what, fw, sql)
#define LOG_QUERY_PLAN(c, what, sql) log_plan(c, "query", what, sql, sql)
#else
#define LOG_PLAN(c, what, fw, sql) ((void)0)
#define LOG_QUERY_PLAN(c, what, sql) ((void)0)
#endif

void rows_log_plan(struct ctx *c, const char *what, const char *from_where, const char *sql)
{
#ifdef PS_TEST_HOOKS
	LOG_PLAN(c, what, from_where, sql);
#else
	(void)c;
	(void)what;
	(void)from_where;
	(void)sql;
#endif
}

/* st's rows (bound, perhaps run) as objects in an array under key. */
static int write_array(struct ctx *c, struct db_stmt *st, const char *key, struct jw *w)
{
	int rc = PS_OK;

	jw_arr(w, key);
	while ((rc = db_step(st, c->err)) == PS_ROW) {
		int n = db_column_count(st);

		jw_obj(w, NULL);
		for (int i = 0; i < n; i++)
			rows_write_col(st, i, w);
		jw_end_obj(w);
	}
	jw_end_arr(w);
	if (rc == PS_DONE)
		rc = rows_write_rc(c, w);
	return rc;
}

/* The n lists' statements prepared, bound with q's binds and run together
 * (db_run_all), with also (the caller's, prepared and bound; may be NULL),
 * into st, which the caller finalizes whatever the answer. st has room
 * for ROWS_LISTS_MAX + 1. */
static int lists_run(struct rows_query *q, const struct rows_list *lists, int n, struct db_stmt *also,
		     struct db_stmt **st)
{
	int rc = PS_OK;

	if (n > ROWS_LISTS_MAX)
		return ps_fail(q->c->err, PS_EINTERNAL, NULL, NULL, "内部错误：列表过多");
	for (int i = 0; i < n && !rc; i++) {
		LOG_PLAN(q->c, "record", lists[i].key, lists[i].sql);
		rc = db_prepare(q->c->db, lists[i].sql, &st[i], q->c->err);
		if (!rc)
			rc = rows_bind_all(q, st[i]);
	}
	st[n] = also;
	if (!rc)
		rc = db_run_all(st, also ? n + 1 : n, q->c->err);
	st[n] = NULL; /* the caller's */
	return rc;
}

int rows_write_lists(struct rows_query *q, const struct rows_list *lists, int n, struct db_stmt *also,
		     struct jw *w)
{
	struct db_stmt *st[ROWS_LISTS_MAX + 1] = { NULL };
	int rc = lists_run(q, lists, n, also, st);

	for (int i = 0; i < n && !rc; i++)
		rc = write_array(q->c, st[i], lists[i].key, w);
	for (int i = 0; i < n && i < ROWS_LISTS_MAX; i++)
		db_finalize(st[i]);
	return rc;
}

int rows_cap_total(const struct rows_query *q, int64_t *total)
{
	if (q->count_cap <= 0 || *total <= q->count_cap)
		return 0;
	*total = q->count_cap;
	return 1;
}

int64_t rows_page_window(const struct rows_query *q, int64_t *offset)
{
	int64_t limit = q->per_page;

	*offset = (q->page - 1) * q->per_page;
	if (q->count_cap > 0) /* the pages end where the count stopped */
		limit = *offset >= q->count_cap ? 0
			: *offset + limit > q->count_cap ? q->count_cap - *offset
							 : limit;
	return limit;
}

/* rows_page's first half: the count, then the page's statement prepared
 * and bound into *st (the caller steps and finalizes it); *total is the
 * count as answered (the cap when it stopped there, *capped then 1). */
static int page_open(struct rows_query *q, const char *select, const char *order, struct db_stmt **st,
		     int64_t *total, int *capped)
{
	struct ctx *c = q->c;
	struct buf sql;
	const char *from;
	int64_t offset, limit;
	int rc;

	*st = NULL;
	*total = 0;
	*capped = 0;
	if (q->oom)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "查询条件过多或内存不足");
	buf_init(&sql, 16384);
	rc = q->count_cap > 0
		     ? buf_addf(&sql, "SELECT COUNT(*) FROM (SELECT 1 %s LIMIT %lld) capped", q->from_where,
				(long long)q->count_cap + 1)
		     : buf_addf(&sql, "SELECT COUNT(*) %s", q->from_where);
	if (rc)
		goto nomem;
	LOG_PLAN(c, "count", q->from_where, buf_str(&sql));
	rc = db_prepare(c->db, buf_str(&sql), st, c->err);
	if (rc)
		goto out;
	rc = rows_bind_all(q, *st);
	if (!rc)
		rc = db_step(*st, c->err);
	if (rc != PS_ROW) {
		rc = rc == PS_DONE ? PS_EINTERNAL : rc;
		goto out;
	}
	*total = db_column_int(*st, 0);
	db_finalize(*st);
	*st = NULL;
	*capped = rows_cap_total(q, total);

	buf_release(&sql);
	/* with a page key, the page's keys come first and the CROSS JOIN
	 * keeps them the outer loop (SQLite takes its order as written): each
	 * row of the page is then found by its key, never by walking an index
	 * of a filter the outer statement repeats (bench 2b: a station's
	 * incidents, read whole for a page of 20) */
	from = q->from_where;
	while (*from == ' ')
		from++;
	if (q->page_key && strncmp(from, "FROM ", 5)) {
		rc = ps_fail(c->err, PS_EINTERNAL, NULL, NULL, "内部错误：分页查询缺少 FROM");
		goto out;
	}
	rc = q->page_key ? buf_addf(&sql,
				    "%s FROM (SELECT %s AS rows_page_key %s %s LIMIT ? OFFSET ?) rows_page_keys"
				    " CROSS JOIN %s AND %s = rows_page_keys.rows_page_key %s",
				    select, q->page_key, q->from_where, order ? order : "", from + 5, q->page_key,
				    order ? order : "")
			 : buf_addf(&sql, "%s %s %s LIMIT ? OFFSET ?", select, q->from_where, order ? order : "");
	if (rc)
		goto nomem;
#ifdef PS_TEST_HOOKS
	/* with a page key, "page" is the walk to the page's keys (the
	 * subquery, planned alone) and "rows" the statement around it, which
	 * reads and orders at most per_page rows by their key */
	if (q->page_key)
		LOG_PLAN(c, "page", q->from_where,
			 arena_printf(c->arena, "SELECT %s %s %s LIMIT ? OFFSET ?", q->page_key, q->from_where,
				      order ? order : ""));
#endif
	LOG_PLAN(c, q->page_key ? "rows" : "page", q->from_where, buf_str(&sql));
	rc = db_prepare(c->db, buf_str(&sql), st, c->err);
	if (rc)
		goto out;
	limit = rows_page_window(q, &offset);
	rc = rows_bind_all(q, *st);
	if (!rc)
		rc = db_bind_int(*st, q->n + 1, limit);
	if (!rc)
		rc = db_bind_int(*st, q->n + 2, offset);
	/* with a page key, the outer from_where binds the same values again */
	if (!rc && q->page_key)
		rc = rows_bind_from(q, *st, q->n + 2);
	goto out;
nomem:
	rc = ps_fail(c->err, rc == PS_ETOOBIG ? PS_EINTERNAL : PS_ENOMEM, NULL, NULL, "内存不足");
out:
	buf_release(&sql);
	if (rc) {
		db_finalize(*st);
		*st = NULL;
	}
	return rc;
}

int rows_page(struct rows_query *q, const char *select, const char *order,
	      json_t **out)
{
	struct ctx *c = q->c;
	struct db_stmt *st;
	json_t *res = NULL, *items;
	int64_t total;
	int rc, capped;

	*out = NULL;
	rc = page_open(q, select, order, &st, &total, &capped);
	if (rc)
		return rc;
	res = json_object();
	items = res ? json_array() : NULL;
	if (!res || !items || json_object_set_new(res, "items", items) ||
	    json_object_set_new(res, "total", json_integer(total)) ||
	    (q->count_cap > 0 && json_object_set_new(res, "total_capped", json_boolean(capped)))) {
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		goto out;
	}
	while ((rc = db_step(st, c->err)) == PS_ROW) {
		json_t *row = rows_to_json(st);

		if (!row || json_array_append_new(items, row)) {
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			goto out;
		}
	}
	if (rc == PS_DONE) {
		rc = PS_OK;
		*out = res;
		res = NULL;
	}
out:
	db_finalize(st);
	json_decref(res);
	return rc;
}

int rows_page_write(struct rows_query *q, const char *select, const char *order, rows_row_fn row, void *arg,
		    struct jw *w, struct rows_written *out)
{
	struct ctx *c = q->c;
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = page_open(q, select, order, &st, &out->total, &out->capped);
	if (rc)
		return rc;
	jw_arr(w, "items");
	while ((rc = db_step(st, c->err)) == PS_ROW) {
		if (out->n < ROWS_WRITTEN_IDS)
			out->ids[out->n] = db_column_int(st, 0);
		out->n++;
		jw_obj(w, NULL);
		for (int i = 0, n = row ? 0 : db_column_count(st); i < n; i++)
			rows_write_col(st, i, w);
		rc = row ? row(c, st, w, arg) : PS_OK;
		jw_end_obj(w);
		if (rc)
			break;
	}
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	jw_end_arr(w);
	jw_int(w, "total", out->total);
	if (q->count_cap > 0)
		jw_bool(w, "total_capped", out->capped);
	return rows_write_rc(c, w);
}

int rows_col_index(struct db_stmt *st, const char *name)
{
	for (int i = 0, n = db_column_count(st); i < n; i++)
		if (!strcmp(db_column_name(st, i), name))
			return i;
	return -1;
}

struct scope_counts {
	int64_t all, in;
};

int rows_scope(struct ctx *c, int64_t *units, int *whole)
{
	static const struct rows_col cols[] = {
		ROWS_INT(struct scope_counts, all),
		ROWS_INT(struct scope_counts, in),
	};
	struct scope_counts n = { 0, 0 };
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_struct(&q,
			 "SELECT COUNT(*), COALESCE(SUM(CASE WHEN path LIKE ? THEN 1 ELSE 0 END), 0) FROM org_unit",
			 cols, 2, &n);
	*units = n.in;
	*whole = !rc && n.in == n.all;
	return rc;
}

int rows_one(struct rows_query *q, const char *sql, json_t **out)
{
	struct db_stmt *st;
	int rc;

	*out = NULL;
	rc = db_prepare(q->c->db, sql, &st, q->c->err);
	if (rc)
		return rc;
	rc = rows_bind_all(q, st);
	if (!rc)
		rc = db_step(st, q->c->err);
	if (rc == PS_ROW) {
		*out = rows_to_json(st);
		rc = *out ? PS_OK : ps_fail(q->c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	} else if (rc == PS_DONE) {
		rc = ps_fail(q->c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "记录不存在");
	}
	db_finalize(st);
	return rc;
}

void rows_binds(struct rows_query *q, struct ctx *c)
{
	rows_query_init(q, c, NULL, 1, 1);
}

int rows_exec(struct rows_query *q, const char *sql, int64_t *changes)
{
	struct db_stmt *st;
	int rc = db_prepare(q->c->db, sql, &st, q->c->err);

	if (rc)
		return rc;
	rc = rows_bind_all(q, st);
	if (!rc)
		rc = db_step(st, q->c->err);
	db_finalize(st);
	if (rc == PS_ROW || rc == PS_DONE) {
		if (changes)
			*changes = db_changes(q->c->db);
		return PS_OK;
	}
	return rc;
}

int rows_insert(struct rows_query *q, const char *sql, int64_t *id)
{
	struct db_stmt *st;
	int rc = db_prepare(q->c->db, sql, &st, q->c->err);

	*id = 0;
	if (rc)
		return rc;
	rc = rows_bind_all(q, st);
	if (!rc)
		rc = db_step(st, q->c->err);
	if (rc == PS_ROW) {
		*id = db_column_int(st, 0);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = ps_fail(q->c->err, PS_EINTERNAL, NULL, NULL, "插入未返回编号");
	}
	db_finalize(st);
	return rc;
}

int rows_int(struct rows_query *q, const char *sql, int64_t def, int64_t *out)
{
	struct db_stmt *st;
	int rc = db_prepare(q->c->db, sql, &st, q->c->err);

	*out = def;
	if (rc)
		return rc;
	rc = rows_bind_all(q, st);
	if (!rc)
		rc = db_step(st, q->c->err);
	if (rc == PS_ROW) {
		if (db_column_type(st, 0) != DB_NULL)
			*out = db_column_int(st, 0);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

int rows_struct(struct rows_query *q, const char *sql, const struct rows_col *cols, size_t ncols,
		void *out)
{
	struct db_stmt *st;
	char *base = out;
	int rc = db_prepare(q->c->db, sql, &st, q->c->err);

	if (rc)
		return rc;
	rc = rows_bind_all(q, st);
	if (!rc)
		rc = db_step(st, q->c->err);
	if (rc == PS_DONE)
		rc = PS_ENOTFOUND;
	else if (rc == PS_ROW)
		rc = PS_OK;
	for (size_t i = 0; !rc && i < ncols; i++) {
		if (cols[i].type == ROWS_COL_INT) {
			*(int64_t *)(base + cols[i].offset) = db_column_int(st, (int)i);
		} else {
			const char *t = db_column_text(st, (int)i);
			const char **dst = (const char **)(base + cols[i].offset);

			*dst = t ? arena_strdup(q->c->arena, t) : NULL;
			if (t && !*dst)
				rc = ps_fail(q->c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		}
	}
	db_finalize(st);
	return rc;
}

/* Every row of st (prepared and bound) as an array into *out. */
static int all_rows(struct ctx *c, struct db_stmt *st, json_t **out)
{
	json_t *arr = json_array();
	int rc;

	*out = NULL;
	if (!arr)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	while ((rc = db_step(st, c->err)) == PS_ROW) {
		json_t *row = rows_to_json(st);

		if (!row || json_array_append_new(arr, row)) {
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			break;
		}
	}
	if (rc == PS_DONE) {
		*out = arr;
		return PS_OK;
	}
	json_decref(arr);
	return rc;
}

int rows_all(struct rows_query *q, const char *sql, json_t **out)
{
	struct db_stmt *st;
	int rc;

	*out = NULL;
	LOG_QUERY_PLAN(q->c, "all", sql);
	rc = db_prepare(q->c->db, sql, &st, q->c->err);
	if (rc)
		return rc;
	rc = rows_bind_all(q, st);
	if (!rc)
		rc = all_rows(q->c, st, out);
	db_finalize(st);
	return rc;
}

int rows_each(struct rows_query *q, const char *sql, int (*fn)(json_t *row, void *arg), void *arg)
{
	struct db_stmt *st;
	int rc;

	LOG_QUERY_PLAN(q->c, "scan", sql);
	rc = db_prepare(q->c->db, sql, &st, q->c->err);
	if (rc)
		return rc;
	rc = rows_bind_all(q, st);
	while (!rc && (rc = db_step(st, q->c->err)) == PS_ROW) {
		json_t *row = rows_to_json(st);

		rc = row ? fn(row, arg) : ps_fail(q->c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		json_decref(row);
	}
	db_finalize(st);
	return rc == PS_DONE ? PS_OK : rc;
}

int rows_all_lists(struct rows_query *q, const struct rows_list *lists, int n, struct db_stmt *also, json_t *obj)
{
	struct db_stmt *st[ROWS_LISTS_MAX + 1] = { NULL };
	int rc = lists_run(q, lists, n, also, st);

	for (int i = 0; i < n && !rc; i++) {
		json_t *arr;

		rc = all_rows(q->c, st[i], &arr);
		if (!rc && json_object_set_new(obj, lists[i].key, arr))
			rc = ps_fail(q->c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	for (int i = 0; i < n && i < ROWS_LISTS_MAX; i++)
		db_finalize(st[i]);
	return rc;
}

int rows_check_unit(struct ctx *c, enum authz_act act, const char *path_sql, int64_t id,
		    const char *not_found)
{
	struct rows_query q;
	json_t *row;
	const char *path;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, path_sql, &row);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "%s", not_found);
	if (rc)
		return rc;
	path = arena_strdup(c->arena, json_string_value(json_object_get(row, "path")));
	json_decref(row);
	if (!path)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return authz_check(c, act, path, 0, arena_printf(c->arena, "%lld", (long long)id));
}
