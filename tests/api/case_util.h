/* case_util.h — static helpers for the case-handling API stories (issue 3):
 * GB 11643 ID numbers, dates relative to the server's today, and short
 * wrappers for registering a case, adding parties, recording and signing
 * 笔录, 告知, 处理意见 and case actions. Included by api_case_rules.c and
 * api_case_story.c only; every expected legal figure stays in the tests. */
#ifndef PS_TEST_CASE_UTIL_H
#define PS_TEST_CASE_UTIL_H

#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define API "/api/v1"

/* each includer uses a different subset */
#define CU_STATIC static __attribute__((unused))

#define CU_FAIL(file, line, ...)                                                                   \
	do {                                                                                       \
		print_error(__VA_ARGS__);                                                          \
		print_error("\n");                                                                 \
		_fail(file, line);                                                                 \
	} while (0)

/* ---- assertions that print the answer ---- */

CU_STATIC void expect_status_at(const struct resp *r, long status, const char *file, int line)
{
	if (r->status != status)
		CU_FAIL(file, line, "expected %ld, got %ld: %.600s", status, r->status, r->body);
}
#define EXPECT(r, status) expect_status_at(r, status, __FILE__, __LINE__)

/* An error answer with status, error.code and (when rule is not NULL)
 * error.rule. */
CU_STATIC void expect_rule_at(struct server *srv, const struct resp *r, long status,
			      const char *code, const char *rule, const char *file, int line)
{
	assert_error_at(srv, r, status, code, file, line);
	if (rule && strcmp(rstr(r, "error.rule"), rule) != 0)
		CU_FAIL(file, line, "expected rule %s, got '%s': %.600s", rule,
			rstr(r, "error.rule"), r->body);
}
#define EXPECT_RULE(srv, r, rule)                                                                  \
	expect_rule_at(srv, r, 409, "RULE_VIOLATION", rule, __FILE__, __LINE__)
#define EXPECT_ERR(srv, r, status, code, rule)                                                     \
	expect_rule_at(srv, r, status, code, rule, __FILE__, __LINE__)

CU_STATIC void expect_str_at(const struct resp *r, const char *path, const char *want,
			     const char *file, int line)
{
	if (strcmp(rstr(r, path), want) != 0)
		CU_FAIL(file, line, "%s: expected '%s', got '%s' in %.600s", path, want,
			rstr(r, path), r->body);
}
#define EXPECT_STR(r, path, want) expect_str_at(r, path, want, __FILE__, __LINE__)

CU_STATIC void expect_num_at(const struct resp *r, const char *path, long long want,
			     const char *file, int line)
{
	if (rnum(r, path) != want)
		CU_FAIL(file, line, "%s: expected %lld, got %lld in %.600s", path, want,
			rnum(r, path), r->body);
}
#define EXPECT_NUM(r, path, want) expect_num_at(r, path, want, __FILE__, __LINE__)

CU_STATIC void expect_bool_at(const struct resp *r, const char *path, int want, const char *file,
			      int line)
{
	json_t *v = jpath(r->json, path);

	if (!json_is_boolean(v) || json_is_true(v) != !!want)
		CU_FAIL(file, line, "%s: expected %s in %.600s", path, want ? "true" : "false", r->body);
}
#define EXPECT_BOOL(r, path, want) expect_bool_at(r, path, want, __FILE__, __LINE__)

/* ---- JSON bodies ---- */

/* Dump o (consumed) into srv's pool. */
CU_STATIC const char *jdump(struct server *srv, json_t *o)
{
	char *t = o ? json_dumps(o, JSON_COMPACT) : NULL;
	const char *s;

	json_decref(o);
	if (!t)
		fail_msg("json_pack/json_dumps failed in a test body");
	s = fmt(srv, "%s", t);
	json_mem_free(t);
	return s;
}
#define J(srv, ...) jdump(srv, json_pack(__VA_ARGS__))

