/* api_population.c — 一标三实 over HTTP (issue 6): ID validation, masking and
 * the audited read, name search on the per-character index, the rental
 * visit cycle and the beat rule on visits, tenancy overlap, comparison with the wanted list and the hit
 * workflow, 函查 and employer reports (the imports: api_imports.c).
 *
 * One demo county serves every story (its init costs seconds); the demo
 * holds ~3 000 persons of 城关, so each story works on persons it made
 * itself (area code 320106 or the fixed vectors below) and checks the
 * station figures as before/after deltas. The visit-cycle story moves the
 * server's clock by weeks and runs last. */
#include "population_util.h"

/* 1. GB 11643 vectors (legal-rules §7.1). */
STORY(id_validation)
{
	struct resp *r;
	long long a, b, c, d;

	/* 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2: Σ digit × weight (7 9 10 5 8 4 2 1 6 3
	 * 7 9 10 5 8 4 2) = 167, 167 mod 11 = 2 → "10X98765432"[2] = X; the
	 * sequence 002 is even: female, born 1949-12-31 */
	r = person_post(srv, "minjing3", "测试甲", "11010519491231002X", NULL, NULL);
	EXPECT(r, 201);
	assert_true(json_is_true(jpath(r->json, "created")));
	EXPECT_STR(r, "person.sex", "F");
	EXPECT_STR(r, "person.birth_date", "1949-12-31");
	EXPECT_STR(r, "person.kind", "resident");
	a = rnum(r, "person.id");
	/* 44052418800101001: Σ = 195, mod 11 = 8 → '4'; sequence 001 odd: male */
	r = person_post(srv, "minjing3", "测试乙", "440524188001010014", NULL, NULL);
	EXPECT(r, 201);
	EXPECT_STR(r, "person.sex", "M");
	EXPECT_STR(r, "person.birth_date", "1880-01-01");
	b = rnum(r, "person.id");

	/* wrong check character (X expected) */
	EXPECT_FIELD(person_post(srv, "minjing3", "测试丙", "110105194912310021", NULL, NULL), 400,
		     "id_number");
	/* 1999-02-30 does not exist (the check character itself is right) */
	r = person_post(srv, "minjing3", "测试丙", id_number_at(srv, "110105", 1999, 2, 30, 11), NULL, NULL);
	EXPECT_FIELD(r, 400, "id_number");
	assert_non_null(strstr(rstr(r, "error.message"), "出生日期"));
	/* too short, letters, an unknown province (00) */
	EXPECT_FIELD(person_post(srv, "minjing3", "测试丙", "1101051949123100", NULL, NULL), 400, "id_number");
	EXPECT_FIELD(person_post(srv, "minjing3", "测试丙", "11010519491231A02X", NULL, NULL), 400, "id_number");
	EXPECT_FIELD(person_post(srv, "minjing3", "测试丙", id_number_at(srv, "000105", 1980, 1, 1, 11), NULL,
				 NULL),
		     400, "id_number");

	/* lower-case x: 11010519850615009 → Σ = 222, mod 11 = 2 → X; stored upper */
	r = person_post(srv, "minjing3", "测试丁", "11010519850615009x", NULL, NULL);
	EXPECT(r, 201);
	c = rnum(r, "person.id");
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/persons/%lld", c), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "person.id_number", "11010519850615009X");

	/* 15 digits 440524 800101 001: insert "19" after the area code →
	 * 44052419800101001; Σ = 28+36+0+25+16+16+2+9+48+0+0+9+0+5+0+0+2 = 196,
	 * 196 mod 11 = 9 → "10X98765432"[9] = '3' → 440524198001010013 */
	r = person_post(srv, "minjing3", "测试戊", "440524800101001", NULL, NULL);
	EXPECT(r, 201);
	EXPECT_STR(r, "person.birth_date", "1980-01-01");
	EXPECT_STR(r, "person.sex", "M");
	d = rnum(r, "person.id");
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/persons/%lld", d), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "person.id_number", "440524198001010013");
	/* the 18-digit form of the same person is the same person */
	r = person_post(srv, "minjing3", "测试戊", "440524198001010013", NULL, NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "person.id", d);

	/* typed sex / birth date must agree with the number */
	r = http(srv, U("minjing3"), "POST", API "/persons",
		 J(srv, "{s:s, s:s, s:s}", "name", "测试己", "id_number", newid(srv), "sex", "X"));
	EXPECT_FIELD(r, 400, NULL);
	r = http(srv, U("minjing3"), "POST", API "/persons",
		 J(srv, "{s:s, s:s, s:s}", "name", "测试甲", "id_number", "11010519491231002X", "sex", "M"));
	EXPECT_FIELD(r, 400, "sex");
	r = http(srv, U("minjing3"), "POST", API "/persons",
		 J(srv, "{s:s, s:s, s:s}", "name", "测试甲", "id_number", "11010519491231002X", "birth_date",
		   "1949-12-30"));
	EXPECT_FIELD(r, 400, "birth_date");
	r = http(srv, U("minjing3"), "POST", API "/persons",
		 J(srv, "{s:s, s:s, s:s, s:s}", "name", "测试甲", "id_number", "11010519491231002X", "sex",
		   "F", "birth_date", "1949-12-31"));
	EXPECT(r, 200);
	/* a bad kind */
	EXPECT_FIELD(person_post(srv, "minjing3", "测试甲", "11010519491231002X", "tourist", NULL), 400, "kind");

	/* registered again: an update, not a duplicate */
	r = person_post(srv, "minjing3", "测试甲", "11010519491231002X", "temporary", "13800000000");
	EXPECT(r, 200);
	assert_true(json_is_false(jpath(r->json, "created")));
	EXPECT_NUM(r, "person.id", a);
	EXPECT_STR(r, "person.kind", "temporary");
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM person WHERE id_number = ?1",
				    "11010519491231002X"),
			 1);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM person WHERE id_number = ?1",
				    "440524198001010013"),
			 1);
	assert_true(b != a && c != a && d != b);
}

