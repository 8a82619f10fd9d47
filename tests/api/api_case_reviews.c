/* api_case_reviews.c — 案件质量考评 (issue 15, SUP-KP-ITEMS): the legal
 * reviewer scores closed cases on the checklist of the setting review.items,
 * pre-filled with what the system sees (missing documents, late filing to
 * the archive), and the scores roll up per officer and station. Every
 * figure is counted by hand from the story below. */
#include "case_util.h"

/* A crew of two officers of 城关 who have no reviewed case yet. */
static struct crew crew3(struct server *srv)
{
	struct crew c;

	c.mj1 = as(srv, "minjing3");
	c.me = me_id(srv, c.mj1, NULL);
	c.mj2 = me_id(srv, as(srv, "minjing4"), NULL);
	return c;
}

/* Decided (a fine of 200 yuan), delivered, closed. By hand its file lacks
 * the 受案登记表, a signed statement of the suspect and the printed 告知笔录. */
static long long closed_case(struct server *srv, const struct crew *c, int seq)
{
	struct session *sz = as(srv, "suozhang");
	long long id, sus;

	id = filed_case(srv, c, "扰乱公共场所秩序案", 30, seq, &sus);
	EXPECT(propose(srv, c->mj1, id, sus, "OF-002", "基本", 0, 200, 0), 201);
	notice(srv, c->mj1, id, sus, "rights");
	EXPECT_STR(act(srv, c->mj1, id, "submit", NULL), "case.status", "approving");
	EXPECT_STR(act(srv, sz, id, "approve", "{\"opinion\":\"同意\"}"), "case.status", "decided");
	EXPECT_STR(act(srv, c->mj1, id, "deliver", NULL), "case.status", "delivered");
	EXPECT_STR(act(srv, c->mj1, id, "close", "{\"reason\":\"罚款已缴纳\"}"), "case.status", "closed");
	return id;
}

static json_t *item(const struct resp *r, const char *path, const char *key)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, path), i, it)
		if (!strcmp(jstr(it, "key"), key))
			return it;
	fail_msg("no item %s in %.400s", key, r->body);
	return NULL;
}

static json_t *row_of(const struct resp *r, const char *path, const char *key, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, path), i, it)
		if (jint(it, key) == id)
			return it;
	return NULL;
}

