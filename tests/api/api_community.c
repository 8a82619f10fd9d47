/* api_community.c — 社区警务 over HTTP (issue 16, part A): the load of a
 * beat and its officer against 警民比 on a hand-built fixture, addresses
 * moved between grids; the beat rule (COM-WARD) and the internal key-person
 * data (COM-ZD-INTERNAL); 熟悉住户 against the weekly target (COM-DUTIES);
 * the contact cycle and 见面率 on both sides of the boundary (COM-ZD-LIST);
 * the 漏登漏管 list and a sweep's figures; a transfer pending until the
 * receiving station acknowledges.
 *
 * One demo county serves every story; each works on a community of its own
 * (测试社区甲 …) inside 城关, so the demo's figures never enter the
 * expectations. The story that moves the clock runs last. */
#include "population_util.h"

static long long station_of(struct server *srv)
{
	return unit_id(srv, U("suozhang"), "城关派出所");
}

static long long uid(struct server *srv, const char *name)
{
	return user_id(srv, U("admin"), name);
}

/* a beat of 城关 made by its chief: {name, officer}; returns its id */
static long long beat_new(struct server *srv, const char *name, const char *officer)
{
	struct resp *r = http(srv, U("suozhang"), "POST", API "/beats",
			      J(srv, "{s:s, s:I}", "name", name, "officer_id", (json_int_t)uid(srv, officer)));

	EXPECT(r, 201);
	return rnum(r, "beat.id");
}

static long long grid_new(struct server *srv, long long beat, const char *name)
{
	struct resp *r = http(srv, U("suozhang"), "POST", fmt(srv, API "/beats/%lld/grids", beat),
			      J(srv, "{s:s}", "name", name));

	EXPECT(r, 201);
	return rnum(r, "grid.id");
}

static long long addr_at(struct server *srv, const char *community, const char *building, const char *room)
{
	struct resp *r = http(srv, U("suozhang"), "POST", API "/addresses",
			      J(srv, "{s:s, s:s, s:s, s:s}", "community", community, "building", building, "unit_no",
				"1单元", "room", room));

	EXPECT(r, 201);
	return rnum(r, "address.id");
}

/* n residents registered at an address */
static long long residents(struct server *srv, long long addr, int n)
{
	long long first = 0;

	for (int i = 0; i < n; i++) {
		struct resp *r = http(srv, U("suozhang"), "POST", API "/persons",
				      J(srv, "{s:s, s:s, s:s, s:I}", "name", fmt(srv, "住户%d", i), "id_number", newid(srv),
					"kind", "resident", "address_id", (json_int_t)addr));

		EXPECT(r, 201);
		if (!first)
			first = rnum(r, "person.id");
	}
	return first;
}

static struct resp *assign(struct server *srv, long long grid, const char *body)
{
	return http(srv, U("suozhang"), "POST", fmt(srv, API "/grids/%lld/addresses", grid), body);
}

static json_t *beat_in(struct server *srv, const struct resp *r, long long beat)
{
	json_t *b = find_in(r, "items", "id", beat);

	if (!b)
		fail_msg("beat %lld not listed: %.400s", beat, r->body);
	(void)srv;
	return b;
}

static json_t *officer_in(const struct resp *r, long long user)
{
	json_t *o = find_in(r, "officers", "user_id", user);

	if (!o)
		fail_msg("officer %lld not listed: %.400s", user, r->body);
	return o;
}

/* 1. COM-WARD-RATIO: a beat of three households (2 + 1 + 3 residents) in
 * two grids, its officer's sum, the load against the station's setting;
 * then one household moves to another beat's grid. */
