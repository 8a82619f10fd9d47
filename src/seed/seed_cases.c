/* seed_cases.c — demo cases in every state, made through the same domain
 * operations (and so the same rules and audit) as real work: each step is
 * taken by the demo account whose job it is. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/cases/case_actions.h"
#include "domain/cases/case_records.h"
#include "domain/cases/case_facts.h"
#include "domain/cases/cases.h"
#include "domain/custody/custody.h"
#include "domain/clocks/measures.h"
#include "domain/cases/interviews.h"
#include "domain/cases/evidence.h"
#include "domain/rows.h"
#include "domain/admin/users.h"
#include "rules/idcard.h"

#include <stdio.h>
#include <string.h>

#define TRY(x) do { rc = (x); json_decref(out); out = NULL; if (rc) return rc; } while (0)

static int64_t uid(struct ctx *c, const char *username)
{
	int64_t id = 0;

	users_find_id(c, username, &id);
	return id;
}

/* A valid GB 11643 number from 17 digits. */
static const char *idno(struct ctx *c, const char *d17)
{
	return arena_printf(c->arena, "%s%c", d17, idcard_check_char(d17));
}

struct story {
	int64_t case_id, suspect;
	int64_t statement; /* the evidence item of the suspect's signed 笔录 */
};

/* Register a case at the officer's station with a co-officer. */
static int open_case(struct ctx *c, const char *officer, const char *co, const char *kind,
		     const char *procedure, const char *title, const char *offence,
		     const char *summary, const char *act_date, const char *place,
		     const char *reporter, struct story *s)
{
	struct case_input in;
	json_t *out = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	TRY(auth_actor_load(c, officer));
	in.kind = kind;
	in.procedure = procedure;
	in.title = title;
	in.offence_code = offence;
	in.summary = summary;
	in.source = "walk_in";
	in.act_date = act_date;
	in.act_place = place;
	in.co_officer_id = co ? uid(c, co) : 0;
	in.recording_id = co ? NULL : "AV-DEMO-ONSPOT";
	in.reporter_name = reporter;
	in.reporter_phone = reporter ? "13800001111" : NULL;
	rc = cases_create(c, &in, &out);
	if (!rc)
		s->case_id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	return rc;
}

static int add_suspect(struct ctx *c, struct story *s, const char *name, const char *d17)
{
	struct party_input p = { 0 };
	json_t *out = NULL;
	int rc;

	p.role = "suspect";
	p.name = name;
	p.id_number = idno(c, d17);
	p.phone = "13900002222";
	p.address = "示范县城关镇";
	rc = parties_add(c, s->case_id, &p, &out);
	if (!rc)
		s->suspect = json_integer_value(json_object_get(json_object_get(out, "party"), "id"));
	json_decref(out);
	return rc;
}

/* A signed inquiry of the suspect by the two case officers. */
static int interview(struct ctx *c, struct story *s, const char *o1, const char *o2)
{
	struct interview_input in;
	json_t *out = NULL, *qa;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	qa = json_pack("[{s:s,s:s},{s:s,s:s},{s:s,s:s}]",
		       "q", "我们是城关派出所民警，现依法对你进行询问，你有如实回答的义务，也有申辩的权利，听清楚了吗？",
		       "a", "听清楚了。",
		       "q", "请讲一下事情的经过。", "a", "当天晚上我和对方发生争执，动手推搡了对方。",
		       "q", "以上所说是否属实？", "a", "属实。");
	in.party_id = s->suspect;
	in.kind = "inquiry";
	in.start_at = c->now;
	in.has_start = 1;
	in.place_kind = "station_room";
	in.place = "城关派出所询问室（一）";
	in.recording_id = "AV-DEMO-0001";
	in.officer_ids[0] = uid(c, o1);
	in.officer_ids[1] = uid(c, o2);
	in.nofficers = 2;
	in.summoned = 1;
	in.family_notified_at = c->now;
	in.has_family_notified = 1;
	in.qa = qa;
	rc = interviews_create(c, s->case_id, &in, &out);
	json_decref(qa);
	if (rc)
		return rc;
	id = json_integer_value(json_object_get(json_object_get(out, "interview"), "id"));
	json_decref(out);
	out = NULL;
	memset(&in, 0, sizeof(in));
	in.nofficers = -1;
	in.read_back = in.subject_signed = in.officer_signed = 1;
	in.has_read_back = in.has_subject_signed = in.has_officer_signed = 1;
	TRY(interviews_update(c, id, &in, &out));
	TRY(interview_sign(c, id, &out));
	{
		/* the signed record enters the evidence file (证据清单) */
		struct evidence_input e = { 0 };
		json_t *v;
		size_t i;

		e.kind = "statement";
		e.title = "违法嫌疑人询问笔录";
		e.source = "本所询问室";
		e.interview_id = id;
		rc = evidence_create(c, s->case_id, &e, &out);
		if (rc)
			return rc;
		json_array_foreach(json_object_get(out, "evidence"), i, v)
			s->statement = json_integer_value(json_object_get(v, "id"));
		json_decref(out);
		out = NULL;
	}
	return PS_OK;
}