/* 2. Lists mask, the detail shows all and is audited; another station sees nothing. */
STORY(masking_and_audit)
{
	const char *idno = newid(srv);
	char masked[19];
	struct resp *r;
	json_t *it;
	long long id, before;

	id = person_new(srv, "司马晓燕", idno, "temporary", "13812345678");
	/* first 6 and last 4 of the number; 3 + **** + 4 of the phone */
	memcpy(masked, idno, 6);
	memset(masked + 6, '*', 8);
	memcpy(masked + 14, idno + 14, 4);
	masked[18] = '\0';
	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "司马晓燕")));
	it = find_in(r, "items", "id", id);
	assert_non_null(it);
	assert_string_equal(jstr(it, "id_number"), masked);
	assert_string_equal(jstr(it, "phone"), "138****5678");
	assert_null(strstr(r->body, idno));
	assert_null(strstr(r->body, "13812345678"));

	before = db_raw_int(srv->db,
			    "SELECT COUNT(*) FROM audit_read WHERE action = 'read' AND object_type = 'person'"
			    " AND object_id = ?1",
			    fmt(srv, "%lld", id));
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/persons/%lld", id), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "person.id_number", idno);
	EXPECT_STR(r, "person.phone", "13812345678");
	EXPECT_STR(r, "person.name", "司马晓燕");
	r = http(srv, U("auditor"), "GET",
		 fmt(srv, API "/audit?action=read&object_type=person&object_id=%lld", id), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), before + 1);
	EXPECT_STR(r, "items.0.username", "minjing3");
	EXPECT_STR(r, "items.0.object_id", fmt(srv, "%lld", id));

	/* 北社's officer: refused, and the refusal names no personal data */
	r = http(srv, U("beishe_mj1"), "GET", fmt(srv, API "/persons/%lld", id), NULL);
	assert_error(srv, r, 403, NULL);
	assert_null(strstr(r->body, idno));
	r = http(srv, U("beishe_mj1"), "GET", fmt(srv, API "/persons?name=%s", urlenc(srv, "司马晓燕")), NULL);
	EXPECT(r, 200);
	assert_null(find_in(r, "items", "id", id));
	/* the auditor reads the log, not the registry */
	assert_error(srv, http(srv, U("auditor"), "GET", fmt(srv, API "/persons/%lld", id), NULL), 403,
		     NULL);
	/* "registering" a number of 城关 from 北社 does not hand the record over */
	person_post(srv, "beishe_mj1", "司马晓燕", idno, NULL, NULL);
	assert_error(srv, http(srv, U("beishe_mj1"), "GET", fmt(srv, API "/persons/%lld", id), NULL), 403,
		     NULL);
	EXPECT(http(srv, U("minjing3"), "GET", fmt(srv, API "/persons/%lld", id), NULL), 200);
}