STORY(load_and_ratio)
{
	long long beat = beat_new(srv, "测试甲责任区", "minjing2"), ga = grid_new(srv, beat, "甲一网格"),
		  gb = grid_new(srv, beat, "甲二网格"), other = beat_new(srv, "测试乙责任区", "minjing4"),
		  go = grid_new(srv, other, "乙一网格");
	long long a1 = addr_at(srv, "测试社区甲", "1号楼", "101"), a2 = addr_at(srv, "测试社区甲", "1号楼", "102"),
		  a3 = addr_at(srv, "测试社区甲", "2号楼", "101");
	long long mj2 = uid(srv, "minjing2");
	struct resp *r;
	json_t *b;

	residents(srv, a1, 2);
	residents(srv, a2, 1);
	residents(srv, a3, 3);
	/* by building: the two flats of 1号楼; by list: 2号楼 101 */
	r = assign(srv, ga, J(srv, "{s:s, s:s, s:s}", "community", "测试社区甲", "building", "1号楼", "building_type",
			      "highrise"));
	EXPECT(r, 200);
	EXPECT_NUM(r, "moved", 2);
	r = assign(srv, gb, J(srv, "{s:[I]}", "address_ids", (json_int_t)a3));
	EXPECT(r, 200);
	EXPECT_NUM(r, "moved", 1);
	/* exactly one way of choosing */
	EXPECT_FIELD(assign(srv, gb, "{}"), 400, "community");
	EXPECT_FIELD(assign(srv, gb, J(srv, "{s:s, s:[I]}", "community", "测试社区甲", "address_ids", (json_int_t)a3)),
		     400, "community");

	/* the station's load setting: 5 residents per officer */
	r = http(srv, U("admin"), "PUT", API "/settings/community.residents_per_officer",
		 J(srv, "{s:i, s:I}", "value", 5, "unit_id", (json_int_t)station_of(srv)));
	EXPECT(r, 200);
	r = http(srv, U("suozhang"), "GET", API "/beats", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "residents_per_officer", 5);
	b = beat_in(srv, r, beat);
	assert_int_equal(jint(b, "residents"), 6);
	assert_int_equal(jint(b, "households"), 3);
	assert_int_equal(jint(b, "rentals"), 0);
	assert_int_equal(jint(b, "key_persons"), 0);
	assert_true(json_is_true(json_object_get(b, "over_load"))); /* 6 > 5 */
	assert_int_equal(json_array_size(json_object_get(b, "grids")), 2);
	/* minjing2 holds only this beat: 6 residents, 120 % of the load */
	assert_int_equal(jint(officer_in(r, mj2), "residents"), 6);
	assert_int_equal(jint(officer_in(r, mj2), "ratio_pct"), 120);
	assert_true(json_is_true(json_object_get(officer_in(r, mj2), "over_load")));
	/* the county's leader sees the same: the load is the beat's station's */
	r = http(srv, U("juzhang"), "GET", API "/beats", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "residents_per_officer", 3000); /* the county's own default */
	b = beat_in(srv, r, beat);
	assert_int_equal(jint(b, "residents_per_officer"), 5);
	assert_true(json_is_true(json_object_get(b, "over_load")));
	assert_int_equal(jint(officer_in(r, mj2), "ratio_pct"), 120);
	assert_true(json_is_true(json_object_get(officer_in(r, mj2), "over_load")));
	/* the page of beats over the load names it */
	r = http(srv, U("minjing1"), "GET", API "/beats?over=1", NULL);
	EXPECT(r, 200);
	assert_non_null(find_in(r, "items", "id", beat));
	assert_null(find_in(r, "items", "id", other)); /* no residents yet, has an officer */

	/* 2号楼 101 (3 residents) moves to the other beat */
	r = assign(srv, go, J(srv, "{s:[I]}", "address_ids", (json_int_t)a3));
	EXPECT_NUM(r, "moved", 1);
	r = http(srv, U("suozhang"), "GET", API "/beats", NULL);
	b = beat_in(srv, r, beat);
	assert_int_equal(jint(b, "residents"), 3);
	assert_int_equal(jint(b, "households"), 2);
	assert_false(json_is_true(json_object_get(b, "over_load"))); /* 3 ≤ 5 */
	assert_int_equal(jint(beat_in(srv, r, other), "residents"), 3);
	assert_int_equal(jint(officer_in(r, mj2), "ratio_pct"), 60);
	/* and by households: 2 > 1 is over the load, 2 ≤ 2 is not */
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.households_per_officer",
		    J(srv, "{s:i, s:I}", "value", 1, "unit_id", (json_int_t)station_of(srv))),
	       200);
	r = http(srv, U("suozhang"), "GET", API "/beats", NULL);
	assert_true(json_is_true(json_object_get(beat_in(srv, r, beat), "over_load")));
	assert_true(json_is_true(json_object_get(officer_in(r, mj2), "over_load")));
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/community.households_per_officer",
		    J(srv, "{s:i, s:I}", "value", 2, "unit_id", (json_int_t)station_of(srv))),
	       200);
	r = http(srv, U("suozhang"), "GET", API "/beats", NULL);
	assert_false(json_is_true(json_object_get(beat_in(srv, r, beat), "over_load")));
	assert_false(json_is_true(json_object_get(officer_in(r, mj2), "over_load")));
	/* two incidents of 测试社区甲, placed by 社区 only: the beat holding
	 * most of its addresses counts them (2 of 3 are 甲's), once — the other
	 * beat holds 2号楼 101 of it and counts none */
	for (int k = 0; k < 2; k++)
		EXPECT(http(srv, U("jiejing"), "POST", API "/incidents",
			    J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:b}", "source", "110", "caller_phone",
			      "13800001111", "category", "0201", "summary", fmt(srv, "测试社区甲警情%d", k), "place",
			      fmt(srv, "测试社区甲1号楼%d室", 101 + k), "community", "测试社区甲", "station_id",
			      (json_int_t)station_of(srv), "not_duplicate", 1)),
		       201);
	r = http(srv, U("suozhang"), "GET", API "/beats", NULL);
	assert_int_equal(jint(beat_in(srv, r, beat), "incidents_30d"), 2);
	assert_int_equal(jint(beat_in(srv, r, other), "incidents_30d"), 0);
	assert_int_equal(jint(officer_in(r, mj2), "incidents_30d"), 2);
	/* the map holds the points with coordinates only; a drawn polygon
	 * assigns what lies inside */
	r = http(srv, U("minjing1"), "GET", API "/beat-map", NULL);
	EXPECT(r, 200);
	assert_true(json_array_size(jpath(r->json, "points")) >= 1200);
	EXPECT_STR(r, "tile_url", "");
	/* back to the county default */
	r = http(srv, U("admin"), "PUT", API "/settings/community.residents_per_officer",
		 J(srv, "{s:i, s:I}", "value", 3000, "unit_id", (json_int_t)station_of(srv)));
	EXPECT(r, 200);

	/* station → 警务室 → beat: the beat is put under 东街社区警务室 by an
	 * edit; the station itself is no 警务室, and the refused edit keeps the
	 * post and the name it came with */
	{
		long long post = unit_id(srv, U("suozhang"), "东街社区警务室");

		r = http(srv, U("suozhang"), "PATCH", fmt(srv, API "/beats/%lld", beat),
			 J(srv, "{s:I}", "post_id", (json_int_t)post));
		EXPECT(r, 200);
		EXPECT_NUM(r, "beat.post_id", post);
		r = http(srv, U("suozhang"), "PATCH", fmt(srv, API "/beats/%lld", beat),
			 J(srv, "{s:s, s:I}", "name", "测试甲责任区改", "post_id", (json_int_t)station_of(srv)));
		EXPECT_FIELD(r, 400, "post_id");
		r = http(srv, U("suozhang"), "GET", API "/beats", NULL);
		b = beat_in(srv, r, beat);
		assert_int_equal(jint(b, "post_id"), post);
		assert_string_equal(jstr(b, "post_name"), "东街社区警务室");
		assert_string_equal(jstr(b, "name"), "测试甲责任区");
		/* a new beat may name its 警务室 at once */
		r = http(srv, U("suozhang"), "POST", API "/beats",
			 J(srv, "{s:s, s:I}", "name", "测试甲警务室责任区", "post_id", (json_int_t)post));
		EXPECT(r, 201);
		EXPECT_NUM(r, "beat.post_id", post);
	}
}

