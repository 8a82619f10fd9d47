/* api_catalog.c — the rule catalog over HTTP (issue 12): GET /api/v1/catalog
 * for signed-in users carries every rule with its article and figures, the
 * measure tiers, case states and actions and the offences; the public part
 * needs no login and carries no internal notes. Figures are the law's
 * (ZA2025 Art 97: 8 h; XZCF Art 56/85: 7 working days), written here by hand. */
#include "harness.h"

#include <string.h>

static json_t *find(json_t *arr, const char *key, const char *value)
{
	size_t i;
	json_t *it;

	json_array_foreach(arr, i, it) {
		const char *v = json_string_value(json_object_get(it, key));

		if (v && strcmp(v, value) == 0)
			return it;
	}
	return NULL;
}

STORY(public_catalog_needs_no_login)
{
	struct resp *r = http(srv, NULL, "GET", "/api/v1/catalog/public", NULL);
	json_t *rules, *summon, *rule;
	size_t i;

	assert_int_equal(r->status, 200);
	rules = jpath(r->json, "rules");
	assert_true(json_array_size(rules) > 50);
	summon = find(rules, "code", "ADM-SUMMON-8H");
	assert_non_null(summon);
	assert_int_equal(json_integer_value(json_array_get(json_object_get(summon, "values"), 0)), 8);
	assert_string_equal(json_string_value(json_object_get(summon, "unit")), "hours");
	assert_true(has_chinese(json_string_value(json_object_get(summon, "plain"))));
	assert_non_null(strstr(json_string_value(json_object_get(summon, "source")), "第97条"));
	/* the public page gets no internal notes or test names */
	assert_null(json_object_get(summon, "note"));
	assert_null(json_object_get(summon, "test"));
	assert_non_null(find(jpath(r->json, "case_states"), "value", "filed"));
	/* nor the police's own work: 重点人员 is internal (COM-ZD-INTERNAL),
	 * and so are the team's, the patrols' and the accounts' rules and the
	 * sets that name them; the progress page's case kinds stay */
	json_array_foreach(rules, i, rule) {
		const char *code = json_string_value(json_object_get(rule, "code"));

		assert_true(strncmp(code, "COM-", 4) != 0 && strncmp(code, "TEAM-", 5) != 0 &&
			    strncmp(code, "PAT-", 4) != 0 && strncmp(code, "AUTH-", 5) != 0);
	}
	assert_non_null(find(rules, "code", "SUP-XINFANG"));
	assert_null(jpath(r->json, "enums.key_level"));
	assert_null(jpath(r->json, "enums.role_title"));
	assert_non_null(find(jpath(r->json, "enums.case_kind"), "value", "criminal"));
}

STORY(full_catalog_for_signed_in_users)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	struct resp *r;
	json_t *t, *rule;

	assert_error(srv, http(srv, NULL, "GET", "/api/v1/catalog", NULL), 401, NULL);
	r = http(srv, mj, "GET", "/api/v1/catalog", NULL);
	assert_int_equal(r->status, 200);
	/* 先行登记保存: 7 working days (correction 1 of the rule research) */
	t = find(jpath(r->json, "measure_tiers"), "kind", "preservation");
	assert_non_null(t);
	assert_int_equal(json_integer_value(json_object_get(t, "period")), 7);
	assert_string_equal(json_string_value(json_object_get(t, "unit")), "workdays");
	assert_string_equal(json_string_value(json_object_get(t, "rule")), "PROC-PRESERVE-7D");
	/* a rule with two law versions has two rows */
	rule = NULL;
	{
		size_t i;
		json_t *it;

		json_array_foreach(jpath(r->json, "rules"), i, it)
			if (!strcmp(json_string_value(json_object_get(it, "code")), "ADM-STATION-POWER") &&
			    json_is_string(json_object_get(it, "to")))
				rule = it;
	}
	assert_non_null(rule);
	assert_int_equal(json_integer_value(json_array_get(json_object_get(rule, "values"), 0)), 500);
	assert_string_equal(json_string_value(json_object_get(rule, "to")), "2025-12-31");
	assert_non_null(json_object_get(rule, "test"));
	assert_non_null(find(jpath(r->json, "case_actions"), "action", "conclude"));
	assert_non_null(find(jpath(r->json, "measure_kinds"), "value", "rsl"));
	assert_non_null(find(jpath(r->json, "warning_levels"), "code", "BREACH"));
	assert_true(json_array_size(jpath(r->json, "offences")) >= 100);
	/* the roles and unit kinds the screens name: ten roles, three of them
	 * 人民警察 (民警, 所长/局领导, 法制员); six kinds, 市局 down to 警务室 */
	t = jpath(r->json, "roles");
	assert_int_equal(json_array_size(t), 10);
	assert_string_equal(json_string_value(json_object_get(find(t, "value", "officer"), "label")), "民警");
	assert_true(json_is_true(json_object_get(find(t, "value", "officer"), "sworn")));
	assert_true(json_is_true(json_object_get(find(t, "value", "legal"), "sworn")));
	assert_true(json_is_false(json_object_get(find(t, "value", "auxiliary"), "sworn")));
	assert_true(json_is_false(json_object_get(find(t, "value", "dispatcher"), "sworn")));
	t = jpath(r->json, "enums.unit_kind");
	assert_int_equal(json_array_size(t), 6);
	assert_string_equal(json_string_value(json_object_get(json_array_get(t, 0), "label")), "市局");
	assert_string_equal(json_string_value(json_object_get(find(t, "value", "post"), "label")), "警务室");
	/* the enums the forms offer, in order, with the words of the screens */
	t = jpath(r->json, "enums.party_role");
	assert_int_equal(json_array_size(t), 4);
	assert_string_equal(json_string_value(json_object_get(json_array_get(t, 0), "value")), "suspect");
	assert_string_equal(json_string_value(json_object_get(find(t, "value", "victim"), "label")), "被侵害人");
	assert_string_equal(json_string_value(json_object_get(find(jpath(r->json, "enums.incident_status"), "value",
								   "received"), "label")), "待派警");
	/* a request field names its set */
	{
		size_t i;
		json_t *rt, *f;
		const char *set = NULL;

		json_array_foreach(jpath(r->json, "fields"), i, rt)
			if (!strcmp(json_string_value(json_object_get(rt, "path")), "/api/v1/cases/{id}/parties")) {
				size_t j;

				json_array_foreach(json_object_get(rt, "fields"), j, f)
					if (!strcmp(json_string_value(json_object_get(f, "name")), "role"))
						set = json_string_value(json_object_get(f, "enum_set"));
			}
		assert_non_null(set);
		assert_string_equal(set, "party_role");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(public_catalog_needs_no_login, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(full_catalog_for_signed_in_users, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