/* 3. Any part of a name, 1 to 5 characters; ID prefix; phone. */
STORY(name_search)
{
	const char *id_zhw = newid(srv);
	long long zw, zwh, lzw, wf, oy, ax;
	struct resp *r;

	zw = person_new(srv, "张伟", newid(srv), NULL, NULL);
	zwh = person_new(srv, "张伟华", id_zhw, NULL, NULL);
	lzw = person_new(srv, "李张伟", newid(srv), NULL, NULL);
	wf = person_new(srv, "王芳", newid(srv), NULL, "13900001111");
	oy = person_new(srv, "欧阳建国", newid(srv), NULL, NULL);
	ax = person_new(srv, "爱新觉罗恒", newid(srv), NULL, NULL);

	/* 2 characters: the three that contain 张伟, in any position */
	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "张伟")));
	assert_true(rnum(r, "total") < 200);
	assert_non_null(find_in(r, "items", "id", zw));
	assert_non_null(find_in(r, "items", "id", zwh));
	assert_non_null(find_in(r, "items", "id", lzw));
	assert_null(find_in(r, "items", "id", wf));
	assert_true(all_named(r, "张伟"));
	/* the two characters in the other order are another name */
	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "伟张")));
	assert_null(find_in(r, "items", "id", zw));
	assert_null(find_in(r, "items", "id", lzw));

	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "伟华")));
	assert_non_null(find_in(r, "items", "id", zwh));
	assert_null(find_in(r, "items", "id", zw));
	assert_null(find_in(r, "items", "id", lzw));
	assert_true(all_named(r, "伟华"));
	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "张伟华")));
	assert_non_null(find_in(r, "items", "id", zwh));
	assert_null(find_in(r, "items", "id", zw));

	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "芳")));
	assert_non_null(find_in(r, "items", "id", wf));
	assert_true(all_named(r, "芳"));

	/* four and five characters */
	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "欧阳建国")));
	assert_non_null(find_in(r, "items", "id", oy));
	assert_true(all_named(r, "欧阳建国"));
	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "爱新觉罗恒")));
	EXPECT_NUM(r, "total", 1);
	assert_non_null(find_in(r, "items", "id", ax));
	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "新觉罗恒")));
	assert_non_null(find_in(r, "items", "id", ax));
	r = search(srv, fmt(srv, "name=%s", urlenc(srv, "爱新觉罗红")));
	assert_null(find_in(r, "items", "id", ax));

	/* a Latin word is one token, in any case */
	{
		long long tl = person_new(srv, "Tom李", newid(srv), NULL, NULL);

		r = search(srv, fmt(srv, "name=%s", urlenc(srv, "TOM李")));
		EXPECT_NUM(r, "total", 1);
		EXPECT_NUM(r, "items.0.id", tl);
		r = search(srv, "name=tom");
		assert_non_null(find_in(r, "items", "id", tl));
	}

	/* ID-number prefix: 14 characters (area + birth date + 2) are this one's alone */
	r = search(srv, fmt(srv, "id_prefix=%.14s", id_zhw));
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", zwh);
	/* phone */
	r = search(srv, "phone=13900001111");
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", wf);
	/* phone and kind: 王芳 was registered as 常住 */
	EXPECT_NUM(search(srv, "phone=13900001111&kind=resident"), "total", 1);
	EXPECT_NUM(search(srv, "phone=13900001111&kind=floating"), "total", 0);
	/* a prefix that no number has */
	EXPECT_NUM(search(srv, fmt(srv, "id_prefix=%.14sX", id_zhw)), "total", 0);
	EXPECT_BOOL(r, "total_capped", 0);
	/* name and ID prefix together */
	r = search(srv, fmt(srv, "name=%s&id_prefix=320106", urlenc(srv, "张伟")));
	assert_non_null(find_in(r, "items", "id", zw));
	assert_non_null(find_in(r, "items", "id", lzw));
}

/* 3b. Past 1 000 matches the count stops: the page says so, and the first
 * 1 000 can be paged through. */
STORY(search_cap)
{
	long long n = db_raw_int(srv->db,
				 "SELECT COUNT(*) FROM person p JOIN org_unit o ON o.id = p.unit_id"
				 " WHERE o.path LIKE (SELECT path FROM org_unit WHERE name = ?1) || '%'",
				 "城关派出所");
	struct resp *r;

	assert_true(n > 1000); /* the demo's two communities of 城关 */
	r = search(srv, "");
	EXPECT_NUM(r, "total", 1000);
	EXPECT_BOOL(r, "total_capped", 1);
	r = search(srv, "page=5");
	assert_int_equal(json_array_size(jpath(r->json, "items")), 200);
	r = search(srv, "page=6");
	assert_int_equal(json_array_size(jpath(r->json, "items")), 0);
}

