/* rows.h — a paged SELECT turned into JSON: {"items":[…],"total":N}. Columns
 * become keys by their SQL name; INTEGER → number, TEXT → string, NULL →
 * null. Parameters are bound in order; the WHERE text is a constant of the
 * caller (never built from input). */
#ifndef PS_DOMAIN_ROWS_H
#define PS_DOMAIN_ROWS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/jw.h"
#include "domain/authz.h"
#include "domain/ctx.h"

#define ROWS_MAX_BINDS 48

/* The count of a big list (cases, incidents, rentals) stops here: a page
 * costs O(page), not O(table); the answer then says "total_capped" and the
 * web shows "1000+" (issue 14). The pages end at the cap too: past it, a
 * filter narrows the list. Measured (bench/results, scale 0.1): counting
 * up to 10 000 rows was most of a list request (case list 0.23x the
 * audited read, rentals 0.06x); the persons list, capped at 1 000 since
 * issue 7, ran at 1.0x. */
#define ROWS_COUNT_CAP 1000

struct rows_query {
	struct ctx *c;
	const char *from_where; /* " FROM t WHERE …" */
	int64_t page, per_page;
	int n;
	int oom; /* a filter could not be added: rows_page refuses */
	int64_t count_cap; /* > 0: count at most this many, then "total_capped" */
	/* A unique column of the list's main table ("k.id"): when set, the
	 * page's offset is walked on that column alone, in a subquery where
	 * the joins no filter uses drop out, and the page's columns (joins,
	 * per-row lookups) are built for the page's rows only (issue 14). */
	const char *page_key;
	struct {
		int is_text;
		const char *s;
		int64_t i;
	} binds[ROWS_MAX_BINDS];
};

/* page counts from 1; per_page is clamped to [1, 200] (default 20). */
void rows_query_init(struct rows_query *q, struct ctx *c,
		     const char *from_where, int64_t page, int64_t per_page);
void rows_bind_text(struct rows_query *q, const char *s);
void rows_bind_int(struct rows_query *q, int64_t v);
/* rows_bind_text turns "" into NULL (handy for optional filters); this one
 * binds the string as it is (NULL stays NULL). */
void rows_bind_text_exact(struct rows_query *q, const char *s);

/* Optional filters of a list: append " AND <cond>" to from_where (which must
 * end inside its WHERE) and bind v to each '?' of cond — only when the
 * filter is set (text: not NULL or ""; int: not 0; a cond without '?'
 * is a flag). Each combination is its
 * own statement, so its plan can use the indexes, where a filter written
 * "(? IS NULL OR col = ?)" makes every plan a scan. */
void rows_and_text(struct rows_query *q, const char *cond, const char *v);
/* The same, always, binding nothing: the caller binds cond's values next. */
void rows_and(struct rows_query *q, const char *cond);
void rows_and_int(struct rows_query *q, const char *cond, int64_t v);

/* LIKE patterns from user text. Every LIKE whose pattern holds user text
 * is written "x LIKE ?" ROWS_ESCAPE (that is, ESCAPE '\') and binds one
 * of these: the text with '\', '%' and '_' escaped by '\', so they match
 * themselves, inside "%…%" (ROWS_LIKE_CONTAINS), before "%"
 * (ROWS_LIKE_PREFIX) or alone (ROWS_LIKE_EXACT, case-insensitive equality
 * for ASCII). The pattern is in q's arena; NULL when s is NULL or "", and
 * when out of memory — then q->oom is set and rows_page refuses, so a
 * search never silently loses its filter. Path prefixes of org units
 * ("/1/3/%", ctx_scope_like) are made by the server of digits and '/' and
 * need no escaping. */
#define ROWS_ESCAPE " ESCAPE '\\'"
enum rows_like { ROWS_LIKE_CONTAINS, ROWS_LIKE_PREFIX, ROWS_LIKE_EXACT };
const char *rows_like(struct rows_query *q, const char *s, enum rows_like kind);

/* Like rows_and_text, binding rows_like(q, v, ROWS_LIKE_CONTAINS) to each
 * '?' of cond (whose LIKEs say ROWS_ESCAPE). */
void rows_and_like(struct rows_query *q, const char *cond, const char *v);