/* ---- dates: the server's clock is the real one plus srv->clock_offset ---- */

CU_STATIC time_t srv_now(const struct server *srv)
{
	return time(NULL) + (time_t)srv->clock_offset;
}

/* The server's local date shifted by delta days. */
CU_STATIC struct tm srv_day(const struct server *srv, int delta_days)
{
	/* the server's day is Asia/Shanghai's (UTC+8 all year, rules/date.c),
	 * whatever the machine's TZ: with a moved clock late in the evening the
	 * two dates differ */
	time_t t = srv_now(srv) + (time_t)delta_days * 86400 + 8 * 3600;
	struct tm tm;

	gmtime_r(&t, &tm);
	return tm;
}

CU_STATIC const char *day_str(struct server *srv, int delta_days)
{
	struct tm tm = srv_day(srv, delta_days);

	return fmt(srv, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Epoch seconds of y-m-d hh:00 in Shanghai (UTC+8). */
CU_STATIC long long shanghai(int y, int m, int d, int hh)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	return (long long)timegm(&tm) - 8 * 3600;
}

CU_STATIC int srv_year(const struct server *srv)
{
	return srv_day(srv, 0).tm_year + 1900;
}

/* ---- GB 11643-1999 ID numbers ---- */

/* An 18-digit 公民身份号码: 6-digit address code, birth date, sequence seq
 * (odd = male) and the ISO 7064 MOD 11-2 check character. */
CU_STATIC const char *id_number_at(struct server *srv, const char *area, int y, int m, int d,
				   int seq)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	char s[64];
	int sum = 0;

	snprintf(s, sizeof(s), "%.6s%04d%02d%02d%03d", area, y, m, d, seq % 1000);
	for (int i = 0; i < 17; i++)
		sum += (s[i] - '0') * w[i];
	s[17] = "10X98765432"[sum % 11];
	s[18] = '\0';
	return fmt(srv, "%s", s);
}

/* A fresh valid number of a person the demo county does not know (area
 * 320106), another at every call. */
CU_STATIC const char *fresh_id_number(struct server *srv)
{
	static int n;

	n++;
	return id_number_at(srv, "320106", 1970 + n % 30, 1 + n % 12, 1 + n % 28, 300 + n);
}

/* The same in 140105 (a county of the demo province). */
CU_STATIC const char *id_number(struct server *srv, int y, int m, int d, int seq)
{
	return id_number_at(srv, "140105", y, m, d, seq);
}

/* The ID number of a person who is `age` 周岁 on the date delta_days from
 * today: born `age` years and 40 days before it (no birthday edge). */
CU_STATIC const char *id_aged(struct server *srv, int delta_days, int age, int seq)
{
	struct tm tm = srv_day(srv, delta_days - 40);

	return id_number(srv, tm.tm_year + 1900 - age, tm.tm_mon + 1, tm.tm_mday, seq);
}

/* ---- people ---- */

/* id of a colleague of s by name (GET /colleagues). */
CU_STATIC long long colleague(struct server *srv, const struct session *s, const char *name)
{
	struct resp *r = http(srv, s, "GET", API "/colleagues", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(json_string_value(json_object_get(it, "name")), name) == 0)
			return (long long)json_integer_value(json_object_get(it, "id"));
	fail_msg("no colleague named %s in %.400s", name, r->body);
	return -1;
}

/* The logged-in user's own id and name (GET /me). */
CU_STATIC long long me_id(struct server *srv, const struct session *s, const char **name)
{
	struct resp *r = http(srv, s, "GET", API "/me", NULL);

	EXPECT(r, 200);
	if (name)
		*name = fmt(srv, "%s", rstr(r, "user.name"));
	return rnum(r, "user.id");
}

/* ---- cases ---- */

/* Register an administrative walk-in case (受案登记) with a co-officer;
 * asserts 201 and returns the answer. */
