/* test_authz.c — the org-tree helpers (domain/org.h) on today's two-level
 * tree (县局 → 派出所 → 警务室) and on a three-level one (市局 → 县局 →
 * 派出所 → 警务室), and the action table (domain/authz.h): rows in enum
 * order, 三权分立 held by every business action. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "domain/authz.h"
#include "domain/org.h"

/* Build a chain from a path and the kinds of its units, root first. */
static struct org_chain chain(const char *path, const char *const *kinds)
{
	struct org_chain ch;

	assert_int_equal(org_parse(path, &ch), 0);
	for (int i = 0; i < ch.n; i++)
		ch.kind[i] = kinds[i];
	return ch;
}

/* today's demo county: 1 县局, 5 城关派出所, 6 东街警务室, 3 法制大队 */
static void test_two_levels(void **state)
{
	static const char *const post_kinds[] = { "bureau", "station", "post" };
	static const char *const brigade_kinds[] = { "bureau", "brigade" };
	static const char *const bureau_kinds[] = { "bureau" };
	struct org_chain post = chain("/1/5/6/", post_kinds);
	struct org_chain brigade = chain("/1/3/", brigade_kinds);
	struct org_chain bureau = chain("/1/", bureau_kinds);

	(void)state;
	assert_int_equal(org_station_of(&post), 5);
	assert_int_equal(org_bureau_of(&post), 1);
	assert_int_equal(org_city_of(&post), 0);
	assert_int_equal(org_station_of(&brigade), 0);
	assert_int_equal(org_bureau_of(&brigade), 1);
	assert_int_equal(org_bureau_of(&bureau), 1);
	assert_int_equal(org_parent_of("/1/5/"), 1);
	assert_int_equal(org_parent_of("/1/5/6/"), 5);
	assert_int_equal(org_parent_of("/1/"), 0);
	assert_true(org_is_within("/1/5/6/", "/1/5/"));
	assert_true(org_is_within("/1/5/", "/1/5/"));
	assert_true(org_is_within("/1/5/", "/1/"));
	assert_false(org_is_within("/1/7/", "/1/5/"));
	assert_false(org_is_within("/1/", "/1/5/"));
}

/* a city above the county: 100 市局, 1 县局, 5 派出所, 6 警务室; a second
 * county 2 with station 9 */
