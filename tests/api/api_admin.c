/* api_admin.c — the administrator's work: accounts, org units and settings,
 * each change visible to the auditor. One fresh demo county per story. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

static const char *json_text(struct server *srv, json_t *b)
{
	char *s = json_dumps(b, JSON_COMPACT);
	const char *kept = fmt(srv, "%s", s ? s : "");

	json_mem_free(s);
	json_decref(b);
	return kept;
}

static const char *new_user(struct server *srv, const char *username, const char *role,
			    long long unit, const char *pw)
{
	return json_text(srv, json_pack("{s:s, s:s, s:s, s:I, s:s, s:s, s:s}", "username",
					username, "name", "王强", "role", role, "unit_id",
					(json_int_t)unit, "badge_no", "140199", "phone",
					"13800000000", "password", pw));
}

static struct resp *change_own_pw(struct server *srv, struct session *s, const char *old_pw,
				  const char *new_pw)
{
	return http(srv, s, "POST", "/api/v1/me/password",
		    json_text(srv, json_pack("{s:s, s:s}", "old_password", old_pw,
					     "new_password", new_pw)));
}

/* An account from creation to lock, unlock and password reset. */
STORY(admin_manages_an_account)
{
	const char *first_pw = "Chushi#Mima-2026", *own_pw = "Ziji#Mima-2026x";
	const char *reset_pw = "Chongzhi#Mima-2026";
	struct session *admin = login(srv, "admin", DEMO_PW), *wq, *auditor;
	long long cg = unit_id(srv, admin, "城关派出所");
	long long id, admin_id = user_id(srv, admin, "admin");
	struct resp *r;

	r = http(srv, admin, "POST", "/api/v1/users",
		 new_user(srv, "wang.qiang", "officer", cg, first_pw));
	assert_int_equal(r->status, 201);
	assert_string_equal(rstr(r, "user.username"), "wang.qiang");
	assert_string_equal(rstr(r, "user.name"), "王强");
	assert_string_equal(rstr(r, "user.role"), "officer");
	assert_string_equal(rstr(r, "user.role_name"), "民警");
	assert_string_equal(rstr(r, "user.unit_name"), "城关派出所");
	assert_string_equal(rstr(r, "user.badge_no"), "140199");
	assert_true(json_is_true(jpath(r->json, "user.must_change_password")));
	assert_true(json_is_false(jpath(r->json, "user.disabled")));
	assert_null(jpath(r->json, "user.pw_hash"));
	id = rnum(r, "user.id");
	assert_true(id > 0);

	/* refusals */
	r = http(srv, admin, "POST", "/api/v1/users",
		 new_user(srv, "wang.qiang", "officer", cg, first_pw));
	assert_error(srv, r, 409, "USERNAME_TAKEN");
	assert_string_equal(rstr(r, "error.field"), "username");
	r = http(srv, admin, "POST", "/api/v1/users",
		 new_user(srv, "li.si", "sheriff", cg, first_pw));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "role");
	r = http(srv, admin, "POST", "/api/v1/users",
		 new_user(srv, "li.si", "officer", 999999, first_pw));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "unit_id");
	r = http(srv, admin, "POST", "/api/v1/users",
		 new_user(srv, "Li Si", "officer", cg, first_pw));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "username");
	r = http(srv, admin, "POST", "/api/v1/users",
		 new_user(srv, "li.si", "officer", cg, "short1A!"));
	assert_error(srv, r, 400, "WEAK_PASSWORD");
	assert_int_equal(rnum(http(srv, admin, "GET", "/api/v1/users?q=li.si", NULL), "total"), 0);

	/* first login: the password must be changed before anything else */
	wq = login(srv, "wang.qiang", first_pw);
	assert_error(srv, http(srv, wq, "GET", "/api/v1/units", NULL), 403,
		     "PASSWORD_CHANGE_REQUIRED");
	assert_int_equal(change_own_pw(srv, wq, first_pw, own_pw)->status, 200);
	assert_int_equal(http(srv, wq, "GET", "/api/v1/units", NULL)->status, 200);

	/* rename and change the role (audited as a role change) */
	r = http(srv, admin, "PATCH", fmt(srv, "/api/v1/users/%lld", id),
		 "{\"name\":\"王强强\",\"role\":\"clerk\"}");
	assert_int_equal(r->status, 200);
	assert_string_equal(rstr(r, "user.name"), "王强强");
	assert_string_equal(rstr(r, "user.role"), "clerk");
	r = http(srv, wq, "GET", "/api/v1/me", NULL);
	assert_string_equal(rstr(r, "user.role"), "clerk");
	assert_string_equal(rstr(r, "user.name"), "王强强");
	assert_error(srv,
		     http(srv, admin, "PATCH", fmt(srv, "/api/v1/users/%lld", id),
			  "{\"username\":\"other\"}"),
		     400, "UNKNOWN_FIELD");
	assert_error(srv,
		     http(srv, admin, "PATCH", fmt(srv, "/api/v1/users/%lld", id),
			  "{\"role\":\"king\"}"),
		     400, "INVALID_FIELD");
	assert_error(srv,
		     http(srv, admin, "PATCH", fmt(srv, "/api/v1/users/%lld", admin_id),
			  "{\"role\":\"officer\"}"),
		     409, "SELF_DEMOTE");

	/* lock: the session dies at once and login is refused */
	r = http(srv, admin, "POST", fmt(srv, "/api/v1/users/%lld/lock", id), NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_true(jpath(r->json, "user.disabled")));
	assert_error(srv, http(srv, wq, "GET", "/api/v1/me", NULL), 401, "SESSION_EXPIRED");
	/* answered like a wrong password (AUTH-9) */
	assert_error(srv, login_attempt(srv, "wang.qiang", own_pw, NULL), 401, "BAD_CREDENTIALS");
	assert_error(srv,
		     http(srv, admin, "POST", fmt(srv, "/api/v1/users/%lld/lock", admin_id),
			  NULL),
		     409, "SELF_LOCK");
	assert_error(srv, http(srv, admin, "POST", "/api/v1/users/999999/lock", NULL), 404,
		     "NOT_FOUND");

	/* unlock */
	r = http(srv, admin, "POST", fmt(srv, "/api/v1/users/%lld/unlock", id), NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_false(jpath(r->json, "user.disabled")));
	wq = login(srv, "wang.qiang", own_pw);

	/* reset the password: the session ends, the new one must be changed */
	assert_error(srv,
		     http(srv, admin, "POST", fmt(srv, "/api/v1/users/%lld/password", id),
			  "{\"new_password\":\"password\"}"),
		     400, "WEAK_PASSWORD");
	assert_int_equal(http(srv, admin, "POST", fmt(srv, "/api/v1/users/%lld/password", id),
			      fmt(srv, "{\"new_password\":\"%s\"}", reset_pw))
				 ->status,
			 200);
	assert_error(srv, http(srv, wq, "GET", "/api/v1/me", NULL), 401, "SESSION_EXPIRED");
	assert_error(srv, login_attempt(srv, "wang.qiang", own_pw, NULL), 401, "BAD_CREDENTIALS");
	r = login_attempt(srv, "wang.qiang", reset_pw, NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_true(jpath(r->json, "user.must_change_password")));

	/* every change is in the audit log */
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "user.create", "admin", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "user.role_change", "admin", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "account.lock", "admin", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "account.unlock", "admin", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "user.password_reset", "admin", "success"), 1);
	r = http(srv, auditor, "GET", "/api/v1/audit?action=user.role_change", NULL);
	assert_string_equal(rstr(r, "items.0.object_id"), "wang.qiang");
	assert_non_null(strstr(rstr(r, "items.0.detail"), "officer->clerk"));
	r = http(srv, auditor, "GET", "/api/v1/audit?action=user.create", NULL);
	assert_string_equal(rstr(r, "items.0.object_type"), "user");
	assert_string_equal(rstr(r, "items.0.object_id"), "wang.qiang");

	/* the auditor checks the chain over the API; the check is audited, and
	 * nobody else may run it */
	r = http(srv, auditor, "GET", "/api/v1/audit/verify", NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_true(jpath(r->json, "ok")));
	assert_true(json_integer_value(jpath(r->json, "rows")) > 10);
	assert_true(json_is_null(jpath(r->json, "bad_id")));
	assert_string_equal(rstr(r, "message"), "审计链完整");
	assert_error(srv, http(srv, admin, "GET", "/api/v1/audit/verify", NULL), 403, NULL);
	assert_int_equal(audit_count(srv, auditor, "audit.verify", "auditor", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "audit.verify", "admin", "denied"), 1);
}