CU_STATIC struct resp *case_new(struct server *srv, const struct session *s, const char *title,
				const char *act_date, long long co_officer)
{
	struct resp *r =
		http(srv, s, "POST", API "/cases",
		     J(srv, "{s:s, s:s, s:s, s:s, s:I}", "kind", "admin", "title", title, "source",
		       "walk_in", "act_date", act_date, "co_officer_id", (json_int_t)co_officer));

	EXPECT(r, 201);
	return r;
}

CU_STATIC struct resp *case_get(struct server *srv, const struct session *s, long long id)
{
	return http(srv, s, "GET", fmt(srv, API "/cases/%lld", id), NULL);
}

CU_STATIC struct resp *act(struct server *srv, const struct session *s, long long case_id,
			   const char *action, const char *body)
{
	return http(srv, s, "POST", fmt(srv, API "/cases/%lld/actions/%s", case_id, action), body);
}

/* Add a party; asserts 201 and returns the party id. */
CU_STATIC long long party_add(struct server *srv, const struct session *s, long long case_id,
			      const char *role, const char *name, const char *id_no)
{
	struct resp *r = http(
		srv, s, "POST", fmt(srv, API "/cases/%lld/parties", case_id),
		id_no ? J(srv, "{s:s, s:s, s:s}", "role", role, "name", name, "id_number", id_no)
		      : J(srv, "{s:s, s:s}", "role", role, "name", name));

	EXPECT(r, 201);
	return rnum(r, "party.id");
}

/* The first evidence item of the case's file, made (a 书证) when the file
 * is empty: what a 处罚前告知 cites (ADM-NOTICE-EVIDENCE). */
CU_STATIC long long evidence_first(struct server *srv, const struct session *s, long long case_id)
{
	struct resp *r = http(srv, s, "GET", fmt(srv, API "/cases/%lld", case_id), NULL);
	json_t *ev = jpath(r->json, "case.evidence");

	if (json_array_size(ev))
		return (long long)json_integer_value(json_object_get(json_array_get(ev, 0), "id"));
	r = http(srv, s, "POST", fmt(srv, API "/cases/%lld/evidence", case_id),
		 J(srv, "{s:s, s:s, s:s}", "kind", "documentary", "title", "报案材料", "source", "报案人提交"));
	EXPECT(r, 201);
	ev = jpath(r->json, "case.evidence");
	return (long long)json_integer_value(json_object_get(json_array_get(ev, 0), "id"));
}

/* A 告知 record (rights / guardian / hearing); asserts 201. A 处罚前告知
 * cites the file's first evidence item and, where the suspect gave no
 * signed statement, says why (ADM-NOTICE-EVIDENCE). */
CU_STATIC void notice(struct server *srv, const struct session *s, long long case_id,
		      long long party, const char *kind)
{
	long long ev = strcmp(kind, "rights") == 0 ? evidence_first(srv, s, case_id) : 0;
	struct resp *r = http(srv, s, "POST", fmt(srv, API "/cases/%lld/notices", case_id),
			      ev ? J(srv, "{s:I, s:s, s:s, s:s, s:[I], s:s}", "party_id", (json_int_t)party, "kind",
				     kind, "penalty_text",
				     "拟作出的处罚及其事实、理由、依据，当事人依法享有陈述、申辩的权利",
				     "statement", "不提出陈述申辩", "evidence_ids", (json_int_t)ev,
				     "statement_missing_reason", "违法嫌疑人拒绝在笔录上陈述")
				 : J(srv, "{s:I, s:s, s:s, s:s}", "party_id", (json_int_t)party, "kind",
				     kind, "penalty_text",
				     "拟作出的处罚及其事实、理由、依据，当事人依法享有陈述、申辩的权利",
				     "statement", "不提出陈述申辩"));

	EXPECT(r, 201);
}

