/* seed_archives.c — demo data of issue 15 part B, made through the same
 * domain operations as real work: evidence files with small attachments,
 * files in the archive room of 城关派出所 (one lent and overdue, one waiting
 * for the chief's approval, one returned after a review), a closed case
 * filed late, and (seed_demo_reviews) scored cases. Stories in the past
 * run with the request clock moved back, so every record keeps the order
 * of real work. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/admin/users.h"
#include "domain/archives/archives.h"
#include "domain/archives/reviews.h"
#include "domain/archives/inspections.h"
#include "domain/cases/case_actions.h"
#include "domain/cases/case_records.h"
#include "domain/cases/cases.h"
#include "domain/cases/evidence.h"
#include "domain/cases/interviews.h"
#include "domain/rows.h"
#include "core/crypto.h"
#include "rules/idcard.h"

#include <string.h>

#define TRY(x) do { rc = (x); json_decref(out); out = NULL; if (rc) return rc; } while (0)
#define DAY 86400

/* a 24×16 grey PNG: a scene photo stand-in */
static const unsigned char demo_png[] = {
	0x89,0x50,0x4e,0x47,0x0d,0x0a,0x1a,0x0a,0x00,0x00,0x00,0x0d,0x49,0x48,0x44,0x52,0x00,0x00,0x00,0x18,
	0x00,0x00,0x00,0x10,0x08,0x00,0x00,0x00,0x00,0x29,0x4f,0xe0,0x49,0x00,0x00,0x00,0x77,0x49,0x44,0x41,
	0x54,0x78,0xda,0x63,0x60,0xe0,0x12,0x91,0xd3,0x30,0xb2,0x71,0x0b,0x88,0x4a,0xc9,0xab,0x68,0xea,0x99,
	0xb6,0x60,0xd5,0x96,0x7d,0x27,0x2e,0xdd,0x79,0xc6,0xc0,0xca,0x2f,0xa9,0xac,0x6b,0xee,0xe8,0x1d,0x1a,
	0x9f,0x59,0x5c,0xdb,0x3e,0x71,0xf6,0xd2,0xf5,0x3b,0x0f,0x9f,0xbd,0xfe,0xf0,0x35,0x2e,0x0d,0x1f,0x18,
	0x70,0x68,0xf8,0xca,0x80,0x43,0xc3,0x2f,0x06,0x1c,0x1a,0xfe,0x33,0xe0,0xd0,0xc0,0xc2,0x80,0x43,0x03,
	0x27,0x03,0x0e,0x0d,0x7c,0x0c,0x38,0x34,0x08,0x33,0xe0,0xd0,0x20,0xc1,0x80,0x43,0x83,0x2c,0x03,0x0e,
	0x0d,0x4a,0x0c,0x38,0x34,0xa8,0x33,0xe0,0xd0,0xa0,0xc3,0x80,0x43,0x83,0x21,0x00,0xd4,0x3a,0xc6,0xc1,
	0x78,0x39,0x16,0xec,0x00,0x00,0x00,0x00,0x49,0x45,0x4e,0x44,0xae,0x42,0x60,0x82,
};

/* a one-page PDF: a scanned record stand-in */
static const char demo_pdf[] =
	"%PDF-1.4\n"
	"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
	"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Contents 4 0 R/Resources<<>>>>endobj\n"
	"4 0 obj<</Length 35>>stream\n0.5 g 20 20 160 60 re f\nendstream endobj\n"
	"trailer<</Root 1 0 R>>\n%%EOF\n";

static int64_t uid(struct ctx *c, const char *username)
{
	int64_t id = 0;

	users_find_id(c, username, &id);
	return id;
}

static int attach(struct ctx *c, int64_t item, const char *mime, const char *name, const void *p, size_t n)
{
	struct evidence_upload up;
	json_t *out = NULL;
	int rc;

	rc = evidence_upload_prepare(c, item, mime, name, p, n, &up);
	if (!rc)
		rc = evidence_upload_commit(c, &up, &out);
	json_decref(out);
	return rc;
}

/* The last evidence item of a case answer. */
static int64_t last_item(json_t *cf)
{
	json_t *a = json_object_get(cf, "evidence");

	return json_integer_value(json_object_get(json_array_get(a, json_array_size(a) - 1), "id"));
}

