/* api_key_person_listings.c — 列管审批 over HTTP (issue 16, COM-ZD-ENLIST): a
 * beat officer's listing is a request that the approver of the setting
 * community.listing_approver decides (the station's chief by default, whose
 * own listing takes effect at once). Until approved the person is not under
 * control: not on the list, no contact cycle, no 见面率. A second request
 * while one waits is refused, the requester never decides his own, a
 * rejection needs its reason, the approval lists him from the day asked.
 * Under the bureau setting only a leader of the county decides. The
 * requests wait on the approver's 待办. Every refusal changes nothing; reads
 * and refusals are audited.
 *
 * Each story builds its own beat and community inside 城关 (测试社区列…), so
 * the demo's figures never enter the expectations. */
#include "population_util.h"

/* a beat of 城关 held by minjing2 with n (≤ 2) residents; their ids in pid */
static void fixture(struct server *srv, const char *beat_name, const char *community, int n, long long *pid)
{
	beat_with_residents(srv, beat_name, community, "列管", n, pid, NULL);
}

static struct resp *ask(struct server *srv, const char *user, long long pid, const char *listed_on)
{
	return http(srv, U(user), "POST", API "/key-persons",
		    listed_on ? J(srv, "{s:I, s:s, s:s, s:s, s:s, s:s}", "person_id", (json_int_t)pid, "category", "刑释解教",
				  "reason", "刑满释放回原籍", "level", "strict", "control_plan", "每周见面一次", "listed_on",
				  listed_on)
			      : J(srv, "{s:I, s:s, s:s, s:s, s:s}", "person_id", (json_int_t)pid, "category", "刑释解教",
				  "reason", "刑满释放回原籍", "level", "strict", "control_plan", "每周见面一次"));
}

static struct resp *decide(struct server *srv, const char *user, long long id, int approve, const char *note)
{
	return http(srv, U(user), "POST", fmt(srv, API "/key-person-listings/%lld/decision", id),
		    note ? J(srv, "{s:b, s:s}", "approve", approve, "note", note) : J(srv, "{s:b}", "approve", approve));
}

/* rows of kind key_person_listing waiting on user's 待办 whose detail names the beat */
static int waiting_rows(struct server *srv, const char *user, const char *beat)
{
	struct resp *r = http(srv, U(user), "GET", API "/todos", NULL);
	json_t *it;
	size_t i;
	int n = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "kind"), "key_person_listing") && strstr(jstr(it, "detail"), beat))
			n++;
	return n;
}

static long long listings(struct server *srv)
{
	return db_raw_int(srv->db, "SELECT COUNT(*) FROM key_person_listing", NULL);
}

static long long key_persons_of(struct server *srv, long long pid)
{
	return db_raw_int(srv->db, fmt(srv, "SELECT COUNT(*) FROM key_person WHERE person_id = %lld", pid), NULL);
}

/* 1. the beat's officer asks; nothing is under control until the chief
 * approves; the approval lists him from the day asked (ten days ago: a
 * strict cycle of 7 days is then 3 days overdue) */
