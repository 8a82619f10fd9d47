/* api_key_person_reviews.c — 重点人员定期复核 over HTTP (COM-ZD-REVIEW, a
 * county setting community.review_months = 6): a listing reviewed by its
 * day on both sides of it (the period ends on the corresponding day of the
 * 6th month), on the list, its filter and the 预警 board; a review that
 * keeps him starts the next period from its own day; one that changes his
 * level changes his contact cycle; one that proposes his removal files a
 * 撤管 request for the approver (COM-ZD-REMOVE) and he stays under control.
 * Only his beat's people and the chief review (COM-WARD); every refusal
 * changes nothing.
 *
 * Each story builds its own beat and community inside 城关 (测试社区复…), so
 * the demo's key persons never enter the expectations. */
#include "population_util.h"

/* a beat of 城关 held by minjing2 with n residents 复核0, 复核1 … */
static long long beat_with(struct server *srv, const char *beat_name, const char *community, int n, long long *pid)
{
	return beat_with_residents(srv, beat_name, community, "复核", n, pid, NULL);
}

static long long list_kp(struct server *srv, long long pid, const char *listed_on)
{
	return kp_enlist(srv, "minjing2",
			 J(srv, "{s:I, s:s, s:s, s:s, s:s}", "person_id", (json_int_t)pid, "category", "刑释解教",
			   "reason", "刑满释放", "level", "normal", "listed_on", listed_on));
}

/* today's date moved by months (negative: back) and days; NULL when today's
 * day does not exist in that month (the story then skips the boundary) */
static const char *months_from_today(struct server *srv, int months, int days)
{
	struct tm tm = day_tm(today_days(srv)), m;
	time_t t;

	m = tm;
	m.tm_mon += months;
	t = timegm(&m);
	gmtime_r(&t, &m);
	if (m.tm_mday != tm.tm_mday)
		return NULL;
	return dstr(srv, (long long)t / PDAY - today_days(srv) + days);
}

static struct resp *review(struct server *srv, const char *user, long long kp, const char *body)
{
	return http(srv, U(user), "POST", fmt(srv, API "/key-persons/%lld/reviews", kp), body);
}

/* the 预警 level of a clock key ("-" when not on the board) */
static const char *level_of(struct server *srv, const char *key)
{
	struct resp *r = http(srv, U("suozhang"), "GET", API "/warnings?level=all", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), key))
			return fmt(srv, "%s", jstr(it, "level"));
	return "-";
}

static json_t *item_of(struct resp *r, long long kp)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "id") == kp)
			return it;
	return NULL;
}

/* 1. the review day on both sides; a review that keeps him; the refusals */
STORY(review_cycle)
{
	long long pid[2], beat = beat_with(srv, "测试复核责任区", "测试社区复核", 2, pid), on_day, late;
	const char *six_back = months_from_today(srv, -6, 0), *six_back_1 = months_from_today(srv, -6, -1), *next;
	struct resp *r;
	json_t *it;

	long long audited = audit_count(srv, U("auditor"), "key_person.review", NULL, "success"); /* the demo's */

	if (!six_back)
		skip();
	on_day = list_kp(srv, pid[0], six_back);   /* the 6th month's corresponding day is today */
	late = list_kp(srv, pid[1], six_back_1);   /* ... was yesterday */
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons?beat_id=%lld", beat), NULL);
	EXPECT(r, 200);
	it = item_of(r, on_day);
	assert_non_null(it);
	assert_string_equal(jstr(it, "review_due_on"), dstr(srv, 0));
	assert_false(json_is_true(json_object_get(it, "review_overdue")));
	it = item_of(r, late);
	assert_non_null(it);
	assert_string_equal(jstr(it, "review_due_on"), dstr(srv, -1));
	assert_true(json_is_true(json_object_get(it, "review_overdue")));
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons?beat_id=%lld&review_due=1", beat), NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", late);
	assert_string_equal(level_of(srv, fmt(srv, "key_person_review:%lld:%s", late, six_back_1)), "BREACH");
	assert_string_not_equal(level_of(srv, fmt(srv, "key_person_review:%lld:%s", on_day, six_back)), "BREACH");

	/* refusals change nothing */
	EXPECT_FIELD(review(srv, "minjing2", late, J(srv, "{s:s}", "conclusion", "keep")), 400, "notes");
	EXPECT_FIELD(review(srv, "minjing2", late, J(srv, "{s:s, s:s}", "conclusion", "forget", "notes", "x")), 400,
		     "conclusion");
	EXPECT_FIELD(review(srv, "minjing2", late,
			    J(srv, "{s:s, s:s, s:s}", "conclusion", "keep", "notes", "x", "reviewed_on", dstr(srv, 1))),
		     400, "reviewed_on");
	EXPECT_FIELD(review(srv, "minjing2", late,
			    J(srv, "{s:s, s:s, s:s}", "conclusion", "keep", "notes", "x", "reviewed_on",
			      months_from_today(srv, -7, 0) ? months_from_today(srv, -7, 0) : dstr(srv, -200))),
		     400, "reviewed_on");
	EXPECT_ERR(srv, review(srv, "minjing1", late, J(srv, "{s:s, s:s}", "conclusion", "keep", "notes", "非本责任区")),
		   403, "FORBIDDEN", "COM-WARD");
	EXPECT(review(srv, "fujing", late, J(srv, "{s:s, s:s}", "conclusion", "keep", "notes", "辅警")), 403);
	EXPECT(review(srv, "gucheng_mj1", late, J(srv, "{s:s, s:s}", "conclusion", "keep", "notes", "他所")), 403);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", late), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "key_person.reviews")), 0);

	/* kept: the next period counts from the review's day */
	r = review(srv, "minjing2", late, J(srv, "{s:s, s:s}", "conclusion", "keep", "notes", "近期表现稳定，仍需列管"));
	EXPECT(r, 201);
	EXPECT_STR(r, "review.conclusion_label", "维持列管");
	next = months_from_today(srv, 6, 0);
	if (next)
		EXPECT_STR(r, "review.next_review_on", next);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", late), NULL);
	EXPECT(r, 200);
	if (next)
		EXPECT_STR(r, "key_person.review_due_on", next);
	EXPECT_BOOL(r, "key_person.review_overdue", 0);
	EXPECT_STR(r, "key_person.level", "normal");
	EXPECT_STR(r, "key_person.reviews.0.conclusion", "keep");
	EXPECT_STR(r, "key_person.reviews.0.reviewed_on", dstr(srv, 0));
	EXPECT_STR(r, "key_person.reviews.0.user_name", "张伟");
	assert_string_equal(level_of(srv, fmt(srv, "key_person_review:%lld:%s", late, six_back_1)), "-");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons?beat_id=%lld&review_due=1", beat), NULL);
	EXPECT_NUM(r, "total", 0);
	/* the chief reviews any beat; the county shortens the period to 3 months */
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.review_months", "{\"value\":3}"), 200);
	r = http(srv, U("suozhang"), "GET", fmt(srv, API "/key-persons/%lld", on_day), NULL);
	EXPECT_BOOL(r, "key_person.review_overdue", 1);
	EXPECT(review(srv, "suozhang", on_day, J(srv, "{s:s, s:s}", "conclusion", "keep", "notes", "所长复核")), 201);
	assert_int_equal(audit_count(srv, U("auditor"), "key_person.review", NULL, "success"), audited + 2);
}