/* 5. One person, one home at a time. */
STORY(tenancy_overlap)
{
	long long r1 = rental_new(srv, "201", "normal"), r2 = rental_new(srv, "202", "normal");
	long long a = person_new(srv, "租客甲", newid(srv), "temporary", NULL);
	long long b = person_new(srv, "租客乙", newid(srv), "temporary", NULL);
	long long t1;
	struct resp *r;
	json_t *it;

	r = http(srv, U("minjing3"), "POST", fmt(srv, API "/rentals/%lld/tenancies", r1),
		 J(srv, "{s:I, s:s}", "person_id", (json_int_t)a, "from_date", "2026-01-01"));
	EXPECT(r, 201);
	it = find_in(r, "rental.tenants", "person_id", a);
	assert_non_null(it);
	t1 = jint(it, "id");
	assert_true(json_is_null(json_object_get(it, "to_date")) || !json_object_get(it, "to_date"));

	/* still living in rental 1 (open-ended) */
	r = http(srv, U("minjing3"), "POST", fmt(srv, API "/rentals/%lld/tenancies", r2),
		 J(srv, "{s:I, s:s}", "person_id", (json_int_t)a, "from_date", "2026-06-01"));
	EXPECT_ERR(srv, r, 409, "TENANCY_OVERLAP", NULL);
	/* a closed stay inside the open one overlaps too */
	r = http(srv, U("minjing3"), "POST", fmt(srv, API "/rentals/%lld/tenancies", r2),
		 J(srv, "{s:I, s:s, s:s}", "person_id", (json_int_t)a, "from_date", "2025-12-01", "to_date",
		   "2026-01-15"));
	EXPECT_ERR(srv, r, 409, "TENANCY_OVERLAP", NULL);

	/* ended on 2026-05-31 (a to_date before from_date refused first) */
	EXPECT_FIELD(http(srv, U("minjing3"), "POST", fmt(srv, API "/tenancies/%lld/end", t1),
			  "{\"to_date\":\"2025-12-31\"}"),
		     400, "to_date");
	r = http(srv, U("minjing3"), "POST", fmt(srv, API "/tenancies/%lld/end", t1),
		 "{\"to_date\":\"2026-05-31\"}");
	EXPECT(r, 200);
	assert_string_equal(jstr(find_in(r, "rental.tenants", "person_id", a), "to_date"), "2026-05-31");
	EXPECT_ERR(srv,
		   http(srv, U("minjing3"), "POST", fmt(srv, API "/tenancies/%lld/end", t1),
			"{\"to_date\":\"2026-06-30\"}"),
		   409, "TENANCY_ENDED", NULL);

	r = http(srv, U("minjing3"), "POST", fmt(srv, API "/rentals/%lld/tenancies", r2),
		 J(srv, "{s:I, s:s, s:s}", "person_id", (json_int_t)a, "from_date", "2026-06-01", "layer",
		   "key"));
	EXPECT(r, 201);
	it = find_in(r, "rental.tenants", "person_id", a);
	assert_non_null(it);
	assert_string_equal(jstr(it, "from_date"), "2026-06-01");
	assert_string_equal(jstr(it, "layer"), "key");
	/* the person's record shows both stays */
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/persons/%lld", a), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "person.tenancies")), 2);

	/* to_date before from_date; a bad date; a bad layer */
	EXPECT_FIELD(http(srv, U("minjing3"), "POST", fmt(srv, API "/rentals/%lld/tenancies", r2),
			  J(srv, "{s:I, s:s, s:s}", "person_id", (json_int_t)b, "from_date", "2026-03-01",
			    "to_date", "2026-02-01")),
		     400, "to_date");
	EXPECT_FIELD(http(srv, U("minjing3"), "POST", fmt(srv, API "/rentals/%lld/tenancies", r2),
			  J(srv, "{s:I, s:s}", "person_id", (json_int_t)b, "from_date", "2026-02-30")),
		     400, "from_date");
	EXPECT_FIELD(http(srv, U("minjing3"), "POST", fmt(srv, API "/rentals/%lld/tenancies", r2),
			  J(srv, "{s:I, s:s, s:s}", "person_id", (json_int_t)b, "from_date", "2026-03-01",
			    "layer", "vip")),
		     400, "layer");
	/* b in the other rental at once is fine: a different person */
	EXPECT(http(srv, U("minjing3"), "POST", fmt(srv, API "/rentals/%lld/tenancies", r1),
		    J(srv, "{s:I, s:s}", "person_id", (json_int_t)b, "from_date", "2026-06-01")),
	       201);
}