/* Run SELECT COUNT(*) + "<select> <from_where> <order> LIMIT ? OFFSET ?"
 * (with q->page_key: "<select> FROM (SELECT <key> <from_where> <order>
 * LIMIT ? OFFSET ?) keys CROSS JOIN <from_where without its FROM> AND
 * <key> = the key <order>", the same rows, each found by its key; order
 * must then be a total order, and from_where start with its FROM).
 * *out is a new JSON object on success: {"items":[…],"total":N}; with
 * q->count_cap set, counting stops there and a larger total is given as
 * the cap with "total_capped": true. */
int rows_page(struct rows_query *q, const char *select, const char *order,
	      json_t **out);

/* The rows of a page written by rows_page_write: the first
 * ROWS_WRITTEN_IDS of their first column (the id an audit row names, AUD-1;
 * a page holds at most 200 rows), how many, and the count as rows_page
 * gives it. */
#define ROWS_WRITTEN_IDS 200
struct rows_written {
	int64_t ids[ROWS_WRITTEN_IDS];
	size_t n;
	int64_t total;
	int capped;
};

/* Writes the members of st's current row into the object w has open (a
 * list's masks and derived values, issue 14); PS_OK or a failure that
 * ends the page. */
typedef int (*rows_row_fn)(struct ctx *c, struct db_stmt *st, struct jw *w, void *arg);

/* rows_page's page written as text into the object w has open: "items"
 * (each row's columns under their names, or what row writes when it is
 * not NULL), "total" and, with q->count_cap, "total_capped" — the bytes
 * rows_page's object renders to, without the braces, so the caller adds
 * its own keys after them. *out says which rows were written. On failure
 * w's text is incomplete and the caller drops it. */
int rows_page_write(struct rows_query *q, const char *select, const char *order, rows_row_fn row, void *arg,
		    struct jw *w, struct rows_written *out);

/* The index of st's column called name, -1 when it has none. */
int rows_col_index(struct db_stmt *st, const char *name);

/* How the caller's scope covers the org tree: *units is the number of
 * units in it, *whole 1 when no unit lies outside it — every record of a
 * unit is then the caller's, and a list can leave out the test of its
 * unit (and the join it needs) for each row it walks (issue 14). */
int rows_scope(struct ctx *c, int64_t *units, int *whole);

/* Convert the current row of st into a new JSON object (NULL on ENOMEM). */
json_t *rows_to_json(struct db_stmt *st);

/* Run sql with the text/int binds of q and return the first row as JSON in
 * *out (PS_ENOTFOUND when there is none). */
int rows_one(struct rows_query *q, const char *sql, json_t **out);

/* Run a statement that returns no rows (INSERT/UPDATE) with q's binds.
 * *changes (may be NULL) receives the rows changed. */
int rows_exec(struct rows_query *q, const char *sql, int64_t *changes);

/* Run an INSERT … RETURNING id with q's binds; *id receives the id.
 * PS_ECONFLICT on a constraint violation. */
int rows_insert(struct rows_query *q, const char *sql, int64_t *id);

/* Run a query whose first row's first column is an integer; *out = def when
 * there is no row. */
int rows_int(struct rows_query *q, const char *sql, int64_t def, int64_t *out);

/* A typed row: one entry per selected column, in SELECT order, naming the
 * member of the caller's struct it fills. Text is copied into the request's
 * arena (NULL for SQL NULL); an integer NULL reads as 0. Decisions read
 * these structs, never a JSON row by key. */
enum rows_col_type { ROWS_COL_INT, ROWS_COL_TEXT };
struct rows_col {
	enum rows_col_type type;
	size_t offset;
};
#define ROWS_INT(T, m) { ROWS_COL_INT, offsetof(T, m) + 0 * sizeof(char[_Generic(((T *)0)->m, int64_t: 1, default: -1)]) }
#define ROWS_TEXT(T, m) { ROWS_COL_TEXT, offsetof(T, m) + 0 * sizeof(char[_Generic(((T *)0)->m, const char *: 1, default: -1)]) }

/* Run sql with q's binds and fill *out from its first row by the ncols
 * columns of cols; PS_ENOTFOUND (no message set) when there is no row. */
int rows_struct(struct rows_query *q, const char *sql, const struct rows_col *cols, size_t ncols,
		void *out);

/* Run sql and return every row as a JSON array in *out. */
int rows_all(struct rows_query *q, const char *sql, json_t **out);

