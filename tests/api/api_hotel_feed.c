/* api_hotel_feed.c — the 旅业 system's export taken in over HTTP
 * (COM-HOTEL-REG: "data import from the hotel 旅业 system", its format a
 * county setting): each row a stay at a hotel of the station, registered as
 * a clerk would register it — the ID document checked (a bad one is a row
 * error naming the rule), compared with the wanted list (a hit opens a
 * 警情), a foreign guest's report read from the upload time
 * (COM-HOTEL-FOREIGN); the same file again changes nothing, a later one
 * completes the stays it repeats; a hotel of another station is a row error,
 * never a write; a county whose system names the columns otherwise says so
 * in trade.hotel_feed_columns.
 *
 * Every story registers its own hotels, so the demo's never enter the
 * figures. */
#include "population_util.h"

#include <sodium.h>
#include <unistd.h>
#include <xlsxwriter.h>

static long long now_s(struct server *srv)
{
	return (long long)time(NULL) + srv->clock_offset;
}

/* an instant as the 旅业 export writes it, local time (UTC+8) */
static const char *at(struct server *srv, long long t, int digits)
{
	time_t local = (time_t)(t + 8 * 3600);
	struct tm tm;
	char s[32];

	gmtime_r(&local, &tm);
	strftime(s, sizeof(s), digits ? "%Y%m%d%H%M%S" : "%Y-%m-%d %H:%M:%S", &tm);
	return fmt(srv, "%s", s);
}

static long long hotel_new(struct server *srv, const char *user, const char *name, const char *licence)
{
	struct resp *r = http(srv, U(user), "POST", API "/trade-units",
			      J(srv, "{s:s, s:s, s:s, s:s, s:s}", "category", "special_trade", "kind", "hotel", "name", name,
				"licence_no", licence, "responsible", "测试负责人"));

	EXPECT(r, 201);
	return rnum(r, "trade_unit.id");
}

static struct resp *feed(struct server *srv, const char *user, const char *csv)
{
	return http(srv, U(user), "POST", API "/hotel-guests/import", J(srv, "{s:s}", "csv", csv));
}

static void expect_counts(struct resp *r, int rows, int imported, int created, int errors, int hits)
{
	EXPECT(r, 200);
	EXPECT_STR(r, "what", "hotel_guests");
	EXPECT_NUM(r, "rows", rows);
	EXPECT_NUM(r, "imported", imported);
	EXPECT_NUM(r, "created", created);
	EXPECT_NUM(r, "updated", imported - created);
	assert_int_equal(json_array_size(jpath(r->json, "errors")), (size_t)errors);
	assert_int_equal(json_array_size(jpath(r->json, "hits")), (size_t)hits);
}

static void expect_figures(struct server *srv, long long hotel, int total, int in_house, int unreported, int hits)
{
	struct resp *r = http(srv, U("minjing1"), "GET", fmt(srv, API "/hotel-guests?unit_id=%lld", hotel), NULL);

	EXPECT(r, 200);
	EXPECT_NUM(r, "total", total);
	EXPECT_NUM(r, "figures.in_house", in_house);
	EXPECT_NUM(r, "figures.foreign_unreported", unreported);
	EXPECT_NUM(r, "figures.hits", hits);
}

#define HEADER "旅馆编码,旅馆名称,姓名,证件类型,证件号码,国籍,房号,入住时间,退房时间,上传时间\n"

/* 1. A day's export at 城关: four stays in, four rows refused with their
 * reasons; sent again it changes nothing; the next day's completes them. */
