/* api_address_edit.c — three gaps of 社区警务 (issue 16, addr2) over HTTP:
 * 1. 标准地址 made and edited with its grid, building type and map point;
 *    the addresses in no grid (未划网格) listed and counted; the beat rule
 *    (COM-WARD) on an address in a beat and on the beat of a new grid;
 * 2. the end (撤销) of a 包片领导's assignment, kept in the history;
 * 3. the printable 整改通知书 of an inspection (COM-KEYUNIT-CHECK, NBZA
 *    Art 16): numbered once in the station's series, reprinted the same.
 * Refused requests change nothing; another station's user is refused.
 *
 * Each story makes its own beats, communities and units (测试社区编…,
 * 通知书…), so the demo's figures enter only as a "before" read first. */
#include "population_util.h"

static long long uid(struct server *srv, const char *name)
{
	return user_id(srv, U("admin"), name);
}

/* a beat of the user's station held by officer, with one grid; the grid id */
static long long beat_grid(struct server *srv, const char *chief, const char *name, const char *officer,
			   long long *beat_out)
{
	struct resp *r = http(srv, U(chief), "POST", API "/beats",
			      J(srv, "{s:s, s:I}", "name", name, "officer_id", (json_int_t)uid(srv, officer)));
	long long beat;

	EXPECT(r, 201);
	beat = rnum(r, "beat.id");
	r = http(srv, U(chief), "POST", fmt(srv, API "/beats/%lld/grids", beat), J(srv, "{s:s}", "name", "一网格"));
	EXPECT(r, 201);
	if (beat_out)
		*beat_out = beat;
	return rnum(r, "grid.id");
}

/* text percent-encoded for a query string */
static const char *url_enc(struct server *srv, const char *s)
{
	const char *out = "";

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		out = fmt(srv, "%s%%%02X", out, *p);
	return out;
}

/* the addresses of a community (paged list) */
static struct resp *of_community(struct server *srv, const char *user, const char *community, int no_grid)
{
	struct resp *r = http(srv, U(user), "GET",
			      fmt(srv, API "/addresses?page=1&community=%s%s", url_enc(srv, community),
				  no_grid ? "&no_grid=1" : ""),
			      NULL);

	EXPECT(r, 200);
	return r;
}

static long long no_grid_figure(struct server *srv)
{
	struct resp *r = http(srv, U("suozhang"), "GET", API "/addresses?page=1&per_page=1", NULL);

	EXPECT(r, 200);
	return rnum(r, "figures.no_grid");
}

/* 1. an address made with its grid, type and point; the refusals write
 *    nothing; an address in no grid is listed and counted as 未划网格 */
