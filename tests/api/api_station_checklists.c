/* api_station_checklists.c — 九好 (issue 18): a station's month scored from
 * the records, the inspector's items, the total, the rank and the
 * workbook, against a hand-computed fixture in June 2021 (no demo record
 * falls in it). Default weights: 值班签到 12, 环境卫生 10, 请假销假 10,
 * 档案整理 12, 破案质量 14, 服务态度 12, 群众反映 12, 学习训练 10, 警容风纪 8.
 *
 *   城关, June 2021:
 *   值班签到: 06-01 on time, 06-02 10 min after 08:30 (grace 15: on time),
 *             06-03 20 min after (late), 06-04 none (missed) → 2/4 = 50
 *   请假销假: ends 06-10, 销假 06-11 (on time); ends 06-15, 销假 06-17 (late);
 *             ends 06-20, no 销假 (late); a refused one and a pending one
 *             do not count → 1/3 = 33.3 (33.33 in the total)
 *   档案整理: two cases closed 06-01 08:30; one filed an hour later, one
 *             never → 1/2 = 50
 *   破案质量: a review 80 of 100 → 80
 *   服务态度: one return visit, satisfaction 4 of 5 → 80
 *   群众反映: one complaint found true in June (−20), one unfounded, one
 *             found true in July (not June) → 80
 *   学习训练: 例会 06-07, 李明 present, 张伟 absent → 50
 *   环境卫生: 督察 scores 90; 警容风纪: not yet scored (pending, 0 points)
 *   total: (12·50 + 10·90 + 10·33.33 + 12·50 + 14·80 + 12·80 + 12·80 + 10·50)
 *          ÷ 100 = 59.733 → 59.7; after 警容风纪 100: 67.7 */
#include "harness.h"
#include "case_util.h"
#include "core/buf.h"
#include "core/xlsx.h"

#include <math.h>
#include <string.h>

#define D0601 1622476800LL /* 2021-06-01 00:00 Beijing */
#define DAY 86400LL
#define SHIFT (8 * 3600 + 30 * 60) /* 08:30 */

static void sql(struct server *srv, const char *s)
{
	if (db_raw_exec(srv->db, s) != 0)
		fail_msg("fixture SQL failed: %s", s);
}

static json_t *item_of(json_t *items, const char *key)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (!strcmp(json_string_value(json_object_get(it, "item")), key))
			return it;
	return NULL;
}

static double num(json_t *o, const char *key)
{
	return json_number_value(json_object_get(o, key));
}

