/* test_csv.c — src/core/csv.c, the CSV reader of every importer: RFC 4180
 * records as Excel writes them (quoted commas, quotes and line breaks, a
 * BOM, CRLF), and what the clerks' files add (blanks, blank lines). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/csv.h"
#include "core/mem.h"

#define MAXF 8

struct fixture {
	struct arena a;
	struct csv_reader r;
	char *f[MAXF];
	int nf;
};

static int setup(void **state)
{
	static struct fixture fx;

	memset(&fx, 0, sizeof(fx));
	arena_init(&fx.a);
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	ps_mem_fail_at(0, 0);
	arena_release(&fx->a);
	return 0;
}

static void start(struct fixture *fx, const char *text)
{
	csv_reader_init(&fx->r, text, strlen(text));
}

/* Read one record and compare its fields with the NULL-terminated list. */
static void expect_record(struct fixture *fx, ...)
{
	va_list ap;
	const char *want;
	int i = 0;

	assert_int_equal(csv_read(&fx->r, &fx->a, fx->f, MAXF, &fx->nf, NULL), PS_OK);
	va_start(ap, fx);
	while ((want = va_arg(ap, const char *)) != NULL) {
		assert_true(i < fx->nf);
		assert_string_equal(fx->f[i], want);
		i++;
	}
	va_end(ap);
	assert_int_equal(fx->nf, i);
}

static void expect_end(struct fixture *fx)
{
	assert_int_equal(csv_read(&fx->r, &fx->a, fx->f, MAXF, &fx->nf, NULL), PS_OK);
	assert_int_equal(fx->nf, 0);
}

static void test_plain_fields(void **state)
{
	struct fixture *fx = *state;

	start(fx, "姓名,身份证号,电话\n张三,110101199003070014,13800000000\n");
	expect_record(fx, "姓名", "身份证号", "电话", NULL);
	expect_record(fx, "张三", "110101199003070014", "13800000000", NULL);
	expect_end(fx);
	/* empty fields stay, and a last line without a line break counts */
	start(fx, "a,,c,\n,");
	expect_record(fx, "a", "", "c", "", NULL);
	expect_record(fx, "", "", NULL);
	expect_end(fx);
	start(fx, "");
	expect_end(fx);
}

static void test_quoted_commas_and_quotes(void **state)
{
	struct fixture *fx = *state;

	start(fx, "\"李四, 王五\",\"他说\"\"你好\"\"\",\"\"\n");
	expect_record(fx, "李四, 王五", "他说\"你好\"", "", NULL);
	expect_end(fx);
	/* a quote inside an unquoted field is text */
	start(fx, "5\"3,x\n");
	expect_record(fx, "5\"3", "x", NULL);
	expect_end(fx);
	/* text after the closing quote is kept, as Excel does */
	start(fx, "\"abc\"def,\"g\"  ,h\n");
	expect_record(fx, "abcdef", "g", "h", NULL);
	expect_end(fx);
}

static void test_record_spans_lines(void **state)
{
	struct fixture *fx = *state;

	start(fx, "地址,备注\r\n\"幸福路 1 号\r\n3 栋\",\"第一行\n第二行\"\r\n下一条,x\r\n");
	expect_record(fx, "地址", "备注", NULL);
	assert_int_equal(fx->r.record, 1);
	assert_int_equal(fx->r.line, 1);
	expect_record(fx, "幸福路 1 号\r\n3 栋", "第一行\n第二行", NULL);
	assert_int_equal(fx->r.record, 2);
	assert_int_equal(fx->r.line, 2);
	expect_record(fx, "下一条", "x", NULL);
	assert_int_equal(fx->r.record, 3);
	assert_int_equal(fx->r.line, 5); /* the record before took lines 2–4 */
	expect_end(fx);
}

static void test_bom_crlf_cr(void **state)
{
	struct fixture *fx = *state;

	/* Excel's "CSV UTF-8": a BOM, CRLF */
	start(fx, "\xef\xbb\xbf姓名,电话\r\n张三,1\r\n");
	expect_record(fx, "姓名", "电话", NULL);
	expect_record(fx, "张三", "1", NULL);
	expect_end(fx);
	/* a BOM only counts at the very start */
	start(fx, "a\n\xef\xbb\xbf" "b\n");
	expect_record(fx, "a", NULL);
	expect_record(fx, "\xef\xbb\xbf" "b", NULL);
	expect_end(fx);
	/* old Mac files end lines with a lone CR */
	start(fx, "a,b\rc,d\r");
	expect_record(fx, "a", "b", NULL);
	expect_record(fx, "c", "d", NULL);
	assert_int_equal(fx->r.line, 2);
	expect_end(fx);
}