/* 2. COM-WARD and COM-ZD-INTERNAL: a beat's records are written by its own
 * people (others read), key persons are not for auxiliaries nor for another
 * station; every refusal leaves a denied audit row. */
STORY(beat_permissions)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long denied0 = audit_count(srv, auditor, "household_visit.create", "minjing2", "denied");
	long long beat2, addr, kp, pid;
	struct resp *r;

	r = http(srv, U("suozhang"), "GET", API "/beats", NULL);
	beat2 = 0;
	{
		json_t *it;
		size_t i;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (!strcmp(jstr(it, "name"), "东街二区"))
				beat2 = jint(it, "id");
	}
	assert_true(beat2 > 0);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/household-visits?beat_id=%lld", beat2), NULL);
	EXPECT(r, 200);
	addr = jint(json_array_get(jpath(r->json, "never_visited.items"), 0), "id");
	assert_true(addr > 0);
	/* minjing2 is a sergeant of 西街, not of 东街二区: he reads, he does not write */
	r = http(srv, U("minjing2"), "POST", API "/household-visits",
		 J(srv, "{s:I, s:s}", "address_id", (json_int_t)addr, "learnt", "越区走访"));
	EXPECT_ERR(srv, r, 403, "FORBIDDEN", "COM-WARD");
	assert_int_equal(audit_count(srv, auditor, "household_visit.create", "minjing2", "denied"), denied0 + 1);
	/* the auxiliary of 东街一区 neither */
	r = http(srv, U("fujing"), "POST", API "/household-visits",
		 J(srv, "{s:I, s:s}", "address_id", (json_int_t)addr, "learnt", "越区走访"));
	EXPECT_ERR(srv, r, 403, "FORBIDDEN", "COM-WARD");
	/* the beat's officer does; a person found moved out leaves the address
	 * (audited as a person update) */
	pid = residents(srv, addr, 1);
	r = http(srv, U("minjing1"), "POST", API "/household-visits",
		 J(srv, "{s:I, s:I, s:s, s:s, s:[{s:I, s:b, s:s}]}", "address_id", (json_int_t)addr, "persons_seen",
		   (json_int_t)1, "learnt", "户主在家，新登记人员已搬走", "changes", "一人迁出", "updates", "person_id",
		   (json_int_t)pid, "moved_out", 1, "phone", "13900001111"));
	EXPECT(r, 201);
	EXPECT_NUM(r, "household_visit.persons_seen", 1);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/persons/%lld", pid), NULL);
	EXPECT(r, 200);
	assert_true(json_is_null(jpath(r->json, "person.address_id")) || !jpath(r->json, "person.address_id"));
	assert_true(audit_count(srv, auditor, "person.update", "minjing1", "success") >= 1);
	/* and the chief works every beat */
	r = http(srv, U("suozhang"), "POST", API "/household-visits",
		 J(srv, "{s:I, s:s}", "address_id", (json_int_t)addr, "learnt", "所长走访"));
	EXPECT(r, 201);

	/* a key person of 东街二区 */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/key-persons?beat_id=%lld", beat2), NULL);
	EXPECT(r, 200);
	kp = jint(json_array_get(jpath(r->json, "items"), 0), "id");
	assert_true(kp > 0);
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/contacts", kp),
		 J(srv, "{s:s, s:s}", "mode", "meet", "findings", "越区见面"));
	EXPECT_ERR(srv, r, 403, "FORBIDDEN", "COM-WARD");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 200); /* read-only for the station's other officers */
	/* COM-ZD-INTERNAL: not for auxiliaries, not for another station */
	r = http(srv, U("fujing"), "GET", API "/key-persons", NULL);
	EXPECT(r, 403);
	r = http(srv, U("fujing"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 403);
	r = http(srv, U("beishe_mj1"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 403);
	assert_true(audit_count(srv, auditor, "key_person.read", "beishe_mj1", "denied") >= 1);
	r = http(srv, U("beishe_mj1"), "GET", API "/key-persons", NULL);
	EXPECT(r, 200);
	assert_null(find_in(r, "items", "id", kp));
	/* every read of the list is audited */
	assert_true(audit_count(srv, auditor, "key_person.list", "minjing1", "success") >= 1);
}

/* 3. 漏登漏管: an address with nobody registered, and one whose last visit
 * found more people than registered; a sweep over them and its figures. */
STORY(sweep_candidates)
{
	long long beat = beat_new(srv, "测试丙责任区", "minjing2"), g = grid_new(srv, beat, "丙一网格");
	long long empty = addr_at(srv, "测试社区丙", "1号楼", "101"), more = addr_at(srv, "测试社区丙", "1号楼", "102"),
		  same = addr_at(srv, "测试社区丙", "1号楼", "201"), sweep;
	struct resp *r;

	residents(srv, more, 2);
	residents(srv, same, 1);
	EXPECT(assign(srv, g, J(srv, "{s:s}", "community", "测试社区丙")), 200);
	/* the beat's officer visits: 3 seen where 2 are registered, 1 where 1 */
	r = http(srv, U("minjing2"), "POST", API "/household-visits",
		 J(srv, "{s:I, s:i, s:s}", "address_id", (json_int_t)more, "persons_seen", 3, "learnt", "多一人未登记"));
	EXPECT(r, 201);
	r = http(srv, U("minjing2"), "POST", API "/household-visits",
		 J(srv, "{s:I, s:i, s:s}", "address_id", (json_int_t)same, "persons_seen", 1, "learnt", "一致"));
	EXPECT(r, 201);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/registration-sweeps/candidates?beat_id=%lld", beat), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 2);
	assert_string_equal(jstr(find_in(r, "items", "id", empty), "reason"), "empty");
	assert_int_equal(jint(find_in(r, "items", "id", empty), "registered"), 0);
	assert_string_equal(jstr(find_in(r, "items", "id", more), "reason"), "mismatch");
	assert_int_equal(jint(find_in(r, "items", "id", more), "last_seen"), 3);
	assert_null(find_in(r, "items", "id", same));
	EXPECT_NUM(r, "buildings.0.empty", 1);
	EXPECT_NUM(r, "buildings.0.mismatch", 1);

	/* a sweep over the beat's candidates */
	r = http(srv, U("minjing2"), "POST", API "/registration-sweeps",
		 J(srv, "{s:s, s:I}", "title", "丙区排查", "beat_id", (json_int_t)beat));
	EXPECT(r, 201);
	sweep = rnum(r, "registration_sweep.id");
	EXPECT_NUM(r, "registration_sweep.addresses", 2);
	EXPECT_STR(r, "registration_sweep.status", "planned");
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/registration-sweeps/%lld/findings", sweep),
		 J(srv, "{s:I, s:i, s:i}", "address_id", (json_int_t)empty, "found", 2, "registered", 1));
	EXPECT(r, 200);
	EXPECT_NUM(r, "registration_sweep.found", 2);
	EXPECT_NUM(r, "registration_sweep.registered", 1);
	EXPECT_NUM(r, "registration_sweep.left", 1);
	EXPECT_NUM(r, "registration_sweep.checked", 1);
	EXPECT_STR(r, "registration_sweep.status", "planned");
	/* more registered than found is refused; an address outside the sweep too */
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", fmt(srv, API "/registration-sweeps/%lld/findings", sweep),
			  J(srv, "{s:I, s:i, s:i}", "address_id", (json_int_t)more, "found", 1, "registered", 2)),
		     400, "registered");
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", fmt(srv, API "/registration-sweeps/%lld/findings", sweep),
			  J(srv, "{s:I, s:i, s:i}", "address_id", (json_int_t)same, "found", 0, "registered", 0)),
		     400, "address_id");
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/registration-sweeps/%lld/findings", sweep),
		 J(srv, "{s:I, s:i, s:i}", "address_id", (json_int_t)more, "found", 1, "registered", 1));
	EXPECT(r, 200);
	EXPECT_NUM(r, "registration_sweep.found", 3);
	EXPECT_NUM(r, "registration_sweep.registered", 2);
	EXPECT_NUM(r, "registration_sweep.left", 1);
	EXPECT_STR(r, "registration_sweep.status", "done");
}