STORY(officer_asks_chief_decides)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long pid[2] = { 0, 0 }, id, kp, n0, reads0;
	struct resp *r;

	fixture(srv, "列管甲责任区", "测试社区列甲", 2, pid);
	reads0 = audit_count(srv, auditor, "key_person_listing.list", "suozhang", "success");
	/* an auxiliary may not list (COM-ZD-INTERNAL), an officer of another
	 * beat may not ask for this one's residents (COM-WARD) */
	n0 = listings(srv);
	EXPECT(ask(srv, "fujing", pid[0], NULL), 403);
	EXPECT_ERR(srv, ask(srv, "minjing1", pid[0], NULL), 403, "FORBIDDEN", "COM-WARD");
	EXPECT_FIELD(ask(srv, "minjing2", pid[0], "2999-01-01"), 400, "listed_on");
	assert_int_equal(listings(srv), n0);

	r = ask(srv, "minjing2", pid[0], dstr(srv, -10));
	EXPECT(r, 202);
	id = rnum(r, "listing.id");
	EXPECT_STR(r, "listing.status", "pending");
	EXPECT_STR(r, "listing.requested_by_name", "张伟");
	EXPECT_STR(r, "listing.listed_on", dstr(srv, -10));
	EXPECT_STR(r, "listing.beat_name", "列管甲责任区");
	assert_true(json_is_null(jpath(r->json, "listing.key_person_id")));
	/* not under control yet */
	assert_int_equal(key_persons_of(srv, pid[0]), 0);
	r = http(srv, U("minjing2"), "GET", API "/key-persons", NULL);
	EXPECT(r, 200);
	assert_null(find_in(r, "items", "person_id", pid[0]));
	/* one request at a time */
	EXPECT_ERR(srv, ask(srv, "minjing2", pid[0], NULL), 409, "LISTING_PENDING", "COM-ZD-ENLIST");
	assert_int_equal(listings(srv), n0 + 1);

	/* on the chief's 待办, not on the officer's */
	assert_int_equal(waiting_rows(srv, "suozhang", "列管甲责任区"), 1);
	assert_int_equal(waiting_rows(srv, "minjing2", "列管甲责任区"), 0);
	/* the chief's queue, audited as a read */
	r = http(srv, U("suozhang"), "GET", API "/key-person-listings?status=pending", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "approver", "station");
	assert_non_null(find_in(r, "items", "id", id));
	assert_int_equal(audit_count(srv, auditor, "key_person_listing.list", "suozhang", "success"), reads0 + 1);
	EXPECT_FIELD(http(srv, U("suozhang"), "GET", API "/key-person-listings?status=x", NULL), 400, "status");
	/* an officer cannot decide (role); another station's chief neither */
	EXPECT(decide(srv, "minjing2", id, 1, NULL), 403);
	EXPECT(decide(srv, "gucheng_sz", id, 1, NULL), 403);
	assert_int_equal(key_persons_of(srv, pid[0]), 0);

	/* approved: listed from the day asked, his cycle counts from it */
	r = decide(srv, "suozhang", id, 1, "同意列管");
	EXPECT(r, 200);
	EXPECT_STR(r, "listing.status", "approved");
	EXPECT_STR(r, "listing.decided_by_name", "王建华");
	kp = rnum(r, "listing.key_person_id");
	assert_true(kp > 0);
	EXPECT_ERR(srv, decide(srv, "suozhang", id, 0, "再审"), 409, "LISTING_DECIDED", "COM-ZD-ENLIST");
	assert_int_equal(waiting_rows(srv, "suozhang", "列管甲责任区"), 0);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "key_person.status", "active");
	EXPECT_STR(r, "key_person.listed_on", dstr(srv, -10));
	EXPECT_STR(r, "key_person.level", "strict");
	EXPECT_STR(r, "key_person.control_plan", "每周见面一次");
	EXPECT_NUM(r, "key_person.cycle_days", 7);
	EXPECT_BOOL(r, "key_person.overdue", 1);
	EXPECT_NUM(r, "key_person.overdue_days", 3); /* −10 + 7 = −3 */
	/* listed: a new request for him is refused as such */
	EXPECT_ERR(srv, ask(srv, "minjing2", pid[0], NULL), 409, "KEY_PERSON_EXISTS", NULL);

	/* the chief lists at once (201), without a request */
	n0 = listings(srv);
	r = ask(srv, "suozhang", pid[1], NULL);
	EXPECT(r, 201);
	EXPECT_STR(r, "key_person.status", "active");
	EXPECT_STR(r, "key_person.listed_on", dstr(srv, 0));
	assert_int_equal(listings(srv), n0);
}

/* 2. a rejection needs its reason, lists nobody, and a new request may
 * follow; the decision is audited */
