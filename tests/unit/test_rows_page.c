/* test_rows_page.c — domain/rows: a page written as text (rows_page_write,
 * the big lists of issue 14) is, byte for byte, what rows_page's object
 * renders to, on every kind of page: the first, a middle one, the last
 * partial one, one past the end, with and without a count cap (the cap
 * reached and not), with and without a page key; its ids, count and total
 * are the page's; a row writer sees each row and its failure ends the
 * page. */
#include "db_fixture.h"
#include "domain/rows.h"
#include "core/json.h"
#include "core/jw.h"

#define ROWS 57

static void exec(struct fx *x, const char *sql)
{
	struct db_stmt *st;

	assert_int_equal(db_prepare(x->db, sql, &st, &x->err), PS_OK);
	assert_int_equal(db_step(st, &x->err), PS_DONE);
	db_finalize(st);
}

/* ROWS rows of every kind of value: text with quotes, a backslash,
 * control characters and Chinese, NULLs, negative and large integers */
static void fill(struct fx *x)
{
	exec(x, "CREATE TABLE scratch (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, grp INTEGER)");
	for (int i = 1; i <= ROWS; i++) {
		char sql[256], name[64];

		if (i % 7 == 0)
			snprintf(name, sizeof(name), "NULL");
		else if (i % 3 == 0)
			snprintf(name, sizeof(name), "'城关派出所 \"引号\" \\ 反斜杠'");
		else if (i % 5 == 0)
			snprintf(name, sizeof(name), "char(9, 10, 1, 31) || '尾'");
		else
			snprintf(name, sizeof(name), "'张三%c'", 'A' + i % 26);
		snprintf(sql, sizeof(sql), "INSERT INTO scratch VALUES (%d, %s, %s, %d)", i, name,
			 i % 4 == 0 ? "NULL" : i % 2 ? "-9223372036854775807" : "42", i % 3);
		exec(x, sql);
	}
}

static void query(struct fx *x, struct rows_query *q, int64_t page, int64_t per_page, int64_t cap, int key)
{
	rows_query_init(q, &x->c, " FROM scratch s WHERE s.grp >= ?", page, per_page);
	rows_bind_int(q, 0);
	q->count_cap = cap;
	q->page_key = key ? "s.id" : NULL;
}

/* rows_page rendered against "{" rows_page_write "}" for one page */
static void same_page(struct fx *x, int64_t page, int64_t per_page, int64_t cap, int key, size_t rows_want)
{
	static const char select[] = "SELECT s.id, s.name, s.n, s.grp";
	static const char order[] = "ORDER BY s.id DESC";
	struct rows_query q;
	struct rows_written out;
	json_t *tree;
	char *want;
	struct jw w;
	const char *got;

	query(x, &q, page, per_page, cap, key);
	assert_int_equal(rows_page(&q, select, order, &tree), PS_OK);
	want = json_render(tree, JSON_COMPACT);
	assert_non_null(want);

	query(x, &q, page, per_page, cap, key);
	jw_init(&w, 1 << 20);
	jw_obj(&w, NULL);
	assert_int_equal(rows_page_write(&q, select, order, NULL, NULL, &w, &out), PS_OK);
	jw_end_obj(&w);
	assert_int_equal(jw_rc(&w), PS_OK);
	got = jw_text(&w, NULL);
	assert_string_equal(got, want);

	assert_int_equal(out.n, rows_want);
	assert_int_equal(out.n, json_array_size(json_object_get(tree, "items")));
	assert_int_equal(out.total, cap > 0 && cap < ROWS ? cap : ROWS);
	assert_int_equal(out.capped, cap > 0 && cap < ROWS);
	for (size_t i = 0; i < out.n; i++) /* newest first: the ids down from the page's first */
		assert_int_equal(out.ids[i], ROWS - (page - 1) * per_page - (int64_t)i);
	json_mem_free(want);
	json_decref(tree);
	jw_release(&w);
}

static void test_pages_as_the_tree(void **state)
{
	struct fx *x = *state;

	fill(x);
	for (int key = 0; key <= 1; key++) {
		same_page(x, 1, 20, 0, key, 20);
		same_page(x, 2, 20, 0, key, 20);
		same_page(x, 3, 20, 0, key, 17); /* 57 = 20 + 20 + 17 */
		same_page(x, 4, 20, 0, key, 0);
		same_page(x, 1, 200, 0, key, 57);
		same_page(x, 1, 20, 1000, key, 20);   /* a cap not reached */
		same_page(x, 2, 20, 30, key, 10);     /* the pages end at the cap */
		same_page(x, 3, 20, 30, key, 0);
	}
}

struct seen {
	int rows, stop_at;
};

/* writes the name column only, under its own key, and the row's count */
static int name_only(struct ctx *c, struct db_stmt *st, struct jw *w, void *arg)
{
	struct seen *s = arg;

	(void)c;
	s->rows++;
	jw_str(w, "who", db_column_text(st, rows_col_index(st, "name")));
	jw_int(w, "nth", s->rows);
	return s->rows == s->stop_at ? PS_EINVAL : PS_OK;
}

static void test_a_row_writer(void **state)
{
	struct fx *x = *state;
	struct rows_query q;
	struct rows_written out;
	struct seen s = { 0, 0 };
	struct jw w;

	fill(x);
	query(x, &q, 1, 2, 0, 0);
	jw_init(&w, 1 << 20);
	jw_obj(&w, NULL);
	assert_int_equal(rows_page_write(&q, "SELECT s.id, s.name", "ORDER BY s.id", name_only, &s, &w, &out),
			 PS_OK);
	jw_end_obj(&w);
	assert_int_equal(s.rows, 2);
	/* rows 1 and 2: neither a multiple of 3, 5 or 7 */
	assert_string_equal(jw_text(&w, NULL),
			    "{\"items\":[{\"who\":\"张三B\",\"nth\":1},{\"who\":\"张三C\",\"nth\":2}],\"total\":57}");
	assert_int_equal(out.ids[0], 1);
	assert_int_equal(out.ids[1], 2);
	jw_release(&w);

	/* a writer's failure ends the page with it */
	s.rows = 0;
	s.stop_at = 3;
	query(x, &q, 1, 10, 0, 1);
	jw_init(&w, 1 << 20);
	jw_obj(&w, NULL);
	assert_int_equal(rows_page_write(&q, "SELECT s.id, s.name", "ORDER BY s.id", name_only, &s, &w, &out),
			 PS_EINVAL);
	assert_int_equal(s.rows, 3);
	jw_release(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pages_as_the_tree, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_a_row_writer, fx_setup, fx_teardown),
	};

	json_mem_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