/* 3b. COM-WARD on the sweep path: the chief plans a sweep over an address
 * of minjing1's beat; minjing2 (another beat's sergeant) may not record a
 * finding there (403 with the rule, a denied audit row, the figures
 * unchanged); the beat's own officer does. */
STORY(sweep_other_beat)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long denied0 = audit_count(srv, auditor, "registration_sweep.finding", "minjing2", "denied");
	long long beat = beat_new(srv, "测试庚责任区", "minjing1"), g = grid_new(srv, beat, "庚一网格");
	long long a = addr_at(srv, "测试社区庚", "1号楼", "101"), sweep;
	struct resp *r;

	EXPECT(assign(srv, g, J(srv, "{s:[I]}", "address_ids", (json_int_t)a)), 200);
	r = http(srv, U("suozhang"), "POST", API "/registration-sweeps",
		 J(srv, "{s:s, s:[I]}", "title", "庚区排查", "address_ids", (json_int_t)a));
	EXPECT(r, 201);
	sweep = rnum(r, "registration_sweep.id");
	/* minjing2 reads the sweep but records nothing at another beat's address */
	EXPECT(http(srv, U("minjing2"), "GET", fmt(srv, API "/registration-sweeps/%lld", sweep), NULL), 200);
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/registration-sweeps/%lld/findings", sweep),
		 J(srv, "{s:I, s:i, s:i}", "address_id", (json_int_t)a, "found", 2, "registered", 2));
	EXPECT_ERR(srv, r, 403, "FORBIDDEN", "COM-WARD");
	assert_int_equal(audit_count(srv, auditor, "registration_sweep.finding", "minjing2", "denied"), denied0 + 1);
	/* nor does the auxiliary of 东街一区 */
	r = http(srv, U("fujing"), "POST", fmt(srv, API "/registration-sweeps/%lld/findings", sweep),
		 J(srv, "{s:I, s:i, s:i}", "address_id", (json_int_t)a, "found", 2, "registered", 2));
	assert_true(r->status == 403);
	r = http(srv, U("suozhang"), "GET", fmt(srv, API "/registration-sweeps/%lld", sweep), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "registration_sweep.checked", 0);
	EXPECT_NUM(r, "registration_sweep.found", 0);
	/* the beat's officer records it */
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/registration-sweeps/%lld/findings", sweep),
		 J(srv, "{s:I, s:i, s:i}", "address_id", (json_int_t)a, "found", 2, "registered", 1));
	EXPECT(r, 200);
	EXPECT_NUM(r, "registration_sweep.found", 2);
	EXPECT_NUM(r, "registration_sweep.left", 1);
	EXPECT_STR(r, "registration_sweep.status", "done");
}