/* A 处理意见; zero fields are left out. */
CU_STATIC struct resp *propose(struct server *srv, const struct session *s, long long case_id,
			       long long party, const char *code, const char *tier, int warning,
			       long long fine, int det_days)
{
	json_t *o = json_pack("{s:I, s:s, s:s}", "party_id", (json_int_t)party, "offence_code",
			      code, "tier", tier);

	if (warning)
		json_object_set_new(o, "warning", json_true());
	if (fine)
		json_object_set_new(o, "fine", json_integer(fine));
	if (det_days)
		json_object_set_new(o, "det_days", json_integer(det_days));
	return http(srv, s, "POST", fmt(srv, API "/cases/%lld/proposals", case_id), jdump(srv, o));
}

/* The last proposal of a case answer ({"case":{…}}). */
CU_STATIC json_t *last_proposal(const struct resp *r)
{
	json_t *a = jpath(r->json, "case.proposals");

	return json_array_get(a, json_array_size(a) ? json_array_size(a) - 1 : 0);
}

CU_STATIC long long jint(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? (long long)json_integer_value(v) : -999999;
}

CU_STATIC const char *jstr(json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));

	return v ? v : "";
}

/* ---- 笔录 ---- */

/* The next 5-minute slot for a record, not before not_before; the server's
 * clock is moved past its end so the end is never in the future. */
CU_STATIC void iv_window(struct server *srv, long long not_before, long long *start, long long *end)
{
	long long now = (long long)srv_now(srv);

	*start = now > not_before ? now : not_before;
	*end = *start + 300;
	clock_advance(srv, *end - now + 1);
}

/* POST a 笔录 draft. o (consumed) holds party_id, officer_ids and any
 * other fields; the defaults fill what is absent: an inquiry in the
 * station's 询问室 with a recording in the next free slot. A key set to
 * null is sent absent. */
CU_STATIC struct resp *iv_post(struct server *srv, const struct session *s, long long case_id,
			       json_t *o)
{
	static int n;
	const char *key;
	json_t *v, *tmp;

	if (!json_object_get(o, "start_at")) {
		long long a, b;

		iv_window(srv, 0, &a, &b);
		json_object_set_new(o, "start_at", json_integer(a));
		json_object_set_new(o, "end_at", json_integer(b));
	}
	if (!json_object_get(o, "kind"))
		json_object_set_new(o, "kind", json_string("inquiry"));
	if (!json_object_get(o, "place_kind"))
		json_object_set_new(o, "place_kind", json_string("station_room"));
	if (!json_object_get(o, "place"))
		json_object_set_new(o, "place", json_string("城关派出所办案区第一询问室"));
	if (!json_object_get(o, "recording_id"))
		json_object_set_new(o, "recording_id", json_string(fmt(srv, "AV-%04d", ++n)));
	if (!json_object_get(o, "qa"))
		json_object_set_new(o, "qa",
				    json_pack("[{s:s, s:s}]", "q", "你把当时的经过讲一下。", "a",
					      "当时双方发生口角，我推了他一把。"));
	json_object_foreach_safe(o, tmp, key, v)
		if (json_is_null(v))
			json_object_del(o, key);
	return http(srv, s, "POST", fmt(srv, API "/cases/%lld/interviews", case_id), jdump(srv, o));
}

/* officer_ids as a JSON array of two or one ids (b = 0: one). */
CU_STATIC json_t *ids2(long long a, long long b)
{
	return b ? json_pack("[I, I]", (json_int_t)a, (json_int_t)b)
		 : json_pack("[I]", (json_int_t)a);
}

CU_STATIC struct resp *iv_patch(struct server *srv, const struct session *s, long long iv,
				const char *body)
{
	return http(srv, s, "PATCH", fmt(srv, API "/interviews/%lld", iv), body);
}

CU_STATIC struct resp *iv_sign(struct server *srv, const struct session *s, long long iv)
{
	return http(srv, s, "POST", fmt(srv, API "/interviews/%lld/sign", iv), NULL);
}

