/* seed_learn.c — the demo's 队伍管理 (issue 18, part 2): the 三考题库 (the
 * questions generated from the catalog and a dozen written by 城关's legal
 * officer), last month's formal exam and the 执法资格 基本级 exam sat by
 * 城关's officers with their scores, and a practice. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/team/equipment.h"
#include "domain/team/exams.h"
#include "domain/team/questions.h"

#include <string.h>

#define TRY(x)                 \
	do {                   \
		rc = (x);      \
		if (rc)        \
			return rc; \
	} while (0)

static const struct {
	const char *kind, *stem, *opts[4], *answer, *explanation;
} manual[] = {
	{ "single", "民警在执法办案中使用执法记录仪，记录仪应当：", { "由个人自行购买保管", "责任到人，领用归还登记", "放在车上随时取用", "由辅警统一保管" }, "B",
	  "摄录机的管理运用责任到人，领用、归还均应登记。" },
	{ "single", "询问违法嫌疑人时，办案民警人数不得少于：", { "1人", "2人", "3人", "4人" }, "B", "询问应由两名以上人民警察进行。" },
	{ "multiple", "下列哪些人员不得担任案件主办人？", { "辅警", "未取得基本级执法资格的民警", "已取得中级执法资格的民警", "以工代警人员" }, "ABD",
	  "辅警不具有执法权；未取得基本级执法资格的民警不得执法办案。" },
	{ "multiple", "派出所“九好”检查内容包括：", { "值班签到好", "档案整理好", "群众反映好", "罚没收入多" }, "ABC", "“九好”不以罚没收入为考核内容。" },
	{ "judge", "辅警可以单独对违法嫌疑人进行询问并制作笔录。", { NULL }, "F", "辅警不具有执法权，不得单独执法。" },
	{ "judge", "集体法律学习每月组织一次，缺席人员应当补学。", { NULL }, "T", NULL },
	{ "single", "下列哪项不属于公安机关人民警察奖励的种类？", { "嘉奖", "三等功", "通报表扬", "荣誉称号" }, "C",
	  "奖励种类为嘉奖、三等功、二等功、一等功、荣誉称号。" },
	{ "multiple", "讯问、询问过程中，下列做法正确的有：", { "告知被询问人的权利义务", "全程录音录像的应当不间断", "以威胁方法获取陈述", "笔录交被询问人核对" }, "ABD", NULL },
	{ "judge", "执法资格等级分为基本级、中级、高级三个等级。", { NULL }, "T", NULL },
	{ "single", "收到群众报警后，处警民警到达现场首先应当：", { "制止违法犯罪、救助伤员", "拍照留存", "询问报警人姓名", "等待领导指示" }, "A", NULL },
	{ "judge", "扣押的财物可以由办案民警个人保管。", { NULL }, "F", "涉案财物应当移交涉案财物管理人员统一保管。" },
	{ "multiple", "行政案件办理中，应当告知当事人的事项有：", { "作出处罚的事实、理由和依据", "依法享有的陈述、申辩权", "依法享有的听证权（符合条件时）", "办案民警的家庭住址" }, "ABC", NULL },
};

/* Answer a started sitting: question k wrong when k % (skill + 3) == 0. */
static int answer(struct ctx *c, json_t *sitting, int skill)
{
	json_t *qs = json_object_get(sitting, "questions"), *q, *answers = json_array(), *out = NULL;
	size_t k;
	int rc = PS_OK;

	if (!answers)
		return PS_ENOMEM;
	json_array_foreach(qs, k, q) {
		struct rows_query rq;
		json_t *row = NULL;
		int64_t id = json_integer_value(json_object_get(q, "id"));

		rows_binds(&rq, c);
		rows_bind_int(&rq, id);
		rc = rows_one(&rq, "SELECT answer FROM exam_question WHERE id = ?", &row);
		if (rc)
			break;
		json_array_append_new(answers, json_pack("{s:I, s:s}", "question_id", (json_int_t)id, "answer",
							 (int)k % (skill + 3) == 0 ? "Z" : row_str(row, "answer")));
		json_decref(row);
	}
	if (!rc)
		rc = exams_submit(c, json_integer_value(json_object_get(sitting, "id")), answers, &out);
	json_decref(answers);
	json_decref(out);
	return rc;
}

static int sit(struct ctx *c, const char *who, int64_t paper, int64_t count, int skill)
{
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, who));
	TRY(exams_start(c, paper, count, &out));
	rc = answer(c, json_object_get(out, "sitting"), skill);
	json_decref(out);
	return rc;
}