/* 3c. The 标准地址 page pages on the server: five addresses of one
 * community in two buildings, two of them in a grid; pages of two in tree
 * order, the filters by building, grid and text, the community counts and
 * the community's building counts (the page's navigator). */
STORY(address_pages)
{
	long long beat = beat_new(srv, "测试辛责任区", "minjing1"), g = grid_new(srv, beat, "辛一网格");
	long long a1 = addr_at(srv, "测试社区辛", "1号楼", "101"), a2 = addr_at(srv, "测试社区辛", "1号楼", "102");
	long long a5 = addr_at(srv, "测试社区辛", "2号楼", "301");
	struct resp *r;
	json_t *it;
	size_t i;
	long long n = 0;

	addr_at(srv, "测试社区辛", "1号楼", "201");
	addr_at(srv, "测试社区辛", "2号楼", "302");
	EXPECT(assign(srv, g, J(srv, "{s:[I, I]}", "address_ids", (json_int_t)a1, (json_int_t)a5)), 200);
	r = http(srv, U("minjing1"), "GET", API "/addresses?page=1&per_page=2&community=%E6%B5%8B%E8%AF%95%E7%A4%BE%E5%8C%BA%E8%BE%9B", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 5);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 2);
	EXPECT_NUM(r, "items.0.id", a1); /* 1号楼 101, 102 first */
	EXPECT_NUM(r, "items.1.id", a2);
	EXPECT_STR(r, "items.0.grid_name", "辛一网格");
	json_array_foreach(jpath(r->json, "communities"), i, it)
		if (!strcmp(jstr(it, "community"), "测试社区辛"))
			n = jint(it, "addresses");
	assert_int_equal(n, 5);
	/* the community's buildings for the navigator: 1号楼 three, 2号楼 two */
	assert_int_equal(json_array_size(jpath(r->json, "buildings")), 2);
	EXPECT_STR(r, "buildings.0.building", "1号楼");
	EXPECT_NUM(r, "buildings.0.addresses", 3);
	EXPECT_STR(r, "buildings.1.building", "2号楼");
	EXPECT_NUM(r, "buildings.1.addresses", 2);
	r = http(srv, U("minjing1"), "GET", API "/addresses?page=3&per_page=2&community=%E6%B5%8B%E8%AF%95%E7%A4%BE%E5%8C%BA%E8%BE%9B", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	EXPECT_STR(r, "items.0.room", "302");
	/* 2号楼 of the community: two */
	r = http(srv, U("minjing1"), "GET",
		 API "/addresses?page=1&community=%E6%B5%8B%E8%AF%95%E7%A4%BE%E5%8C%BA%E8%BE%9B&building=2%E5%8F%B7%E6%A5%BC", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 2);
	assert_int_equal(json_array_size(jpath(r->json, "buildings")), 2); /* the navigator keeps both */
	/* the grid: a1 and a5 */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/addresses?page=1&grid_id=%lld", g), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 2);
	assert_null(jpath(r->json, "buildings")); /* no community, no buildings */
	assert_non_null(find_in(r, "items", "id", a5));
	/* text in any part: the room 301 */
	r = http(srv, U("minjing1"), "GET", API "/addresses?page=1&q=%E6%B5%8B%E8%AF%95%E7%A4%BE%E5%8C%BA%E8%BE%9B&per_page=200", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 5);
	r = http(srv, U("minjing1"), "GET",
		 API "/addresses?page=1&community=%E6%B5%8B%E8%AF%95%E7%A4%BE%E5%8C%BA%E8%BE%9B&q=301", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", a5);
	/* without page: the whole list, as the pickers read it */
	r = http(srv, U("minjing1"), "GET", API "/addresses?community=%E6%B5%8B%E8%AF%95%E7%A4%BE%E5%8C%BA%E8%BE%9B", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 5);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 5);
	/* another station sees none of them */
	r = http(srv, U("beishe_mj1"), "GET", API "/addresses?page=1&community=%E6%B5%8B%E8%AF%95%E7%A4%BE%E5%8C%BA%E8%BE%9B", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 0);
}