static int act(struct ctx *c, struct story *s, const char *who, const char *action,
	       const char *text)
{
	struct action_input in = { text, text, text, text, "AV-DEMO-0002", NULL, NULL, 0, 0 };
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, who));
	TRY(case_actions_run(c, s->case_id, action, &in, &out));
	return PS_OK;
}

/* Propose, tell the party, submit. */
static int propose(struct ctx *c, struct story *s, const char *officer, const char *offence,
		   const char *tier, int warning, int fine, int det, const char *lenient,
		   const char *told)
{
	struct proposal_input p = { 0 };
	struct notice_input n = { 0 };
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, officer));
	p.party_id = s->suspect;
	p.offence_code = offence;
	p.tier = tier;
	p.warning = warning;
	p.fine = fine;
	p.det_days = det;
	p.lenient_reason = lenient;
	TRY(proposals_create(c, s->case_id, &p, &out));
	n.party_id = s->suspect;
	n.kind = "rights";
	n.penalty_text = told;
	n.statement = "对违法事实无异议，请求从轻处理。";
	/* ADM-NOTICE-EVIDENCE: the notice cites the file's evidence */
	n.evidence_ids = s->statement ? json_pack("[I]", (json_int_t)s->statement) : NULL;
	if (!s->statement)
		n.statement_missing_reason = "违法嫌疑人当场口头陈述，未制作笔录";
	rc = notices_create(c, s->case_id, &n, &out);
	json_decref(n.evidence_ids);
	json_decref(out);
	return rc;
}

/* A measure started `ago` seconds before now by `who`. */
static int measure(struct ctx *c, struct story *s, const char *who, const char *kind,
		   const char *tier, const char *reason, int64_t ago, int64_t *id)
{
	struct measure_input in = { 0 };
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, who));
	in.party_id = s->suspect;
	in.kind = kind;
	in.tier = tier;
	in.reason = reason;
	in.started_at = c->now - ago;
	in.has_started = 1;
	rc = measures_start(c, s->case_id, &in, &out);
	if (!rc)
		*id = json_integer_value(json_object_get(json_object_get(out, "measure"), "id"));
	json_decref(out);
	return rc;
}

/* The 传唤证 for the story's suspect, signed by the station's chief
 * (ADM-SUMMON-APPROVAL). */
static int summons_doc(struct ctx *c, struct story *s)
{
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, "suozhang"));
	rc = documents_issue(c, s->case_id, "summons", s->suspect, &out);
	json_decref(out);
	return rc;
}

/* The person in the 办案区: checked, belongings locked away, in a room. */
static int custody(struct ctx *c, struct story *s, const char *officer, int64_t measure_id,
		   int64_t ago, const char *room_kind, const char *room_no)
{
	struct custody_input in = { 0 };
	struct custody_item_input items[] = { { "手机", "1部" }, { "钱包", "1个" } };
	json_t *out = NULL;
	int64_t id;
	int rc;

	TRY(auth_actor_load(c, officer));
	in.case_id = s->case_id;
	in.party_id = s->suspect;
	in.measure_id = measure_id;
	in.reason = "传唤到案接受询问";
	in.arrived_at = c->now - ago;
	in.has_arrived = 1;
	rc = custody_enter(c, &in, &out);
	if (rc)
		return rc;
	id = json_integer_value(json_object_get(json_object_get(out, "entry"), "id"));
	json_decref(out);
	out = NULL;
	TRY(custody_check(c, id, "未发现违禁品及危险物品", "A-07", items, 2, &out));
	TRY(custody_room(c, id, room_kind, room_no, &out));
	TRY(custody_log(c, id, "meal", "午餐（盒饭）", &out));
	return PS_OK;
}

/* The demo cases in every state, taken step by step by the demo accounts
 * through the case operations (seed_cases.c). */