/* Run sql and hand each row, as rows_all's object, to fn in order, one at
 * a time: the object is released when fn returns (fn keeps what it needs
 * with json_incref), so a scan of many rows holds one of them. fn may run
 * statements of its own on the same connection. The first non-zero answer
 * of fn stops the scan and is returned. */
int rows_each(struct rows_query *q, const char *sql, int (*fn)(json_t *row, void *arg), void *arg);

/* The same rows written as text (issue 14: a record read renders its rows
 * straight into its answer, no JSON tree): the value of column i of st's
 * current row under its SQL name, in rows_to_json's types. Cannot fail
 * (a failure is kept in w, core/jw.h). */
void rows_write_col(struct db_stmt *st, int i, struct jw *w);

/* A list of a record: its rows under key (rows_write_lists, at most
 * ROWS_LISTS_MAX of them). */
#define ROWS_LISTS_MAX 16

struct rows_list {
	const char *key;
	const char *sql;
};

/* Each of the n lists' statements bound with q's binds, run together
 * (db_run_all: one round trip on PostgreSQL), then every row of each
 * written as an object into an array under its key (NULL: in an array) —
 * the bytes rows_all's array renders to — in order. also (may be NULL) is
 * as rows_all_lists'. PS_OK, a store failure, or PS_ENOMEM "内存不足" when
 * w failed (as rows_all fails on what jansson refuses); on failure w's
 * text is incomplete and the caller drops it. */
int rows_write_lists(struct rows_query *q, const struct rows_list *lists, int n, struct db_stmt *also,
		     struct jw *w);

/* The same lists run together, each one's rows set into obj under its key
 * as rows_all's array. also (may be NULL) is a statement of the caller's,
 * prepared and bound, run in the same round trip; the caller steps and
 * finalizes it, whatever the answer. PS_OK, a store failure or PS_ENOMEM;
 * on failure obj may hold the lists before the failing one. */
int rows_all_lists(struct rows_query *q, const struct rows_list *lists, int n, struct db_stmt *also, json_t *obj);

/* Run sql with q's binds and write the columns of its first row into the
 * object w has open (rows_one's object without its braces: the caller adds
 * its own keys after them). PS_ENOTFOUND "记录不存在" when there is no row
 * (nothing written), a store failure, or PS_ENOMEM as rows_write_lists. */
int rows_write_cols(struct rows_query *q, const char *sql, struct jw *w);

/* PS_OK, or PS_ENOMEM "内存不足" in c's error slot when w failed. */
int rows_write_rc(struct ctx *c, const struct jw *w);

/* Start a bind list for the rows_* runners above (no paging). */
void rows_binds(struct rows_query *q, struct ctx *c);

/* Bind q's parameters into st starting at index 1. */
int rows_bind_all(struct rows_query *q, struct db_stmt *st);
/* The same from parameter index first + 1 on (a statement that repeats
 * q's filter binds it twice). */
int rows_bind_from(struct rows_query *q, struct db_stmt *st, int first);
/* With q->count_cap set, a count past the cap becomes the cap: 1 (the
 * answer's "total_capped"), else 0 and *total unchanged. */
int rows_cap_total(const struct rows_query *q, int64_t *total);
/* The page's rows: *offset from q's page, and how many to take, none past
 * the cap (the pages end where the count stopped). */
int64_t rows_page_window(const struct rows_query *q, int64_t *offset);
/* A test build with PRECINCT_TEST_PLAN_LOG set logs sql's plan as a list's
 * ("list plan <what>: <from_where> => …"), for a list not built by
 * rows_page (tests/api/api_lists.c); nothing otherwise. */
void rows_log_plan(struct ctx *c, const char *what, const char *from_where, const char *sql);

/* A field of a row that rows_one/rows_all returned: its integer (0 when
 * absent or null) or its text (NULL when absent or null). */
static inline int64_t row_int(json_t *row, const char *key)
{
	return json_integer_value(json_object_get(row, key));
}

static inline const char *row_str(json_t *row, const char *key)
{
	return json_string_value(json_object_get(row, key));
}

/* The object-level check of a record (TRUST ACL-1): path_sql selects the
 * org_unit path of record id (one bind); no row answers PS_ENOTFOUND
 * ("NOT_FOUND", not_found message); a record outside the action's scope
 * from the actor is refused by authz_check (403, audited with the record
 * id); PS_OK when the actor may act on it. */
int rows_check_unit(struct ctx *c, enum authz_act act, const char *path_sql, int64_t id,
		    const char *not_found);

#endif