/* 4. A key person moves to 北社: a 函查 letter; both stations see it
 * pending until 北社 acknowledges; then it is 北社's. */
STORY(transfer)
{
	long long beat = beat_new(srv, "测试丁责任区", "minjing2"), g = grid_new(srv, beat, "丁一网格");
	long long a = addr_at(srv, "测试社区丁", "1号楼", "101"), pid, kp, beishe = unit_id(srv, U("suozhang"), "北社派出所"),
		  tr = 0;
	struct resp *r;
	json_t *it;
	size_t i;

	pid = residents(srv, a, 1);
	EXPECT(assign(srv, g, J(srv, "{s:[I]}", "address_ids", (json_int_t)a)), 200);
	kp = kp_enlist(srv, "minjing2",
		       J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)pid, "category", "刑释解教", "reason",
			 "刑满释放", "level", "normal"));
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "key_person.beat_id", beat); /* the beat of his address */
	/* a category outside the setting's list is refused */
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", API "/key-persons",
			  J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)pid, "category", "其他类别X", "reason",
			    "x", "level", "normal")),
		     400, "category");
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/transfer", kp),
		 J(srv, "{s:I, s:s}", "to_station_id", (json_int_t)beishe, "reason", "迁往北社村居住"));
	EXPECT(r, 201);
	EXPECT_STR(r, "key_person.status", "transferring");
	EXPECT_STR(r, "key_person.transfers.0.status", "pending");
	/* pending on both sides */
	r = http(srv, U("minjing2"), "GET", API "/key-person-transfers", NULL);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "key_person_id") == kp) {
			tr = jint(it, "id");
			assert_string_equal(jstr(it, "status"), "pending");
			assert_string_equal(jstr(it, "direction"), "out");
		}
	assert_true(tr > 0);
	r = http(srv, U("beishe_sz"), "GET", API "/key-person-transfers", NULL);
	it = find_in(r, "items", "id", tr);
	assert_non_null(it);
	assert_string_equal(jstr(it, "status"), "pending");
	assert_string_equal(jstr(it, "direction"), "in");
	/* the receiver reads the person while it is pending; a third station does not */
	EXPECT(http(srv, U("beishe_mj1"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL), 200);
	EXPECT(http(srv, U("gucheng_mj1"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL), 403);
	/* the sender cannot acknowledge its own letter; the receiver does */
	EXPECT(http(srv, U("minjing2"), "POST", fmt(srv, API "/key-person-transfers/%lld/acknowledge", tr), NULL), 403);
	r = http(srv, U("beishe_mj1"), "POST", fmt(srv, API "/key-person-transfers/%lld/acknowledge", tr), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "key_person.status", "active");
	EXPECT_NUM(r, "key_person.station_id", beishe);
	EXPECT(http(srv, U("beishe_mj1"), "POST", fmt(srv, API "/key-person-transfers/%lld/acknowledge", tr), NULL),
	       409);
	r = http(srv, U("minjing2"), "GET", API "/key-person-transfers", NULL);
	assert_string_equal(jstr(find_in(r, "items", "id", tr), "status"), "acknowledged");
	/* now 北社's: 城关 no longer reads it */
	EXPECT(http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kp), NULL), 403);
	/* the 函查 letter was answered the day of the acknowledgement */
	r = http(srv, U("minjing2"), "GET", API "/letters", NULL);
	{
		int seen = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (jint(it, "person_id") == pid && jstr(it, "answered_on") &&
			    !strcmp(jstr(it, "answered_on"), dstr(srv, 0)))
				seen = 1;
		assert_true(seen);
	}
}

