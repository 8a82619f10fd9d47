/* api_compensation.c — the 国家赔偿 workflow (issue 15, SUP-PC-*) over
 * HTTP against the demo county, on case 8 of 城关 (decided; its officers
 * 李明 main and 张伟 co, approved by 王建华):
 *   - SUP-PC-INTAKE: a dated receipt; the one-time notice of everything
 *     missing, within 5 days of receipt, once, on the 预警 board until given;
 *   - SUP-PC-DECIDE-2M: the 2-month decision clock; no decision before the
 *     claimant is heard;
 *   - SUP-PC-RECOVER: the payment puts the sum on the case's 执法过错 task. */
#include "harness.h"
/* the clock helpers: this file uses some of them */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "clock_util.h"

#include <string.h>

static long long q1(struct server *srv, const char *sql)
{
	return db_raw_int(srv->db, sql, NULL);
}

static long long k8(struct server *srv)
{
	return q1(srv, "SELECT case_id FROM appeal WHERE applicant = '陈春花'");
}

/* A 国家赔偿 application on case 8 received `ago` days before today. */
static struct resp *apply(struct server *srv, const char *kind, int ago, int incomplete)
{
	int64_t today = lday(srv_now(srv));

	return http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k8(srv)),
		    J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "kind", "state_compensation", "applicant", "陈春花",
		      "known_on", ymd(srv, today - ago - 3), "applied_on", ymd(srv, today - ago), "received_on",
		      ymd(srv, today - ago), "organ", "城关派出所", "comp_kind", kind, "materials_incomplete", incomplete));
}

STORY(compensation_intake_receipt_and_one_time_notice)
{
	struct resp *r;
	long long id, late, full;
	int64_t t0, today, d;
	json_t *w;

	clocks_begin(srv);
	t0 = morning_when(srv, workday);
	today = lday(t0);
	/* the kind is required */
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k8(srv)),
			J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "state_compensation", "applicant", "陈春花", "known_on",
			  ymd(srv, today - 3), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
			  "城关派出所")),
		   400, "COMP_KIND", "SUP-PC-INTAKE");
	r = apply(srv, "admin_comp", 0, 1);
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_STR(r, "comp_kind", "admin_comp");
	EXPECT_BOOL(r, "materials_complete", 0);
	/* the receipt: numbered by the record, the year of the day received */
	EXPECT_STR(r, "receipt_no", fmt(srv, "赔收〔%.4s〕%05lld号", ymd(srv, today), id));
	/* the 5-day notice clock (a last day on a holiday moves on) */
	w = warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:complete", id));
	assert_non_null(w);
	assert_string_equal(jstr(w, "rule"), "SUP-PC-INTAKE");
	d = today + 5;
	while (!workday(srv, d))
		d++;
	assert_int_equal(deadline_of(srv, "suozhang", fmt(srv, "appeal:%lld:complete", id)), midnight(d + 1));
	/* and the 2-month decision clock */
	w = warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:decide", id));
	assert_non_null(w);
	assert_string_equal(jstr(w, "rule"), "SUP-PC-DECIDE-2M");
	/* the notice: everything at once, once */
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/completion-notice", id),
		    J(srv, "{s:s}", "notice_on", ymd(srv, today))),
	       400);
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/completion-notice", id),
		 J(srv, "{s:s, s:s}", "notice_on", ymd(srv, today), "items",
		   "1. 身份证复印件；2. 被扣押财物的损失证明；3. 赔偿数额的计算依据。"));
	EXPECT(r, 200);
	EXPECT_STR(r, "completion_notice_on", ymd(srv, today));
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:complete", id)));
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/completion-notice", id),
			J(srv, "{s:s, s:s}", "notice_on", ymd(srv, today), "items", "4. 另需银行账户。")),
		   409, "COMP_NOTICE_ONCE", "SUP-PC-INTAKE");
	/* received six days ago: too late for the notice */
	late = rnum(apply(srv, "crim_comp", 6, 1), "id");
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/completion-notice", late),
			J(srv, "{s:s, s:s}", "notice_on", ymd(srv, today), "items", "身份证复印件")),
		   409, "COMP_NOTICE_LATE", "SUP-PC-INTAKE");
	/* five days after is still in time */
	late = rnum(apply(srv, "crim_comp", 5, 1), "id");
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/completion-notice", late),
		    J(srv, "{s:s, s:s}", "notice_on", ymd(srv, today), "items", "身份证复印件")),
	       200);
	/* complete at intake: nothing to notify, no clock */
	full = rnum(apply(srv, "admin_comp", 0, 0), "id");
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:complete", full)));
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/completion-notice", full),
			J(srv, "{s:s, s:s}", "notice_on", ymd(srv, today), "items", "身份证复印件")),
		   409, "COMP_MATERIALS_COMPLETE", "SUP-PC-INTAKE");
	/* not a compensation record */
	EXPECT(http(srv, S("fazhi"), "POST",
		    fmt(srv, API "/appeals/%lld/completion-notice", q1(srv, "SELECT id FROM appeal WHERE applicant = '陈春花'"
								     " AND kind = 'reconsideration'")),
		    J(srv, "{s:s, s:s}", "notice_on", ymd(srv, today), "items", "身份证复印件")),
	       409);
}