static int add_item(struct ctx *c, int64_t case_id, const char *kind, const char *title, const char *source,
		    int64_t interview_id, int64_t *item)
{
	struct evidence_input e = { 0 };
	json_t *out = NULL;
	int rc;

	e.kind = kind;
	e.title = title;
	e.source = source;
	e.interview_id = interview_id;
	rc = evidence_create(c, case_id, &e, &out);
	if (!rc)
		*item = last_item(out);
	json_decref(out);
	return rc;
}

static int act(struct ctx *c, int64_t case_id, const char *who, const char *action, const char *text)
{
	struct action_input in = { 0 };
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, who));
	in.reason = text;
	in.opinion = text;
	TRY(case_actions_run(c, case_id, action, &in, &out));
	return PS_OK;
}

/* A public-order case of 城关 from acceptance to 结案 (when close), told and
 * decided on its evidence: *case_id. Each step an hour after the last from
 * c->now on; the clock is left at the last step. */
static int old_case(struct ctx *c, const char *name, const char *d17, const char *place, int close,
		    int64_t *case_id)
{
	struct case_input in;
	struct party_input p = { 0 };
	struct interview_input iv;
	struct proposal_input pr = { 0 };
	struct notice_input n = { 0 };
	json_t *out = NULL, *qa;
	int64_t sus, ivid, e1 = 0, e2 = 0;
	int rc;

	memset(&in, 0, sizeof(in));
	TRY(auth_actor_load(c, "minjing1"));
	in.kind = "admin";
	in.procedure = "normal";
	in.title = "扰乱公共场所秩序";
	in.offence_code = "OF-002";
	in.summary = "嫌疑人在农贸市场内酒后滋事，掀翻摊位，经制止不听。";
	in.source = "walk_in";
	in.act_date = ctx_today_str(c);
	in.act_place = place;
	in.co_officer_id = uid(c, "minjing2");
	in.reporter_name = "市场管理员";
	in.reporter_phone = "13800001111";
	rc = cases_create(c, &in, &out);
	if (rc)
		return rc;
	*case_id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	out = NULL;
	p.role = "suspect";
	p.name = name;
	p.id_number = arena_printf(c->arena, "%s%c", d17, idcard_check_char(d17));
	p.phone = "13900003333";
	p.address = "示范县城关镇";
	rc = parties_add(c, *case_id, &p, &out);
	if (rc)
		return rc;
	sus = json_integer_value(json_object_get(json_object_get(out, "party"), "id"));
	json_decref(out);
	out = NULL;
	TRY(act(c, *case_id, "minjing1", "file", NULL));
	TRY(auth_actor_load(c, "minjing1"));
	/* the statement, then the evidence file */
	memset(&iv, 0, sizeof(iv));
	qa = json_pack("[{s:s,s:s},{s:s,s:s}]", "q", "请讲一下事情的经过。", "a", "我喝了酒，和摊主吵起来，把摊位掀了。",
		       "q", "以上所说是否属实？", "a", "属实。");
	c->now += 3600;
	iv.party_id = sus;
	iv.kind = "inquiry";
	iv.start_at = c->now - 1800;
	iv.has_start = 1;
	iv.end_at = c->now - 60;
	iv.has_end = 1;
	iv.place_kind = "station_room";
	iv.place = "城关派出所询问室（二）";
	iv.recording_id = "AV-DEMO-0101";
	iv.officer_ids[0] = uid(c, "minjing1");
	iv.officer_ids[1] = uid(c, "minjing2");
	iv.nofficers = 2;
	iv.qa = qa;
	rc = interviews_create(c, *case_id, &iv, &out);
	json_decref(qa);
	if (rc)
		return rc;
	ivid = json_integer_value(json_object_get(json_object_get(out, "interview"), "id"));
	json_decref(out);
	out = NULL;
	memset(&iv, 0, sizeof(iv));
	iv.nofficers = -1;
	iv.read_back = iv.subject_signed = iv.officer_signed = 1;
	iv.has_read_back = iv.has_subject_signed = iv.has_officer_signed = 1;
	TRY(interviews_update(c, ivid, &iv, &out));
	TRY(interview_sign(c, ivid, &out));
	rc = add_item(c, *case_id, "statement", "违法嫌疑人询问笔录", "本所询问室", ivid, &e1);
	if (!rc)
		rc = add_item(c, *case_id, "audiovisual", "市场监控录像截图", "农贸市场管理处", 0, &e2);
	if (!rc)
		rc = attach(c, e2, "image/png", "监控截图.png", demo_png, sizeof(demo_png));
	if (rc)
		return rc;
	c->now += 3600;
	pr.party_id = sus;
	pr.offence_code = "OF-002";
	pr.tier = "基本";
	pr.fine = 200;
	TRY(proposals_create(c, *case_id, &pr, &out));
	n.party_id = sus;
	n.kind = "rights";
	n.penalty_text = "拟处罚款二百元。事实：在农贸市场酒后滋事；依据：治安管理处罚法第二十六条。";
	n.statement = "无异议。";
	n.evidence_ids = json_pack("[I,I]", (json_int_t)e1, (json_int_t)e2);
	rc = notices_create(c, *case_id, &n, &out);
	json_decref(n.evidence_ids);
	json_decref(out);
	out = NULL;
	if (rc)
		return rc;
	c->now += 3600;
	TRY(act(c, *case_id, "minjing1", "submit", NULL));
	c->now += 3600;
	TRY(act(c, *case_id, "suozhang", "approve", "同意"));
	if (!close)
		return PS_OK;
	c->now += DAY;
	TRY(act(c, *case_id, "minjing1", "deliver", NULL));
	c->now += DAY;
	TRY(act(c, *case_id, "minjing1", "close", "罚款已缴纳"));
	return PS_OK;
}

