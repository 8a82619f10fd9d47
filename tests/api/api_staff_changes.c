/* api_staff_changes.c — TEAM-TRAIN-GATE (issue 18): 任职, 职务晋升 and 警衔
 * need a passed training record of their course, finished on or before the
 * change's day. 李明 (minjing1) is promoted on 2021-06-01:
 *   no training → refused; a 晋升培训 not passed → refused; a passed
 *   警衔晋升培训 (another course) → refused; a passed 晋升培训 ending 06-10
 *   (after the day) → refused; a passed 晋升培训 ending 05-25 → recorded,
 *   tied to that training. 任职 takes a 任职培训; 警衔 a 警衔晋升培训. */
#include "harness.h"
#include "case_util.h"

#include <string.h>

#define CHANGE                                                                                                 \
	"{\"user_id\":%lld,\"kind\":\"%s\",\"effective_on\":\"%s\",\"title\":\"%s\",\"approving_body\":\"县公安局\","   \
	"\"document_no\":\"县公政〔2021〕%d号\"}"
#define TRAINING                                                                                               \
	"{\"user_id\":%lld,\"course\":\"%s\",\"body\":\"省人民警察培训学校\",\"from_on\":\"%s\",\"to_on\":\"%s\","          \
	"\"passed\":%s,\"certificate_no\":\"培%d\"}"

static long long training(struct server *srv, struct session *who, long long user, const char *course,
			  const char *from, const char *to, int passed, int n)
{
	struct resp *r = http(srv, who, "POST", API "/staff-trainings",
			      fmt(srv, TRAINING, user, course, from, to, passed ? "true" : "false", n));

	EXPECT(r, 201);
	return rnum(r, "training.id");
}

STORY(changes_need_a_passed_training)
{
	struct session *chief = as(srv, "suozhang");
	long long mj1 = user_id(srv, as(srv, "admin"), "minjing1"), good;
	struct resp *r;

	EXPECT_ERR(srv, http(srv, chief, "POST", API "/staff-changes", fmt(srv, CHANGE, mj1, "promotion", "2021-06-01", "副所长", 1)),
		   409, "TRAINING_REQUIRED", "TEAM-TRAIN-GATE");
	training(srv, chief, mj1, "promotion", "2021-05-01", "2021-05-20", 0, 1);
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/staff-changes", fmt(srv, CHANGE, mj1, "promotion", "2021-06-01", "副所长", 2)),
		   409, "TRAINING_REQUIRED", "TEAM-TRAIN-GATE");
	training(srv, chief, mj1, "rank", "2021-05-01", "2021-05-20", 1, 2);
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/staff-changes", fmt(srv, CHANGE, mj1, "promotion", "2021-06-01", "副所长", 3)),
		   409, "TRAINING_REQUIRED", "TEAM-TRAIN-GATE");
	training(srv, chief, mj1, "promotion", "2021-06-01", "2021-06-10", 1, 3);
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/staff-changes", fmt(srv, CHANGE, mj1, "promotion", "2021-06-01", "副所长", 4)),
		   409, "TRAINING_REQUIRED", "TEAM-TRAIN-GATE");
	good = training(srv, chief, mj1, "promotion", "2021-05-10", "2021-05-25", 1, 4);
	r = http(srv, chief, "POST", API "/staff-changes", fmt(srv, CHANGE, mj1, "promotion", "2021-06-01", "副所长", 5));
	EXPECT(r, 201);
	EXPECT_NUM(r, "change.training_id", good);
	EXPECT_STR(r, "change.title", "副所长");
	/* the 警衔 change takes the 警衔晋升培训 passed before */
	r = http(srv, chief, "POST", API "/staff-changes", fmt(srv, CHANGE, mj1, "rank", "2021-07-01", "一级警司", 6));
	EXPECT(r, 201);
	/* 任职 takes a 初任培训 or 任职培训: neither yet */
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/staff-changes", fmt(srv, CHANGE, mj1, "appointment", "2021-08-01", "社区民警", 7)),
		   409, "TRAINING_REQUIRED", "TEAM-TRAIN-GATE");
	training(srv, as(srv, "neiqin"), mj1, "appointment", "2021-07-01", "2021-07-10", 1, 5);
	EXPECT(http(srv, as(srv, "neiqin"), "POST", API "/staff-changes",
		    fmt(srv, CHANGE, mj1, "appointment", "2021-08-01", "社区民警", 8)),
	       201);

	/* a training not yet over cannot be passed; missing fields */
	assert_error(srv, http(srv, chief, "POST", API "/staff-trainings",
			       fmt(srv, TRAINING, mj1, "promotion", "2021-05-10", "2099-01-01", "true", 9)),
		     400, NULL);
	assert_error(srv, http(srv, chief, "POST", API "/staff-changes",
			       fmt(srv, "{\"user_id\":%lld,\"kind\":\"promotion\",\"effective_on\":\"2021-06-01\","
					"\"title\":\"副所长\",\"approving_body\":\"县公安局\"}", mj1)),
		     400, NULL);
	/* an officer records nothing; another station's chief not for 城关 */
	assert_error(srv, http(srv, as(srv, "minjing1"), "POST", API "/staff-changes",
			       fmt(srv, CHANGE, mj1, "promotion", "2021-06-01", "所长", 9)),
		     403, NULL);
	assert_error(srv, http(srv, as(srv, "beishe_sz"), "POST", API "/staff-trainings",
			       fmt(srv, TRAINING, mj1, "promotion", "2021-05-10", "2021-05-25", "true", 10)),
		     403, NULL);

	/* 李明's records: these three changes and five trainings, and the demo's
	 * promotion with its two trainings (seed_team_assess.c) */
	r = http(srv, chief, "GET", fmt(srv, API "/staff-changes?user_id=%lld", mj1), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "changes")), 4);
	assert_int_equal(json_array_size(jpath(r->json, "trainings")), 7);
	assert_error(srv, http(srv, as(srv, "minjing1"), "GET", API "/staff-changes", NULL), 403, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(changes_need_a_passed_training, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