static void test_three_levels(void **state)
{
	static const char *const kinds[] = { "city", "bureau", "station", "post" };
	struct org_chain post = chain("/100/1/5/6/", kinds);
	struct org_chain station = chain("/100/1/5/", kinds);
	struct org_chain other = chain("/100/2/9/", kinds);
	char buf[64];

	(void)state;
	assert_int_equal(org_station_of(&post), 5);
	assert_int_equal(org_station_of(&station), 5);
	/* the bureau is the county, not the root (the old helper gave 100) */
	assert_int_equal(org_bureau_of(&post), 1);
	assert_int_equal(org_bureau_of(&station), 1);
	assert_int_equal(org_bureau_of(&other), 2);
	assert_int_equal(org_city_of(&post), 100);
	assert_int_equal(org_city_of(&other), 100);
	assert_int_equal(org_parent_of("/100/1/5/"), 1);
	assert_int_equal(org_path_to(&post, org_bureau_of(&post), buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/100/1/");
	assert_int_equal(org_path_to(&post, org_city_of(&post), buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/100/");
	assert_int_equal(org_path_to(&post, 6, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/100/1/5/6/");
	assert_int_equal(org_path_to(&post, 9, buf, sizeof(buf)), -1);
	assert_int_equal(org_path_to(&post, 6, buf, 5), -1);
	/* within: the same county yes, the other county no, the city both */
	assert_true(org_is_within("/100/1/5/6/", "/100/1/"));
	assert_false(org_is_within("/100/2/9/", "/100/1/"));
	assert_true(org_is_within("/100/2/9/", "/100/"));
}

static void test_malformed_paths(void **state)
{
	struct org_chain ch;

	(void)state;
	assert_int_equal(org_parse(NULL, &ch), -1);
	assert_int_equal(org_parse("", &ch), -1);
	assert_int_equal(org_parse("/", &ch), -1);
	assert_int_equal(org_parse("1/5/", &ch), -1);
	assert_int_equal(org_parse("/1/5", &ch), -1);
	assert_int_equal(org_parse("/1//5/", &ch), -1);
	assert_int_equal(org_parse("/1/x/", &ch), -1);
	assert_int_equal(org_parse("/0/", &ch), -1);
	assert_int_equal(org_parse("/99999999999999999999/", &ch), -1);
	assert_int_equal(org_parse("/1/2/3/4/5/6/7/8/9/", &ch), -1);
	assert_int_equal(org_parse("/1/2/3/4/5/6/7/8/", &ch), 0);
	/* whole ids: '/1/30/' is not within '/1/3/' (a LIKE prefix would say yes) */
	assert_false(org_is_within("/1/30/", "/1/3/"));
	assert_false(org_is_within(NULL, "/1/"));
	assert_false(org_is_within("/1/", NULL));
	/* a chain without kinds knows no station or bureau */
	assert_int_equal(org_parse("/1/5/", &ch), 0);
	assert_int_equal(org_bureau_of(&ch), 0);
	assert_int_equal(org_station_of(&ch), 0);
}

/* AUTHZ_SWORN_SQL names the roles authz_role_sworn counts, and no other */
static void test_sworn_sql_is_the_role_table(void **state)
{
	json_t *roles = authz_roles_json(), *r;
	size_t i;

	(void)state;
	assert_non_null(roles);
	json_array_foreach(roles, i, r) {
		char quoted[64];
		const char *code = json_string_value(json_object_get(r, "value"));

		snprintf(quoted, sizeof(quoted), "'%s'", code);
		assert_int_equal(strstr(AUTHZ_SWORN_SQL, quoted) != NULL, json_is_true(json_object_get(r, "sworn")));
		assert_int_equal(authz_role_sworn(code), json_is_true(json_object_get(r, "sworn")));
	}
	json_decref(roles);
}

static void test_table_is_in_enum_order(void **state)
{
	(void)state;
	for (int a = 0; a < ACT_COUNT_; a++) {
		const struct authz_action *x = authz_action((enum authz_act)a);

		assert_non_null(x);
		assert_non_null(x->name);
		assert_non_null(x->label);
		assert_true(x->roles != 0);
		for (int b = 0; b < a; b++)
			assert_string_not_equal(authz_action((enum authz_act)b)->name, x->name);
	}
	assert_null(authz_action(ACT_COUNT_));
}

/* 三权分立: no business action for admin or auditor; the auditor has the
 * audit log and nothing it could change */
static void test_separation_of_duties(void **state)
{
	(void)state;
	for (int a = 0; a < ACT_COUNT_; a++) {
		const struct authz_action *x = authz_action((enum authz_act)a);

		if (x->flags & AUTHZ_BUSINESS) {
			assert_false(authz_role_may("admin", (enum authz_act)a));
			assert_false(authz_role_may("auditor", (enum authz_act)a));
		}
		if (authz_role_may("auditor", (enum authz_act)a))
			assert_true(a == ACT_AUDIT_LIST || a == ACT_AUDIT_VERIFY || a == ACT_UNIT_LIST ||
				    a == ACT_HOLIDAY_LIST || a == ACT_AUDIT_EXPORT);
	}
	assert_true(authz_role_may("auditor", ACT_AUDIT_LIST));
	assert_false(authz_role_may("admin", ACT_AUDIT_LIST));
	assert_true(authz_role_may("auditor", ACT_AUDIT_EXPORT));
	assert_false(authz_role_may("admin", ACT_AUDIT_EXPORT));
	assert_true(authz_role_may("admin", ACT_USER_CREATE));
	assert_false(authz_role_may("chief", ACT_USER_CREATE));
	assert_true(authz_role_may("officer", ACT_CASE_READ));
	assert_false(authz_role_may("auxiliary", ACT_CASE_CREATE));
	assert_false(authz_role_may("nobody", ACT_UNIT_LIST));
	assert_false(authz_role_may(NULL, ACT_UNIT_LIST));
}

/* A ctx without a database: the checks that need no unit chain. */
struct actor_ctx {
	struct arena arena;
	struct ps_err err;
	struct ctx c;
};

static void actor(struct actor_ctx *x, const char *role, const char *unit_path, const char *scope_path,
		  int64_t station_id)
{
	memset(x, 0, sizeof(*x));
	arena_init(&x->arena);
	ctx_init(&x->c, NULL, &x->arena, &x->err);
	x->c.who.user_id = 7;
	x->c.who.role = role;
	x->c.who.unit_path = unit_path;
	x->c.who.scope_path = scope_path;
	x->c.who.station_id = station_id;
}

static int pending(const struct ctx *c)
{
	int n = 0;

	for (const struct pending_audit *p = c->pending; p; p = p->next)
		n++;
	return n;
}

/* authz_check: role, 三权分立, station staff, unit scope; each refusal
 * leaves one audit row "denied" for after the rollback */
static void test_check(void **state)
{
	struct actor_ctx x;

	(void)state;
	/* an officer of station 5 (county 1): reads his station, not another */
	actor(&x, "officer", "/1/5/", "/1/5/", 5);
	assert_int_equal(authz_check(&x.c, ACT_CASE_READ, "/1/5/", 0, "12"), PS_OK);
	assert_int_equal(authz_check(&x.c, ACT_CASE_READ, "/1/6/", 0, "13"), PS_EFORBIDDEN);
	assert_int_equal(pending(&x.c), 1);
	assert_string_equal(x.c.pending->action, "case.read");
	assert_string_equal(x.c.pending->object_type, "case");
	assert_string_equal(x.c.pending->object_id, "13");
	assert_string_equal(x.c.pending->outcome, "denied");
	assert_int_equal(authz_require(&x.c, ACT_CASE_CREATE), PS_OK);
	assert_int_equal(authz_require(&x.c, ACT_USER_LIST), PS_EFORBIDDEN);
	assert_int_equal(pending(&x.c), 2);
	arena_release(&x.arena);

	/* a 警务室 officer works the station's records */
	actor(&x, "officer", "/1/5/9/", "/1/5/", 5);
	assert_int_equal(authz_check(&x.c, ACT_CASE_READ, "/1/5/", 0, NULL), PS_OK);
	arena_release(&x.arena);

	/* the county's chief reads the county, but takes no case (not station staff) */
	actor(&x, "chief", "/1/", "/1/", 0);
	assert_int_equal(authz_check(&x.c, ACT_CASE_READ, "/1/6/", 0, NULL), PS_OK);
	assert_int_equal(authz_check(&x.c, ACT_CASE_READ, "/2/8/", 0, NULL), PS_EFORBIDDEN);
	assert_int_equal(authz_require(&x.c, ACT_CASE_CREATE), PS_EFORBIDDEN);
	assert_false(authz_allowed(&x.c, ACT_CASE_CREATE));
	assert_true(authz_allowed(&x.c, ACT_APPROVAL_LIST));
	arena_release(&x.arena);

	/* the administrator: accounts yes, a case of his own county no */
	actor(&x, "admin", "/1/", "/1/", 0);
	assert_int_equal(authz_require(&x.c, ACT_USER_CREATE), PS_OK);
	assert_int_equal(authz_check(&x.c, ACT_CASE_READ, "/1/5/", 0, "12"), PS_EFORBIDDEN);
	assert_non_null(strstr(x.err.msg, "三权分立"));
	arena_release(&x.arena);

	/* the auditor: the audit log only */
	actor(&x, "auditor", "/1/", "/1/", 0);
	assert_int_equal(authz_require(&x.c, ACT_AUDIT_LIST), PS_OK);
	assert_int_equal(authz_require(&x.c, ACT_SETTINGS_LIST), PS_EFORBIDDEN);
	assert_int_equal(authz_require(&x.c, ACT_INCIDENT_LIST), PS_EFORBIDDEN);
	arena_release(&x.arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_levels),
		cmocka_unit_test(test_three_levels),
		cmocka_unit_test(test_malformed_paths),
		cmocka_unit_test(test_table_is_in_enum_order),
		cmocka_unit_test(test_sworn_sql_is_the_role_table),
		cmocka_unit_test(test_separation_of_duties),
		cmocka_unit_test(test_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
