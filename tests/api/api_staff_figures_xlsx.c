/* api_staff_figures_xlsx.c — 队伍结构统计 as a workbook (issue 18): GET
 * /staff/figures.xlsx holds the same counts as /staff/figures, one row per
 * category value with the unit's and the county's count (read back through
 * the project's own XLSX reader); no person in it. */
#include "harness.h"
#include "case_util.h"
#include "core/buf.h"
#include "core/xlsx.h"

#include <string.h>

STORY(structure_figures_workbook)
{
	struct session *chief = as(srv, "suozhang");
	struct resp *r = http(srv, chief, "GET", API "/staff/figures", NULL), *x;
	struct ps_err err = { 0 };
	struct buf csv;
	json_t *unit, *county;
	const char *want;

	EXPECT(r, 200);
	unit = jpath(r->json, "unit");
	county = jpath(r->json, "county");
	x = http(srv, chief, "GET", API "/staff/figures.xlsx", NULL);
	EXPECT(x, 200);
	assert_true(x->body_len > 100 && memcmp(x->body, "PK", 2) == 0);
	buf_init(&csv, 1 << 20);
	assert_int_equal(xlsx_to_csv((const unsigned char *)x->body, x->body_len, &csv, &err), PS_OK);
	assert_non_null(csv.p);
	/* the heads name 城关 and the county */
	assert_non_null(strstr(csv.p, "类别,项目,城关派出所,"));
	want = fmt(srv, "合计,人数,%lld,%lld", (long long)jint(unit, "total"), (long long)jint(county, "total"));
	assert_non_null(strstr(csv.p, want));
	want = fmt(srv, "人员类别,民警,%lld,%lld", (long long)jint(json_object_get(unit, "staff_kind"), "police"),
		   (long long)jint(json_object_get(county, "staff_kind"), "police"));
	assert_non_null(strstr(csv.p, want));
	want = fmt(srv, "政治面貌,中共党员,%lld,%lld", (long long)jint(json_object_get(unit, "politics"), "party"),
		   (long long)jint(json_object_get(county, "politics"), "party"));
	assert_non_null(strstr(csv.p, want));
	want = fmt(srv, "执法资格,民警资格有效,%lld,%lld", (long long)jint(unit, "qual_valid"),
		   (long long)jint(county, "qual_valid"));
	assert_non_null(strstr(csv.p, want));
	/* no name of a person */
	assert_null(strstr(csv.p, "李明"));
	buf_release(&csv);
	/* the administrator reads no business figures */
	assert_error(srv, http(srv, as(srv, "admin"), "GET", API "/staff/figures.xlsx", NULL), 403, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(structure_figures_workbook, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