static int file_case(struct ctx *c, int64_t case_id, const char *cabinet, const char *box, int64_t *file_id)
{
	struct archive_input in = { 0 };
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, "dangan"));
	in.case_id = case_id;
	in.room = "城关派出所档案室";
	in.cabinet = cabinet;
	in.shelf = "2";
	in.box = box;
	in.pages = 36;
	rc = archives_create(c, &in, &out);
	if (!rc)
		*file_id = json_integer_value(json_object_get(json_object_get(out, "file"), "id"));
	json_decref(out);
	return rc;
}

/* The id of the newest loan of file_id. */
static int last_loan(struct ctx *c, int64_t file_id, int64_t *id)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, file_id);
	return rows_int(&q, "SELECT MAX(id) FROM archive_loan WHERE file_id = ?", 0, id);
}

static int borrow(struct ctx *c, int64_t file_id, const char *who, const char *reason, int64_t days,
		  int lend, int back)
{
	json_t *out = NULL;
	int64_t loan = 0;
	int rc;

	TRY(auth_actor_load(c, who));
	TRY(loans_request(c, file_id, reason, days, &out));
	if (!lend)
		return PS_OK;
	TRY(last_loan(c, file_id, &loan));
	c->now += 1800;
	TRY(auth_actor_load(c, "suozhang"));
	TRY(loans_decide(c, loan, 1, "同意借阅，按期归还", &out));
	c->now += 1800;
	TRY(auth_actor_load(c, "dangan"));
	TRY(loans_lend(c, loan, &out));
	if (!back)
		return PS_OK;
	c->now += DAY;
	TRY(loans_return(c, loan, "卷内材料完整", &out));
	return PS_OK;
}

/* The statement items of open demo cases get a scanned copy. */
static int scans(struct ctx *c)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT e.id, u.username FROM evidence e JOIN police_case k ON k.id = e.case_id"
		      " JOIN users u ON u.id = e.created_by WHERE e.kind = 'statement'"
		      " AND k.status IN ('accepted','filed','approving') ORDER BY e.id LIMIT 3",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		rc = auth_actor_load(c, row_str(r, "username"));
		if (!rc)
			rc = attach(c, row_int(r, "id"), "application/pdf", "询问笔录扫描件.pdf", demo_pdf,
				    sizeof(demo_pdf) - 1);
		if (rc)
			break;
	}
	json_decref(rows);
	return rc;
}

/* The demo's evidence attachments, archive room and loans (issue 15
 * part B): after seed_demo_cases. */
