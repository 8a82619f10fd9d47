/* api_key_person_removals.c — 撤管 over HTTP (issue 16 gaps): a removal is a
 * request with its reason that a chief approves (COM-ZD-REMOVE, setting
 * community.removal_approver): the PATCH that used to remove at once is
 * refused with the rule, a second request while one is pending too, the
 * requester never decides his own request, a rejection needs its reason,
 * the bureau decides when the county says so; the history stays on the
 * person, who may be listed again. A key person transferred to another
 * station keeps no open tenancy nor 居住登记 at the old one. A key tenant
 * who leaves his last key-layer tenancy gets a removal asked for him.
 *
 * Each story builds its own beat and community inside 城关 (测试社区撤…),
 * so the demo's figures never enter the expectations. */
#include "population_util.h"

/* a beat of 城关 held by minjing2 with one grid holding a new address;
 * n (≤ 2) residents there, the first one's person id returned */
static long long fixture(struct server *srv, const char *beat_name, const char *community, int n,
			 long long *addr_out)
{
	long long pid[2] = { 0, 0 };

	beat_with_residents(srv, beat_name, community, "撤管", n, pid, addr_out);
	return pid[0];
}

static long long list_kp(struct server *srv, const char *user, long long pid)
{
	return kp_enlist(srv, user,
			 J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)pid, "category", "刑释解教", "reason",
			   "刑满释放", "level", "normal"));
}

static struct resp *ask(struct server *srv, const char *user, long long kp, const char *reason)
{
	return http(srv, U(user), "POST", fmt(srv, API "/key-persons/%lld/removals", kp),
		    reason ? J(srv, "{s:s}", "reason", reason) : "{}");
}

static struct resp *decide(struct server *srv, const char *user, long long id, int approve, const char *note)
{
	return http(srv, U(user), "POST", fmt(srv, API "/key-person-removals/%lld/decision", id),
		    note ? J(srv, "{s:b, s:s}", "approve", approve, "note", note) : J(srv, "{s:b}", "approve", approve));
}

/* 1. request → the station chief approves → removed; history kept */
STORY(request_and_approve)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long pid = fixture(srv, "撤管甲责任区", "测试社区撤甲", 1, NULL), kp = list_kp(srv, "minjing2", pid), rm;
	long long denied0 = audit_count(srv, auditor, "key_person.remove_approve", "minjing2", "denied");
	struct resp *r;

	/* the PATCH that removed at once is refused with the rule */
	r = http(srv, U("minjing2"), "PATCH", fmt(srv, API "/key-persons/%lld", kp),
		 J(srv, "{s:b, s:s}", "remove", 1, "reason", "已死亡"));
	EXPECT_ERR(srv, r, 409, "REMOVAL_NEEDS_APPROVAL", "COM-ZD-REMOVE");
	/* a reason is required; another station's officer may not ask */
	EXPECT_FIELD(ask(srv, "minjing2", kp, NULL), 400, "reason");
	EXPECT(ask(srv, "gucheng_mj1", kp, "越权"), 403);
	/* an officer of 城关 outside the beat reads but does not ask (COM-WARD) */
	EXPECT_ERR(srv, ask(srv, "minjing1", kp, "非本责任区"), 403, "FORBIDDEN", "COM-WARD");
	r = ask(srv, "minjing2", kp, "考察期满，表现良好");
	EXPECT(r, 201);
	rm = rnum(r, "removal.id");
	EXPECT_STR(r, "removal.status", "pending");
	EXPECT_STR(r, "removal.reason", "考察期满，表现良好");
	/* one pending request at a time */
	EXPECT_ERR(srv, ask(srv, "minjing2", kp, "再次申请"), 409, "REMOVAL_PENDING", "COM-ZD-REMOVE");
	/* while pending he is still under control and listed */
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "key_person.status", "active");
	EXPECT_STR(r, "key_person.removals.0.status", "pending");
	/* the station's pending list */
	r = http(srv, U("suozhang"), "GET", API "/key-person-removals?status=pending", NULL);
	EXPECT(r, 200);
	assert_non_null(find_in(r, "items", "id", rm));
	EXPECT_STR(r, "approver", "station");
	EXPECT_FIELD(http(srv, U("suozhang"), "GET", API "/key-person-removals?status=x", NULL), 400, "status");
	/* an officer cannot approve (role), another station's chief neither */
	EXPECT(decide(srv, "minjing2", rm, 1, NULL), 403);
	assert_int_equal(audit_count(srv, auditor, "key_person.remove_approve", "minjing2", "denied"), denied0 + 1);
	EXPECT(decide(srv, "gucheng_sz", rm, 1, NULL), 403);
	/* the chief approves */
	r = decide(srv, "suozhang", rm, 1, "同意撤管");
	EXPECT(r, 200);
	EXPECT_STR(r, "removal.status", "approved");
	EXPECT_STR(r, "removal.decided_by_name", "王建华");
	EXPECT_ERR(srv, decide(srv, "suozhang", rm, 0, "再审"), 409, "REMOVAL_DECIDED", "COM-ZD-REMOVE");
	/* removed: off the list, no more contacts, the history on the person */
	r = http(srv, U("minjing2"), "GET", API "/key-persons", NULL);
	assert_null(find_in(r, "items", "id", kp));
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "key_person.status", "removed");
	EXPECT_STR(r, "key_person.removals.0.status", "approved");
	EXPECT_STR(r, "key_person.removals.0.reason", "考察期满，表现良好");
	EXPECT_ERR(srv,
		   http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/contacts", kp),
			J(srv, "{s:s, s:s}", "mode", "meet", "findings", "x")),
		   409, "KEY_PERSON_REMOVED", NULL);
	EXPECT_ERR(srv, ask(srv, "minjing2", kp, "又一次"), 409, "KEY_PERSON_NOT_ACTIVE", "COM-ZD-REMOVE");
	r = http(srv, U("suozhang"), "GET", API "/key-person-removals?status=approved", NULL);
	assert_non_null(find_in(r, "items", "id", rm));
	/* listed again: the same record, active, its history kept */
	assert_int_equal(list_kp(srv, "minjing2", pid), kp);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT_STR(r, "key_person.status", "active");
	assert_int_equal(json_array_size(jpath(r->json, "key_person.removals")), 1);
}