STORY(create_with_place)
{
	long long beat, grid = beat_grid(srv, "suozhang", "编辑甲责任区", "minjing2", &beat);
	long long other = beat_grid(srv, "gucheng_sz", "外所责任区", "gucheng_mj1", NULL);
	long long before = no_grid_figure(srv), addr;
	struct resp *r;

	r = http(srv, U("minjing2"), "POST", API "/addresses",
		 J(srv, "{s:s, s:s, s:s, s:I, s:s, s:I, s:I}", "community", "测试社区编甲", "building", "1号楼", "room",
		   "101", "grid_id", (json_int_t)grid, "building_type", "highrise", "lng_e6", (json_int_t)112550000,
		   "lat_e6", (json_int_t)37870000));
	EXPECT(r, 201);
	addr = rnum(r, "address.id");
	EXPECT_BOOL(r, "created", 1);
	EXPECT_NUM(r, "address.grid_id", grid);
	EXPECT_NUM(r, "address.beat_id", beat);
	EXPECT_STR(r, "address.grid_name", "一网格");
	EXPECT_STR(r, "address.building_type", "highrise");
	EXPECT_NUM(r, "address.lng_e6", 112550000);
	EXPECT_NUM(r, "address.lat_e6", 37870000);
	/* the same place again: the address as it is */
	r = http(srv, U("minjing2"), "POST", API "/addresses",
		 J(srv, "{s:s, s:s, s:s}", "community", "测试社区编甲", "building", "1号楼", "room", "101"));
	EXPECT(r, 201);
	EXPECT_BOOL(r, "created", 0);
	EXPECT_NUM(r, "address.id", addr);

	/* refusals: a grid of another station, half a point, a point off the
	 * globe, an unknown type, a grid of a beat not his (COM-WARD) */
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", API "/addresses",
			  J(srv, "{s:s, s:s, s:I}", "community", "测试社区编甲", "room", "102", "grid_id", (json_int_t)other)),
		     400, "grid_id");
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", API "/addresses",
			  J(srv, "{s:s, s:s, s:I}", "community", "测试社区编甲", "room", "102", "lng_e6", (json_int_t)112550000)),
		     400, "lat_e6");
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", API "/addresses",
			  J(srv, "{s:s, s:s, s:I, s:I}", "community", "测试社区编甲", "room", "102", "lng_e6",
			    (json_int_t)112550000, "lat_e6", (json_int_t)91000000)),
		     400, "lat_e6");
	EXPECT_FIELD(http(srv, U("minjing2"), "POST", API "/addresses",
			  J(srv, "{s:s, s:s, s:s}", "community", "测试社区编甲", "room", "102", "building_type", "castle")),
		     400, "building_type");
	EXPECT_ERR(srv,
		   http(srv, U("minjing1"), "POST", API "/addresses",
			J(srv, "{s:s, s:s, s:I}", "community", "测试社区编甲", "room", "102", "grid_id", (json_int_t)grid)),
		   403, "FORBIDDEN", "COM-WARD");
	r = of_community(srv, "suozhang", "测试社区编甲", 0);
	EXPECT_NUM(r, "total", 1);

	/* an address in no grid: listed under 未划网格 and counted */
	r = http(srv, U("minjing1"), "POST", API "/addresses",
		 J(srv, "{s:s, s:s, s:s}", "community", "测试社区编甲", "building", "2号楼", "room", "201"));
	EXPECT(r, 201);
	assert_true(json_is_null(jpath(r->json, "address.grid_id")));
	r = of_community(srv, "suozhang", "测试社区编甲", 1);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.room", "201");
	assert_int_equal(no_grid_figure(srv), before + 1);
	r = of_community(srv, "suozhang", "测试社区编甲", 0);
	EXPECT_NUM(r, "total", 2);
	EXPECT_NUM(r, "figures.no_grid", before + 1);
	/* another station does not see them */
	r = of_community(srv, "gucheng_mj1", "测试社区编甲", 0);
	EXPECT_NUM(r, "total", 0);
}

/* 2. PATCH /addresses/{id}: the beat's people and the chief edit it, each
 *    change audited; an emptied field clears; another beat's officer,
 *    another station, a duplicate place are refused and change nothing */