SEED_STEP(20, seed_demo_cases);
int seed_demo_cases(struct ctx *c)
{
	/* the stories the clocks come back to (by the ids they were given:
	 * on PostgreSQL a rolled-back init has used the first ones) */
	struct story s, s2, s4, s15;
	int rc;

	/* 1. accepted: a report just registered */
	memset(&s, 0, sizeof(s));
	rc = open_case(c, "minjing1", "minjing2", "admin", "normal", "盗窃电动车电瓶", "OF-065",
		       "报案人称其停放在小区楼下的电动车电瓶被盗，价值约三百元。", "2026-11-27",
		       "城关镇幸福小区", "王秀英", &s);
	if (rc)
		return rc;

	/* 2. filed: suspect questioned, case filed */
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing2", "minjing1", "admin", "normal", "寻衅滋事", "OF-012",
			    "嫌疑人在夜市无故拦截、辱骂路人。", "2026-11-20", "城关镇夜市", "赵海", &s)) ||
	    (rc = add_suspect(c, &s, "孙大勇", "14010219880215123")) ||
	    (rc = interview(c, &s, "minjing2", "minjing1")) ||
	    (rc = act(c, &s, "minjing2", "file", NULL)))
		return rc;
	s2 = s;

	/* 3. approving at the station: noise, fine 200 (ZA2025 Art 88) */
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing1", "minjing2", "admin", "normal", "噪声干扰他人生活", "OF-126",
			    "嫌疑人多次于深夜在住宅内使用音响，经劝阻不改。", "2026-11-15", "城关镇东街12号",
			    "钱丽", &s)) ||
	    (rc = add_suspect(c, &s, "周建明", "14010219750630101")) ||
	    (rc = interview(c, &s, "minjing1", "minjing2")) ||
	    (rc = act(c, &s, "minjing1", "file", NULL)) ||
	    (rc = propose(c, &s, "minjing1", "OF-126", "基本", 0, 200, 0, NULL, "拟处罚款二百元")) ||
	    (rc = act(c, &s, "minjing1", "submit", NULL)))
		return rc;

	/* 4. 以罚代拘 awaiting the station's legal review: theft, fine only */
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing2", "minjing1", "admin", "normal", "盗窃（多次）", "OF-065",
			    "嫌疑人一个月内三次在超市盗窃商品。", "2026-11-10", "城关镇华联超市", "华联超市",
			    &s)) ||
	    (rc = add_suspect(c, &s, "吴小军", "14010219990909321")) ||
	    (rc = interview(c, &s, "minjing2", "minjing1")) ||
	    (rc = act(c, &s, "minjing2", "file", NULL)) ||
	    (rc = propose(c, &s, "minjing2", "OF-065", "情节较重", 0, 800, 0,
			  "嫌疑人系在校学生，已全额退赔并取得谅解，拟不予拘留。", "拟处罚款八百元")) ||
	    (rc = act(c, &s, "minjing2", "submit", NULL)))
		return rc;
	s4 = s;

	/* 5. approving at the bureau: assault, 5 days + 500元 (ZA2025 Art 51) */
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing1", "minjing2", "admin", "normal", "殴打他人", "OF-052",
			    "嫌疑人酒后与他人发生口角，用拳头殴打对方面部，致对方轻微伤。", "2026-11-26",
			    "城关镇人民路烧烤店", "李建国", &s)) ||
	    (rc = add_suspect(c, &s, "张志强", "14010219900307123")) ||
	    (rc = interview(c, &s, "minjing1", "minjing2")) ||
	    (rc = act(c, &s, "minjing1", "file", NULL)) ||
	    (rc = propose(c, &s, "minjing1", "OF-052", "基本", 0, 500, 5, NULL,
			  "拟处行政拘留五日，并处罚款五百元")) ||
	    (rc = act(c, &s, "minjing1", "submit", NULL)) ||
	    (rc = act(c, &s, "fazhi", "approve", "事实清楚，证据充分，拟处罚超出本所权限，报县局审批")) ||
	    (rc = act(c, &s, "suozhang", "approve", "同意，报县局审批")))
		return rc;

	/* 6–9. decided, delivered, closed, archived: public-order cases with a fine */
	for (int i = 0; i < 4; i++) {
		static const char *const names[] = { "郑永刚", "冯德胜", "陈春花", "褚卫东" };
		static const char *const ids[] = { "14010219800101111", "14010219820202222",
						   "14010219840303332", "14010219860404441" };
		memset(&s, 0, sizeof(s));
		if ((rc = open_case(c, i % 2 ? "minjing2" : "minjing1", i % 2 ? "minjing1" : "minjing2",
				    "admin", "normal", "扰乱公共场所秩序", "OF-002",
				    "嫌疑人在汽车站售票厅大声吵闹、推搡工作人员，经制止不听。", "2026-11-18",
				    "示范县汽车站", NULL, &s)) ||
		    (rc = add_suspect(c, &s, names[i], ids[i])) ||
		    (rc = interview(c, &s, "minjing1", "minjing2")) ||
		    (rc = act(c, &s, i % 2 ? "minjing2" : "minjing1", "file", NULL)) ||
		    (rc = propose(c, &s, i % 2 ? "minjing2" : "minjing1", "OF-002", "基本", 0, 300, 0,
				  NULL, "拟处罚款三百元")) ||
		    (rc = act(c, &s, i % 2 ? "minjing2" : "minjing1", "submit", NULL)) ||
		    (rc = act(c, &s, "suozhang", "approve", "同意")))
			return rc;
		if (i >= 1 && (rc = act(c, &s, i % 2 ? "minjing2" : "minjing1", "deliver", NULL)))
			return rc;
		if (i >= 2 && (rc = act(c, &s, "minjing1", "close", "罚款已缴纳")))
			return rc;
		if (i >= 3 && (rc = act(c, &s, "neiqin", "archive", NULL)))
			return rc;
	}

	/* 10. declined: a civil dispute, not a violation */
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing1", "minjing2", "admin", "normal", "邻里纠纷", NULL,
			    "双方因宅基地界线发生争执，无违法行为。", "2026-11-25", "城关镇北关村", "何大山",
			    &s)) ||
	    (rc = act(c, &s, "suozhang", "decline", "经审查，系民事纠纷，不属于违反治安管理行为，已告知当事人通过民事途径解决。")))
		return rc;

	/* 11. transferred; 12. withdrawn */
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing2", "minjing1", "admin", "normal", "非法侵入住宅", "OF-039",
			    "事发地在北社乡辖区。", "2026-11-24", "北社乡北社村", "吕小红", &s)) ||
	    (rc = act(c, &s, "suozhang", "transfer", "北社派出所")))
		return rc;
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing1", "minjing2", "admin", "normal", "故意损毁财物", "OF-070",
			    "报案人称车辆被划，后查明系自己刮蹭。", "2026-11-21", "城关镇解放路", "施文", &s)) ||
	    (rc = act(c, &s, "suozhang", "withdraw", "经调查，没有违法事实。")))
		return rc;

	/* 13. 调解结案 */
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing2", "minjing1", "admin", "normal", "殴打他人（邻里纠纷）", "OF-052",
			    "邻里因琐事发生推搡，情节轻微，双方同意调解。", "2026-11-22", "城关镇西街",
			    "孔繁荣", &s)) ||
	    (rc = act(c, &s, "minjing2", "file", NULL)) ||
	    (rc = act(c, &s, "minjing2", "mediate", "双方自愿和解，一方赔偿医药费八百元，当场履行完毕。")))
		return rc;

	/* 14. 当场处罚：a warning by one officer with full recording */
	memset(&s, 0, sizeof(s));
	if ((rc = open_case(c, "minjing1", NULL, "admin", "onspot", "扰乱公共场所秩序（当场处罚）", "OF-002",
			    "嫌疑人在公园内酒后大声喧哗，经教育当场认错。", "2026-11-28", "城关人民公园", NULL,
			    &s)) ||
	    (rc = add_suspect(c, &s, "曹小明", "14010220000808555")) ||
	    (rc = propose(c, &s, "minjing1", "OF-002", "基本", 1, 0, 0, NULL, "拟当场给予警告")) ||
	    (rc = act(c, &s, "minjing1", "onspot_decide", NULL)) ||
	    (rc = act(c, &s, "minjing1", "onspot_report", NULL)) ||
	    (rc = act(c, &s, "minjing1", "deliver", NULL)) ||
	    (rc = act(c, &s, "minjing1", "close", "当场执行完毕")))
		return rc;

	/* 15. a criminal case, reported three days ago (its 立案 and the
	 * detention come below) */
	memset(&s, 0, sizeof(s));
	{
		int64_t now = c->now;

		c->now = now - 3 * 86400;
		rc = open_case(c, "minjing1", "minjing2", "criminal", "normal", "入室盗窃", NULL,
			       "报案人家中被盗现金两万元及金首饰若干。", "2026-11-27", "城关镇南关小区8号楼", "严素芬", &s);
		c->now = now;
		if (rc)
			return rc;
	}
	s15 = s;

	/* the clocks running today */
	{
		int64_t mid;

		/* case 2: summoned 6 h 30 min ago (ADM-SUMMON-8H: WARN from 6 h) */
		memset(&s, 0, sizeof(s));
		s.case_id = s2.case_id;
		s.suspect = s2.suspect;
		if ((rc = summons_doc(c, &s)) ||
		    (rc = measure(c, &s, "minjing2", "summons", "8h", NULL, 6 * 3600 + 1800, &mid)) ||
		    (rc = custody(c, &s, "minjing2", mid, 6 * 3600 + 1800, "inquiry_room", "询问室（一）")))
			return rc;
		/* case 4: the 24 h tier for a complex case, 20 h in (WARN from 18 h) */
		memset(&s, 0, sizeof(s));
		s.case_id = s4.case_id;
		s.suspect = s4.suspect;
		if ((rc = measure(c, &s, "suozhang", "summons", "24h", "多次盗窃，情况复杂，可能适用行政拘留（第五十八条）",
				  20 * 3600, &mid)) ||
		    (rc = custody(c, &s, "minjing2", mid, 20 * 3600, "holding_room", "候问室（二）")))
			return rc;
	}
	/* the criminal case: a suspect detained two days ago by the county's
	 * decision, in the 看守所 and family told — but not yet questioned:
	 * CRIM-DETAIN-QUESTION-24H has run out */
	{
		int64_t mid;
		json_t *out = NULL;

		int64_t now = c->now;

		memset(&s, 0, sizeof(s));
		s.case_id = s15.case_id;
		/* 立案 first, an hour before the detention (先立案后侦查) */
		c->now = now - 2 * 86400 - 3600;
		rc = act(c, &s, "juzhang", "file", NULL);
		c->now = now;
		if (rc ||
		    (rc = auth_actor_load(c, "minjing1")) ||
		    (rc = add_suspect(c, &s, "严小虎", "14010219950505125")) ||
		    (rc = measure(c, &s, "juzhang", "crim_detention", "3d", NULL, 2 * 86400, &mid)) ||
		    (rc = auth_actor_load(c, "minjing1")))
			return rc;
		TRY(measures_milestone(c, mid, "kss", c->now - 2 * 86400 + 5 * 3600, NULL, &out));
		TRY(measures_milestone(c, mid, "family", c->now - 2 * 86400 + 3 * 3600, NULL, &out));
	}

	/* 16. another station, for the county's view */
	memset(&s, 0, sizeof(s));
	rc = open_case(c, "beishe_mj1", "beishe_mj2", "admin", "normal", "赌博", "OF-114",
		       "群众举报村内有人聚众赌博。", "2026-11-26", "北社乡北社村", "匿名群众", &s);
	memset(&c->who, 0, sizeof(c->who));
	return rc;
}