/* 6. Every registration is compared; a change of the list compares all. */
STORY(comparison)
{
	const char *w1 = newid(srv), *id2 = newid(srv), *id3 = newid(srv);
	long long p1, p2, p3, h1, due0, cmp0, open0;
	struct resp *r, *s;
	json_t *it;
	size_t i;
	int found;

	s = summary(srv);
	due0 = rnum(s, "comparison_due");
	cmp0 = rnum(s, "compared");
	open0 = rnum(s, "open_hits");

	/* on the list first, then registered: a hit in the answer */
	EXPECT_NUM(wanted_post(srv, "ducha", w1, "赵某甲", 0), "new_hits", 0);
	r = person_post(srv, "minjing3", "赵某甲", w1, "temporary", NULL);
	EXPECT(r, 201);
	p1 = rnum(r, "person.id");
	assert_int_equal(json_array_size(jpath(r->json, "hits")), 1);
	EXPECT_STR(r, "hits.0.case_desc", "涉嫌诈骗（网上追逃）");
	assert_true(rnum(r, "person.compared_at") > 0);
	it = find_in(hits(srv, "minjing3", 1), "items", "person_id", p1);
	assert_non_null(it);
	assert_string_equal(jstr(it, "status"), "new");
	assert_string_equal(jstr(it, "wanted_name"), "赵某甲");
	h1 = jint(it, "id");
	assert_non_null(find_in(hits(srv, "suozhang", 1), "items", "id", h1));
	assert_null(find_in(hits(srv, "beishe_mj1", 0), "items", "id", h1));

	/* registered first, then listed (as the chief): new_hits 1 */
	p2 = person_new(srv, "钱某乙", id2, "temporary", NULL);
	assert_null(find_in(hits(srv, "minjing3", 0), "items", "person_id", p2));
	EXPECT_NUM(wanted_post(srv, "suozhang", id2, "钱某乙", 0), "new_hits", 1);
	assert_non_null(find_in(hits(srv, "minjing3", 1), "items", "person_id", p2));
	/* listed again unchanged: no second hit */
	EXPECT_NUM(wanted_post(srv, "ducha", id2, "钱某乙", 0), "new_hits", 0);

	/* a withdrawn entry makes no hit */
	p3 = person_new(srv, "孙某丙", id3, "temporary", NULL);
	EXPECT_NUM(wanted_post(srv, "ducha", id3, "孙某丙", 1), "new_hits", 0);
	assert_null(find_in(hits(srv, "minjing3", 0), "items", "person_id", p3));
	r = http(srv, U("ducha"), "GET", API "/wanted?active=1", NULL);
	EXPECT(r, 200);
	found = 0;
	json_array_foreach(jpath(r->json, "items"), i, it)
		found |= strcmp(jstr(it, "id_number"), id3) == 0;
	assert_false(found);
	/* only the list keepers change the list */
	assert_error(srv, wanted_post(srv, "minjing3", newid(srv), "某某", 0), 403, NULL);

	/* three temporary residents, all compared; two open hits more */
	s = summary(srv);
	EXPECT_NUM(s, "comparison_due", due0 + 3);
	EXPECT_NUM(s, "compared", cmp0 + 3);
	EXPECT_NUM(s, "comparison_pct", (cmp0 + 3) * 100 / (due0 + 3));
	EXPECT_NUM(s, "open_hits", open0 + 2);

	/* one not compared (changed after the last whole-registry run and not
	 * compared itself): listed with the reason; a change of the list compares it */
	assert_int_equal(db_raw_exec(srv->db, fmt(srv, "UPDATE person SET compared_at = NULL, updated_at ="
						  " (SELECT MAX(at) FROM comparison_run) + 1 WHERE id = %lld",
						  p3)),
			 SQLITE_OK);
	s = summary(srv);
	EXPECT_NUM(s, "compared", cmp0 + 2);
	EXPECT_NUM(s, "comparison_pct", (cmp0 + 2) * 100 / (due0 + 3));
	it = find_in(s, "not_compared", "id", p3);
	assert_non_null(it);
	assert_string_equal(jstr(it, "reason"), "尚未比对");
	clock_advance(srv, 2);
	EXPECT_NUM(wanted_post(srv, "ducha", newid(srv), "李某丁", 0), "new_hits", 0);
	s = summary(srv);
	EXPECT_NUM(s, "compared", cmp0 + 3);
	assert_null(find_in(s, "not_compared", "id", p3));

	/* 签收 → 核查 → 反馈, in order only */
	EXPECT_ERR(srv, hit_step(srv, "minjing3", h1, "close", "{\"feedback\":\"已抓获\"}"), 409, NULL, NULL);
	EXPECT_ERR(srv, hit_step(srv, "minjing3", h1, "check", NULL), 409, NULL, NULL);
	assert_error(srv, hit_step(srv, "fujing", h1, "sign", NULL), 403, NULL);
	assert_error(srv, hit_step(srv, "minjing3", h1, "approve", NULL), 404, NULL);
	r = hit_step(srv, "minjing3", h1, "sign", NULL);
	EXPECT(r, 200);
	assert_string_equal(jstr(find_in(r, "items", "id", h1), "status"), "signed");
	EXPECT_ERR(srv, hit_step(srv, "minjing3", h1, "sign", NULL), 409, NULL, NULL);
	EXPECT_ERR(srv, hit_step(srv, "minjing3", h1, "close", "{\"feedback\":\"已抓获\"}"), 409, NULL, NULL);
	EXPECT(hit_step(srv, "minjing3", h1, "check", NULL), 200);
	EXPECT_FIELD(hit_step(srv, "minjing3", h1, "close", "{}"), 400, "feedback");
	r = hit_step(srv, "suozhang", h1, "close", "{\"feedback\":\"经核查系同一人，已移交追逃部门\"}");
	EXPECT(r, 200);
	it = find_in(r, "items", "id", h1);
	assert_string_equal(jstr(it, "status"), "closed");
	assert_string_equal(jstr(it, "feedback"), "经核查系同一人，已移交追逃部门");
	EXPECT_ERR(srv, hit_step(srv, "minjing3", h1, "check", NULL), 409, NULL, NULL);
	assert_null(find_in(hits(srv, "minjing3", 1), "items", "id", h1));
	EXPECT_NUM(summary(srv), "open_hits", open0 + 1);
	/* the person's record shows the hit */
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/persons/%lld", p1), NULL);
	EXPECT_STR(r, "person.hits.0.status", "closed");
	assert_true(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'hit.close' AND object_id = ?1",
			       fmt(srv, "%lld", h1)) == 1);
}