STORY(edit_address)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long beat_a, beat_b, ga = beat_grid(srv, "suozhang", "编辑乙责任区", "minjing2", &beat_a);
	long long gb = beat_grid(srv, "suozhang", "编辑丙责任区", "minjing1", &beat_b);
	long long addr, dup, ok0 = audit_count(srv, auditor, "address.update", NULL, "success");
	long long denied0 = audit_count(srv, auditor, "address.update", "minjing1", "denied");
	struct resp *r;

	r = http(srv, U("minjing2"), "POST", API "/addresses",
		 J(srv, "{s:s, s:s, s:s, s:s, s:I, s:s, s:I, s:I}", "community", "测试社区编乙", "building", "1号楼",
		   "unit_no", "1单元", "room", "101", "grid_id", (json_int_t)ga, "building_type", "scattered", "lng_e6",
		   (json_int_t)112500000, "lat_e6", (json_int_t)37800000));
	EXPECT(r, 201);
	addr = rnum(r, "address.id");

	/* minjing1 is not of beat 乙 (COM-WARD); 故城's officer is of another
	 * station; minjing2 may not move it into 丙, a beat not his */
	EXPECT_ERR(srv,
		   http(srv, U("minjing1"), "PATCH", fmt(srv, API "/addresses/%lld", addr), J(srv, "{s:s}", "room", "102")),
		   403, "FORBIDDEN", "COM-WARD");
	assert_int_equal(audit_count(srv, auditor, "address.update", "minjing1", "denied"), denied0 + 1);
	EXPECT(http(srv, U("gucheng_mj1"), "PATCH", fmt(srv, API "/addresses/%lld", addr), J(srv, "{s:s}", "room", "102")),
	       403);
	EXPECT_ERR(srv,
		   http(srv, U("minjing2"), "PATCH", fmt(srv, API "/addresses/%lld", addr),
			J(srv, "{s:I}", "grid_id", (json_int_t)gb)),
		   403, "FORBIDDEN", "COM-WARD");
	EXPECT_FIELD(http(srv, U("minjing2"), "PATCH", fmt(srv, API "/addresses/%lld", addr),
			  J(srv, "{s:s}", "community", "")),
		     400, "community");
	EXPECT_FIELD(http(srv, U("minjing2"), "PATCH", fmt(srv, API "/addresses/%lld", addr),
			  J(srv, "{s:I}", "lat_e6", (json_int_t)37000000)),
		     400, "lng_e6");
	EXPECT(http(srv, U("minjing2"), "PATCH", API "/addresses/99999999", J(srv, "{s:s}", "room", "1")), 404);
	r = of_community(srv, "minjing2", "测试社区编乙", 0);
	EXPECT_STR(r, "items.0.room", "101");
	EXPECT_NUM(r, "items.0.grid_id", ga);
	EXPECT_STR(r, "items.0.building_type", "scattered");
	assert_int_equal(audit_count(srv, auditor, "address.update", NULL, "success"), ok0);

	/* the beat's officer edits the text and the type */
	r = http(srv, U("minjing2"), "PATCH", fmt(srv, API "/addresses/%lld", addr),
		 J(srv, "{s:s, s:s}", "room", "102", "building_type", "shop"));
	EXPECT(r, 200);
	EXPECT_STR(r, "address.room", "102");
	EXPECT_STR(r, "address.building_type", "shop");
	EXPECT_NUM(r, "address.lng_e6", 112500000);
	/* the chief works every beat: moves it into 丙 */
	r = http(srv, U("suozhang"), "PATCH", fmt(srv, API "/addresses/%lld", addr),
		 J(srv, "{s:I}", "grid_id", (json_int_t)gb));
	EXPECT(r, 200);
	EXPECT_NUM(r, "address.grid_id", gb);
	EXPECT_NUM(r, "address.beat_id", beat_b);
	/* now 丙's officer: emptied fields clear (unit, type, the point) */
	r = http(srv, U("minjing1"), "PATCH", fmt(srv, API "/addresses/%lld", addr),
		 J(srv, "{s:s, s:s, s:I, s:I}", "unit_no", "", "building_type", "", "lng_e6", (json_int_t)0, "lat_e6",
		   (json_int_t)0));
	EXPECT(r, 200);
	EXPECT_STR(r, "address.unit_no", "");
	assert_true(json_is_null(jpath(r->json, "address.building_type")));
	assert_true(json_is_null(jpath(r->json, "address.lng_e6")));
	assert_true(json_is_null(jpath(r->json, "address.lat_e6")));
	EXPECT_STR(r, "address.room", "102");

	/* the same place as another address: 409, nothing changed */
	r = http(srv, U("minjing1"), "POST", API "/addresses",
		 J(srv, "{s:s, s:s, s:s}", "community", "测试社区编乙", "building", "1号楼", "room", "103"));
	EXPECT(r, 201);
	dup = rnum(r, "address.id");
	assert_true(dup != addr);
	EXPECT_ERR(srv,
		   http(srv, U("minjing1"), "PATCH", fmt(srv, API "/addresses/%lld", addr), J(srv, "{s:s}", "room", "103")),
		   409, "ADDRESS_EXISTS", NULL);
	/* out of every grid: listed as 未划网格 with the other one */
	r = http(srv, U("minjing1"), "PATCH", fmt(srv, API "/addresses/%lld", addr), J(srv, "{s:I}", "grid_id", (json_int_t)0));
	EXPECT(r, 200);
	assert_true(json_is_null(jpath(r->json, "address.grid_id")));
	EXPECT_STR(r, "address.room", "102");
	r = of_community(srv, "minjing1", "测试社区编乙", 1);
	EXPECT_NUM(r, "total", 2);
	/* four edits succeeded, each one audit row */
	assert_int_equal(audit_count(srv, auditor, "address.update", NULL, "success"), ok0 + 4);
}