/* 5. COM-DUTIES: this week's visits against the target of 2 */
STORY(weekly_visits)
{
	long long beat = beat_new(srv, "测试戊责任区", "minjing2"), g = grid_new(srv, beat, "戊一网格"), mj2 = uid(srv, "minjing2");
	long long a1 = addr_at(srv, "测试社区戊", "1号楼", "101"), a2 = addr_at(srv, "测试社区戊", "1号楼", "102");
	long long before;
	struct resp *r;
	json_t *o;

	residents(srv, a1, 1);
	residents(srv, a2, 1);
	EXPECT(assign(srv, g, J(srv, "{s:s}", "community", "测试社区戊")), 200);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/household-visits?beat_id=%lld", beat), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "target", 2);
	EXPECT_NUM(r, "never_visited.total", 2);
	o = find_in(r, "officers", "user_id", mj2);
	before = jint(o, "week_visits");
	/* one page of the households never visited (issue 16, list speed): 102 after 101, the total all */
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/household-visits?beat_id=%lld&page=2&per_page=1&recent=1", beat),
		 NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "never_visited.total", 2);
	assert_int_equal(json_array_size(jpath(r->json, "never_visited.items")), 1);
	EXPECT_NUM(r, "never_visited.items.0.id", a2);
	assert_true(json_array_size(jpath(r->json, "recent")) <= 1);
	EXPECT_FIELD(http(srv, U("minjing2"), "GET", API "/household-visits?page=0", NULL), 400, "page");
	/* a visit dated in the future is refused */
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", API "/household-visits",
			  J(srv, "{s:I, s:s, s:s}", "address_id", (json_int_t)a1, "visited_on", dstr(srv, 1), "learnt", "x")),
		     400, "visited_on");
	for (int i = 0; i < 2; i++)
		EXPECT(http(srv, U("minjing2"), "POST", API "/household-visits",
			    J(srv, "{s:I, s:s}", "address_id", (json_int_t)(i ? a2 : a1), "learnt", "熟悉住户")),
		       201);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/household-visits?beat_id=%lld", beat), NULL);
	EXPECT_NUM(r, "never_visited.total", 0);
	o = find_in(r, "officers", "user_id", mj2);
	assert_int_equal(jint(o, "week_visits"), before + 2);
	assert_true(json_is_true(json_object_get(o, "done")));
	/* the today page counts them */
	r = http(srv, U("minjing2"), "GET", API "/today", NULL);
	EXPECT(r, 200);
	assert_true(rnum(r, "visits.done") >= 2);
	EXPECT_NUM(r, "visits.due", 0);
}

/* 6. COM-ZD-LIST, last (moves the clock): strict = 7 days. A: listed 30
 * days ago, seen 7 days ago — due today, not overdue. B: listed 8 days ago,
 * only a phone call today (a call does not count) — overdue by one day.
 * 见面率 of the beat: 1 of 2. A day later both are overdue: 0 of 2. */
