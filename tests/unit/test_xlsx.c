/* test_xlsx.c — a workbook's first sheet as CSV (core/xlsx.h): cells and
 * rows Excel leaves out keep their places (a row without column A, blank
 * rows between data rows), dates come out as dates, and the first tab is
 * read even when it is not sheet1.xml. The expected text is written out by
 * hand: the serial numbers' dates were checked against Python's datetime
 * (1899-12-30 + 45000 days = 2023-03-15). */
#include "core/buf.h"
#include "core/rc.h"
#include "core/xlsx.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <xlsxwriter.h>
#include <zlib.h>

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	long len;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	b = malloc((size_t)len);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return b;
}

static void expect_csv(const unsigned char *data, size_t n, const char *want)
{
	struct buf out;
	struct ps_err err;

	ps_err_clear(&err);
	buf_init(&out, 1 << 20);
	assert_int_equal(xlsx_to_csv(data, n, &out, &err), PS_OK);
	assert_string_equal(buf_str(&out), want);
	buf_release(&out);
}

/* Written by libxlsxwriter as Excel writes it: shared strings, cells and
 * rows that hold nothing left out, dates as day numbers with a date
 * style. */
static void test_workbook_as_excel_writes_it(void **state)
{
	char path[] = "/tmp/precinct-xlsx-XXXXXX.xlsx";
	int fd = mkstemps(path, 5);
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *when, *day, *hm, *money, *blank;
	lxw_datetime checkin = { 2026, 12, 5, 8, 30, 0 }, born = { 1990, 2, 3, 0, 0, 0 };
	static const char *const head[] = { "旅馆编码", "旅馆名称", "姓名", "入住时间", "出生日期" };
	unsigned char *data;
	size_t n;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, NULL);
	when = workbook_add_format(wb);
	format_set_num_format(when, "yyyy-mm-dd hh:mm");
	day = workbook_add_format(wb);
	format_set_num_format(day, "yyyy\"年\"m\"月\"d\"日\"");
	hm = workbook_add_format(wb);
	format_set_num_format(hm, "hh:mm");
	money = workbook_add_format(wb);
	format_set_num_format(money, "0.00");
	blank = workbook_add_format(wb);
	format_set_bold(blank);
	for (int j = 0; j < 5; j++)
		worksheet_write_string(ws, 0, (lxw_col_t)j, head[j], NULL);
	/* row 2: no 旅馆编码 (column A left out) */
	worksheet_write_string(ws, 1, 1, "城关宾馆", NULL);
	worksheet_write_string(ws, 1, 2, "张三", NULL);
	worksheet_write_datetime(ws, 1, 3, &checkin, when);
	worksheet_write_datetime(ws, 1, 4, &born, day);
	/* row 3: formatted cells that hold nothing */
	for (int j = 0; j < 5; j++)
		worksheet_write_blank(ws, 2, (lxw_col_t)j, blank);
	/* rows 4 and 5 left out; row 6: a time, a number with two places,
	 * a gap between columns A and C */
	worksheet_write_string(ws, 5, 0, "GB-001", NULL);
	worksheet_write_number(ws, 5, 2, 0.5, hm);
	worksheet_write_number(ws, 5, 4, 3.5, money);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	data = slurp(path, &n);
	unlink(path);
	expect_csv(data, n,
		   "旅馆编码,旅馆名称,姓名,入住时间,出生日期\n"
		   ",城关宾馆,张三,2026-12-05 08:30:00,1990-02-03\n"
		   ",,,,\n"
		   "\n"
		   "\n"
		   "GB-001,,12:00:00,,3.5\n");
	free(data);
}

/* ---- a workbook put together by hand (stored ZIP entries) ---- */

struct part {
	const char *name, *text;
};

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, unsigned long v)
{
	put16(p, (unsigned)(v & 0xffff));
	put16(p + 2, (unsigned)(v >> 16));
}

static unsigned char *zip_of(const struct part *parts, int count, size_t *n)
{
	unsigned char *z = calloc(1, 1 << 16), *cd = calloc(1, 1 << 14);
	size_t at = 0, cdn = 0;

	assert_true(z && cd);
	for (int i = 0; i < count; i++) {
		size_t nl = strlen(parts[i].name), tl = strlen(parts[i].text);
		unsigned long crc = crc32(0, (const Bytef *)parts[i].text, (uInt)tl);

		put32(z + at, 0x04034b50);
		put16(z + at + 4, 20);
		put32(z + at + 14, crc);
		put32(z + at + 18, tl);
		put32(z + at + 22, tl);
		put16(z + at + 26, (unsigned)nl);
		memcpy(z + at + 30, parts[i].name, nl);
		memcpy(z + at + 30 + nl, parts[i].text, tl);
		put32(cd + cdn, 0x02014b50);
		put16(cd + cdn + 6, 20);
		put32(cd + cdn + 16, crc);
		put32(cd + cdn + 20, tl);
		put32(cd + cdn + 24, tl);
		put16(cd + cdn + 28, (unsigned)nl);
		put32(cd + cdn + 42, at);
		memcpy(cd + cdn + 46, parts[i].name, nl);
		cdn += 46 + nl;
		at += 30 + nl + tl;
	}
	memcpy(z + at, cd, cdn);
	put32(z + at + cdn, 0x06054b50);
	put16(z + at + cdn + 8, (unsigned)count);
	put16(z + at + cdn + 10, (unsigned)count);
	put32(z + at + cdn + 12, cdn);
	put32(z + at + cdn + 16, at);
	*n = at + cdn + 22;
	free(cd);
	return z;
}