STORY(feed_day)
{
	long long now = now_s(srv), hotel = hotel_new(srv, "minjing1", "测试旅业宾馆", "FEED-001"), n0,
		  imports0 = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'import.hotel_guests'"
					 " AND outcome = 'success'", NULL),
		  denied0 = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'import.hotel_guests'"
					" AND outcome = 'denied'", NULL),
		  incidents0 = db_raw_int(srv->db, "SELECT COUNT(*) FROM incident", NULL),
		  feeds0 = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'hotel_guest.feed'", NULL);
	const char *wanted = newid(srv), *csv, *later;
	struct resp *r;

	hotel_new(srv, "gucheng_mj1", "古城测试旅馆", "FEED-901");
	EXPECT(http(srv, U("suozhang"), "POST", API "/wanted",
		    J(srv, "{s:s, s:s, s:s, s:s, s:s}", "id_number", wanted, "name", "李逃犯", "case_desc", "诈骗",
		      "issuing_unit", "外地公安局", "issued_on", dstr(srv, -10))),
	       200);
	csv = fmt(srv,
		  HEADER
		  "FEED-001,,导入甲,居民身份证,%s,中国,201,%s,%s,\n"    /* 2: in and out */
		  ",测试旅业宾馆,John Feed,护照,E55500001,美国,202,%s,,%s\n" /* 3: foreign, reported */
		  "FEED-001,,Anna Feed,passport,E55500002,德国,203,%s,,\n"     /* 4: foreign, 30 h, not reported */
		  "FEED-001,,李逃犯,,%s,,204,%s,,\n"                           /* 5: on the wanted list */
		  "FEED-001,,坏号,居民身份证,110101199001011230,中国,205,%s,,\n" /* 6: bad check digit */
		  ",古城测试旅馆,外所客,居民身份证,%s,中国,101,%s,,\n"       /* 7: another station's hotel */
		  "FEED-001,,错时间,居民身份证,%s,中国,206,昨天晚上,,\n"     /* 8: no time */
		  "FEED-001,,怪证件,军官证,%s,中国,207,%s,,\n",                /* 9: no such document type */
		  newid(srv), at(srv, now - 20 * 3600, 0), at(srv, now - 2 * 3600, 0), at(srv, now - 10 * 3600, 0),
		  at(srv, now - 9 * 3600, 0), at(srv, now - 30 * 3600, 1), wanted, at(srv, now - 3600, 0),
		  at(srv, now - 3600, 0), newid(srv), at(srv, now - 3600, 0), newid(srv), newid(srv), at(srv, now - 3600, 0));

	/* who may not import: the auditor, nor the 内勤 (a hit opens a 警情 in
	 * the importer's name, and he registers none); nothing is written */
	n0 = db_raw_int(srv->db, "SELECT COUNT(*) FROM hotel_guest", NULL);
	EXPECT(feed(srv, "auditor", csv), 403);
	EXPECT(feed(srv, "neiqin", csv), 403);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM hotel_guest", NULL), n0);

	/* asked all or nothing, the four refused rows keep the four good ones
	 * out, and the wanted guest's 警情 with them; one denied audit row */
	r = http(srv, U("fujing"), "POST", API "/hotel-guests/import",
		 J(srv, "{s:s, s:b}", "csv", csv, "all_or_nothing", 1));
	EXPECT_ERR(srv, r, 400, "IMPORT_ROWS_REFUSED", NULL);
	EXPECT_NUM(r, "error.report.rows", 8);
	assert_int_equal(json_array_size(jpath(r->json, "error.report.errors")), 4);
	EXPECT_STR(r, "error.report.errors.0.rule", "COM-HOTEL-REG");
	assert_int_equal(json_array_size(jpath(r->json, "error.report.hits")), 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM hotel_guest", NULL), n0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident", NULL), incidents0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'import.hotel_guests'"
				    " AND outcome = 'denied'", NULL),
			 denied0 + 1);

	/* 城关's auxiliary takes the file in */
	r = feed(srv, "fujing", csv);
	expect_counts(r, 8, 4, 4, 4, 1);
	EXPECT_NUM(r, "errors.0.row", 6);
	EXPECT_STR(r, "errors.0.rule", "COM-HOTEL-REG");
	EXPECT_NUM(r, "errors.1.row", 7);
	assert_non_null(strstr(rstr(r, "errors.1.reason"), "古城测试旅馆"));
	EXPECT_NUM(r, "errors.2.row", 8);
	assert_non_null(strstr(rstr(r, "errors.2.reason"), "入住时间"));
	EXPECT_NUM(r, "errors.3.row", 9);
	assert_non_null(strstr(rstr(r, "errors.3.reason"), "军官证"));
	EXPECT_STR(r, "hits.0.name", "李逃犯");
	EXPECT_STR(r, "hits.0.case_desc", "诈骗");
	/* 4 stays; in the house all but 导入甲; Anna unreported past 24 h; one hit */
	expect_figures(srv, hotel, 4, 3, 1, 1);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/hotel-guests?unit_id=%lld&unreported=1", hotel), NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.name", "Anna Feed");
	EXPECT_STR(r, "items.0.source", "feed");
	EXPECT_STR(r, "items.0.source_label", "旅业系统导入");
	EXPECT_BOOL(r, "items.0.report_overdue", 1);
	EXPECT_NUM(r, "items.0.checkin_at", now - 30 * 3600);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/hotel-guests?unit_id=%lld&hits=1", hotel), NULL);
	EXPECT_NUM(r, "total", 1);
	assert_true(rnum(r, "items.0.incident_id") > 0);
	/* nothing was written at 古城 */
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM hotel_guest WHERE name = '外所客'", NULL), 0);

	/* the same file again: the four stays found, nothing new, no second hit */
	expect_counts(feed(srv, "fujing", csv), 8, 4, 0, 4, 0);
	expect_figures(srv, hotel, 4, 3, 1, 1);
	/* and again as rows 3001-3008 of a larger export (the web's parts):
	 * nothing new, the refused rows named by their rows in the export */
	r = http(srv, U("fujing"), "POST", API "/hotel-guests/import", J(srv, "{s:s, s:i}", "csv", csv, "first_row", 3001));
	expect_counts(r, 8, 4, 0, 4, 0);
	EXPECT_NUM(r, "errors.0.row", 3005);
	EXPECT_NUM(r, "errors.3.row", 3008);
	expect_figures(srv, hotel, 4, 3, 1, 1);
	EXPECT_ERR(srv, http(srv, U("fujing"), "POST", API "/hotel-guests/import", J(srv, "{s:s, s:i}", "csv", csv, "first_row", 0)),
		   400, "INVALID_FIELD", NULL);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'import.hotel_guests'"
				    " AND outcome = 'success'", NULL),
			 imports0 + 3);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'hotel_guest.feed'", NULL),
			 feeds0 + 4);

	/* the next export: Anna's form uploaded 29 h ago and her check-out an
	 * hour ago; 导入甲's row again with another check-out changes nothing */
	later = fmt(srv,
		    HEADER "FEED-001,,Anna Feed,护照,E55500002,德国,203,%s,%s,%s\n"
			   "FEED-001,,导入甲,居民身份证,%s,中国,201,%s,%s,\n",
		    at(srv, now - 30 * 3600, 0), at(srv, now - 3600, 0), at(srv, now - 29 * 3600, 0),
		    db_raw_text(srv, srv->db, "SELECT id_number FROM hotel_guest WHERE name = '导入甲'"),
		    at(srv, now - 20 * 3600, 0), at(srv, now - 600, 0));
	expect_counts(feed(srv, "fujing", later), 2, 2, 0, 0, 0);
	expect_figures(srv, hotel, 4, 2, 0, 1);
	assert_int_equal(db_raw_int(srv->db, fmt(srv, "SELECT checkout_at FROM hotel_guest WHERE name = '导入甲'"), NULL),
			 now - 2 * 3600);

	/* 古城's officer sends the same day's file: only his own hotel's row */
	r = feed(srv, "gucheng_mj1", csv);
	expect_counts(r, 8, 1, 1, 7, 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM hotel_guest WHERE name = '外所客'", NULL), 1);
}