/* 7. 函查 for the control layer: 发函率 and unanswered letters. */
STORY(letters)
{
	long long c0, l0, o0, f1, f2, lid;
	struct resp *r, *s;
	json_t *it;

	s = summary(srv);
	c0 = rnum(s, "control_layer");
	l0 = rnum(s, "letters_sent");
	o0 = rnum(s, "letters_overdue");
	assert_int_equal(rnum(s, "letter_pct"), c0 ? l0 * 100 / c0 : 100);

	f1 = control_person(srv, "流动甲");
	f2 = control_person(srv, "流动乙");
	s = summary(srv);
	EXPECT_NUM(s, "control_layer", c0 + 2);
	EXPECT_NUM(s, "letters_sent", l0);
	EXPECT_NUM(s, "letter_pct", l0 * 100 / (c0 + 2));
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/persons/%lld", f1), NULL);
	EXPECT_STR(r, "person.floating.0.mode", "direct");
	EXPECT_STR(r, "person.kind", "floating");

	/* f1's letter went out 31 days ago (past letter.answer_days = 30), f2's 30 */
	EXPECT(http(srv, U("minjing3"), "POST", API "/letters",
		    J(srv, "{s:I, s:s, s:s}", "person_id", (json_int_t)f1, "to_unit", "河南省某县公安局某派出所",
		      "sent_on", dstr(srv, -31))),
	       201);
	EXPECT(http(srv, U("neiqin"), "POST", API "/letters",
		    J(srv, "{s:I, s:s, s:s}", "person_id", (json_int_t)f2, "to_unit", "四川省某县公安局某派出所",
		      "sent_on", dstr(srv, -30))),
	       201);
	EXPECT_FIELD(http(srv, U("minjing3"), "POST", API "/letters",
			  J(srv, "{s:I, s:s, s:s}", "person_id", (json_int_t)f2, "to_unit", "某所", "sent_on",
			    "2026-13-01")),
		     400, "sent_on");
	s = summary(srv);
	EXPECT_NUM(s, "letters_sent", l0 + 2);
	EXPECT_NUM(s, "letter_pct", (l0 + 2) * 100 / (c0 + 2));
	EXPECT_NUM(s, "letters_overdue", o0 + 1);
	r = http(srv, U("minjing3"), "GET", API "/letters?open=1", NULL);
	EXPECT(r, 200);
	it = find_in(r, "items", "person_id", f1);
	assert_non_null(it);
	assert_true(json_is_true(json_object_get(it, "overdue")));
	lid = jint(it, "id");
	it = find_in(r, "items", "person_id", f2);
	assert_non_null(it);
	assert_true(json_is_false(json_object_get(it, "overdue")));

	/* answering: a bad result refused, then 有前科 */
	EXPECT_FIELD(http(srv, U("minjing3"), "POST", fmt(srv, API "/letters/%lld/answer", lid),
			  J(srv, "{s:s, s:s}", "answered_on", dstr(srv, 0), "result", "unknown")),
		     400, "result");
	EXPECT_FIELD(http(srv, U("minjing3"), "POST", fmt(srv, API "/letters/%lld/answer", lid),
			  J(srv, "{s:s, s:s}", "answered_on", "yesterday", "result", "record")),
		     400, "answered_on");
	EXPECT(http(srv, U("minjing3"), "POST", fmt(srv, API "/letters/%lld/answer", lid),
		    J(srv, "{s:s, s:s, s:s}", "answered_on", dstr(srv, 0), "result", "record", "notes",
		      "2019年因盗窃被行政拘留十日")),
	       200);
	EXPECT_ERR(srv,
		   http(srv, U("minjing3"), "POST", fmt(srv, API "/letters/%lld/answer", lid),
			J(srv, "{s:s, s:s}", "answered_on", dstr(srv, 0), "result", "none")),
		   409, "LETTER_NOT_OPEN", NULL);
	assert_int_equal(letter_of(srv, f1, 1), 0);
	assert_int_equal(letter_of(srv, f1, 0), lid);
	s = summary(srv);
	EXPECT_NUM(s, "letters_overdue", o0);
	EXPECT_NUM(s, "letters_sent", l0 + 2); /* a letter answered was still sent */
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/persons/%lld", f1), NULL);
	EXPECT_STR(r, "person.letters.0.result", "record");
	/* another station cannot answer f2's letter */
	lid = letter_of(srv, f2, 1);
	assert_true(lid > 0);
	r = http(srv, U("beishe_mj1"), "POST", fmt(srv, API "/letters/%lld/answer", lid),
		 J(srv, "{s:s, s:s}", "answered_on", dstr(srv, 0), "result", "none"));
	assert_true(r->status == 403 || r->status == 404 || r->status == 409);
	assert_int_equal(letter_of(srv, f2, 1), lid);
}

/* 8. 委托管理: last month's report is due. */
STORY(employers)
{
	struct tm t = day_tm(today_days(srv));
	int y = t.tm_year + 1900, m = t.tm_mon; /* tm_mon is 0-based: m = last month */
	const char *last;
	long long e, o0;
	struct resp *r;
	json_t *it;

	if (m == 0) {
		m = 12;
		y--;
	}
	last = fmt(srv, "%04d-%02d", y, m);
	o0 = rnum(summary(srv), "employer_reports_overdue");
	r = http(srv, U("minjing3"), "POST", API "/employers",
		 J(srv, "{s:s, s:s, s:s, s:s}", "name", "城关测试建筑工地", "contact", "包工头", "phone",
		   "13700001234", "letter_signed_on", dstr(srv, -60)));
	EXPECT(r, 201);
	e = rnum(r, "employer.id");
	r = http(srv, U("minjing3"), "GET", API "/employers", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "due_month", last);
	it = find_in(r, "items", "id", e);
	assert_non_null(it);
	assert_true(json_is_true(json_object_get(it, "overdue")));
	EXPECT_NUM(summary(srv), "employer_reports_overdue", o0 + 1);

	/* this month's report does not stand for last month's */
	r = http(srv, U("fujing"), "POST", fmt(srv, API "/employers/%lld/reports", e),
		 J(srv, "{s:s, s:i, s:i}", "month", dstr(srv, 0), "arrivals", 1, "departures", 0));
	EXPECT_FIELD(r, 400, "month"); /* a date is not a month */
	r = http(srv, U("fujing"), "POST", fmt(srv, API "/employers/%lld/reports", e),
		 J(srv, "{s:s, s:i, s:i}", "month", last, "arrivals", 4, "departures", 1));
	EXPECT(r, 200);
	it = find_in(r, "items", "id", e);
	assert_non_null(it);
	assert_true(json_is_false(json_object_get(it, "overdue")));
	assert_string_equal(jstr(it, "last_report"), last);
	EXPECT_NUM(summary(srv), "employer_reports_overdue", o0);

	/* another station's employer: refused and audited, not answered as absent (ACL-1) */
	assert_error(srv,
		     http(srv, U("beishe_mj1"), "POST", fmt(srv, API "/employers/%lld/reports", e),
			  J(srv, "{s:s, s:i, s:i}", "month", last, "arrivals", 1, "departures", 0)),
		     403, "FORBIDDEN");
	/* bad counts and months */
	EXPECT_FIELD(http(srv, U("fujing"), "POST", fmt(srv, API "/employers/%lld/reports", e),
			  J(srv, "{s:s, s:i, s:i}", "month", last, "arrivals", -1, "departures", 0)),
		     400, "arrivals");
	EXPECT_FIELD(http(srv, U("fujing"), "POST", fmt(srv, API "/employers/%lld/reports", e),
			  "{\"month\":\"2026/10\",\"arrivals\":1,\"departures\":0}"),
		     400, "month");
	EXPECT_FIELD(http(srv, U("fujing"), "POST", fmt(srv, API "/employers/%lld/reports", e),
			  "{\"month\":\"2026-13\",\"arrivals\":1,\"departures\":0}"),
		     400, "month");
	EXPECT_FIELD(http(srv, U("fujing"), "POST", fmt(srv, API "/employers/%lld/reports", e),
			  "{\"month\":\"2026-00\",\"arrivals\":1,\"departures\":0}"),
		     400, "month");
}