/* 2. a review that changes his level, then one that proposes his removal */
STORY(review_changes_level_and_proposes_removal)
{
	long long pid[1], kp, removal;
	struct resp *r;

	beat_with(srv, "测试复核责任区乙", "测试社区复核乙", 1, pid);
	kp = list_kp(srv, pid[0], dstr(srv, -30));
	EXPECT_FIELD(review(srv, "minjing2", kp, J(srv, "{s:s, s:s}", "conclusion", "change_level", "notes", "x")), 400,
		     "level");
	EXPECT_FIELD(review(srv, "minjing2", kp,
			    J(srv, "{s:s, s:s, s:s}", "conclusion", "change_level", "level", "normal", "notes", "x")),
		     400, "level");
	r = review(srv, "minjing2", kp,
		   J(srv, "{s:s, s:s, s:s}", "conclusion", "change_level", "level", "strict", "notes", "近期与吸毒人员交往"));
	EXPECT(r, 201);
	EXPECT_STR(r, "review.level_to", "strict");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT_STR(r, "key_person.level", "strict");
	EXPECT_NUM(r, "key_person.cycle_days", 7); /* the strict level's contact cycle */
	EXPECT_STR(r, "key_person.reviews.0.level_from", "normal");
	EXPECT_STR(r, "key_person.reviews.0.level_to", "strict");

	/* proposing removal files a request; he stays under control until approved */
	r = review(srv, "minjing2", kp,
		   J(srv, "{s:s, s:s}", "conclusion", "propose_removal", "notes", "考察期满，表现良好"));
	EXPECT(r, 201);
	assert_true(rnum(r, "review.removal_id") > 0);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT_STR(r, "key_person.status", "active");
	EXPECT_STR(r, "key_person.removals.0.status", "pending");
	assert_non_null(strstr(rstr(r, "key_person.removals.0.reason"), "复核提请撤管：考察期满，表现良好"));
	removal = rnum(r, "key_person.removals.0.id");
	EXPECT_NUM(r, "key_person.reviews.0.removal_id", removal);
	EXPECT_STR(r, "key_person.reviews.0.conclusion_label", "提请撤管");
	/* a second proposal while one is pending: refused, no review written */
	EXPECT_ERR(srv,
		   review(srv, "minjing2", kp, J(srv, "{s:s, s:s}", "conclusion", "propose_removal", "notes", "再次提请")),
		   409, "REMOVAL_PENDING", "COM-ZD-REMOVE");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	assert_int_equal(json_array_size(jpath(r->json, "key_person.reviews")), 2);
	/* the chief approves: removed, and no longer reviewed */
	EXPECT(http(srv, U("suozhang"), "POST", fmt(srv, API "/key-person-removals/%lld/decision", removal),
		    J(srv, "{s:b}", "approve", 1)),
	       200);
	EXPECT_ERR(srv, review(srv, "minjing2", kp, J(srv, "{s:s, s:s}", "conclusion", "keep", "notes", "撤管后")), 409,
		   "KEY_PERSON_NOT_ACTIVE", NULL);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(review_cycle),
		T(review_changes_level_and_proposes_removal),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