static void fixture(struct server *srv, long long cg, long long mj1, long long mj2)
{
	/* 值班签到 */
	sql(srv, fmt(srv,
		     "INSERT INTO duty_roster(station_id, duty_on, duty_post, user_id, signed_in_at, created_at) VALUES"
		     " (%lld, '2021-06-01', 'officer', %lld, %lld, 0), (%lld, '2021-06-02', 'officer', %lld, %lld, 0),"
		     " (%lld, '2021-06-03', 'officer', %lld, %lld, 0), (%lld, '2021-06-04', 'officer', %lld, NULL, 0)",
		     cg, mj1, D0601 + SHIFT, cg, mj1, D0601 + DAY + SHIFT + 600, cg, mj1, D0601 + 2 * DAY + SHIFT + 1200,
		     cg, mj1));
	/* 请假销假 */
	sql(srv, fmt(srv,
		     "INSERT INTO leave_request(user_id, unit_id, kind, from_on, to_on, days, status, returned_on,"
		     " returned_at, created_at) VALUES"
		     " (%lld, %lld, 'personal', '2021-06-08', '2021-06-10', 3, 'returned', '2021-06-11', %lld, 0),"
		     " (%lld, %lld, 'personal', '2021-06-14', '2021-06-15', 2, 'returned', '2021-06-17', %lld, 0),"
		     " (%lld, %lld, 'personal', '2021-06-18', '2021-06-20', 3, 'approved', NULL, NULL, 0),"
		     " (%lld, %lld, 'personal', '2021-06-22', '2021-06-23', 2, 'rejected', NULL, NULL, 0),"
		     " (%lld, %lld, 'personal', '2021-06-24', '2021-06-25', 2, 'pending', NULL, NULL, 0)",
		     mj2, cg, D0601 + 10 * DAY + 3600, mj2, cg, D0601 + 16 * DAY + 3600, mj2, cg, mj2, cg, mj2, cg));
	/* 档案整理, 破案质量, 服务态度: two of 城关's cases with a party, neither
	 * filed, reviewed nor visited, closed on 06-01 */
	sql(srv, fmt(srv,
		     "UPDATE police_case SET status = 'closed', closed_at = %lld WHERE id IN (SELECT k.id FROM police_case k"
		     " WHERE k.unit_id = %lld AND EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = k.id)"
		     " AND NOT EXISTS (SELECT 1 FROM archive_file f WHERE f.case_id = k.id)"
		     " AND NOT EXISTS (SELECT 1 FROM case_review r WHERE r.case_id = k.id)"
		     " AND NOT EXISTS (SELECT 1 FROM return_visit v WHERE v.case_id = k.id) ORDER BY k.id LIMIT 2)",
		     D0601 + SHIFT, cg));
	sql(srv, fmt(srv,
		     "INSERT INTO archive_file(case_id, unit_id, file_no, room, cabinet, shelf, box, pages, status, filed_by,"
		     " filed_at) SELECT MIN(k.id), %lld, '九好测试档001', '一室', '1', '1', '1', 10, 'in', %lld, %lld"
		     " FROM police_case k WHERE k.closed_at = %lld",
		     cg, mj1, D0601 + SHIFT + 3600, D0601 + SHIFT));
	sql(srv, fmt(srv,
		     "INSERT INTO case_review(case_id, unit_id, reviewer_id, reviewed_at, score, max_score, items)"
		     " SELECT MIN(k.id), %lld, %lld, %lld, 80, 100, '[]' FROM police_case k WHERE k.closed_at = %lld",
		     cg, mj1, D0601 + 4 * DAY, D0601 + SHIFT));
	sql(srv, fmt(srv,
		     "INSERT INTO return_visit(case_id, party_id, reached, method, satisfaction, visited_by, visited_at)"
		     " SELECT p.case_id, MIN(p.id), 1, 'phone', 4, %lld, %lld FROM case_party p WHERE p.case_id ="
		     " (SELECT MIN(k.id) FROM police_case k WHERE k.closed_at = %lld) GROUP BY p.case_id",
		     mj1, D0601 + 4 * DAY, D0601 + SHIFT));
	/* 群众反映 */
	sql(srv, fmt(srv,
		     "INSERT INTO complaint(tracking_code, station_id, channel, kind, content, status, received_at,"
		     " finished_at, finding, created_at) VALUES"
		     " ('JH-T1', %lld, 'phone', 'complaint', '态度差', 'finished', %lld, %lld, 'founded', 0),"
		     " ('JH-T2', %lld, 'phone', 'complaint', '不作为', 'finished', %lld, %lld, 'unfounded', 0),"
		     " ('JH-T3', %lld, 'phone', 'complaint', '推诿', 'finished', %lld, %lld, 'partly', 0)",
		     cg, D0601, D0601 + 9 * DAY, cg, D0601, D0601 + 11 * DAY, cg, D0601, D0601 + 30 * DAY));
	/* 学习训练 */
	EXPECT(http(srv, as(srv, "suozhang"), "POST", API "/team-meetings",
		    fmt(srv,
			"{\"held_on\":\"2021-06-07\",\"kind\":\"weekly\",\"topic\":\"六月例会\",\"speaker\":\"所长\","
			"\"attendees\":[{\"user_id\":%lld,\"present\":true},{\"user_id\":%lld,\"present\":false}]}",
			mj1, mj2)),
	       201);
}