/* The first tab is sheet2.xml; a row that ends in "/>", a page break
 * after the rows (<rowBreaks>, no row), a date in a custom 年月日 format,
 * the 1904 day count of old Mac workbooks. */
static void test_first_tab_and_odd_rows(void **state)
{
	static const char wb1900[] = "<workbook><workbookPr/><sheets><sheet name=\"数据\" sheetId=\"2\" r:id=\"rId2\"/>"
				     "<sheet name=\"旧表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	static const char wb1904[] = "<workbook><workbookPr date1904=\"1\"/><sheets><sheet name=\"数据\" sheetId=\"2\" "
				     "r:id=\"rId2\"/></sheets></workbook>";
	static const char rels[] =
		"<Relationships><Relationship Id=\"rId1\" Type=\"ws\" Target=\"worksheets/sheet1.xml\"/>"
		"<Relationship Id=\"rId2\" Type=\"ws\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>";
	static const char styles[] =
		"<styleSheet><numFmts count=\"1\"><numFmt numFmtId=\"176\" "
		"formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
		"<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"176\"/><xf numFmtId=\"2\"/></cellXfs></styleSheet>";
	static const char old[] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>不是这张</t>"
				  "</is></c></row></sheetData></worksheet>";
	static const char data[] =
		"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c>"
		"<c r=\"B1\" t=\"inlineStr\"><is><t>日期</t></is></c></row>"
		"<row r=\"2\" ht=\"20\" customHeight=\"1\"/>"
		"<row r=\"3\"><c r=\"B3\" s=\"1\"><v>45000</v></c><c r=\"C3\" s=\"2\"><v>45000</v></c></row>"
		"</sheetData><rowBreaks count=\"1\"><brk id=\"3\"/></rowBreaks></worksheet>";
	struct part parts[] = {
		{ "xl/workbook.xml", wb1900 },		   { "xl/_rels/workbook.xml.rels", rels },
		{ "xl/styles.xml", styles },		   { "xl/worksheets/sheet1.xml", old },
		{ "xl/worksheets/sheet2.xml", data },
	};
	unsigned char *z;
	size_t n;

	(void)state;
	z = zip_of(parts, 5, &n);
	expect_csv(z, n, "姓名,日期\n\n,2023-03-15,45000\n");
	free(z);
	parts[0].text = wb1904; /* 1904-01-01 + 45000 days */
	z = zip_of(parts, 5, &n);
	expect_csv(z, n, "姓名,日期\n\n,2027-03-16,45000\n");
	free(z);
	/* no workbook.xml: the first sheet is sheet1.xml, as before */
	z = zip_of(parts + 1, 4, &n);
	expect_csv(z, n, "不是这张\n");
	free(z);
}

/* The first sheet of parts (sheet1.xml, no workbook) refused with code. */
static void expect_refused(const struct part *parts, int count, const char *code, const char *in_msg)
{
	struct buf out;
	struct ps_err err;
	unsigned char *z;
	size_t n;

	z = zip_of(parts, count, &n);
	ps_err_clear(&err);
	buf_init(&out, 1 << 20);
	assert_int_equal(xlsx_to_csv(z, n, &out, &err), PS_EINVAL);
	assert_string_equal(err.code, code);
	if (in_msg && !strstr(err.msg, in_msg))
		fail_msg("message %s lacks %s", err.msg, in_msg);
	buf_release(&out);
	free(z);
}

/* A name's phonetic guide (<rPh>, the reading Excel keeps beside it) is no
 * part of the name; a workbook with bytes that are not UTF-8 is refused
 * (the person it made could not be answered); a cell merged down over
 * rows (its text in the first row only) is refused naming it, a merge
 * within one row (a title across columns) is read as before. */
static void test_phonetics_bytes_and_merges(void **state)
{
	static const char strings[] = "<sst><si><r><t>欧阳</t></r><r><t>娜娜</t></r>"
				      "<rPh sb=\"0\" eb=\"2\"><t>ouyang</t></rPh><phoneticPr fontId=\"1\"/></si>"
				      "<si><t>社区</t></si></sst>";
	static const char sheet[] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
				    "<c r=\"B1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>";
	static const char bad[] = "<sst><si><t>\xED\xA0\x80\xE5\xBC\xA0</t></si></sst>";
	static const char across[] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
				     "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells></worksheet>";
	static const char down[] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
				   "<row r=\"2\"><c r=\"C2\" t=\"s\"><v>1</v></c></row></sheetData>"
				   "<mergeCells count=\"2\"><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"C2:C4\"/>"
				   "</mergeCells></worksheet>";
	struct part parts[] = { { "xl/sharedStrings.xml", strings }, { "xl/worksheets/sheet1.xml", sheet } };
	unsigned char *z;
	size_t n;

	(void)state;
	z = zip_of(parts, 2, &n);
	expect_csv(z, n, "欧阳娜娜,社区\n");
	free(z);
	parts[1].text = across;
	z = zip_of(parts, 2, &n);
	expect_csv(z, n, "欧阳娜娜\n");
	free(z);
	parts[1].text = down;
	expect_refused(parts, 2, "XLSX_MERGED_CELLS", "C2:C4");
	parts[1].text = sheet;
	parts[0].text = bad;
	expect_refused(parts, 2, "BAD_XLSX", "UTF-8");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workbook_as_excel_writes_it),
		cmocka_unit_test(test_first_tab_and_odd_rows),
		cmocka_unit_test(test_phonetics_bytes_and_merges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