STORY(reject_needs_a_reason)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long pid[2] = { 0, 0 }, id, rej0 = audit_count(srv, auditor, "key_person.enlist_reject", "suozhang", "success");
	struct resp *r;

	fixture(srv, "列管乙责任区", "测试社区列乙", 1, pid);
	id = rnum(ask(srv, "minjing2", pid[0], NULL), "listing.id");
	EXPECT_FIELD(decide(srv, "suozhang", id, 0, NULL), 400, "note");
	r = http(srv, U("suozhang"), "GET", API "/key-person-listings?status=pending", NULL);
	assert_non_null(find_in(r, "items", "id", id));
	r = decide(srv, "suozhang", id, 0, "不符合列管条件，由社区民警日常掌握");
	EXPECT(r, 200);
	EXPECT_STR(r, "listing.status", "rejected");
	EXPECT_STR(r, "listing.decision_note", "不符合列管条件，由社区民警日常掌握");
	assert_true(json_is_null(jpath(r->json, "listing.key_person_id")));
	assert_int_equal(key_persons_of(srv, pid[0]), 0);
	assert_int_equal(audit_count(srv, auditor, "key_person.enlist_reject", "suozhang", "success"), rej0 + 1);
	r = http(srv, U("suozhang"), "GET", API "/key-person-listings?status=rejected", NULL);
	assert_non_null(find_in(r, "items", "id", id));
	/* asked again with new facts: a new request */
	EXPECT(ask(srv, "minjing2", pid[0], NULL), 202);
}

/* 3. the approver of the setting: under "bureau" the station's chief asks
 * too and only a leader of the county decides; the requester never decides
 * his own request */
STORY(approver_of_the_setting)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long pid[2] = { 0, 0 }, a, b, kp, denied0;
	struct resp *r;

	fixture(srv, "列管丙责任区", "测试社区列丙", 2, pid);
	/* the county's chief is not the station setting's approver */
	a = rnum(ask(srv, "minjing2", pid[0], NULL), "listing.id");
	EXPECT_ERR(srv, decide(srv, "juzhang", a, 1, NULL), 403, "LISTING_APPROVER", "COM-ZD-ENLIST");

	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.listing_approver", "{\"value\":\"bureau\"}"), 200);
	/* the chief's own listing now waits for the bureau */
	r = ask(srv, "suozhang", pid[1], NULL);
	EXPECT(r, 202);
	b = rnum(r, "listing.id");
	denied0 = audit_count(srv, auditor, "key_person.enlist_approve", "suozhang", "denied");
	EXPECT_ERR(srv, decide(srv, "suozhang", b, 1, NULL), 403, "OWN_REQUEST", "COM-ZD-ENLIST");
	EXPECT_ERR(srv, decide(srv, "suozhang", a, 1, NULL), 403, "LISTING_APPROVER", "COM-ZD-ENLIST");
	assert_int_equal(audit_count(srv, auditor, "key_person.enlist_approve", "suozhang", "denied"), denied0 + 2);
	assert_int_equal(key_persons_of(srv, pid[0]) + key_persons_of(srv, pid[1]), 0);
	r = http(srv, U("juzhang"), "GET", API "/key-person-listings?status=pending", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "approver", "bureau");
	assert_non_null(find_in(r, "items", "id", a));
	assert_non_null(find_in(r, "items", "id", b));
	/* on the county chief's 待办 now, no longer on the station chief's */
	assert_int_equal(waiting_rows(srv, "juzhang", "列管丙责任区"), 2);
	assert_int_equal(waiting_rows(srv, "suozhang", "列管丙责任区"), 0);
	/* the county's chief decides: listed at 城关, in the beat of his address */
	r = decide(srv, "juzhang", a, 1, NULL);
	EXPECT(r, 200);
	kp = rnum(r, "listing.key_person_id");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "key_person.station_name", "城关派出所");
	EXPECT_STR(r, "key_person.beat_name", "列管丙责任区");
	EXPECT(decide(srv, "juzhang", b, 0, "暂不列管"), 200);
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.listing_approver", "{\"value\":\"station\"}"), 200);
}