STORY(nine_items_from_the_records)
{
	long long mj1 = user_id(srv, as(srv, "admin"), "minjing1"), mj2 = user_id(srv, as(srv, "admin"), "minjing2");
	long long cg = unit_id(srv, as(srv, "suozhang"), "城关派出所");
	struct session *ducha = as(srv, "ducha");
	struct resp *r;
	json_t *items, *row, *it;
	size_t i;
	int seen = 0;

	fixture(srv, cg, mj1, mj2);
	/* 督察 scores 环境卫生 */
	r = http(srv, ducha, "POST", fmt(srv, API "/station-checklists/%lld/scores", cg),
		 "{\"month\":\"2021-06\",\"item\":\"hygiene\",\"score\":90,\"note\":\"值班室整洁\"}");
	EXPECT(r, 200);

	r = http(srv, as(srv, "suozhang"), "GET", fmt(srv, API "/station-checklists/%lld?month=2021-06", cg), NULL);
	EXPECT(r, 200);
	items = jpath(r->json, "items");
	assert_int_equal(json_array_size(items), 9);
	assert_true(fabs(num(item_of(items, "duty_signin"), "score") - 50) < 0.01);
	assert_true(fabs(num(item_of(items, "duty_signin"), "points") - 6) < 0.01);
	assert_true(fabs(num(item_of(items, "leave"), "score") - 33.3) < 0.01);
	assert_true(fabs(num(item_of(items, "archives"), "score") - 50) < 0.01);
	assert_true(fabs(num(item_of(items, "case_quality"), "score") - 80) < 0.01);
	assert_true(fabs(num(item_of(items, "service"), "score") - 80) < 0.01);
	assert_true(fabs(num(item_of(items, "public_opinion"), "score") - 80) < 0.01);
	assert_true(fabs(num(item_of(items, "study"), "score") - 50) < 0.01);
	it = item_of(items, "hygiene");
	assert_true(fabs(num(it, "score") - 90) < 0.01);
	assert_string_equal(json_string_value(json_object_get(it, "note")), "值班室整洁");
	assert_string_equal(json_string_value(json_object_get(it, "entered_by_name")), "马振东");
	assert_true(json_is_null(json_object_get(item_of(items, "discipline"), "score")));
	assert_true(fabs(num(r->json, "total") - 59.7) < 0.01);
	assert_int_equal(rnum(r, "pending"), 1);
	assert_false(json_is_true(jpath(r->json, "can_score")));

	/* the list: 城关's row with the same figures */
	r = http(srv, ducha, "GET", API "/station-checklists?month=2021-06", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, row) {
		if (jint(row, "station_id") != cg)
			continue;
		seen = 1;
		assert_true(fabs(num(row, "total") - 59.7) < 0.01);
		assert_true(fabs(num(json_object_get(row, "scores"), "leave") - 33.3) < 0.01);
		assert_true(json_is_null(json_object_get(json_object_get(row, "scores"), "discipline")));
	}
	assert_true(seen);

	/* 警风警纪 scored: +8; a late sign-in made on time moves 值班签到 */
	EXPECT(http(srv, ducha, "POST", fmt(srv, API "/station-checklists/%lld/scores", cg),
		    "{\"month\":\"2021-06\",\"item\":\"discipline\",\"score\":100}"),
	       200);
	sql(srv, fmt(srv, "UPDATE duty_roster SET signed_in_at = %lld WHERE station_id = %lld AND duty_on = '2021-06-03'",
		     D0601 + 2 * DAY + SHIFT, cg));
	r = http(srv, ducha, "GET", fmt(srv, API "/station-checklists/%lld?month=2021-06", cg), NULL);
	EXPECT(r, 200);
	assert_true(fabs(num(item_of(jpath(r->json, "items"), "duty_signin"), "score") - 75) < 0.01);
	/* 67.733 + 12 · 25 ÷ 100 = 70.733 */
	assert_true(fabs(num(r->json, "total") - 70.7) < 0.01);
	assert_int_equal(rnum(r, "pending"), 0);
	assert_true(json_is_true(jpath(r->json, "can_score")));
}