/* 2. a rejection needs its reason and leaves the person under control; the
 * requester never decides his own request */
STORY(reject_and_own_request)
{
	long long pid = fixture(srv, "撤管乙责任区", "测试社区撤乙", 2, NULL), kp = list_kp(srv, "minjing2", pid), rm;
	struct resp *r;

	rm = rnum(ask(srv, "minjing2", kp, "已外出务工"), "removal.id");
	EXPECT_FIELD(decide(srv, "suozhang", rm, 0, NULL), 400, "note");
	r = decide(srv, "suozhang", rm, 0, "仍需考察三个月");
	EXPECT(r, 200);
	EXPECT_STR(r, "removal.status", "rejected");
	EXPECT_STR(r, "removal.decision_note", "仍需考察三个月");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT_STR(r, "key_person.status", "active");
	EXPECT_STR(r, "key_person.removals.0.status", "rejected");
	EXPECT(http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/contacts", kp),
		    J(srv, "{s:s, s:s}", "mode", "meet", "findings", "在家")),
	       201);
	/* the chief asks himself: he cannot approve it */
	rm = rnum(ask(srv, "suozhang", kp, "所长提出"), "removal.id");
	EXPECT_ERR(srv, decide(srv, "suozhang", rm, 1, NULL), 403, "OWN_REQUEST", "COM-ZD-REMOVE");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT_STR(r, "key_person.status", "active");
	EXPECT_NUM(r, "key_person.removals.0.id", rm);
	EXPECT_STR(r, "key_person.removals.0.status", "pending");
}

/* 3. community.removal_approver = bureau: the station's chief may not
 * approve, a leader of the bureau does */
STORY(bureau_approves)
{
	long long pid = fixture(srv, "撤管丙责任区", "测试社区撤丙", 1, NULL), kp = list_kp(srv, "minjing2", pid), rm;
	struct resp *r;

	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.removal_approver", "{\"value\":\"bureau\"}"), 200);
	rm = rnum(ask(srv, "minjing2", kp, "已迁出本县"), "removal.id");
	r = http(srv, U("juzhang"), "GET", API "/key-person-removals?status=pending", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "approver", "bureau");
	assert_non_null(find_in(r, "items", "id", rm));
	EXPECT_ERR(srv, decide(srv, "suozhang", rm, 1, NULL), 403, "REMOVAL_APPROVER", "COM-ZD-REMOVE");
	r = decide(srv, "juzhang", rm, 1, NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "removal.status", "approved");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT_STR(r, "key_person.status", "removed");
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.removal_approver", "{\"value\":\"station\"}"), 200);
}

