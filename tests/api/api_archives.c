/* api_archives.c — 执法档案 (issue 15, part B): 每案一结 (the CASE-ARCHIVE
 * clock warns, then the file enters the room with its place and a checklist
 * of its documents, missing ones flagged), borrowing (request -> the
 * station chief's approval -> lend -> due date -> return; ARCHIVE-LOAN warns
 * when overdue), and opening a file for review with the two people
 * present. Expected figures are counted by hand from the story. */
#include "case_util.h"

/* Move the clock by days; the sessions (at most 24 h) are made anew. */
static void advance_days(struct server *srv, int days)
{
	clock_advance(srv, (int64_t)days * 86400);
	nsessions = 0;
}

/* The level of clock key in the user's GET /warnings?level=all ("-": none). */
static const char *level_of(struct server *srv, struct session *s, const char *key)
{
	struct resp *r = http(srv, s, "GET", API "/warnings?level=all&scope=unit", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), key))
			return fmt(srv, "%s", jstr(it, "level"));
	return "-";
}

/* The item of the JSON array at path whose key equals id. */
static json_t *item_with(const struct resp *r, const char *path, const char *key, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, path), i, it)
		if (jint(it, key) == id)
			return it;
	return NULL;
}

/* A case of minjing1 decided (a fine of 200 yuan), delivered and closed. */
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

static struct resp *file_it(struct server *srv, struct session *s, long long case_id)
{
	return http(srv, s, "POST", API "/archive-files",
		    J(srv, "{s:I, s:s, s:s, s:s, s:s, s:i}", "case_id", (json_int_t)case_id, "room", "档案室", "cabinet",
		      "B-01", "shelf", "3", "box", "2026-101", "pages", 24));
}

STORY(archive_filing)
{
	struct crew c = crew_of(srv);
	struct session *da = as(srv, "dangan"), *bs = as(srv, "beishe_sz"), *aud = as(srv, "auditor");
	const char *key;
	long long id, open, sus, fid;
	struct resp *r;
	json_t *it;

	id = closed_case(srv, &c, 301);
	key = fmt(srv, "case:%lld:archive", id);
	/* 每案一结: filed by the end of the next day, else the warning */
	assert_string_equal(level_of(srv, as(srv, "suozhang"), key), "OK");
	advance_days(srv, 3);
	c = crew_of(srv);
	da = as(srv, "dangan");
	bs = as(srv, "beishe_sz");
	aud = as(srv, "auditor");
	assert_string_equal(level_of(srv, as(srv, "suozhang"), key), "BREACH");

	/* the pending list: late, with the checklist. By hand: 受案登记表 not
	 * issued, no signed 笔录 of the suspect (the notice gave a reason),
	 * 告知笔录 not printed — 3 missing; 证据 and 决定书 present */
	r = http(srv, da, "GET", API "/archive-files/pending", NULL);
	EXPECT(r, 200);
	it = item_with(r, "items", "case_id", id);
	assert_non_null(it);
	assert_true(json_is_true(json_object_get(it, "late")));
	assert_int_equal(jint(it, "missing"), 3);
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/documents", id), "{\"kind\":\"accept_form\"}"), 201);
	r = http(srv, da, "GET", API "/archive-files/pending", NULL);
	assert_int_equal(jint(item_with(r, "items", "case_id", id), "missing"), 2);

	/* who files: the station's archivist or clerk, with the whole place */
	EXPECT_ERR(srv, file_it(srv, c.mj1, id), 403, "FORBIDDEN", NULL);
	r = http(srv, da, "POST", API "/archive-files", J(srv, "{s:I, s:s}", "case_id", (json_int_t)id, "room", "档案室"));
	EXPECT_ERR(srv, r, 400, NULL, NULL);
	open = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 303, &sus);
	EXPECT_ERR(srv, file_it(srv, da, open), 409, "CASE_NOT_CLOSED", NULL);
	r = file_it(srv, da, id);
	EXPECT(r, 201);
	fid = rnum(r, "file.id");
	assert_non_null(strstr(rstr(r, "file.file_no"), fmt(srv, "城关派出所档〔%d〕", srv_year(srv))));
	EXPECT_STR(r, "file.case_status", "archived");
	EXPECT_STR(r, "file.status", "in");
	EXPECT_STR(r, "file.box", "2026-101");
	EXPECT_NUM(r, "file.missing", 2);
	assert_string_equal(level_of(srv, as(srv, "suozhang"), key), "-");
	EXPECT_ERR(srv, file_it(srv, da, id), 409, "ALREADY_FILED", NULL);
	/* the list and the file; another station is refused, audited */
	r = http(srv, c.mj1, "GET", API "/archive-files?q=2026", NULL);
	EXPECT(r, 200);
	assert_non_null(item_with(r, "items", "id", fid));
	EXPECT_ERR(srv, http(srv, bs, "GET", fmt(srv, API "/archive-files/%lld", fid), NULL), 403, "FORBIDDEN", NULL);
	assert_true(audit_count(srv, aud, "archive.list", "beishe_sz", "denied") >= 1);
	EXPECT_ERR(srv, http(srv, as(srv, "fujing"), "GET", API "/archive-files", NULL), 403, "FORBIDDEN", NULL);
}