STORY(contact_cycle)
{
	long long beat = beat_new(srv, "测试己责任区", "minjing2"), g = grid_new(srv, beat, "己一网格");
	long long a = addr_at(srv, "测试社区己", "1号楼", "101");
	long long pa = residents(srv, a, 1), pb = residents(srv, a, 1), ka, kb;
	struct resp *r;
	json_t *rate;

	EXPECT(assign(srv, g, J(srv, "{s:s}", "community", "测试社区己")), 200);
	/* asked by the beat's officer, approved by the chief: listed from the day asked */
	ka = kp_enlist(srv, "minjing2",
		       J(srv, "{s:I, s:s, s:s, s:s, s:s}", "person_id", (json_int_t)pa, "category", "社区矫正", "reason",
			 "缓刑", "level", "strict", "listed_on", dstr(srv, -30)));
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", ka), NULL);
	EXPECT_NUM(r, "key_person.cycle_days", 7);
	EXPECT_STR(r, "key_person.listed_on", dstr(srv, -30));
	kb = kp_enlist(srv, "minjing2",
		       J(srv, "{s:I, s:s, s:s, s:s, s:s}", "person_id", (json_int_t)pb, "category", "吸毒人员", "reason",
			 "戒毒", "level", "strict", "listed_on", dstr(srv, -8)));
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons/%lld", kb), NULL);
	EXPECT_BOOL(r, "key_person.overdue", 1); /* listed 8 days ago, never seen */
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/contacts", ka),
		 J(srv, "{s:s, s:s, s:s, s:s}", "contacted_on", dstr(srv, -7), "mode", "meet", "place", "住所", "findings",
		   "在家"));
	EXPECT(r, 201);
	EXPECT_STR(r, "key_person.next_contact_on", dstr(srv, 0));
	EXPECT_BOOL(r, "key_person.overdue", 0);
	EXPECT_NUM(r, "key_person.due_in_days", 0);
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/contacts", kb),
		 J(srv, "{s:s, s:s}", "mode", "phone", "findings", "电话联系"));
	EXPECT(r, 201);
	EXPECT_BOOL(r, "key_person.overdue", 1);
	EXPECT_NUM(r, "key_person.overdue_days", 1);
	EXPECT_STR(r, "key_person.last_contact_on", dstr(srv, 0));
	EXPECT_STR(r, "key_person.next_contact_on", dstr(srv, -1));
	/* a future contact is refused */
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", fmt(srv, API "/key-persons/%lld/contacts", ka),
			  J(srv, "{s:s, s:s, s:s}", "contacted_on", dstr(srv, 1), "mode", "meet", "findings", "x")),
		     400, "contacted_on");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons?beat_id=%lld", beat), NULL);
	EXPECT_NUM(r, "total", 2);
	rate = find_in(r, "rates.beats", "beat_id", beat);
	assert_non_null(rate);
	assert_int_equal(jint(rate, "total"), 2);
	assert_int_equal(jint(rate, "on_time"), 1);
	assert_int_equal(jint(rate, "rate_pct"), 50);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons?beat_id=%lld&overdue=1", beat), NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", kb);
	/* one page (issue 16, list speed): the second of the two by id; the total and 见面率 over both */
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons?beat_id=%lld&page=2&per_page=1", beat), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 2);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	EXPECT_NUM(r, "items.0.id", kb);
	assert_int_equal(jint(find_in(r, "rates.beats", "beat_id", beat), "total"), 2);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons?beat_id=%lld&page=3&per_page=1", beat), NULL);
	EXPECT_NUM(r, "total", 2);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 0);
	/* on the 预警 board of the beat's officer */
	r = http(srv, U("minjing2"), "GET", API "/warnings?scope=unit&level=all", NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(r->body, fmt(srv, "key_person:%lld:", kb)));
	assert_non_null(strstr(r->body, "COM-ZD-LIST"));
	/* the today page lists both (due within 3 days or overdue) */
	r = http(srv, U("minjing2"), "GET", API "/today", NULL);
	assert_non_null(find_in(r, "contacts", "id", ka));
	assert_non_null(find_in(r, "contacts", "id", kb));

	/* a day later A is overdue too */
	clock_advance(srv, PDAY);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/key-persons?beat_id=%lld", beat), NULL);
	rate = find_in(r, "rates.beats", "beat_id", beat);
	assert_int_equal(jint(rate, "on_time"), 0);
	assert_int_equal(jint(rate, "rate_pct"), 0);
	assert_true(json_is_true(json_object_get(find_in(r, "items", "id", ka), "overdue")));
	assert_int_equal(jint(find_in(r, "items", "id", ka), "overdue_days"), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(load_and_ratio), T(beat_permissions), T(sweep_candidates), T(sweep_other_beat), T(address_pages), T(transfer), T(weekly_visits), T(contact_cycle),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