/* 4. a key person who rents at 城关 and is registered there as floating moves
 * to 北社: when 北社 acknowledges, his tenancy at 城关 ends that day and his
 * 居住登记 there is closed (a 人走报告 is then refused as done) */
STORY(transfer_closes_tenancy)
{
	long long addr, landlord = fixture(srv, "撤管丁责任区", "测试社区撤丁", 1, &addr), pid, rental, kp, tr = 0;
	long long beishe = unit_id(srv, U("suozhang"), "北社派出所");
	struct resp *r;
	json_t *it;
	size_t i;

	r = http(srv, U("suozhang"), "POST", API "/persons",
		 J(srv, "{s:s, s:s, s:s}", "name", "撤管租客", "id_number", newid(srv), "kind", "floating"));
	EXPECT(r, 201);
	pid = rnum(r, "person.id");
	r = http(srv, U("minjing2"), "POST", API "/rentals",
		 J(srv, "{s:I, s:I, s:s}", "address_id", (json_int_t)addr, "landlord_id", (json_int_t)landlord, "level",
		   "normal"));
	EXPECT(r, 201);
	rental = rnum(r, "rental.id");
	EXPECT(http(srv, U("minjing2"), "POST", fmt(srv, API "/rentals/%lld/tenancies", rental),
		    J(srv, "{s:I, s:s}", "person_id", (json_int_t)pid, "from_date", dstr(srv, -30))),
	       201);
	EXPECT(http(srv, U("minjing2"), "POST", API "/floating",
		    J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)pid, "registered_on", dstr(srv, -30), "mode",
		      "direct", "layer", "known")),
	       200);
	kp = list_kp(srv, "minjing2", pid);
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/transfer", kp),
		 J(srv, "{s:I, s:s}", "to_station_id", (json_int_t)beishe, "reason", "迁往北社村居住"));
	EXPECT(r, 201);
	/* pending: the tenancy is still open */
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/rentals/%lld", rental), NULL);
	EXPECT(r, 200);
	it = find_in(r, "rental.tenants", "person_id", pid);
	assert_non_null(it);
	assert_true(json_is_null(json_object_get(it, "to_date")));
	r = http(srv, U("beishe_sz"), "GET", API "/key-person-transfers", NULL);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "key_person_id") == kp)
			tr = jint(it, "id");
	assert_true(tr > 0);
	EXPECT(http(srv, U("beishe_mj1"), "POST", fmt(srv, API "/key-person-transfers/%lld/acknowledge", tr), NULL),
	       200);
	/* acknowledged: the tenancy at 城关 ended today, the rental has no tenant */
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/rentals/%lld", rental), NULL);
	EXPECT(r, 200);
	it = find_in(r, "rental.tenants", "person_id", pid);
	assert_non_null(it);
	assert_string_equal(jstr(it, "to_date"), dstr(srv, 0));
	/* the 居住登记 at 城关 is closed: a departure report is refused as done */
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/floating/%lld/departure", pid),
		 J(srv, "{s:s, s:s, s:s, s:s}", "departed_on", dstr(srv, 0), "reported_on", dstr(srv, 0),
		   "reporter_kind", "landlord", "reporter", "房东"));
	EXPECT_ERR(srv, r, 409, "ALREADY_DEPARTED", NULL);
}


/* a key-layer tenancy of pid in a new rental at room of 测试社区撤戊 2号楼
 * (landlord), its id */