/* 3. 撤销 a 包片领导: the bureau's leader who may assign ends it on a day not
 *    after today with a reason; it leaves the current list and stays in
 *    the history; the station's chief may not; it may be assigned again */
STORY(leader_end)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long station = unit_id(srv, U("admin"), "城关派出所"), ducha, id, id2;
	long long ended0 = audit_count(srv, auditor, "leader_assignment.end", "juzhang", "success");
	struct resp *r;
	json_t *it, *items;
	size_t i;

	/* a second leader of the county bureau (the demo's 高建军 is 城关's
	 * already, SEED_STEP 168) */
	r = http(srv, U("admin"), "POST", API "/users",
		 J(srv, "{s:s, s:s, s:s, s:I, s:s}", "username", "fujuzhang", "name", "赵副局长", "role", "chief", "unit_id",
		   (json_int_t)unit_id(srv, U("admin"), "示范县公安局"), "password", "Xinren#Start-2026"));
	EXPECT(r, 201);
	ducha = uid(srv, "fujuzhang");
	r = http(srv, U("juzhang"), "POST", API "/leader-assignments",
		 J(srv, "{s:I, s:I}", "station_id", (json_int_t)station, "user_id", (json_int_t)ducha));
	EXPECT(r, 201);
	id = 0;
	items = jpath(r->json, "items");
	json_array_foreach(items, i, it)
		if (json_integer_value(json_object_get(it, "station_id")) == station &&
		    json_integer_value(json_object_get(it, "user_id")) == ducha)
			id = json_integer_value(json_object_get(it, "id"));
	assert_true(id > 0);

	/* the station's chief, an officer: refused; a day after today, before
	 * the assignment, not a date, no reason: 400 */
	EXPECT(http(srv, U("suozhang"), "POST", fmt(srv, API "/leader-assignments/%lld/end", id),
		    J(srv, "{s:s, s:s}", "ended_on", day_str(srv, 0), "reason", "越权")),
	       403);
	EXPECT(http(srv, U("minjing1"), "POST", fmt(srv, API "/leader-assignments/%lld/end", id),
		    J(srv, "{s:s, s:s}", "ended_on", day_str(srv, 0), "reason", "越权")),
	       403);
	EXPECT_FIELD(http(srv, U("juzhang"), "POST", fmt(srv, API "/leader-assignments/%lld/end", id),
			  J(srv, "{s:s, s:s}", "ended_on", day_str(srv, 1), "reason", "调整")),
		     400, "ended_on");
	EXPECT_FIELD(http(srv, U("juzhang"), "POST", fmt(srv, API "/leader-assignments/%lld/end", id),
			  J(srv, "{s:s, s:s}", "ended_on", day_str(srv, -1), "reason", "调整")),
		     400, "ended_on");
	EXPECT_FIELD(http(srv, U("juzhang"), "POST", fmt(srv, API "/leader-assignments/%lld/end", id),
			  J(srv, "{s:s, s:s}", "ended_on", "2026-02-30", "reason", "调整")),
		     400, "ended_on");
	EXPECT_FIELD(http(srv, U("juzhang"), "POST", fmt(srv, API "/leader-assignments/%lld/end", id),
			  J(srv, "{s:s}", "ended_on", day_str(srv, 0))),
		     400, "reason");
	EXPECT(http(srv, U("juzhang"), "POST", API "/leader-assignments/99999999/end",
		    J(srv, "{s:s, s:s}", "ended_on", day_str(srv, 0), "reason", "调整")),
	       404);
	r = http(srv, U("juzhang"), "GET", API "/leader-assignments", NULL);
	assert_non_null(find_in(r, "items", "id", id));

	r = http(srv, U("juzhang"), "POST", fmt(srv, API "/leader-assignments/%lld/end", id),
		 J(srv, "{s:s, s:s}", "ended_on", day_str(srv, 0), "reason", "工作调整"));
	EXPECT(r, 200);
	assert_null(find_in(r, "items", "id", id));
	assert_int_equal(audit_count(srv, auditor, "leader_assignment.end", "juzhang", "success"), ended0 + 1);
	r = http(srv, U("suozhang"), "GET", API "/leader-assignments", NULL);
	assert_null(find_in(r, "items", "id", id));
	r = http(srv, U("suozhang"), "GET", API "/leader-assignments?all=1", NULL);
	it = find_in(r, "items", "id", id);
	assert_non_null(it);
	assert_string_equal(json_string_value(json_object_get(it, "ended_on")), day_str(srv, 0));
	assert_string_equal(json_string_value(json_object_get(it, "end_reason")), "工作调整");
	assert_string_equal(json_string_value(json_object_get(it, "ended_by_name")), "高建军");
	EXPECT_ERR(srv,
		   http(srv, U("juzhang"), "POST", fmt(srv, API "/leader-assignments/%lld/end", id),
			J(srv, "{s:s, s:s}", "ended_on", day_str(srv, 0), "reason", "再撤")),
		   409, "ASSIGNMENT_ENDED", NULL);
	/* assigned again: a new current assignment beside the ended one */
	r = http(srv, U("juzhang"), "POST", API "/leader-assignments",
		 J(srv, "{s:I, s:I}", "station_id", (json_int_t)station, "user_id", (json_int_t)ducha));
	EXPECT(r, 201);
	id2 = 0;
	items = jpath(r->json, "items");
	json_array_foreach(items, i, it)
		if (json_integer_value(json_object_get(it, "station_id")) == station &&
		    json_integer_value(json_object_get(it, "user_id")) == ducha)
			id2 = json_integer_value(json_object_get(it, "id"));
	assert_true(id2 > 0 && id2 != id);
}

