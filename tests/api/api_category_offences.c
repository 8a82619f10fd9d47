/* api_category_offences.c — the 警情类别 → 案由 table (issue 17, remaining
 * gaps): a database made before its rows existed gets them by migration
 * 101; the administrator reads and edits the table (audited), and an edit
 * changes the 案由 an incident prefills; others are refused. */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "incident_util.h"

static json_t *row_of(json_t *items, const char *code)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (!strcmp(jstr(it, "code"), code))
			return it;
	return NULL;
}

STORY(category_offences_migrated_and_edited)
{
	struct resp *r;
	long long theft, fight;

	begin(srv);
	/* an old database: no rows, migration 101 not applied; the server
	 * started on it applies 101 and the rows are there */
	server_stop(srv);
	assert_int_equal(db_raw_exec(srv->db, "DELETE FROM incident_category_offence"), 0);
	assert_int_equal(db_raw_exec(srv->db, "DELETE FROM schema_version WHERE version = 101"), 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident_category_offence", NULL), 0);
	server_start(srv);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident_category_offence", NULL), 10);
	nwho = 0;

	r = http(srv, S("admin"), "GET", API "/incident-category-offences", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "items.0.code", "0101");
	assert_true(json_is_null(json_object_get(row_of(jpath(r->json, "items"), "0101"), "offence_code")));
	assert_string_equal(jstr(row_of(jpath(r->json, "items"), "0201"), "offence_code"), "OF-065");
	assert_non_null(jstr(row_of(jpath(r->json, "items"), "0201"), "offence_name"));

	/* only the administrator */
	assert_error(srv, http(srv, S("minjing1"), "GET", API "/incident-category-offences", NULL), 403, NULL);
	assert_error(srv, http(srv, S("suozhang"), "PUT", API "/incident-category-offences",
			       "{\"category\":\"0201\",\"offence\":\"OF-052\"}"),
		     403, NULL);
	/* a category that is no sub-category, an offence that does not exist */
	r = http(srv, S("admin"), "PUT", API "/incident-category-offences", "{\"category\":\"9999\",\"offence\":\"OF-052\"}");
	assert_error(srv, r, 400, NULL);
	EXPECT_STR(r, "error.field", "category");
	r = http(srv, S("admin"), "PUT", API "/incident-category-offences", "{\"category\":\"0201\",\"offence\":\"OF-999\"}");
	assert_error(srv, r, 400, NULL);
	EXPECT_STR(r, "error.field", "offence");

	/* 0201 盗窃 now maps to OF-052, 0202's 案由 is cleared, 0101 gets one */
	EXPECT(http(srv, S("admin"), "PUT", API "/incident-category-offences", "{\"category\":\"0201\",\"offence\":\"OF-052\"}"),
	       200);
	EXPECT(http(srv, S("admin"), "PUT", API "/incident-category-offences", "{\"category\":\"0202\",\"offence\":\"\"}"), 200);
	r = http(srv, S("admin"), "GET", API "/incident-category-offences", NULL);
	assert_string_equal(jstr(row_of(jpath(r->json, "items"), "0201"), "offence_code"), "OF-052");
	assert_true(json_is_null(json_object_get(row_of(jpath(r->json, "items"), "0202"), "offence_code")));
	assert_true(audit_count(srv, S("auditor"), "incident_category_offence.put", "admin", "success") >= 2);

	theft = inc_at(srv, CG, "0201", "城关镇人民路18号", 0);
	fight = inc_at(srv, CG, "0202", "城关镇人民路19号", 0);
	r = inc_get(srv, "minjing1", theft);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.offence_code", "OF-052");
	r = inc_get(srv, "minjing1", fight);
	assert_true(json_is_null(jpath(r->json, "incident.offence_code")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(category_offences_migrated_and_edited, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