/* 2. The county's 旅业 system names its columns otherwise: refused until the
 * setting says so; a stay already in is not registered twice by hand. */
STORY(feed_columns)
{
	long long now = now_s(srv), hotel = hotel_new(srv, "minjing1", "测试列名旅馆", "FEED-002");
	const char *id = newid(srv), *in = at(srv, now - 5 * 3600, 0);
	const char *csv = fmt(srv, "旅店编号,客人姓名,ZJHM,房间,RZSJ\nFEED-002,列名客,%s,301,%s\n", id, in);
	struct resp *r;

	r = feed(srv, "minjing3", csv);
	EXPECT_ERR(srv, r, 400, "BAD_IMPORT_HEADER", NULL);
	assert_non_null(strstr(rstr(r, "error.message"), "姓名")); /* the first required column it could not find */
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/trade.hotel_feed_columns",
		    J(srv, "{s:s}", "value", "旅馆编码=旅店编号；姓名 = 客人姓名；证件号码=ZJHM；房号=房间；入住时间=RZSJ")),
	       200);
	expect_counts(feed(srv, "minjing3", csv), 1, 1, 1, 0, 0);
	expect_figures(srv, hotel, 1, 1, 0, 0);
	/* the standard names still work beside the county's */
	expect_counts(feed(srv, "minjing3", fmt(srv, HEADER "FEED-002,,标准客,,%s,,302,%s,,\n", newid(srv), in)), 1, 1,
		      1, 0, 0);
	/* by hand, the same stay is refused; another check-in of the guest is not */
	r = http(srv, U("minjing1"), "POST", API "/hotel-guests",
		 J(srv, "{s:I, s:s, s:s, s:s, s:s, s:I}", "unit_id", (json_int_t)hotel, "name", "列名客", "id_type",
		   "id_card", "id_number", id, "room", "301", "checkin_at", (json_int_t)(now - 5 * 3600)));
	EXPECT_ERR(srv, r, 409, "STAY_EXISTS", NULL);
	EXPECT(http(srv, U("minjing1"), "POST", API "/hotel-guests",
		    J(srv, "{s:I, s:s, s:s, s:s, s:s, s:I}", "unit_id", (json_int_t)hotel, "name", "列名客", "id_type",
		      "id_card", "id_number", id, "room", "301", "checkin_at", (json_int_t)(now - 60))),
	       201);
	expect_figures(srv, hotel, 3, 3, 0, 0);
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/trade.hotel_feed_columns", "{\"value\":\"\"}"), 200);
	EXPECT_ERR(srv, feed(srv, "minjing3", csv), 400, "BAD_IMPORT_HEADER", NULL);
}