/* The org tree: the demo county, and a community post (警务室) added under a
 * station — never directly under the bureau. */
STORY(admin_manages_org_units)
{
	struct session *admin = login(srv, "admin", DEMO_PW), *officer, *auditor;
	long long cg, bureau, post, stations = 0;
	const char *cg_path = NULL;
	json_t *it;
	size_t i;
	struct resp *r;

	r = http(srv, admin, "GET", "/api/v1/units", NULL);
	assert_int_equal(r->status, 200);
	/* bureau + 110 center + 2 brigades + 9 stations + 2 posts */
	assert_int_equal(rnum(r, "total"), 15);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		const char *kind = json_string_value(json_object_get(it, "kind"));

		stations += strcmp(kind, "station") == 0;
		if (strcmp(json_string_value(json_object_get(it, "name")), "城关派出所") == 0)
			cg_path = fmt(srv, "%s", json_string_value(json_object_get(it, "path")));
	}
	assert_int_equal(stations, 9);
	assert_non_null(cg_path);
	bureau = unit_id(srv, admin, "示范县公安局");
	cg = unit_id(srv, admin, "城关派出所");
	unit_id(srv, admin, "北社派出所");
	unit_id(srv, admin, "故城派出所");
	unit_id(srv, admin, "110指挥中心");

	r = http(srv, admin, "POST", "/api/v1/units",
		 fmt(srv,
		     "{\"code\":\"140000010103\",\"name\":\"南街社区警务室\",\"kind\":\"post\","
		     "\"parent_id\":%lld,\"address\":\"城区南街社区\"}",
		     cg));
	assert_int_equal(r->status, 201);
	post = rnum(r, "unit.id");
	assert_string_equal(rstr(r, "unit.name"), "南街社区警务室");
	assert_string_equal(rstr(r, "unit.kind"), "post");
	assert_int_equal(rnum(r, "unit.parent_id"), cg);
	assert_string_equal(rstr(r, "unit.path"), fmt(srv, "%s%lld/", cg_path, post));
	assert_true(json_is_true(jpath(r->json, "unit.active")));

	r = http(srv, admin, "POST", "/api/v1/units",
		 fmt(srv,
		     "{\"code\":\"140000000900\",\"name\":\"局直属警务室\",\"kind\":\"post\","
		     "\"parent_id\":%lld}",
		     bureau));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "parent_id");
	r = http(srv, admin, "POST", "/api/v1/units",
		 fmt(srv,
		     "{\"code\":\"140000010103\",\"name\":\"重复警务室\",\"kind\":\"post\","
		     "\"parent_id\":%lld}",
		     cg));
	assert_error(srv, r, 409, "UNIT_CODE_TAKEN");
	r = http(srv, admin, "POST", "/api/v1/units",
		 fmt(srv, "{\"code\":\"123\",\"name\":\"短码\",\"kind\":\"post\",\"parent_id\":%lld}",
		     cg));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "code");
	r = http(srv, admin, "POST", "/api/v1/units",
		 fmt(srv,
		     "{\"code\":\"140000010104\",\"name\":\"城堡\",\"kind\":\"castle\","
		     "\"parent_id\":%lld}",
		     cg));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "kind");
	r = http(srv, admin, "POST", "/api/v1/units",
		 "{\"code\":\"140000010105\",\"name\":\"无上级\",\"kind\":\"post\","
		 "\"parent_id\":999999}");
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "parent_id");

	officer = login(srv, "minjing1", DEMO_PW);
	assert_error(srv,
		     http(srv, officer, "POST", "/api/v1/units",
			  fmt(srv,
			      "{\"code\":\"140000010106\",\"name\":\"私设警务室\",\"kind\":\"post\","
			      "\"parent_id\":%lld}",
			      cg)),
		     403, "FORBIDDEN");

	/* rename and deactivate; an inactive unit takes no new accounts */
	r = http(srv, admin, "PATCH", fmt(srv, "/api/v1/units/%lld", post),
		 "{\"name\":\"南街警务室\",\"active\":false}");
	assert_int_equal(r->status, 200);
	assert_string_equal(rstr(r, "unit.name"), "南街警务室");
	assert_true(json_is_false(jpath(r->json, "unit.active")));
	r = http(srv, admin, "POST", "/api/v1/users",
		 fmt(srv,
		     "{\"username\":\"nanjie1\",\"name\":\"南街\",\"role\":\"officer\","
		     "\"unit_id\":%lld,\"password\":\"Nanjie#Jingwu-2026\"}",
		     post));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "unit_id");
	assert_error(srv, http(srv, admin, "PATCH", "/api/v1/units/999999", "{\"name\":\"无\"}"),
		     404, "NOT_FOUND");
	r = http(srv, admin, "GET", "/api/v1/units", NULL);
	assert_int_equal(rnum(r, "total"), 16);

	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "unit.create", "admin", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "unit.update", "admin", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "unit.create", "minjing1", "denied"), 1);
}