/* Read back, both signatures (PATCH), then 签名确认; returns the sign answer. */
CU_STATIC struct resp *iv_read_and_sign(struct server *srv, const struct session *s, long long iv)
{
	EXPECT(iv_patch(srv, s, iv,
			"{\"read_back\":true,\"subject_signed\":true,\"officer_signed\":true}"),
	       200);
	return iv_sign(srv, s, iv);
}

/* ---- approvals ---- */

/* The approval steps of a case answer as "role@unit" joined by ", ". */
CU_STATIC const char *steps_of(struct server *srv, const struct resp *r)
{
	json_t *a = jpath(r->json, "case.approvals"), *it;
	const char *out = "";
	size_t i;

	json_array_foreach(a, i, it)
		out = fmt(srv, "%s%s%s@%s", out, i ? ", " : "", jstr(it, "role"),
			  jstr(it, "unit_name"));
	return out;
}

/* ---- one server for many stories ---- */

/* One demo county serves the whole file (init and the argon2id logins of a
 * sanitizer build cost about a second each), so every story logs in
 * through as(), which keeps one session per user. The stories move the
 * server's clock by a few hours in all, so the session idle timeout is
 * raised once to its maximum first. */
static struct {
	const struct server *srv;
	char user[32];
	struct session *s;
} sessions[32] __attribute__((unused));
static int nsessions __attribute__((unused));

CU_STATIC struct session *as(struct server *srv, const char *user)
{
	if (nsessions == 0 || sessions[0].srv != srv) {
		struct session *adm = login(srv, "admin", DEMO_PW);

		EXPECT(http(srv, adm, "PUT", API "/settings/session.idle_minutes",
			    "{\"value\":240}"),
		       200);
		EXPECT(http(srv, adm, "PUT", API "/settings/session.absolute_hours",
			    "{\"value\":24}"),
		       200);
		nsessions = 0;
		sessions[nsessions].srv = srv;
		snprintf(sessions[nsessions].user, sizeof(sessions[0].user), "admin");
		sessions[nsessions++].s = adm;
	}
	for (int i = 0; i < nsessions; i++)
		if (strcmp(sessions[i].user, user) == 0)
			return sessions[i].s;
	if (nsessions == (int)(sizeof(sessions) / sizeof(sessions[0])))
		fail_msg("too many users");
	sessions[nsessions].srv = srv;
	snprintf(sessions[nsessions].user, sizeof(sessions[0].user), "%s", user);
	sessions[nsessions].s = login(srv, user, DEMO_PW);
	return sessions[nsessions++].s;
}

/* 1 when the list answer holds the case id among its items. */
CU_STATIC int lists(const struct resp *r, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "id") == id || jint(it, "case_id") == id)
			return 1;
	return 0;
}

/* minjing1 (李明) with his co-officer minjing2 (张伟). */
struct crew {
	struct session *mj1;
	long long me, mj2;
};

CU_STATIC struct crew crew_of(struct server *srv)
{
	struct crew c;

	c.mj1 = as(srv, "minjing1");
	c.me = me_id(srv, c.mj1, NULL);
	c.mj2 = colleague(srv, c.mj1, "张伟");
	return c;
}

/* A filed administrative case (act 9 days ago) with one suspect aged `age`;
 * returns the case id and sets *sus. */
CU_STATIC long long filed_case(struct server *srv, const struct crew *c, const char *title, int age,
			       int seq, long long *sus)
{
	long long id = rnum(case_new(srv, c->mj1, title, day_str(srv, -9), c->mj2), "case.id");

	*sus = party_add(srv, c->mj1, id, "suspect", fmt(srv, "嫌疑人%d", seq),
			 id_aged(srv, -9, age, seq));
	EXPECT(act(srv, c->mj1, id, "file", NULL), 200);
	return id;
}

CU_STATIC long long criminal_case(struct server *srv, const struct crew *c)
{
	struct resp *r = http(srv, c->mj1, "POST", API "/cases",
			      J(srv, "{s:s, s:s, s:s, s:s, s:I}", "kind", "criminal", "title",
				"盗窃案", "source", "walk_in", "act_date", day_str(srv, -3),
				"co_officer_id", (json_int_t)c->mj2));

	EXPECT(r, 201);
	return rnum(r, "case.id");
}