/* 3. The export as an Excel workbook (its first sheet), as the 旅业 system
 * also gives it: the same rows, the same checks, and a sheet as Excel
 * writes it — a row without 旅馆编码 (column A left out: the hotel by its
 * name), the check-in time a real date cell, rows left out and a row of
 * empty formatted cells, and a refused row whose reason is long: each
 * refusal is reported with the row number Excel shows. */
STORY(feed_workbook)
{
	long long now = now_s(srv), hotel = hotel_new(srv, "minjing1", "测试表格旅馆", "FEED-003");
	static const char *const head[] = { "旅馆编码", "旅馆名称", "姓名", "证件号码", "证件类型", "房号", "入住时间", "上传时间" };
	char long_type[495];
	const char *rows[3][8] = {
		{ "", "测试表格旅馆", "表格客", newid(srv), "", "401", "", "" },
		{ "FEED-003", "", "Ola Nordmann", "N1234567", "", "402", at(srv, now - 30 * 3600, 1), at(srv, now - 29 * 3600, 0) },
		{ "FEED-003", "", "长类型客", newid(srv), long_type, "403", at(srv, now - 3600, 0), "" },
	};
	static const int excel_row[3] = { 1, 2, 5 }; /* rows 2, 3 and 6 as Excel numbers them */
	time_t local = (time_t)(now - 4 * 3600 + 8 * 3600);
	struct tm tm;
	lxw_datetime checkin;
	char path[] = "/tmp/precinct-feed-XXXXXX.xlsx";
	int fd = mkstemps(path, 5);
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *when, *bold;
	FILE *f;
	struct resp *r;
	unsigned char *bin;
	char *b64;
	long n;

	memset(long_type, 'x', sizeof(long_type) - 1);
	long_type[sizeof(long_type) - 1] = '\0';
	gmtime_r(&local, &tm);
	checkin = (lxw_datetime){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec };
	assert_true(fd >= 0);
	close(fd);
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, NULL);
	when = workbook_add_format(wb);
	format_set_num_format(when, "yyyy-mm-dd hh:mm:ss");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	for (int j = 0; j < 8; j++)
		worksheet_write_string(ws, 0, (lxw_col_t)j, head[j], NULL);
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 8; j++)
			if (*rows[i][j])
				worksheet_write_string(ws, (lxw_row_t)excel_row[i], (lxw_col_t)j, rows[i][j], NULL);
	worksheet_write_datetime(ws, 1, 6, &checkin, when);
	for (int j = 0; j < 8; j++)
		worksheet_write_blank(ws, 6, (lxw_col_t)j, bold); /* row 7: formatted, empty */
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	bin = malloc((size_t)n);
	b64 = malloc(sodium_base64_ENCODED_LEN((size_t)n, sodium_base64_VARIANT_ORIGINAL));
	assert_true(bin && b64 && fread(bin, 1, (size_t)n, f) == (size_t)n);
	fclose(f);
	unlink(path);
	sodium_bin2base64(b64, sodium_base64_ENCODED_LEN((size_t)n, sodium_base64_VARIANT_ORIGINAL), bin, (size_t)n,
			  sodium_base64_VARIANT_ORIGINAL);
	/* Ola's row: with no type given his passport is read as a 居民身份证;
	 * row 6's type is no type (its reason cut at 511 bytes, whole
	 * characters) */
	r = http(srv, U("minjing1"), "POST", API "/hotel-guests/import", J(srv, "{s:s}", "xlsx", b64));
	expect_counts(r, 3, 1, 1, 2, 0);
	EXPECT_NUM(r, "errors.0.row", 3);
	EXPECT_STR(r, "errors.0.rule", "COM-HOTEL-REG");
	EXPECT_NUM(r, "errors.1.row", 6);
	assert_non_null(strstr(rstr(r, "errors.1.reason"), "证件类型“xxxx"));
	expect_figures(srv, hotel, 1, 1, 0, 0);
	/* the stay's check-in is the date cell's time, to the second */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/hotel-guests?unit_id=%lld", hotel), NULL);
	EXPECT_STR(r, "items.0.name", "表格客");
	EXPECT_NUM(r, "items.0.checkin_at", now - 4 * 3600);
	free(bin);
	free(b64);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(feed_day),
		T(feed_columns),
		T(feed_workbook),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