/* 出租屋走访 under the beat rule (COM-WARD): a rental in 东街一区 is visited
 * by that beat's sergeant and auxiliary and by the chief; minjing2 (西街)
 * and the clerk read it, are told so (may_visit), and are refused with a
 * denied audit row and no visit written; a rental at an address in no
 * beat is open to the station's staff. */
STORY(visit_beat_rule)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long rid = db_raw_int(srv->db,
				   "SELECT MIN(r.id) FROM rental r JOIN address a ON a.id = r.address_id"
				   " JOIN grid g ON g.id = a.grid_id JOIN beat b ON b.id = g.beat_id"
				   " WHERE b.name = '东街一区'",
				   NULL),
		  open, n0, denied0 = audit_count(srv, auditor, "rental.visit", "minjing2", "denied");
	const char *count = fmt(srv, "SELECT COUNT(*) FROM rental_visit WHERE rental_id = %lld", rid);
	const char *body = J(srv, "{s:s}", "findings", "越区走访");
	struct resp *r;

	assert_true(rid > 0);
	n0 = db_raw_int(srv->db, count, NULL);
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/rentals/%lld", rid), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "rental.beat_name", "东街一区");
	assert_true(json_is_false(jpath(r->json, "rental.may_visit")));
	EXPECT_ERR(srv, http(srv, U("minjing2"), "POST", fmt(srv, API "/rentals/%lld/visits", rid), body), 403,
		   "FORBIDDEN", "COM-WARD");
	EXPECT_ERR(srv, http(srv, U("neiqin"), "POST", fmt(srv, API "/rentals/%lld/visits", rid), body), 403,
		   "FORBIDDEN", "COM-WARD");
	assert_int_equal(db_raw_int(srv->db, count, NULL), n0);
	assert_int_equal(audit_count(srv, auditor, "rental.visit", "minjing2", "denied"), denied0 + 1);
	/* the list says the same, row by row */
	r = http(srv, U("minjing2"), "GET", API "/rentals?per_page=200", NULL);
	EXPECT(r, 200);
	if (find_in(r, "items", "id", rid))
		assert_true(json_is_false(json_object_get(find_in(r, "items", "id", rid), "may_visit")));

	/* the beat's auxiliary, its sergeant and the chief visit it */
	r = http(srv, U("fujing"), "GET", fmt(srv, API "/rentals/%lld", rid), NULL);
	assert_true(json_is_true(jpath(r->json, "rental.may_visit")));
	EXPECT(http(srv, U("fujing"), "POST", fmt(srv, API "/rentals/%lld/visits", rid), body), 201);
	EXPECT(http(srv, U("minjing1"), "POST", fmt(srv, API "/rentals/%lld/visits", rid), body), 201);
	EXPECT(http(srv, U("suozhang"), "POST", fmt(srv, API "/rentals/%lld/visits", rid), body), 201);
	assert_int_equal(db_raw_int(srv->db, count, NULL), n0 + 3);

	/* an address in no beat: open to the station */
	open = rental_new(srv, "390", "normal");
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/rentals/%lld", open), NULL);
	assert_true(json_is_null(jpath(r->json, "rental.beat_id")));
	assert_true(json_is_true(jpath(r->json, "rental.may_visit")));
	EXPECT(http(srv, U("minjing2"), "POST", fmt(srv, API "/rentals/%lld/visits", open), body), 201);
}