STORY(compensation_decided_after_hearing_then_paid_and_recovered)
{
	struct resp *r;
	long long id, none, fid;
	int64_t today;

	clocks_begin(srv);
	today = lday(srv_now(srv));
	id = rnum(apply(srv, "admin_comp", 1, 0), "id");
	/* SUP-PC-DECIDE-2M: no decision before the claimant is heard */
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/outcome", id),
			J(srv, "{s:s, s:s, s:I}", "outcome", "compensated", "outcome_on", ymd(srv, today), "amount",
			  (json_int_t)3000)),
		   409, "COMP_NOT_HEARD", "SUP-PC-DECIDE-2M");
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/outcome", id),
		    J(srv, "{s:s, s:s}", "outcome", "revoked", "outcome_on", ymd(srv, today))),
	       400);
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/hearing", id),
		    J(srv, "{s:s}", "heard_on", ymd(srv, today))),
	       400);
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/hearing", id),
		    J(srv, "{s:s, s:s}", "heard_on", ymd(srv, today - 2), "note", "早于收到申请")),
	       400);
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/hearing", id),
		 J(srv, "{s:s, s:s}", "heard_on", ymd(srv, today), "note", "请求人要求赔偿扣押期间的停业损失三千元。"));
	EXPECT(r, 200);
	EXPECT_STR(r, "heard_on", ymd(srv, today));
	/* paying before the decision is refused */
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/payment", id),
			J(srv, "{s:s}", "paid_on", ymd(srv, today))),
		   409, "COMP_NOT_DECIDED", "SUP-PC-RECOVER");
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/outcome", id),
		 J(srv, "{s:s, s:s, s:I}", "outcome", "compensated", "outcome_on", ymd(srv, today), "amount",
		   (json_int_t)3000));
	EXPECT(r, 200);
	EXPECT_BOOL(r, "against_station", 1);
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:decide", id)));
	fid = q1(srv, fmt(srv, "SELECT id FROM fault_finding WHERE source = 'appeal' AND source_id = %lld", id));
	assert_true(fid > 0);
	/* SUP-PC-RECOVER: the payment puts the sum on that task */
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/payment", id),
		 J(srv, "{s:s}", "paid_on", ymd(srv, today)));
	EXPECT(r, 200);
	EXPECT_STR(r, "paid_on", ymd(srv, today));
	assert_int_equal(q1(srv, fmt(srv, "SELECT recovery_amount FROM fault_finding WHERE id = %lld", fid)), 3000);
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM fault_finding WHERE source = 'appeal' AND source_id = %lld",
				     id)),
			 1);
	/* the task names the case's two officers and the approving chief */
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM fault_officer WHERE finding_id = %lld", fid)), 3);
	r = http(srv, S("fazhi"), "GET", API "/fault-findings", NULL);
	EXPECT(r, 200);
	{
		json_t *it;
		size_t i;
		int seen = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (jint(it, "id") == fid)
				seen = jint(it, "recovery_amount") == 3000;
		assert_int_equal(seen, 1);
	}
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/payment", id),
			J(srv, "{s:s}", "paid_on", ymd(srv, today))),
		   409, "COMP_PAID", "SUP-PC-RECOVER");

	/* the finding decided before the payment: a new task carries it */
	id = rnum(apply(srv, "admin_comp", 1, 0), "id");
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/hearing", id),
		    J(srv, "{s:s, s:s}", "heard_on", ymd(srv, today), "note", "请求赔偿五百元。")),
	       200);
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/outcome", id),
		    J(srv, "{s:s, s:s, s:I}", "outcome", "compensated", "outcome_on", ymd(srv, today), "amount",
		      (json_int_t)500)),
	       200);
	fid = q1(srv, fmt(srv, "SELECT id FROM fault_finding WHERE source = 'appeal' AND source_id = %lld", id));
	/* the station's chief approved the case and is named in the review:
	 * he may not decide it (回避); the county's 督察 does */
	EXPECT_ERR(srv,
		   http(srv, S("suozhang"), "POST", fmt(srv, API "/fault-findings/%lld/decide", fid),
			"{\"record_type\":\"defect\",\"reason\":\"扣押清单填写瑕疵，不影响处理结果。\"}"),
		   409, "RECUSED", "SUP-GC-DEF");
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/fault-findings/%lld/decide", fid),
		    "{\"record_type\":\"defect\",\"reason\":\"扣押清单填写瑕疵，不影响处理结果。\"}"),
	       200);
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/payment", id),
		    J(srv, "{s:s}", "paid_on", ymd(srv, today))),
	       200);
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM fault_finding WHERE source = 'appeal' AND source_id = %lld"
					 " AND status = 'open' AND recovery_amount = 500", id)),
			 1);

	/* 不予赔偿 (recorded as upheld): no task, nothing to pay */
	none = rnum(apply(srv, "crim_comp", 1, 0), "id");
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/hearing", none),
		    J(srv, "{s:s, s:s}", "heard_on", ymd(srv, today), "note", "请求赔偿拘留期间的损失。")),
	       200);
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/outcome", none),
		 J(srv, "{s:s, s:s}", "outcome", "upheld", "outcome_on", ymd(srv, today)));
	EXPECT(r, 200);
	EXPECT_BOOL(r, "against_station", 0);
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM fault_finding WHERE source = 'appeal' AND source_id = %lld",
				     none)),
			 0);
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/payment", none),
			J(srv, "{s:s}", "paid_on", ymd(srv, today))),
		   409, "COMP_NOT_DECIDED", "SUP-PC-RECOVER");
	/* another station's chief is refused */
	EXPECT(http(srv, S("beishe_sz"), "POST", fmt(srv, API "/appeals/%lld/hearing", none),
		    J(srv, "{s:s, s:s}", "heard_on", ymd(srv, today), "note", "越权")),
	       403);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(compensation_intake_receipt_and_one_time_notice),
		T(compensation_decided_after_hearing_then_paid_and_recovered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