/* a hotel of 城关 inspected n days ago by minjing1 with minjing2; nf
 * findings (deadlines +5, +10 …); the inspection's id */
static long long inspected(struct server *srv, const char *name, int nf, long long *unit_out)
{
	struct resp *r = http(srv, U("minjing1"), "POST", API "/trade-units",
			      J(srv, "{s:s, s:s, s:s, s:s}", "category", "special_trade", "kind", "hotel", "name", name,
				"responsible", "通知书负责人"));
	json_t *items = json_array(), *findings = json_array(), *w;
	long long unit;
	size_t i;

	EXPECT(r, 201);
	unit = rnum(r, "trade_unit.id");
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", unit), NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "checklist"), i, w)
		json_array_append_new(items, json_pack("{s:O, s:b}", "item", w, "ok", !(nf && i == 0)));
	for (int k = 0; k < nf; k++)
		json_array_append_new(findings, json_pack("{s:s, s:s}", "description",
							  k ? "遗留物品未登记" : "两名旅客未登记证件号码", "deadline",
							  day_str(srv, 5 * (k + 1))));
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", unit),
		 J(srv, "{s:s, s:o, s:o, s:b, s:I}", "inspected_on", day_str(srv, -2), "items", items, "findings",
		   findings, "id_shown", 1, "co_officer_id", (json_int_t)uid(srv, "minjing2")));
	EXPECT(r, 201);
	if (unit_out)
		*unit_out = unit;
	return rnum(r, "inspections.0.id");
}

static struct resp *notice_of(struct server *srv, const char *user, long long insp)
{
	return http(srv, U(user), "GET", fmt(srv, API "/trade-inspections/%lld/rectification-notice", insp), NULL);
}

/* 4. 整改通知书: numbered on the first print in 城关's series of the year
 *    (the demo issued 00001, SEED_STEP 169), the same number on a reprint,
 *    the next number for the next inspection; the catalog's legal basis;
 *    an inspection with nothing to fix has no notice; refusals issue none */