/* An on-the-spot case by minjing1 alone with a recording (ADM-ONSPOT). */
CU_STATIC long long onspot_case(struct server *srv, const struct crew *c, long long assistant)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "admin", "procedure",
			      "onspot", "title", "扰乱公共场所秩序案", "source", "patrol",
			      "act_date", day_str(srv, 0), "recording_id", "AV-SCENE-0001");
	struct resp *r;

	if (assistant)
		json_object_set_new(o, "assistant_id", json_integer(assistant));
	r = http(srv, c->mj1, "POST", API "/cases", jdump(srv, o));
	EXPECT(r, 201);
	return rnum(r, "case.id");
}

CU_STATIC json_t *iv_for(long long party, long long a, long long b)
{
	return json_pack("{s:I, s:o}", "party_id", (json_int_t)party, "officer_ids", ids2(a, b));
}

/* {"start_at":a,"end_at":b} */
CU_STATIC const char *span(struct server *srv, long long a, long long b)
{
	return fmt(srv, "{\"start_at\":%lld,\"end_at\":%lld}", a, b);
}

/* iv_for plus the fields of the JSON object text extra. */
CU_STATIC json_t *iv_with(long long party, long long a, long long b, const char *extra)
{
	json_t *o = iv_for(party, a, b), *x = json_loads(extra, 0, NULL);

	if (!x)
		fail_msg("bad JSON in a test: %s", extra);
	json_object_update(o, x);
	json_decref(x);
	return o;
}

CU_STATIC struct resp *post_case(struct server *srv, const struct session *s, const char *body)
{
	return http(srv, s, "POST", API "/cases", body);
}

/* A walk-in case by c with an act date and a discovery date (ADM-LIMIT-6M,
 * VER-1), filed, with one suspect; returns the case id and sets *sus. */
CU_STATIC long long dated_case(struct server *srv, const struct crew *c, const char *act_date,
			       const char *discovered, const char *id_no, long long *sus)
{
	struct resp *r =
		post_case(srv, c->mj1,
			  J(srv, "{s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "admin", "title",
			    "殴打他人案", "source", "walk_in", "act_date", act_date,
			    "discovered_date", discovered, "co_officer_id", (json_int_t)c->mj2));
	long long id = rnum(r, "case.id");

	EXPECT(r, 201);
	*sus = party_add(srv, c->mj1, id, "suspect", "褚某", id_no);
	EXPECT(act(srv, c->mj1, id, "file", NULL), 200);
	return id;
}

/* A 不予处罚 proposal with its reason. */
CU_STATIC struct resp *propose_none(struct server *srv, const struct session *s, long long id,
				    long long party, const char *code, const char *reason)
{
	return http(srv, s, "POST", fmt(srv, API "/cases/%lld/proposals", id),
		    J(srv, "{s:I, s:s, s:s, s:b, s:s}", "party_id", (json_int_t)party,
		      "offence_code", code, "tier", "基本", "no_penalty", 1, "lenient_reason",
		      reason));
}

CU_STATIC struct resp *post_proposal(struct server *srv, const struct session *s, long long id,
				     const char *body)
{
	return http(srv, s, "POST", fmt(srv, API "/cases/%lld/proposals", id), body);
}

/* cmocka fixtures for stories that share one server (group setup_demo):
 * a failed story keeps the directory. */
static int any_failed __attribute__((unused));

CU_STATIC int story_before(void **state)
{
	((struct server *)*state)->passed = 0;
	return 0;
}

CU_STATIC int story_after(void **state)
{
	any_failed |= !((struct server *)*state)->passed;
	return 0;
}

CU_STATIC int group_teardown(void **state)
{
	((struct server *)*state)->passed = !any_failed;
	return teardown_server(state);
}

#endif