/* 4. The visit plan of a rental by its level; runs last (moves the clock). */
STORY(visit_cycle)
{
	long long r1, r2, r3, r4, r5, n1;
	struct resp *r;
	json_t *it;
	struct tm t;
	int d28;

	/* 不放心户: next visit on the registration day + 7 */
	r1 = rental_new(srv, "301", "watch");
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/rentals/%lld", r1), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "rental.next_visit_on", dstr(srv, 7));
	EXPECT_NUM(r, "rental.cycle_days", 7);
	assert_true(json_is_false(jpath(r->json, "rental.overdue")));
	assert_null(find_in(overdue_list(srv), "items", "id", r1));
	/* one rental per address */
	EXPECT_ERR(srv,
		   rental_post(srv, jint(jpath(r->json, "rental"), "address_id"),
			       jint(jpath(r->json, "rental"), "landlord_id"), "normal"),
		   409, "RENTAL_EXISTS", NULL);
	EXPECT_FIELD(rental_post(srv, address_new(srv, "走访测试社区", "399"),
				 jint(jpath(r->json, "rental"), "landlord_id"), "vip"),
		     400, "level");

	/* 8 days later: overdue by one day, on the chief's list and today's visits */
	clock_advance(srv, 8 * PDAY);
	r = overdue_list(srv);
	it = find_in(r, "items", "id", r1);
	assert_non_null(it);
	assert_int_equal(jint(it, "overdue_days"), 1);
	n1 = rnum(r, "total");
	r = http(srv, U("fujing"), "GET", fmt(srv, API "/rentals?per_page=200&due_on=%s", dstr(srv, 0)), NULL);
	EXPECT(r, 200);
	assert_non_null(find_in(r, "items", "id", r1));

	/* the auxiliary visits today: off the list, next in 7 days */
	EXPECT_FIELD(visit(srv, r1, dstr(srv, 1), NULL), 400, "visited_on");
	r = visit(srv, r1, NULL, NULL);
	EXPECT(r, 201);
	EXPECT_STR(r, "rental.last_visit_on", dstr(srv, 0));
	EXPECT_STR(r, "rental.next_visit_on", dstr(srv, 7));
	assert_true(json_is_false(jpath(r->json, "rental.overdue")));
	EXPECT_STR(r, "rental.visits.0.user_name", "周小勇");
	r = overdue_list(srv);
	assert_null(find_in(r, "items", "id", r1));
	EXPECT_NUM(r, "total", n1 - 1);
	/* found trustworthy: 放心户, next in 90 days */
	r = visit(srv, r1, dstr(srv, 0), "trusted");
	EXPECT(r, 201);
	EXPECT_STR(r, "rental.level", "trusted");
	EXPECT_NUM(r, "rental.cycle_days", 90);
	EXPECT_STR(r, "rental.next_visit_on", dstr(srv, 90));
	/* an older visit recorded late does not move the plan back */
	r = visit(srv, r1, dstr(srv, -3), NULL);
	EXPECT(r, 201);
	EXPECT_STR(r, "rental.next_visit_on", dstr(srv, 90));

	/* across month ends, by hand: 2026-01-28 + 7 = 2026-02-04 (3 days to
	 * Jan 31, 4 into February); 2026-01-31 + 30 = 2026-03-02 (February 2026
	 * has 28 days); 2025-12-28 + 90 = 2026-03-28 (3 + 31 + 28 + 28) */
	r2 = rental_new(srv, "302", "watch");
	r3 = rental_new(srv, "303", "normal");
	r4 = rental_new(srv, "304", "trusted");
	EXPECT_STR(visit(srv, r2, "2026-01-28", NULL), "rental.next_visit_on", "2026-02-04");
	EXPECT_STR(visit(srv, r3, "2026-01-31", NULL), "rental.next_visit_on", "2026-03-02");
	EXPECT_STR(visit(srv, r4, "2025-12-28", NULL), "rental.next_visit_on", "2026-03-28");
	assert_non_null(find_in(overdue_list(srv), "items", "id", r2));

	/* registered on the 28th: + 7 is in the next month (a run in late
	 * November 2026 registers on 2026-12-28 and expects 2027-01-04) */
	t = day_tm(today_days(srv));
	for (d28 = 0; t.tm_mday != 28; d28++)
		t = day_tm(today_days(srv) + d28 + 1);
	clock_advance(srv, d28 * PDAY);
	r5 = rental_new(srv, "305", "watch");
	r = http(srv, U("minjing3"), "GET", fmt(srv, API "/rentals/%lld", r5), NULL);
	EXPECT(r, 200);
	assert_int_equal(day_tm(today_days(srv)).tm_mday, 28);
	{
		struct tm n = day_tm(today_days(srv) + 7);
		const char *want = fmt(srv, "%04d-%02d-%02d", n.tm_year + 1900, n.tm_mon + 1, n.tm_mday);

		assert_true(n.tm_mon != t.tm_mon);
		assert_true(n.tm_mday >= 4 && n.tm_mday <= 7); /* 31/30/29/28-day months */
		EXPECT_STR(r, "rental.next_visit_on", want);
	}
}

/* Last: after every story above, the audit table keeps record ids, never
 * an ID number (AUD-6, issue 13). */
STORY(audit_holds_no_id_number)
{
	assert_int_equal(audit_id_numbers(srv), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(id_validation), T(masking_and_audit), T(name_search), T(search_cap), T(tenancy_overlap), T(comparison),
		T(letters),	  T(employers),		T(visit_beat_rule), T(visit_cycle), T(audit_holds_no_id_number),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