STORY(the_inspector_scores_only_what_no_record_shows)
{
	long long cg = unit_id(srv, as(srv, "suozhang"), "城关派出所");
	struct session *ducha = as(srv, "ducha");
	const char *path = fmt(srv, API "/station-checklists/%lld/scores", cg);

	/* a data item */
	assert_error(srv, http(srv, ducha, "POST", path, "{\"month\":\"2021-06\",\"item\":\"leave\",\"score\":90}"), 400,
		     NULL);
	/* out of range, unknown item, bad month, a month not begun */
	assert_error(srv, http(srv, ducha, "POST", path, "{\"month\":\"2021-06\",\"item\":\"hygiene\",\"score\":101}"),
		     400, NULL);
	assert_error(srv, http(srv, ducha, "POST", path, "{\"month\":\"2021-06\",\"item\":\"beauty\",\"score\":90}"), 400,
		     NULL);
	assert_error(srv, http(srv, ducha, "POST", path, "{\"month\":\"2021-13\",\"item\":\"hygiene\",\"score\":90}"),
		     400, NULL);
	assert_error(srv, http(srv, ducha, "POST", path, "{\"month\":\"2099-01\",\"item\":\"hygiene\",\"score\":90}"),
		     400, NULL);
	/* the station's chief does not score his own station */
	assert_error(srv, http(srv, as(srv, "suozhang"), "POST", path,
			       "{\"month\":\"2021-06\",\"item\":\"hygiene\",\"score\":100}"),
		     403, NULL);
	/* scored twice: the second replaces the first */
	EXPECT(http(srv, ducha, "POST", path, "{\"month\":\"2021-06\",\"item\":\"hygiene\",\"score\":60}"), 200);
	EXPECT(http(srv, ducha, "POST", path, "{\"month\":\"2021-06\",\"item\":\"hygiene\",\"score\":70}"), 200);
	{
		struct resp *r = http(srv, ducha, "GET", fmt(srv, API "/station-checklists/%lld?month=2021-06", cg), NULL);

		EXPECT(r, 200);
		assert_true(fabs(num(item_of(jpath(r->json, "items"), "hygiene"), "score") - 70) < 0.01);
	}
}

STORY(the_month_as_a_workbook)
{
	struct session *ducha = as(srv, "ducha");
	struct resp *r = http(srv, ducha, "GET", API "/station-checklists", NULL), *x;
	struct ps_err err = { 0 };
	struct buf csv;
	json_t *first;

	EXPECT(r, 200);
	assert_true(json_array_size(jpath(r->json, "items")) >= 2);
	first = json_array_get(jpath(r->json, "items"), 0);
	x = http(srv, ducha, "GET", API "/station-checklists.xlsx", NULL);
	EXPECT(x, 200);
	assert_true(x->body_len > 100 && memcmp(x->body, "PK", 2) == 0);
	buf_init(&csv, 1 << 20);
	assert_int_equal(xlsx_to_csv((const unsigned char *)x->body, x->body_len, &csv, &err), PS_OK);
	assert_non_null(strstr(csv.p, "名次,派出所,值班签到好,环境卫生好,请假销假好,档案整理好,破案质量好,服务态度好,"
				      "群众反映好,学习训练好,警容风纪好,总分"));
	assert_non_null(strstr(csv.p, json_string_value(json_object_get(first, "name"))));
	buf_release(&csv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nine_items_from_the_records),
		cmocka_unit_test(the_inspector_scores_only_what_no_record_shows),
		cmocka_unit_test(the_month_as_a_workbook),
	};

	/* one demo county for the file (as() keeps one session per user) */
	return cmocka_run_group_tests(tests, setup_demo, teardown_server);
}