/* 4. the demo (seed_key_person_listings.c): two requests wait for 城关's
 * chief, one was approved and one declined */
STORY(demo_requests)
{
	struct resp *r = http(srv, U("suozhang"), "GET", API "/key-person-listings", NULL);
	json_t *it;
	size_t i;
	int pending = 0, approved = 0, rejected = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		pending += !strcmp(jstr(it, "status"), "pending");
		approved += !strcmp(jstr(it, "status"), "approved");
		rejected += !strcmp(jstr(it, "status"), "rejected");
	}
	assert_true(pending >= 2 && approved >= 1 && rejected >= 1);
	/* another station sees none of them */
	r = http(srv, U("beishe_sz"), "GET", API "/key-person-listings", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 0);
}

/* 5. COM-ZD-LIST: a level's contact cycle is the county's to set (0: not
 * set, the default of a new county; the demo set 7/30/90). While 关注 has
 * none, nobody lists at that level nor moves anyone to it (409, nothing
 * written); a 关注 person listed before shows no next contact and is never
 * overdue. */
STORY(cycle_unset_refuses_listing)
{
	long long pid[2] = { 0, 0 }, other[2] = { 0, 0 }, kp, strict, n0;
	const char *watch;
	struct resp *r;

	fixture(srv, "列管丁责任区", "测试社区列丁", 2, pid);
	watch = J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)pid[1], "category", "其他", "reason", "关注",
		  "level", "watch");
	kp = kp_enlist(srv, "suozhang", watch);
	strict = kp_enlist(srv, "suozhang",
			   J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)pid[0], "category", "吸毒人员", "reason",
			     "戒毒", "level", "strict"));
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.contact_days_watch", "{\"value\":0}"), 200);

	n0 = listings(srv);
	EXPECT_ERR(srv, http(srv, U("suozhang"), "PATCH", fmt(srv, API "/key-persons/%lld", strict), "{\"level\":\"watch\"}"),
		   409, "CONTACT_CYCLE_UNSET", "COM-ZD-LIST");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", strict), NULL);
	EXPECT_STR(r, "key_person.level", "strict");
	EXPECT_ERR(srv, http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/reviews", strict),
			     "{\"conclusion\":\"change_level\",\"level\":\"watch\",\"notes\":\"降级\"}"),
		   409, "CONTACT_CYCLE_UNSET", "COM-ZD-LIST");
	/* a new listing at that level: refused for the officer and the chief alike */
	fixture(srv, "列管戊责任区", "测试社区列戊", 1, other);
	watch = J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)other[0], "category", "其他", "reason", "关注",
		  "level", "watch");
	EXPECT_ERR(srv, http(srv, U("minjing2"), "POST", API "/key-persons", watch), 409, "CONTACT_CYCLE_UNSET",
		   "COM-ZD-LIST");
	EXPECT_ERR(srv, http(srv, U("suozhang"), "POST", API "/key-persons", watch), 409, "CONTACT_CYCLE_UNSET",
		   "COM-ZD-LIST");
	assert_int_equal(listings(srv), n0);
	assert_int_equal(key_persons_of(srv, other[0]), 0);

	/* the one listed before: no next contact, never overdue */
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "key_person.cycle_days", 0);
	assert_true(json_is_null(jpath(r->json, "key_person.next_contact_on")));
	EXPECT_BOOL(r, "key_person.overdue", 0);
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.contact_days_watch", "{\"value\":90}"), 200);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(demo_requests),
		T(officer_asks_chief_decides),
		T(reject_needs_a_reason),
		T(approver_of_the_setting),
		T(cycle_unset_refuses_listing),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