STORY(archive_loans)
{
	struct crew c = crew_of(srv);
	struct session *da = as(srv, "dangan"), *sz = as(srv, "suozhang"), *mj2 = as(srv, "minjing2");
	struct session *aud = as(srv, "auditor");
	long long id, fid, loan, t0;
	const char *key;
	struct resp *r;

	id = closed_case(srv, &c, 311);
	r = file_it(srv, da, id);
	EXPECT(r, 201);
	fid = rnum(r, "file.id");

	/* request: a reason, at most archive.loan_days_max (7) days */
	r = http(srv, mj2, "POST", fmt(srv, API "/archive-files/%lld/loans", fid), "{\"reason\":\"复议答复\",\"days\":8}");
	EXPECT_ERR(srv, r, 400, NULL, "ARCHIVE-LOAN");
	r = http(srv, mj2, "POST", fmt(srv, API "/archive-files/%lld/loans", fid), "{\"reason\":\"复议答复\",\"days\":5}");
	EXPECT(r, 201);
	loan = jint(json_array_get(jpath(r->json, "file.loans"), 0), "id");
	EXPECT_STR(r, "file.loans.0.status", "requested");
	EXPECT_ERR(srv, http(srv, mj2, "POST", fmt(srv, API "/archive-files/%lld/loans", fid),
			     "{\"reason\":\"再借\",\"days\":2}"),
		   409, "LOAN_OPEN", NULL);
	/* not lent before the chief approves; only the station's chief approves */
	EXPECT_ERR(srv, http(srv, da, "POST", fmt(srv, API "/loans/%lld/lend", loan), "{}"), 409, "LOAN_NOT_APPROVED",
		   NULL);
	EXPECT_ERR(srv, http(srv, mj2, "POST", fmt(srv, API "/loans/%lld/approve", loan), "{}"), 403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, as(srv, "beishe_sz"), "POST", fmt(srv, API "/loans/%lld/approve", loan), "{}"), 403,
		   "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, sz, "POST", fmt(srv, API "/loans/%lld/reject", loan), "{}"), 400, NULL, NULL);
	r = http(srv, sz, "POST", fmt(srv, API "/loans/%lld/approve", loan), "{\"opinion\":\"同意\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "file.loans.0.status", "approved");
	/* lent: out of the room with its due date, 5 days from now */
	t0 = (long long)srv_now(srv);
	r = http(srv, da, "POST", fmt(srv, API "/loans/%lld/lend", loan), "{}");
	EXPECT(r, 200);
	EXPECT_STR(r, "file.status", "lent");
	assert_true(llabs(rnum(r, "file.loans.0.due_at") - (t0 + 5 * 86400)) <= 5);
	EXPECT_ERR(srv, http(srv, da, "POST", fmt(srv, API "/archive-files/%lld/reviews", fid),
			     J(srv, "{s:s, s:[I,I]}", "reason", "检查", "present_ids", (json_int_t)me_id(srv, da, NULL),
			       (json_int_t)c.me)),
		   409, "FILE_LENT", NULL);
	/* overdue: the list and the clock */
	key = fmt(srv, "loan:%lld:return", loan);
	r = http(srv, da, "GET", API "/loans?overdue=1", NULL);
	assert_null(item_with(r, "items", "id", loan));
	assert_string_equal(level_of(srv, sz, key), "OK");
	advance_days(srv, 6);
	da = as(srv, "dangan");
	sz = as(srv, "suozhang");
	mj2 = as(srv, "minjing2");
	aud = as(srv, "auditor");
	r = http(srv, da, "GET", API "/loans?overdue=1", NULL);
	EXPECT(r, 200);
	assert_non_null(item_with(r, "items", "id", loan));
	assert_true(json_is_true(json_object_get(item_with(r, "items", "id", loan), "overdue")));
	assert_string_equal(level_of(srv, sz, key), "BREACH");
	assert_string_equal(level_of(srv, mj2, key), "BREACH");
	/* returned: back in the room, the clock gone */
	EXPECT_ERR(srv, http(srv, mj2, "POST", fmt(srv, API "/loans/%lld/return", loan), "{}"), 403, "FORBIDDEN", NULL);
	r = http(srv, da, "POST", fmt(srv, API "/loans/%lld/return", loan), "{\"note\":\"完整\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "file.status", "in");
	EXPECT_STR(r, "file.loans.0.status", "returned");
	assert_string_equal(level_of(srv, sz, key), "-");
	EXPECT_ERR(srv, http(srv, da, "POST", fmt(srv, API "/loans/%lld/return", loan), "{}"), 409, "LOAN_NOT_LENT", NULL);
	assert_true(audit_count(srv, aud, "loan.lend", "dangan", "success") >= 1);
	assert_true(audit_count(srv, aud, "loan.return", "dangan", "success") >= 1);
}

STORY(archive_review)
{
	struct crew c = crew_of(srv);
	struct session *da = as(srv, "dangan");
	long long id, fid, me, fz;
	struct resp *r;

	id = closed_case(srv, &c, 321);
	r = file_it(srv, da, id);
	fid = rnum(r, "file.id");
	me = me_id(srv, da, NULL);
	fz = me_id(srv, as(srv, "fazhi"), NULL);
	/* two different people present, both of the unit */
	r = http(srv, da, "POST", fmt(srv, API "/archive-files/%lld/reviews", fid),
		 J(srv, "{s:s, s:[I,I]}", "reason", "质量检查", "present_ids", (json_int_t)me, (json_int_t)me));
	EXPECT_ERR(srv, r, 400, NULL, NULL);
	r = http(srv, da, "POST", fmt(srv, API "/archive-files/%lld/reviews", fid),
		 J(srv, "{s:s, s:[I]}", "reason", "质量检查", "present_ids", (json_int_t)me));
	EXPECT_ERR(srv, r, 400, NULL, NULL);
	EXPECT_ERR(srv, http(srv, c.mj1, "POST", fmt(srv, API "/archive-files/%lld/reviews", fid),
			     J(srv, "{s:s, s:[I,I]}", "reason", "质量检查", "present_ids", (json_int_t)me, (json_int_t)fz)),
		   403, "FORBIDDEN", NULL);
	r = http(srv, da, "POST", fmt(srv, API "/archive-files/%lld/reviews", fid),
		 J(srv, "{s:s, s:[I,I]}", "reason", "质量检查", "present_ids", (json_int_t)me, (json_int_t)fz));
	EXPECT(r, 201);
	EXPECT_STR(r, "file.reviews.0.present_2_name", rstr(http(srv, as(srv, "fazhi"), "GET", API "/me", NULL), "user.name"));
	EXPECT_STR(r, "file.reviews.0.reason", "质量检查");
}

/* The demo county's room (src/seed/seed_archives.c): a loan three days
 * overdue, a request waiting for the chief, a closed case filed late. */
STORY(archive_demo)
{
	struct session *da = as(srv, "dangan");
	struct resp *r;

	r = http(srv, da, "GET", API "/loans?overdue=1", NULL);
	EXPECT(r, 200);
	assert_true(rnum(r, "total") >= 1);
	r = http(srv, da, "GET", API "/loans?status=requested", NULL);
	assert_true(rnum(r, "total") >= 1);
	r = http(srv, da, "GET", API "/archive-files/pending", NULL);
	assert_true(json_is_true(json_object_get(json_array_get(jpath(r->json, "items"), 0), "late")));
}

STORY(audit_holds_no_id_number)
{
	assert_int_equal(audit_id_numbers(srv), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(archive_demo), T(archive_filing), T(archive_loans), T(archive_review), T(audit_holds_no_id_number),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
