/* api_ledgers.c — 台账 (issue 15, part B): the case, coercive-measure,
 * property, archive and loan ledgers, each a page (GET /ledgers/{kind})
 * and an XLSX (POST /exports) with the station's header line, a total row
 * and a Chinese file name — checked by reading the workbook back with
 * core/xlsx. Figures: the demo's archive room (src/seed/seed_archives.c:
 * two files of 36 pages, three loans, one overdue) and the change one
 * decided case with a fine of 200 yuan makes. */
#include "case_util.h"
#include "core/buf.h"
#include "core/xlsx.h"

/* The workbook of an export read back as CSV lines (srv's pool). */
static const char *sheet(struct server *srv, const struct resp *r)
{
	struct buf b;
	struct ps_err e;
	const char *out;

	EXPECT(r, 200);
	buf_init(&b, 4 << 20);
	if (xlsx_to_csv((const unsigned char *)r->body, r->body_len, &b, &e) != 0)
		fail_msg("not a workbook: %s", e.msg);
	out = fmt(srv, "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

static const char *line_of(struct server *srv, const char *text, int n)
{
	const char *p = text, *e;

	for (int i = 0; i < n && p; i++) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	if (!p)
		return "";
	e = strchr(p, '\n');
	return fmt(srv, "%.*s", e ? (int)(e - p) : (int)strlen(p), p);
}

static int lines(const char *text)
{
	int n = 0;

	for (const char *p = text; *p; p++)
		n += *p == '\n';
	return n;
}

static struct resp *export(struct server *srv, struct session *s, const char *kind)
{
	return http(srv, s, "POST", API "/exports",
		    fmt(srv, "{\"kind\":\"%s\",\"reason\":\"台账核对测试\"}", kind));
}

/* Every ledger exports and opens: header line, watermark, column titles,
 * one line per row of its page, the total row; a Chinese file name. */
STORY(ledgers_open)
{
	static const char *const kinds[] = { "case_ledger", "measure_ledger", "property", "archive_ledger",
					     "loan_ledger" };
	static const char *const titles[] = { "案件台账", "强制措施台账", "涉案财物台账", "执法档案台账",
					      "档案借阅台账" };
	struct session *sz = as(srv, "suozhang");

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct resp *page = http(srv, sz, "GET", fmt(srv, API "/ledgers/%s", kinds[i]), NULL);
		struct resp *r;
		const char *csv;
		long long n;

		EXPECT(page, 200);
		EXPECT_STR(page, "header", fmt(srv, "城关派出所%s", titles[i]));
		n = rnum(page, "total");
		r = export(srv, sz, kinds[i]);
		csv = sheet(srv, r);
		assert_string_equal(line_of(srv, csv, 0), fmt(srv, "城关派出所%s", titles[i]));
		assert_non_null(strstr(line_of(srv, csv, 1), "导出人"));
		assert_int_equal(lines(csv), 3 + (int)n + 1);
		assert_non_null(strstr(line_of(srv, csv, 3 + (int)n), fmt(srv, "合计：%lld 条", n)));
		/* 城关派出所 in the file name, percent-encoded (RFC 5987) */
		assert_non_null(strstr(resp_header(srv, r, "Content-Disposition"),
				       "filename*=UTF-8''%E5%9F%8E%E5%85%B3%E6%B4%BE%E5%87%BA%E6%89%80"));
	}
}

/* The archive room of the demo, by hand: two files of 36 pages each;
 * three loans (lent and overdue, returned, waiting for approval). */
STORY(ledgers_archive_figures)
{
	struct session *da = as(srv, "dangan");
	struct resp *r;
	const char *csv;

	r = http(srv, da, "GET", API "/ledgers/archive_ledger", NULL);
	EXPECT_NUM(r, "total", 2);
	EXPECT_NUM(r, "total_row.pages", 72);
	csv = sheet(srv, export(srv, da, "archive_ledger"));
	assert_non_null(strstr(line_of(srv, csv, 5), "合计：2 条"));
	assert_non_null(strstr(line_of(srv, csv, 5), ",72"));
	r = http(srv, da, "GET", API "/ledgers/loan_ledger", NULL);
	EXPECT_NUM(r, "total", 3);
	csv = sheet(srv, export(srv, da, "loan_ledger"));
	assert_int_equal(lines(csv), 3 + 3 + 1);
	assert_non_null(strstr(csv, "已借出"));
	assert_non_null(strstr(csv, ",是"));
	/* the archivist keeps the room's ledgers, not the personal-data ones */
	EXPECT_ERR(srv, export(srv, da, "case_ledger"), 403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, export(srv, as(srv, "fujing"), "archive_ledger"), 403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, da, "GET", API "/ledgers/persons", NULL), 404, "NOT_FOUND", NULL);
}

/* One more decided case with a fine of 200 yuan: one more row and 200 more
 * in the case ledger's total, on the page and in the workbook. */
STORY(ledgers_case_total)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang");
	struct resp *r;
	long long n0, f0, id, sus;
	const char *csv;

	r = http(srv, sz, "GET", API "/ledgers/case_ledger", NULL);
	n0 = rnum(r, "total");
	f0 = rnum(r, "total_row.fine_total");
	id = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 401, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 0, 200, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");
	EXPECT_STR(act(srv, sz, id, "approve", "{\"opinion\":\"同意\"}"), "case.status", "decided");
	r = http(srv, sz, "GET", API "/ledgers/case_ledger", NULL);
	EXPECT_NUM(r, "total", n0 + 1);
	EXPECT_NUM(r, "total_row.fine_total", f0 + 200);
	csv = sheet(srv, export(srv, sz, "case_ledger"));
	assert_non_null(strstr(line_of(srv, csv, 3 + (int)n0 + 1), fmt(srv, "合计：%lld 条", n0 + 1)));
	assert_non_null(strstr(line_of(srv, csv, 3 + (int)n0 + 1), fmt(srv, ",%lld,", f0 + 200)));
}

STORY(audit_holds_no_id_number)
{
	assert_int_equal(audit_id_numbers(srv), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(ledgers_open), T(ledgers_archive_figures), T(ledgers_case_total), T(audit_holds_no_id_number),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