static json_t *find_setting(const struct resp *r, const char *key)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(json_string_value(json_object_get(it, "key")), key) == 0)
			return it;
	fail_msg("setting %s not listed", key);
	return NULL;
}

/* Settings: typed, bounded, county-wide or per station, effective at once. */
STORY(admin_changes_settings)
{
	struct session *admin = login(srv, "admin", DEMO_PW), *officer, *auditor;
	long long cg = unit_id(srv, admin, "城关派出所");
	const char *idle = "/api/v1/settings/session.idle_minutes";
	json_t *s;
	struct resp *r;
	/* the demo's own settings (seed_settings.c) were put by the admin too */
	long long put0 = audit_count(srv, login(srv, "auditor", DEMO_PW), "settings.put", "admin", "success");

	r = http(srv, admin, "GET", "/api/v1/settings", NULL);
	assert_int_equal(r->status, 200);
	s = find_setting(r, "session.idle_minutes");
	assert_int_equal(json_integer_value(json_object_get(s, "value")), 30);
	assert_int_equal(json_integer_value(json_object_get(s, "default")), 30);
	assert_string_equal(json_string_value(json_object_get(s, "type")), "int");
	assert_true(json_is_false(json_object_get(s, "per_unit")));

	r = http(srv, admin, "PUT", idle, "{\"value\":5}");
	assert_int_equal(r->status, 200);
	assert_int_equal(rnum(r, "setting.value"), 5);
	s = find_setting(http(srv, admin, "GET", "/api/v1/settings", NULL),
			 "session.idle_minutes");
	assert_int_equal(json_integer_value(json_object_get(s, "value")), 5);

	/* the new idle timeout holds for sessions at once */
	officer = login(srv, "minjing1", DEMO_PW);
	clock_advance(srv, 4 * 60);
	assert_int_equal(http(srv, officer, "GET", "/api/v1/me", NULL)->status, 200);
	clock_advance(srv, 6 * 60);
	assert_error(srv, http(srv, officer, "GET", "/api/v1/me", NULL), 401, "SESSION_EXPIRED");
	assert_error(srv, http(srv, admin, "GET", "/api/v1/settings", NULL), 401,
		     "SESSION_EXPIRED");
	admin = login(srv, "admin", DEMO_PW);

	/* out of range, wrong type, missing, county-only key per station */
	r = http(srv, admin, "PUT", idle, "{\"value\":0}");
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "value");
	assert_error(srv, http(srv, admin, "PUT", idle, "{\"value\":241}"), 400, "INVALID_FIELD");
	assert_error(srv, http(srv, admin, "PUT", idle, "{\"value\":\"5\"}"), 400,
		     "INVALID_FIELD");
	assert_error(srv, http(srv, admin, "PUT", idle, "{\"value\":5.5}"), 400, "INVALID_FIELD");
	assert_error(srv, http(srv, admin, "PUT", idle, "{}"), 400, "INVALID_FIELD");
	r = http(srv, admin, "PUT", idle, fmt(srv, "{\"value\":10,\"unit_id\":%lld}", cg));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "unit_id");
	assert_error(srv, http(srv, admin, "PUT", "/api/v1/settings/no.such.key", "{\"value\":1}"),
		     404, "NOT_FOUND");
	assert_int_equal(rnum(http(srv, admin, "PUT", idle, "{\"value\":240}"), "setting.value"),
			 240);

	/* a per-station key: overridden for 城关 only */
	r = http(srv, admin, "PUT", "/api/v1/settings/station.supervision_phone",
		 fmt(srv, "{\"value\":\"0351-1230110\",\"unit_id\":%lld}", cg));
	assert_int_equal(r->status, 200);
	assert_string_equal(rstr(r, "setting.value"), "0351-1230110");
	assert_true(json_is_true(jpath(r->json, "setting.overridden")));
	s = find_setting(http(srv, admin, "GET", fmt(srv, "/api/v1/settings?unit_id=%lld", cg),
			      NULL),
			 "station.supervision_phone");
	assert_string_equal(json_string_value(json_object_get(s, "value")), "0351-1230110");
	s = find_setting(http(srv, admin, "GET", "/api/v1/settings", NULL),
			 "station.supervision_phone");
	assert_string_equal(json_string_value(json_object_get(s, "value")), "");
	assert_error(srv,
		     http(srv, admin, "PUT", "/api/v1/settings/station.require_legal_review",
			  "{\"value\":\"yes\"}"),
		     400, "INVALID_FIELD");

	/* the auditor sees the three accepted changes and their values */
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "settings.put", "admin", "success"), put0 + 3);
	r = http(srv, auditor, "GET",
		 "/api/v1/audit?action=settings.put&object_id=session.idle_minutes", NULL);
	assert_int_equal(rnum(r, "total"), 2);
	assert_string_equal(rstr(r, "items.0.detail"), "unit=0 value=240");
	assert_string_equal(rstr(r, "items.1.detail"), "unit=0 value=5");
	assert_string_equal(rstr(r, "items.0.object_type"), "setting");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(admin_manages_an_account, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(admin_manages_org_units, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(admin_changes_settings, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