static void test_blanks_and_blank_lines(void **state)
{
	struct fixture *fx = *state;

	start(fx, "  a ,\tb\t, \" c \" \n\n   \nz");
	expect_record(fx, "a", "b", " c ", NULL);
	expect_record(fx, "", NULL); /* a blank line is one empty field */
	expect_record(fx, "", NULL);
	expect_record(fx, "z", NULL);
	assert_int_equal(fx->r.record, 4);
	expect_end(fx);
}

static void test_fields_past_max_dropped(void **state)
{
	struct fixture *fx = *state;
	char *f[2];
	int nf;

	start(fx, "1,2,3,4\n5\n");
	assert_int_equal(csv_read(&fx->r, &fx->a, f, 2, &nf, NULL), PS_OK);
	assert_int_equal(nf, 2);
	assert_string_equal(f[1], "2");
	assert_int_equal(csv_read(&fx->r, &fx->a, f, 2, &nf, NULL), PS_OK);
	assert_int_equal(nf, 1);
	assert_string_equal(f[0], "5");
}

static void test_open_quote_refused(void **state)
{
	struct fixture *fx = *state;
	struct ps_err e;

	ps_err_clear(&e);
	start(fx, "a,b\nc,\"d\ne,f\n");
	expect_record(fx, "a", "b", NULL);
	assert_int_equal(csv_read(&fx->r, &fx->a, fx->f, MAXF, &fx->nf, &e), PS_EINVAL);
	assert_string_equal(e.code, "CSV_OPEN_QUOTE");
	assert_non_null(strstr(e.msg, "第 2 行"));
	assert_int_equal(fx->nf, 0);
	expect_end(fx); /* nothing after it is read as records */
}

static void test_comments(void **state)
{
	struct fixture *fx = *state;

	start(fx, "# a \"comment, with a quote\ncode,name\n# more\n01,x\n");
	fx->r.comments = 1;
	expect_record(fx, "code", "name", NULL);
	assert_int_equal(fx->r.line, 2);
	expect_record(fx, "01", "x", NULL);
	assert_int_equal(fx->r.line, 4);
	expect_end(fx);
	/* without the flag '#' is text */
	start(fx, "#x,y\n");
	expect_record(fx, "#x", "y", NULL);
}

static void test_rewind_by_copy(void **state)
{
	struct fixture *fx = *state;
	struct csv_reader mark;

	start(fx, "h\n\"1\n1\"\n2\n");
	expect_record(fx, "h", NULL);
	mark = fx->r;
	expect_record(fx, "1\n1", NULL);
	expect_record(fx, "2", NULL);
	fx->r = mark;
	expect_record(fx, "1\n1", NULL);
	assert_int_equal(fx->r.record, 2);
}

static void test_out_of_memory(void **state)
{
	struct fixture *fx = *state;
	struct arena a;
	struct ps_err e;

	arena_init(&a); /* empty: the next record needs a new chunk */
	ps_err_clear(&e);
	start(fx, "a,b\n");
	ps_mem_fail_at(1, 0);
	assert_int_equal(csv_read(&fx->r, &a, fx->f, MAXF, &fx->nf, &e), PS_ENOMEM);
	assert_int_equal(fx->nf, 0);
	assert_int_equal(fx->r.record, 0); /* left where it was */
	assert_int_equal(csv_read(&fx->r, &a, fx->f, MAXF, &fx->nf, &e), PS_OK);
	assert_int_equal(fx->nf, 2);
	arena_release(&a);
}

/* a county names the columns of the 旅业 system's export */
static void test_header_alias(void **state)
{
	const char *spec = "姓名=旅客姓名；证件号码 ＝ ZJHM;入住时间=RZSJ\n房号=";

	(void)state;
	assert_int_equal(csv_header_is(NULL, "姓名", "姓名"), 1);
	assert_int_equal(csv_header_is("", "姓名", "旅客姓名"), 0);
	assert_int_equal(csv_header_is(spec, "姓名", "旅客姓名"), 1);
	assert_int_equal(csv_header_is(spec, "证件号码", "ZJHM"), 1);
	assert_int_equal(csv_header_is(spec, "入住时间", "RZSJ"), 1);
	assert_int_equal(csv_header_is(spec, "姓名", "ZJHM"), 0);      /* another column's name */
	assert_int_equal(csv_header_is(spec, "旅客姓名", "姓名"), 0);  /* one way only */
	assert_int_equal(csv_header_is(spec, "房号", ""), 1);          /* an empty name is a name */
	assert_int_equal(csv_header_is(spec, "房号", "房"), 0);
	assert_int_equal(csv_header_is("姓名", "姓名", "旅客"), 0);     /* no '=' */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quoted_commas_and_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_spans_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bom_crlf_cr, setup, teardown),
		cmocka_unit_test_setup_teardown(test_blanks_and_blank_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fields_past_max_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_quote_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_comments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rewind_by_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_out_of_memory, setup, teardown),
		cmocka_unit_test(test_header_alias),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
