/* seed_supervision.c — the demo county's 执法监督 (issue 15 part A): what
 * the 警务公开 page and the 执法监督卡 print (county-wide settings, 城关's
 * own contact card), cards handed out, return visits (城关 also visits
 * suspects), complaints at several stages, an appeal running and one
 * decided, a 执法过错 review and a decided 瑕疵, and two interference
 * records — each made through the domain operations by the account whose
 * job it is, at times before the demo's "now". */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/admin/users.h"
#include "domain/rows.h"
#include "domain/supervision/supervision.h"
#include "domain/cases/recusals.h"

#include <string.h>

#define TRY(x) do { rc = (x); json_decref(out); out = NULL; if (rc) goto done; } while (0)
#define DAY (24 * 60 * 60)

static int setting(struct ctx *c, const char *key, int64_t unit, const char *value)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, key);
	if (unit)
		rows_bind_int(&q, unit);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, value);
	rows_bind_int(&q, c->now);
	return rows_exec(&q, "INSERT INTO setting(skey, unit_id, value, updated_by, updated_at) VALUES (?,?,?,NULL,?)",
			 NULL);
}

static int64_t id_of(struct ctx *c, const char *sql, const char *text)
{
	struct rows_query q;
	int64_t id = 0;

	rows_binds(&q, c);
	rows_bind_text(&q, text);
	rows_int(&q, sql, 0, &id);
	return id;
}

/* The party of a case by its role (the first one). */
static int64_t party(struct ctx *c, int64_t case_id, const char *role)
{
	struct rows_query q;
	int64_t id = 0;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_text(&q, role);
	rows_int(&q, "SELECT MIN(id) FROM case_party WHERE case_id = ? AND role = ?", 0, &id);
	return id;
}

static const char *date_of(struct ctx *c, int64_t t)
{
	int64_t saved = c->now;
	const char *s;

	c->now = t;
	s = ctx_today_str(c);
	c->now = saved;
	return s;
}

/* The demo county's 执法监督: settings of the public page and the card,
 * cards, return visits, complaints, appeals, findings, interference
 * records (seed_supervision.c). */