static long long key_tenancy(struct server *srv, const char *room, long long landlord, long long pid)
{
	struct resp *r = http(srv, U("suozhang"), "POST", API "/addresses",
			      J(srv, "{s:s, s:s, s:s}", "community", "测试社区撤戊", "building", "2号楼", "room", room));
	long long rental;
	json_t *it;

	EXPECT(r, 201);
	r = http(srv, U("minjing2"), "POST", API "/rentals",
		 J(srv, "{s:I, s:I, s:s}", "address_id", (json_int_t)rnum(r, "address.id"), "landlord_id",
		   (json_int_t)landlord, "level", "normal"));
	EXPECT(r, 201);
	rental = rnum(r, "rental.id");
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/rentals/%lld/tenancies", rental),
		 J(srv, "{s:I, s:s, s:s}", "person_id", (json_int_t)pid, "from_date", dstr(srv, -10), "layer", "key"));
	EXPECT(r, 201);
	it = find_in(r, "rental.tenants", "person_id", pid);
	assert_non_null(it);
	return jint(it, "id");
}

/* the pending removal of key person kp, or 0 */
static long long pending_of(struct server *srv, long long kp)
{
	struct resp *r = http(srv, U("suozhang"), "GET", API "/key-person-removals?status=pending", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "key_person_id") == kp)
			return jint(it, "id");
	return 0;
}

/* 5. a key-layer tenant is listed by the tenancy; when he holds no such
 * tenancy any more (退租, or 人走 reported) a removal is asked for the chief
 * to decide — he stays under control until then; one listed by hand is not */
STORY(key_tenant_moves_out)
{
	long long landlord = fixture(srv, "撤管戊责任区", "测试社区撤戊", 1, NULL);
	long long p[3], t1, t3, kp1, kp2, kp3, rm;
	struct resp *r;

	for (int i = 0; i < 3; i++) {
		r = http(srv, U("suozhang"), "POST", API "/persons",
			 J(srv, "{s:s, s:s, s:s}", "name", fmt(srv, "重点租客%d", i), "id_number", newid(srv), "kind",
			   "floating"));
		EXPECT(r, 201);
		p[i] = rnum(r, "person.id");
	}
	/* 丙 was listed by hand before he rented */
	kp3 = list_kp(srv, "minjing2", p[2]);
	t1 = key_tenancy(srv, "201", landlord, p[0]);
	key_tenancy(srv, "202", landlord, p[1]);
	t3 = key_tenancy(srv, "203", landlord, p[2]);
	kp1 = db_raw_int(srv->db, fmt(srv, "SELECT id FROM key_person WHERE person_id = %lld AND source = 'tenant'", p[0]),
			 NULL);
	kp2 = db_raw_int(srv->db, fmt(srv, "SELECT id FROM key_person WHERE person_id = %lld AND source = 'tenant'", p[1]),
			 NULL);
	assert_true(kp1 > 0 && kp2 > 0);

	/* 甲 moves out: a removal is asked, he is still under control */
	EXPECT(http(srv, U("minjing2"), "POST", fmt(srv, API "/tenancies/%lld/end", t1), "{}"), 200);
	rm = pending_of(srv, kp1);
	assert_true(rm > 0);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp1), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "key_person.status", "active");
	/* the chief approves: removed */
	EXPECT(decide(srv, "suozhang", rm, 1, NULL), 200);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp1), NULL);
	EXPECT_STR(r, "key_person.status", "removed");

	/* 人走 of 乙 is reported: his tenancy ends with it, a removal is asked */
	EXPECT(http(srv, U("minjing2"), "POST", API "/floating",
		    J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)p[1], "registered_on", dstr(srv, -10), "mode",
		      "direct", "layer", "known")),
	       200);
	assert_int_equal(pending_of(srv, kp2), 0);
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/floating/%lld/departure", p[1]),
		 J(srv, "{s:s, s:s, s:s, s:s}", "departed_on", dstr(srv, 0), "reported_on", dstr(srv, 0),
		   "reporter_kind", "landlord", "reporter", "房东"));
	EXPECT(r, 200);
	assert_true(pending_of(srv, kp2) > 0);

	/* 丙, listed by hand, leaves: his listing is not the tenancy's */
	EXPECT(http(srv, U("minjing2"), "POST", fmt(srv, API "/tenancies/%lld/end", t3), "{}"), 200);
	assert_int_equal(pending_of(srv, kp3), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(request_and_approve),
		T(reject_and_own_request),
		T(bureau_approves),
		T(transfer_closes_tenancy),
		T(key_tenant_moves_out),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