static int64_t user_of(struct ctx *c, const char *username)
{
	struct rows_query q;
	int64_t id = 0;

	rows_binds(&q, c);
	rows_bind_text(&q, username);
	return rows_int(&q, "SELECT id FROM users WHERE username = ?", 0, &id) ? 0 : id;
}

/* 城关's kit: who holds what; hours_ago of issue and of return (0 = held) */
static int seed_equipment(struct ctx *c)
{
	static const struct {
		const char *kind, *code, *model, *holder;
		int issued_h, returned_h;
	} kit[] = {
		{ "recorder", "JLY0101", "DSJ-V9 执法记录仪", "minjing1", 50, 0 },
		{ "recorder", "JLY0102", "DSJ-V9 执法记录仪", "minjing2", 120, 96 },
		{ "recorder", "JLY0103", "DSJ-V9 执法记录仪", "minjing2", 20, 0 },
		{ "camera", "SLJ01", "HDR-CX680 摄录机", "minjing1", 200, 190 },
		{ "vehicle", "晋A·1234警", "长城哈弗H6 警车", "minjing1", 9, 5 },
		{ "vehicle", "晋A·1235警", "五菱宏光 巡逻车", NULL, 0, 0 },
		{ "radio", "DJJ01", "摩托罗拉 对讲机", "minjing1", 30, 0 },
		{ "radio", "DJJ02", "摩托罗拉 对讲机", "fujing", 30, 0 },
		{ "other", "JD01", "警用多功能腰带", "minjing2", 400, 0 },
	};
	int rc;

	TRY(auth_actor_load(c, "suozhang"));
	for (size_t i = 0; i < sizeof(kit) / sizeof(kit[0]); i++) {
		json_t *out = NULL;
		int64_t id;

		TRY(equipment_create(c, kit[i].kind, kit[i].code, kit[i].model, &out));
		id = json_integer_value(json_object_get(json_object_get(out, "equipment"), "id"));
		json_decref(out);
		if (!kit[i].holder)
			continue;
		TRY(equipment_issue(c, id, user_of(c, kit[i].holder), c->now - kit[i].issued_h * 3600, "执勤", &out));
		json_decref(out);
		if (kit[i].returned_h) {
			TRY(equipment_return(c, id, c->now - kit[i].returned_h * 3600, "完好", &out));
			json_decref(out);
		}
	}
	return PS_OK;
}

/* 队伍管理: the 三考题库, past exams and a practice (issue 18, part 2). */
SEED_STEP(100, seed_demo_learn);
int seed_demo_learn(struct ctx *c)
{
	static const char *const officers[] = { "minjing1", "minjing2", "minjing3", "minjing4", "suozhang" };
	struct exam_paper_input pin = { 0 };
	json_t *out = NULL;
	int64_t now = c->now, formal, basic;
	int rc;

	TRY(auth_actor_load(c, "fazhi"));
	TRY(questions_sync(c, NULL, NULL, NULL));
	for (size_t i = 0; i < sizeof(manual) / sizeof(manual[0]); i++) {
		struct question_input in = { manual[i].kind, manual[i].stem, manual[i].answer, manual[i].explanation, NULL };

		in.options = json_array();
		for (int k = 0; k < 4 && in.options && manual[i].opts[k]; k++)
			json_array_append_new(in.options, json_string(manual[i].opts[k]));
		rc = in.options ? questions_create(c, &in, &out) : PS_ENOMEM;
		json_decref(in.options);
		json_decref(out);
		out = NULL;
		if (rc)
			return rc;
	}
	/* last month's exams, sat 12 days ago */
	c->now = now - 12 * 86400;
	pin.title = "月度法律知识考试";
	pin.kind = "formal";
	pin.time_limit_min = 60;
	pin.count = 20;
	TRY(exams_paper_create(c, &pin, &out));
	formal = json_integer_value(json_object_get(json_object_get(out, "paper"), "id"));
	json_decref(out);
	pin.title = "执法资格等级考试（基本级）";
	pin.kind = "qualification";
	pin.level = "basic";
	pin.time_limit_min = 90;
	pin.count = 30;
	TRY(exams_paper_create(c, &pin, &out));
	basic = json_integer_value(json_object_get(json_object_get(out, "paper"), "id"));
	json_decref(out);
	for (size_t i = 0; i < sizeof(officers) / sizeof(officers[0]); i++) {
		c->now += 600;
		TRY(sit(c, officers[i], formal, 0, (int)i));
		if (i < 2)
			TRY(sit(c, officers[i], basic, 0, (int)i + 2));
	}
	/* and a practice last week */
	c->now = now - 5 * 86400;
	TRY(sit(c, "minjing1", 0, 10, 1));
	c->now = now;
	return seed_equipment(c);
}