SEED_STEP(50, seed_demo_supervision);
int seed_demo_supervision(struct ctx *c)
{
	const int64_t now = c->now;
	int64_t cg = id_of(c, "SELECT id FROM org_unit WHERE name = ?", "城关派出所");
	int64_t bs = id_of(c, "SELECT id FROM org_unit WHERE name = ?", "北社派出所");
	int64_t k5 = id_of(c, "SELECT id FROM police_case WHERE title = ?", "殴打他人");
	int64_t k6 = id_of(c, "SELECT id FROM police_case WHERE case_no = ?", "城关派出所行〔2026〕00006号");
	int64_t k8 = id_of(c, "SELECT id FROM police_case WHERE case_no = ?", "城关派出所行〔2026〕00008号");
	int64_t k13 = id_of(c, "SELECT id FROM police_case WHERE title = ?", "殴打他人（邻里纠纷）");
	int64_t k14 = id_of(c, "SELECT id FROM police_case WHERE title = ?", "扰乱公共场所秩序（当场处罚）");
	int64_t liming = id_of(c, "SELECT id FROM users WHERE username = ?", "minjing1");
	json_t *out = NULL;
	int64_t id;
	int rc;

	/* what the public page and the card print: the county's, and 城关's
	 * own contact card */
	/* the supervision phone is each station's (here all the 督察大队's) */
	{
		struct rows_query q;
		json_t *units = NULL, *u;
		size_t i;

		rows_binds(&q, c);
		rc = rows_all(&q, "SELECT id FROM org_unit WHERE kind = 'station' ORDER BY id", &units);
		if (rc)
			goto done;
		json_array_foreach(units, i, u) {
			rc = setting(c, "station.supervision_phone", row_int(u, "id"), "0351-1234110");
			if (rc)
				break;
		}
		json_decref(units);
		if (rc)
			goto done;
	}
	TRY(setting(c, "station.bureau_complaint_phone", 0, "12389"));
	TRY(setting(c, "station.opening_hours", 0, "户籍、证件窗口：周一至周五 8:30—12:00，14:30—18:00；报警、求助：24小时"));
	TRY(setting(c, "station.case_scope", 0,
		    "辖区内发生的违反治安管理行为（治安案件）\n辖区内发生的刑事案件的受理、初查（立案侦查按管辖规定）\n"
		    "群众报警、求助和对民警执法的投诉\n户口登记、居住证、出租房屋登记等治安行政管理事项"));
	TRY(setting(c, "station.service_guide", 0,
		    "报案：来所报案或拨打110，受案后当场出具受案回执\n办理户口、居住证：携带身份证件及相关证明材料，一次告知所需材料\n"
		    "查询案件进度：凭受案回执编号和报案时所留手机号码后四位，在本页“案件进度查询”自助查询\n"
		    "投诉民警：可网上提交控告申诉，或拨打监督电话、公安局投诉电话"));
	TRY(setting(c, "station.complaint_channels", 0,
		    "来信：示范县公安局督察大队（示范县城区人民路1号）\n来访：示范县公安局信访接待室，工作日 9:00—17:00\n"
		    "12389 公安机关举报投诉电话"));
	TRY(setting(c, "station.contact_card", cg,
		    "东街社区警务室（社区民警） 0351-1230011\n西街社区警务室（社区民警） 0351-1230012\n城关派出所值班室 0351-1230001（24小时）"));
	/* 城关 also visits the suspects of its closed cases */
	TRY(setting(c, "return_visit.suspects", cg, "true"));

	/* 执法监督卡: handed to both parties of 殴打他人 */
	TRY(auth_actor_load(c, "minjing1"));
	c->now = now - 20 * DAY;
	TRY(supervision_cards_hand(c, k5, party(c, k5, "reporter"), "in_person", &out));
	TRY(supervision_cards_hand(c, k5, party(c, k5, "suspect"), "with_document", &out));

	/* 案件回访: a satisfied reporter, a dissatisfied suspect (review for the
	 * chief), one not reached; the archived case's suspect is still due */
	{
		struct return_visit_in v = { party(c, k13, "reporter"), 1, "phone", 5, "民警调解及时，很满意" };

		c->now = now - 2 * DAY;
		TRY(return_visits_create(c, k13, &v, &out));
		v.party_id = party(c, k8, "suspect"), v.satisfaction = 2, v.comments = "认为罚款偏重，办案民警解释不够";
		TRY(return_visits_create(c, k8, &v, &out));
		v.party_id = party(c, k14, "suspect"), v.reached = 0, v.satisfaction = 0, v.method = "phone";
		v.comments = "电话无人接听";
		TRY(return_visits_create(c, k14, &v, &out));
	}

	/* 信访投诉: one from the public form (waiting for the notice), one by
	 * phone linked to 殴打他人 (accepted, its 60 days running), one by
	 * letter about the closed 邻里纠纷 case, finished as not founded */
	c->now = now - 3 * DAY;
	{
		struct progress_result res;

		c->who.user_id = 0;
		c->client_ip = "127.0.0.1";
		TRY(complaints_public_file(c, cg, "民警处理我报的电动车电瓶被盗一案已经一周，没有人联系我，希望加快调查。", NULL,
					   "王先生", "13700005678", &res));
		json_decref(res.out);
	}
	TRY(auth_actor_load(c, "neiqin"));
	c->now = now - 12 * DAY;
	{
		struct complaint_in in = { 0, k5, 0, "phone", "complaint", "residual",
					   "报案人反映：被打后做完笔录，对方至今未受处理，认为民警偏袒对方。", "李建国", "13800001111",
					   "own", NULL, NULL, NULL, 0, 0 };

		TRY(complaints_create(c, &in, &out));
		id = id_of(c, "SELECT MAX(id) FROM complaint WHERE contact_name = ?", "李建国");
		TRY(auth_actor_load(c, "suozhang"));
		c->now = now - 11 * DAY;
		{
			struct complaint_step_in s = { NULL, NULL, NULL, "residual", NULL, NULL, 0, 0 };

			TRY(complaints_step(c, id, "accept", &s, &out));
		}
	}
	TRY(auth_actor_load(c, "neiqin"));
	c->now = now - 30 * DAY;
	{
		struct complaint_in in = { 0, k13, 0, "letter", "complaint", "residual",
					   "来信反映：邻里纠纷调解时民警态度生硬。", "孔繁荣", "13800001111",
					   "own", NULL, NULL, NULL, 0, 0 };

		TRY(complaints_create(c, &in, &out));
		id = id_of(c, "SELECT MAX(id) FROM complaint WHERE contact_name = ?", "孔繁荣");
		TRY(auth_actor_load(c, "suozhang"));
		c->now = now - 28 * DAY;
		{
			struct complaint_step_in s = { NULL, NULL, NULL, "residual", NULL, NULL, 0, 0 };

			TRY(complaints_step(c, id, "accept", &s, &out));
		}
		c->now = now - 5 * DAY;
		{
			json_t *officers = json_pack("[{s:I, s:s}]", "user_id", (json_int_t)liming, "finding", "unfounded");
			struct complaint_step_in s = { "经调取执法记录仪视频、询问双方，民警用语规范，反映的情况不属实。依据《信访工作条例》第三十二条答复。",
						       "unfounded", officers, NULL,
						       "调取执法记录仪视频，询问当事双方，民警调解时用语规范，未发现态度生硬的情形。",
						       "《信访工作条例》第三十二条", 0, 0 };

			rc = complaints_step(c, id, "finish", &s, &out);
			json_decref(officers);
			TRY(rc);
		}
	}
	TRY(auth_actor_load(c, "beishe_sz"));
	c->now = now - 2 * DAY;
	{
		struct complaint_in in = { bs, 0, 0, "visit", "petition", "residual",
					   "来访反映：宅基地纠纷报警后出警不及时。", "冯某", "13600009999",
					   "own", NULL, NULL, NULL, 0, 0 };

		TRY(complaints_create(c, &in, &out));
	}
	/* the 信访 scope rows: one transferred to 城关 by the county's 信访局
	 * yesterday (its 5-working-day objection window running), one outside
	 * the police's powers told where to go on the spot, and an anonymous
	 * letter that owes no written notice */
	TRY(auth_actor_load(c, "neiqin"));
	c->now = now - 1 * DAY;
	{
		struct complaint_in in = { 0, 0, 0, "letter", "petition", "residual",
					   "县信访局转来：反映小区门口夜市占道经营、噪音扰民。", "周女士", "13900002468",
					   "own", NULL, "transferred_in", "示范县信访局", 0, 0 };

		TRY(complaints_create(c, &in, &out));
	}
	c->now = now - 4 * DAY;
	{
		struct complaint_in in = { 0, 0, 0, "visit", "petition", "residual",
					   "来访反映：承包地被村委会收回，要求恢复承包。", "吴某", "13900001357",
					   "not_ours", "示范县农业农村局", NULL, NULL, 0, 0 };
		struct complaint_step_in s = { "您反映的土地承包问题属于示范县农业农村局职责，请向该局提出。", NULL, NULL, NULL,
					       NULL, NULL, 0, 0 };

		TRY(complaints_create(c, &in, &out));
		id = id_of(c, "SELECT MAX(id) FROM complaint WHERE contact_name = ?", "吴某");
		TRY(auth_actor_load(c, "suozhang"));
		TRY(complaints_step(c, id, "notify", &s, &out));
		TRY(auth_actor_load(c, "neiqin"));
	}
	c->now = now - 2 * DAY;
	{
		struct complaint_in in = { 0, 0, 0, "letter", "complaint", "residual",
					   "匿名来信反映：某路段夜间有人聚众赌博。", NULL, NULL, "own", NULL, NULL, NULL, 1, 0 };

		TRY(complaints_create(c, &in, &out));
	}

	/* 复议 against the decision of case 8 (its answer clock running), and a
	 * decided one against case 14 (upheld) */
	TRY(auth_actor_load(c, "fazhi"));
	c->now = now - 1 * DAY;
	{
		struct appeal_in a = { "reconsideration", "陈春花", date_of(c, now - 10 * DAY), date_of(c, now - 3 * DAY),
				       date_of(c, now - 1 * DAY), "示范县人民政府", 0, 0, NULL, 0 };

		TRY(appeals_create(c, k8, &a, &out));
		a.applicant = "曹小明", a.known_on = date_of(c, now - 30 * DAY), a.applied_on = date_of(c, now - 20 * DAY);
		a.received_on = date_of(c, now - 18 * DAY);
		TRY(appeals_create(c, k14, &a, &out));
		id = id_of(c, "SELECT MAX(id) FROM appeal WHERE applicant = ?", "曹小明");
		TRY(appeals_answer(c, id, date_of(c, now - 12 * DAY), &out));
		TRY(appeals_outcome(c, id, "upheld", 0, date_of(c, now - 2 * DAY), "复议机关维持原处罚决定", &out));
	}
	/* 曹小明 then sued: the station and the 复议机关 are joint defendants */
	{
		int64_t prior = id_of(c, "SELECT MAX(id) FROM appeal WHERE applicant = ?", "曹小明");
		struct appeal_in a = { "litigation", "曹小明", date_of(c, now - 2 * DAY), date_of(c, now - 1 * DAY),
				       date_of(c, now - 1 * DAY), "示范县人民法院", 0, prior, NULL, 0 };

		TRY(appeals_create(c, k14, &a, &out));
	}
	/* 陈春花 also claims 行政赔偿 for case 8: her material was incomplete,
	 * the completion notice went out the next day, she has been heard; the
	 * decision is due within two months */
	c->now = now - 3 * DAY;
	{
		struct appeal_in a = { "state_compensation", "陈春花", date_of(c, now - 10 * DAY), date_of(c, now - 3 * DAY),
				       date_of(c, now - 3 * DAY), "城关派出所", 0, 0, "admin_comp", 1 };

		TRY(appeals_create(c, k8, &a, &out));
		id = id_of(c, "SELECT MAX(id) FROM appeal WHERE kind = ?", "state_compensation");
		c->now = now - 2 * DAY;
		TRY(appeals_completion_notice(c, id, date_of(c, now - 2 * DAY),
					      "1. 营业执照复印件；2. 停业期间的收入损失证明；3. 赔偿数额的计算依据。", &out));
		c->now = now - 1 * DAY;
		TRY(appeals_hearing(c, id, date_of(c, now - 1 * DAY), "请求人要求赔偿扣押电动车期间的误工损失一千二百元。", &out));
	}

	/* 回避: on case 1 the reporter asks that 张伟 withdraw (pending the
	 * chief's decision); on case 3 李明's own declaration was refused */
	TRY(auth_actor_load(c, "minjing1"));
	c->now = now - 1 * DAY;
	{
		int64_t k1 = id_of(c, "SELECT id FROM police_case WHERE title = ?", "盗窃电动车电瓶");
		int64_t k3 = id_of(c, "SELECT id FROM police_case WHERE title = ?", "噪声干扰他人生活");
		int64_t zw = id_of(c, "SELECT id FROM users WHERE username = ?", "minjing2");
		struct recusal_in r1 = { zw, "requested", "interest", "报案人",
					 "报案人反映协办民警张伟与违法嫌疑人系同村邻居，申请其回避。" };
		struct recusal_in r3 = { liming, "declared", "other", NULL, "违法嫌疑人曾向本人打听案件情况，主动申请回避。" };

		TRY(recusals_create(c, k1, &r1, &out));
		TRY(recusals_create(c, k3, &r3, &out));
		id = id_of(c, "SELECT MAX(id) FROM recusal WHERE reason = ?", r3.reason);
		TRY(auth_actor_load(c, "suozhang"));
		TRY(recusals_decide(c, id, 0, "打听情况不构成回避事由，已告知其不得透露案情，驳回。", &out));
	}
	/* 执法过错: a 瑕疵 found in case 6 (a wrong article cited, corrected) */
	TRY(auth_actor_load(c, "fazhi"));
	c->now = now - 6 * DAY;
	{
		json_t *officers = json_pack("[{s:I, s:s}]", "user_id", (json_int_t)liming, "part", "handler");
		struct fault_in f = { k6, 0, 0, "case_review", officers };

		rc = fault_findings_create(c, &f, &out);
		json_decref(officers);
		TRY(rc);
		id = id_of(c, "SELECT MAX(id) FROM fault_finding WHERE source = ?", "case_review");
	}
	TRY(auth_actor_load(c, "suozhang"));
	c->now = now - 4 * DAY;
	TRY(fault_findings_decide(c, id, "defect", NULL, NULL,
				  "处罚决定书引用条款项错误，不影响处理结果，属执法瑕疵，已责令更正并纳入执法质量考评。", &out));

	/* 干预执法: recorded by the officers who were asked */
	TRY(auth_actor_load(c, "minjing1"));
	c->now = now - 9 * DAY;
	{
		struct interference_in f = { k5, now - 9 * DAY - 3600, "某镇干部（自称嫌疑人亲属）", "phone",
					     "打电话询问殴打他人案办理进度，要求“从轻处理、不要拘留”。", 0, 1 };

		TRY(interferences_create(c, &f, &out));
	}
	TRY(auth_actor_load(c, "minjing2"));
	c->now = now - 7 * DAY;
	{
		struct interference_in f = { k5, now - 7 * DAY - 7200, "县局某科室民警", "visit",
					     "到所里打听案情，询问能否“调解了事”。", 1, 0 };

		TRY(interferences_create(c, &f, &out));
	}
	rc = PS_OK;
done:
	c->now = now;
	return rc;
}