STORY(rectification_notice)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long unit, insp = inspected(srv, "通知书旅馆甲", 2, &unit), clean, second;
	long long issued0 = audit_count(srv, auditor, "trade.rectification_notice", NULL, "success");
	const char *year = fmt(srv, "%.4s", day_str(srv, 0));
	const char *no1 = fmt(srv, "城关派出所公（限改）字〔%s〕00002号", year);
	struct resp *r;

	/* an auxiliary, another station's officer: refused, nothing issued */
	EXPECT(notice_of(srv, "fujing", insp), 403);
	EXPECT(notice_of(srv, "gucheng_mj1", insp), 403);
	EXPECT(notice_of(srv, "minjing1", 99999999), 404);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", unit), NULL);
	assert_true(json_is_null(jpath(r->json, "inspections.0.notice_no")));
	assert_int_equal(audit_count(srv, auditor, "trade.rectification_notice", NULL, "success"), issued0);

	r = notice_of(srv, "minjing1", insp);
	EXPECT(r, 200);
	EXPECT_STR(r, "notice.doc_no", no1);
	EXPECT_STR(r, "notice.issued_on", day_str(srv, 0));
	EXPECT_STR(r, "notice.organ_name", "城关派出所");
	EXPECT_STR(r, "notice.station.name", "城关派出所");
	EXPECT_STR(r, "notice.unit.name", "通知书旅馆甲");
	EXPECT_STR(r, "notice.unit.kind_label", "旅馆");
	EXPECT_STR(r, "notice.unit.responsible", "通知书负责人");
	EXPECT_STR(r, "notice.inspected_on", day_str(srv, -2));
	assert_int_equal(json_array_size(jpath(r->json, "notice.findings")), 2);
	EXPECT_STR(r, "notice.findings.0.description", "两名旅客未登记证件号码");
	EXPECT_STR(r, "notice.findings.0.deadline", day_str(srv, 5));
	EXPECT_STR(r, "notice.findings.1.deadline", day_str(srv, 10));
	EXPECT_STR(r, "notice.officers.0.name", "李明");
	assert_int_equal(json_array_size(jpath(r->json, "notice.officers")), 2);
	EXPECT_STR(r, "notice.legal_basis.rule", "COM-KEYUNIT-CHECK");
	EXPECT_STR(r, "notice.legal_basis.source", "企业事业单位内部治安保卫条例（2004）第8条、第16条；旅馆业治安管理办法第14条");
	assert_true(json_is_null(jpath(r->json, "notice.escalation")));
	assert_int_equal(audit_count(srv, auditor, "trade.rectification_notice", NULL, "success"), issued0 + 1);

	/* a reprint (the chief's): the same number, no new issue */
	r = notice_of(srv, "suozhang", insp);
	EXPECT(r, 200);
	EXPECT_STR(r, "notice.doc_no", no1);
	assert_int_equal(audit_count(srv, auditor, "trade.rectification_notice", NULL, "success"), issued0 + 1);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", unit), NULL);
	EXPECT_STR(r, "inspections.0.notice_no", no1);

	/* one finding fixed after the notice: still on the reprint, marked */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", unit), NULL);
	{
		long long f = rnum(r, "findings.0.id");

		EXPECT(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-findings/%lld/recheck", f),
			    J(srv, "{s:s, s:b}", "checked_on", day_str(srv, 0), "rectified", 1)),
		       200);
	}
	r = notice_of(srv, "minjing1", insp);
	assert_int_equal(json_array_size(jpath(r->json, "notice.findings")), 2);

	/* nothing to fix: no notice */
	clean = inspected(srv, "通知书旅馆乙", 0, NULL);
	EXPECT_ERR(srv, notice_of(srv, "minjing1", clean), 409, "NO_OPEN_FINDINGS", "COM-KEYUNIT-CHECK");
	/* the next inspection's notice: the next number */
	second = inspected(srv, "通知书旅馆丙", 1, NULL);
	r = notice_of(srv, "minjing2", second);
	EXPECT(r, 200);
	EXPECT_STR(r, "notice.doc_no", fmt(srv, "城关派出所公（限改）字〔%s〕00003号", year));
	assert_int_equal(json_array_size(jpath(r->json, "notice.findings")), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(create_with_place),
		T(edit_address),
		T(leader_end),
		T(rectification_notice),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