/* The 认定事实 of case 2 (寻衅滋事, filed): written by its main officer and
 * corrected by his co-officer after the victims' statements — the case page
 * shows the text and its two-line history (sup6). */
SEED_STEP(160, seed_demo_case_facts);
int seed_demo_case_facts(struct ctx *c)
{
	struct rows_query q;
	json_t *out = NULL;
	int64_t id = 0;
	int rc;

	rows_binds(&q, c);
	rc = rows_int(&q, "SELECT id FROM police_case WHERE title = '寻衅滋事' AND status = 'filed'", 0, &id);
	if (rc || !id)
		return rc;
	TRY(auth_actor_load(c, "minjing2"));
	TRY(case_facts_put(c, id, "经查，嫌疑人孙大勇于2026年11月20日晚在城关镇夜市无故拦截路人，并以言语辱骂。", NULL, &out));
	TRY(auth_actor_load(c, "minjing1"));
	TRY(case_facts_put(c, id,
			   "经查，嫌疑人孙大勇于2026年11月20日21时许在城关镇夜市无故拦截、辱骂路人赵海等三人，"
			   "经现场群众劝阻仍不停止，情节恶劣。",
			   "根据被侵害人陈述补充时间和人数", &out));
	memset(&c->who, 0, sizeof(c->who));
	return PS_OK;
}