STORY(sup_kp_items)
{
	struct crew c = crew3(srv);
	struct session *fz = as(srv, "fazhi"), *da = as(srv, "dangan");
	long long a, b, open, sus, m3, m4;
	struct resp *r;
	json_t *o;

	/* case A: closed, then three days without filing */
	a = closed_case(srv, &c, 501);
	/* filed in time nothing is late yet: 时限遵守 full */
	r = http(srv, fz, "GET", fmt(srv, API "/case-reviews/draft?case_id=%lld", a), NULL);
	EXPECT(r, 200);
	assert_int_equal(jint(item(r, "items", "time_limits"), "deduct"), 0);
	clock_advance(srv, 3 * 86400);
	nsessions = 0;
	c = crew3(srv);
	fz = as(srv, "fazhi");
	da = as(srv, "dangan");
	/* the draft, by hand: 文书规范 (10) −3 for each of the 3 missing documents
	 * = −9; 时限遵守 (10) −5 for the late filing; the rest full: 86 of 100 */
	r = http(srv, fz, "GET", fmt(srv, API "/case-reviews/draft?case_id=%lld", a), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "max_score", 100);
	EXPECT_NUM(r, "score", 86);
	assert_int_equal(jint(item(r, "items", "documents"), "deduct"), 9);
	assert_true(json_is_true(json_object_get(item(r, "items", "documents"), "system")));
	assert_non_null(strstr(jstr(item(r, "items", "documents"), "note"), "受案登记表"));
	assert_int_equal(jint(item(r, "items", "time_limits"), "deduct"), 5);
	assert_int_equal(jint(item(r, "items", "evidence"), "deduct"), 0);
	/* who scores: the legal reviewer, on a closed case, within the rules */
	EXPECT_ERR(srv, http(srv, c.mj1, "POST", API "/case-reviews", fmt(srv, "{\"case_id\":%lld}", a)), 403,
		   "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, as(srv, "suozhang"), "POST", API "/case-reviews", fmt(srv, "{\"case_id\":%lld}", a)),
		   403, "FORBIDDEN", NULL);
	open = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 503, &sus);
	EXPECT_ERR(srv, http(srv, fz, "POST", API "/case-reviews", fmt(srv, "{\"case_id\":%lld}", open)), 409,
		   "CASE_NOT_CLOSED", NULL);
	EXPECT_ERR(srv, http(srv, fz, "POST", API "/case-reviews",
			     fmt(srv, "{\"case_id\":%lld,\"items\":[{\"key\":\"procedure\",\"deduct\":16}]}", a)),
		   400, NULL, NULL);
	EXPECT_ERR(srv, http(srv, fz, "POST", API "/case-reviews",
			     fmt(srv, "{\"case_id\":%lld,\"items\":[{\"key\":\"luck\",\"deduct\":1}]}", a)),
		   400, NULL, NULL);
	/* the reviewer confirms and adds 程序合法 −4: 100 − 9 − 5 − 4 = 82 */
	r = http(srv, fz, "POST", API "/case-reviews",
		 fmt(srv, "{\"case_id\":%lld,\"items\":[{\"key\":\"procedure\",\"deduct\":4,\"note\":\"告知笔录未写明依据\"}],"
			  "\"comment\":\"基本规范\"}", a));
	EXPECT(r, 201);
	EXPECT_NUM(r, "review.score", 82);
	EXPECT_ERR(srv, http(srv, fz, "POST", API "/case-reviews", fmt(srv, "{\"case_id\":%lld}", a)), 409,
		   "ALREADY_REVIEWED", NULL);

	/* case B: filed at once with its 受案登记表: 2 documents missing, −6: 94 */
	b = closed_case(srv, &c, 505);
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/documents", b), "{\"kind\":\"accept_form\"}"), 201);
	EXPECT(http(srv, da, "POST", API "/archive-files",
		    fmt(srv, "{\"case_id\":%lld,\"room\":\"档案室\",\"cabinet\":\"Q\",\"shelf\":\"1\",\"box\":\"1\"}", b)),
	       201);
	r = http(srv, as(srv, "fazhidadui"), "POST", API "/case-reviews", fmt(srv, "{\"case_id\":%lld}", b));
	EXPECT(r, 201);
	EXPECT_NUM(r, "review.score", 94);

	/* per officer and station: minjing3 (main) and minjing4 (co) each
	 * (82 + 94) / 2 = 88.0 */
	m3 = c.me;
	m4 = c.mj2;
	r = http(srv, as(srv, "suozhang"), "GET", API "/case-reviews/summary", NULL);
	EXPECT(r, 200);
	o = row_of(r, "officers", "user_id", m3);
	assert_non_null(o);
	assert_int_equal(jint(o, "cases"), 2);
	assert_true(json_real_value(json_object_get(o, "avg_score")) == 88.0);
	o = row_of(r, "officers", "user_id", m4);
	assert_non_null(o);
	assert_true(json_real_value(json_object_get(o, "avg_score")) == 88.0);
	r = http(srv, fz, "GET", API "/case-reviews", NULL);
	EXPECT(r, 200);
	assert_non_null(row_of(r, "items", "case_id", a));
	EXPECT_ERR(srv, http(srv, c.mj1, "GET", API "/case-reviews", NULL), 403, "FORBIDDEN", NULL);
}

/* The items and weights are a setting: two items of 50, the same case's
 * three missing documents cost 3 × 13 (a quarter of 50, rounded up). */
STORY(review_items_setting)
{
	struct crew c = crew3(srv);
	struct session *adm = as(srv, "admin");
	long long id;
	struct resp *r;

	id = closed_case(srv, &c, 511);
	EXPECT(http(srv, adm, "PUT", API "/settings/review.items",
		    "{\"value\":\"intake:受案及时:50,documents:文书规范:50\"}"),
	       200);
	r = http(srv, as(srv, "fazhi"), "GET", fmt(srv, API "/case-reviews/draft?case_id=%lld", id), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "max_score", 100);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 2);
	assert_int_equal(jint(item(r, "items", "documents"), "deduct"), 39);
	EXPECT_NUM(r, "score", 61);
	EXPECT(http(srv, adm, "PUT", API "/settings/review.items",
		    "{\"value\":\"intake:受案及时:10,filing:立案合法:10,evidence:证据合法充分:20,procedure:程序合法:15,"
		    "law:适用法律正确:15,documents:文书规范:10,time_limits:时限遵守:10,property:涉案财物规范:10\"}"),
	       200);
}

STORY(audit_holds_no_id_number)
{
	assert_int_equal(audit_id_numbers(srv), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(sup_kp_items), T(review_items_setting), T(audit_holds_no_id_number),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