SEED_STEP(60, seed_demo_archives);
int seed_demo_archives(struct ctx *c)
{
	const int64_t real = c->now;
	int64_t a = 0, b = 0, fa = 0, fx = 0, k;
	json_t *out = NULL;
	struct rows_query q;
	int rc;

	/* A: closed 15 days ago, filed the next day, lent 10 days ago for 7 days:
	 * the loan is 3 days overdue */
	c->now = real - 20 * DAY;
	TRY(old_case(c, "马国强", "14010219750606123", "城关农贸市场", 1, &a));
	c->now = real - 14 * DAY;
	TRY(file_case(c, a, "A-03", "2026-041", &fa));
	c->now = real - 10 * DAY - 3600;
	TRY(borrow(c, fa, "minjing2", "办理关联案件，需查阅原始笔录", 7, 1, 0));
	/* B: closed three days ago and not filed — the 每案一结 warning */
	c->now = real - 7 * DAY;
	TRY(old_case(c, "牛建军", "14010219800909456", "城关镇东街夜市", 1, &b));
	c->now = real;
	/* the demo's closed and archived cases of 城关 go into the room */
	rows_binds(&q, c);
	rc = rows_int(&q,
		      "SELECT MIN(k.id) FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
		      " WHERE k.status = 'archived' AND o.name = '城关派出所'"
		      " AND NOT EXISTS (SELECT 1 FROM archive_file f WHERE f.case_id = k.id)",
		      0, &k);
	if (rc)
		return rc;
	if (k) {
		TRY(file_case(c, k, "A-03", "2026-052", &fx));
		/* a review in the room, then a loan returned */
		TRY(auth_actor_load(c, "dangan"));
		TRY(archives_review(c, fx, "法制员案件质量检查", uid(c, "dangan"), uid(c, "fazhi"), &out));
		c->now = real - 2 * DAY;
		TRY(borrow(c, fx, "fazhi", "案件质量考评调阅", 3, 1, 1));
		c->now = real;
		/* and a request waiting for the chief */
		TRY(borrow(c, fx, "minjing1", "当事人申请复议，准备答复材料", 5, 0, 0));
	}
	c->now = real;
	/* 案件质量考评: the station's legal reviewer scores the two filed cases */
	TRY(auth_actor_load(c, "fazhi"));
	TRY(reviews_create(c, a, NULL, "卷内文书不全，已通知办案民警补齐", &out));
	if (k) {
		json_t *items = json_pack("[{s:s, s:i, s:s}]", "key", "procedure", "deduct", 3, "note",
					  "告知笔录未记录当事人是否提出陈述申辩");

		rc = reviews_create(c, k, items, "存在程序瑕疵，已要求整改", &out);
		json_decref(items);
		json_decref(out);
		out = NULL;
		if (rc)
			return rc;
	}
	/* 网上巡查: the 督察 sampled 城关 last week; the chief has answered */
	{
		json_t *ins = NULL;
		int64_t station = 0, id, kase, finding;

		rows_binds(&q, c);
		rc = rows_int(&q, "SELECT id FROM org_unit WHERE name = '城关派出所'", 0, &station);
		if (rc)
			return rc;
		c->now = real - 6 * DAY;
		TRY(auth_actor_load(c, "ducha"));
		rc = inspections_create(c, station, "十一月执法办案网上巡查", 3, 7, &ins);
		if (rc)
			return rc;
		id = json_integer_value(json_object_get(json_object_get(ins, "inspection"), "id"));
		kase = json_integer_value(json_object_get(
			json_array_get(json_object_get(json_object_get(ins, "inspection"), "cases"), 0), "id"));
		json_decref(ins);
		c->now += 3600;
		rc = inspections_finding(c, id, kase, "处罚决定书未载明复议机关的全称", &ins);
		if (rc)
			return rc;
		finding = json_integer_value(json_object_get(
			json_array_get(json_object_get(json_object_get(ins, "inspection"), "findings"), 0), "id"));
		json_decref(ins);
		c->now = real - 3 * DAY;
		TRY(auth_actor_load(c, "suozhang"));
		TRY(inspections_answer(c, finding, "已重新制作决定书并送达，组织全所学习文书规范", &out));
		c->now = real;
	}
	return scans(c);
}
