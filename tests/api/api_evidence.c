/* api_evidence.c — 证据清单 (issue 15, part B): evidence items, their
 * attachments stored by SHA-256 beside the database and never altered, who
 * may read them (each read audited), and ADM-NOTICE-EVIDENCE (先取证后告知)
 * on both paths that reach a decision: 呈请审批 (submit) and the approver's
 * decision (approve). */
#include "case_util.h"
#include "core/crypto.h"

#include <sys/stat.h>

static struct resp *evidence_add(struct server *srv, const struct session *s, long long case_id,
				 const char *body)
{
	return http(srv, s, "POST", fmt(srv, API "/cases/%lld/evidence", case_id), body);
}

static struct resp *upload(struct server *srv, const struct session *s, long long item,
			   const char *mime, const char *name, const char *bytes)
{
	return http(srv, s, "POST", fmt(srv, API "/evidence/%lld/attachments?name=%s", item, name), bytes,
		    fmt(srv, "Content-Type: %s", mime));
}

static long long last_id(const struct resp *r, const char *path)
{
	json_t *a = jpath(r->json, path);

	return (long long)json_integer_value(
		json_object_get(json_array_get(a, json_array_size(a) ? json_array_size(a) - 1 : 0), "id"));
}

/* A signed 笔录 of party by the crew; returns its id. */
static long long signed_statement(struct server *srv, const struct crew *c, long long id, long long party)
{
	struct resp *r = iv_post(srv, c->mj1, id, iv_for(party, c->me, c->mj2));
	long long iv;

	EXPECT(r, 201);
	iv = rnum(r, "interview.id");
	EXPECT(iv_read_and_sign(srv, c->mj1, iv), 200);
	return iv;
}

/* Items of every kind; a 笔录 item needs a signed record of the case. */
STORY(evidence_items)
{
	struct crew c = crew_of(srv);
	struct session *fj = as(srv, "fujing"), *bs = as(srv, "beishe_mj1");
	long long id, sus, iv;
	struct resp *r;

	id = filed_case(srv, &c, "殴打他人案", 30, 201, &sus);
	EXPECT_ERR(srv, evidence_add(srv, c.mj1, id, "{\"kind\":\"statement\",\"title\":\"询问笔录\"}"), 400,
		   NULL, NULL);
	iv = signed_statement(srv, &c, id, sus);
	r = evidence_add(srv, c.mj1, id,
			 fmt(srv, "{\"kind\":\"statement\",\"title\":\"违法嫌疑人询问笔录\",\"interview_id\":%lld}", iv));
	EXPECT(r, 201);
	EXPECT_STR(r, "case.evidence.0.kind", "statement");
	EXPECT_NUM(r, "case.evidence.0.interview_id", iv);
	r = evidence_add(srv, c.mj1, id,
			 "{\"kind\":\"audiovisual\",\"title\":\"现场监控录像\",\"source\":\"某超市监控\"}");
	EXPECT(r, 201);
	assert_int_equal(json_array_size(jpath(r->json, "case.evidence")), 2);
	EXPECT_ERR(srv, evidence_add(srv, c.mj1, id, "{\"kind\":\"rumour\",\"title\":\"传闻\"}"), 400, NULL, NULL);
	/* only the case's officers add to its file */
	EXPECT_ERR(srv, evidence_add(srv, fj, id, "{\"kind\":\"physical\",\"title\":\"木棍\"}"), 403, "FORBIDDEN",
		   NULL);
	EXPECT_ERR(srv, evidence_add(srv, bs, id, "{\"kind\":\"physical\",\"title\":\"木棍\"}"), 403, "FORBIDDEN",
		   NULL);
	/* the timeline records the items */
	r = case_get(srv, c.mj1, id);
	assert_non_null(strstr(r->body, "evidence_create"));
}

/* Attachments: allow-list, signature, size limit, SHA-256 name, one file
 * per content, reads limited to the case's readers and audited, an altered
 * file refused. */
STORY(evidence_attachments)
{
	struct crew c = crew_of(srv);
	struct session *bs = as(srv, "beishe_mj1"), *aud = as(srv, "auditor"), *adm = as(srv, "admin");
	struct session *sz = as(srv, "suozhang");
	const char *pdf = "%PDF-1.4\n% 询问笔录扫描件 demo\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
	char sha[CRYPTO_HASH_HEX];
	long long id, sus, item, att, denied;
	const char *path;
	struct resp *r;
	struct stat st;

	id = filed_case(srv, &c, "殴打他人案", 30, 211, &sus);
	r = evidence_add(srv, c.mj1, id, "{\"kind\":\"documentary\",\"title\":\"病历\"}");
	EXPECT(r, 201);
	item = last_id(r, "case.evidence");

	/* type: not on the allow-list, or bytes not of the type */
	EXPECT_ERR(srv, upload(srv, c.mj1, item, "text/html", "a.html", "<script>alert(1)</script>"), 415,
		   "ATTACHMENT_TYPE", NULL);
	EXPECT_ERR(srv, upload(srv, c.mj1, item, "image/jpeg", "a.jpg", "%PDF-1.4 not a jpeg"), 415,
		   "ATTACHMENT_TYPE", NULL);
	/* no file name */
	EXPECT_ERR(srv, http(srv, c.mj1, "POST", fmt(srv, API "/evidence/%lld/attachments", item), pdf,
			     "Content-Type: application/pdf"),
		   400, NULL, NULL);
	/* only the case's officers */
	denied = audit_count(srv, aud, "case.read", "beishe_mj1", "denied");
	EXPECT_ERR(srv, upload(srv, bs, item, "application/pdf", "b.pdf", pdf), 403, "FORBIDDEN", NULL);
	/* another station's officer is refused as a reader of the case, audited */
	assert_int_equal(audit_count(srv, aud, "case.read", "beishe_mj1", "denied"), denied + 1);

	r = upload(srv, c.mj1, item, "application/pdf", "%E7%97%85%E5%8E%86.pdf", pdf);
	EXPECT(r, 201);
	crypto_sha256_hex(pdf, strlen(pdf), sha);
	EXPECT_STR(r, "attachment.sha256", sha);
	EXPECT_NUM(r, "attachment.size", (long long)strlen(pdf));
	EXPECT_STR(r, "attachment.file_name", "病历.pdf");
	att = rnum(r, "attachment.id");
	/* stored in the attachment directory (beside an SQLite database)
	 * under its SHA-256, read-only */
	path = fmt(srv, "%s/%.2s/%s", srv->files, sha, sha);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal((long long)st.st_size, (long long)strlen(pdf));
	assert_int_equal(st.st_mode & 0222, 0);
	/* the same content again: a second row, the same one file */
	r = upload(srv, c.mj1, item, "application/pdf", "copy.pdf", pdf);
	EXPECT(r, 201);
	EXPECT_STR(r, "attachment.sha256", sha);
	r = case_get(srv, c.mj1, id);
	assert_int_equal(json_array_size(jpath(r->json, "case.attachments")), 2);

	/* read: the case's readers, each read audited with the attachment id */
	r = http(srv, c.mj1, "GET", fmt(srv, API "/attachments/%lld", att), NULL);
	EXPECT(r, 200);
	assert_string_equal(r->body, pdf);
	assert_string_equal(resp_header(srv, r, "Content-Type"), "application/pdf");
	assert_non_null(strstr(resp_header(srv, r, "Content-Disposition"), "filename*=UTF-8''%E7%97%85%E5%8E%86.pdf"));
	EXPECT(http(srv, sz, "GET", fmt(srv, API "/attachments/%lld", att), NULL), 200);
	assert_int_equal(audit_count(srv, aud, "evidence.attachment_read", "minjing1", "success"), 1);
	assert_int_equal(audit_count(srv, aud, "evidence.attachment_read", "suozhang", "success"), 1);
	EXPECT_ERR(srv, http(srv, bs, "GET", fmt(srv, API "/attachments/%lld", att), NULL), 403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, adm, "GET", fmt(srv, API "/attachments/%lld", att), NULL), 403, "FORBIDDEN", NULL);
	assert_int_equal(audit_count(srv, aud, "case.read", "beishe_mj1", "denied"), denied + 2);
	EXPECT_ERR(srv, http(srv, c.mj1, "GET", API "/attachments/999999", NULL), 404, "NOT_FOUND", NULL);

	/* the size limit is a setting (1 MiB here): 1.5 MiB is refused */
	{
		size_t n = 1536 * 1024;
		char *big = calloc(1, n + 1);

		assert_non_null(big);
		memset(big, 'x', n);
		memcpy(big, "%PDF-1.4\n", 9);
		EXPECT(http(srv, adm, "PUT", API "/settings/evidence.max_upload_mb", "{\"value\":1}"), 200);
		r = upload(srv, c.mj1, item, "application/pdf", "big.pdf", big);
		EXPECT_ERR(srv, r, 413, "ATTACHMENT_TOO_LARGE", NULL);
		EXPECT(http(srv, adm, "PUT", API "/settings/evidence.max_upload_mb", "{\"value\":2}"), 200);
		EXPECT(upload(srv, c.mj1, item, "application/pdf", "big.pdf", big), 201);
		free(big);
	}

	/* never altered: a file changed on disk is refused, not served */
	assert_int_equal(chmod(path, 0644), 0);
	{
		FILE *f = fopen(path, "r+");

		assert_non_null(f);
		fputs("%PDF-9.9", f);
		fclose(f);
	}
	srv->allow_5xx = 1;
	r = http(srv, c.mj1, "GET", fmt(srv, API "/attachments/%lld", att), NULL);
	srv->allow_5xx = 0;
	EXPECT_ERR(srv, r, 503, "ATTACHMENT_DAMAGED", NULL);
}

/* ADM-NOTICE-EVIDENCE (先取证后告知): the 处罚前告知 needs the suspect's
 * signed statement (or the reason it is missing) and the evidence it cites;
 * evidence added after it needs a new notice — refused at 呈请审批 and, when
 * it came while the request waited, at the decision itself. */
STORY(adm_notice_evidence)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang");
	long long id, sus, other, e1, e2, iv;
	struct resp *r;
	const char *told = "拟给予警告，事实：扰乱公共场所秩序；依据：治安管理处罚法第二十六条";

	other = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 221, &sus);
	r = evidence_add(srv, c.mj1, other, "{\"kind\":\"documentary\",\"title\":\"另案书证\"}");
	e2 = last_id(r, "case.evidence");

	id = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 223, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 1, 0, 0), 201);
	/* nothing in the file: refused */
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text", told));
	EXPECT_RULE(srv, r, "ADM-NOTICE-EVIDENCE");
	/* a reason the statement is missing, but no evidence cited */
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text", told,
		   "statement_missing_reason", "拒绝陈述"));
	EXPECT_RULE(srv, r, "ADM-NOTICE-EVIDENCE");
	/* evidence of another case is not this file's */
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s, s:s, s:[I]}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text",
		   told, "statement_missing_reason", "拒绝陈述", "evidence_ids", (json_int_t)e2));
	EXPECT_ERR(srv, r, 400, NULL, NULL);
	assert_string_equal(rstr(r, "error.field"), "evidence_ids");
	/* an item of the file, but no statement and no reason */
	r = evidence_add(srv, c.mj1, id, "{\"kind\":\"audiovisual\",\"title\":\"现场执法记录仪视频\"}");
	e1 = last_id(r, "case.evidence");
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s, s:[I]}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text", told,
		   "evidence_ids", (json_int_t)e1));
	EXPECT_RULE(srv, r, "ADM-NOTICE-EVIDENCE");
	/* the suspect's signed statement and the item: accepted, with its basis */
	iv = signed_statement(srv, &c, id, sus);
	(void)iv;
	clock_advance(srv, 60);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s, s:[I]}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text", told,
		   "evidence_ids", (json_int_t)e1));
	EXPECT(r, 201);
	EXPECT_NUM(r, "case.notice_evidence.0.evidence_id", e1);

	/* evidence after the notice: 呈请审批 refused until told again */
	clock_advance(srv, 60);
	EXPECT(evidence_add(srv, c.mj1, id, "{\"kind\":\"documentary\",\"title\":\"证人书面证言\"}"), 201);
	EXPECT_RULE(srv, act(srv, c.mj1, id, "submit", NULL), "ADM-NOTICE-EVIDENCE");
	clock_advance(srv, 60);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s, s:[I,I]}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text",
		   told, "evidence_ids", (json_int_t)e1, (json_int_t)(e1 + 1)));
	EXPECT(r, 201);
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");

	/* evidence while the request waits for approval: the decision is
	 * refused; sent back, told again, submitted again, decided */
	clock_advance(srv, 60);
	r = evidence_add(srv, c.mj1, id, "{\"kind\":\"appraisal\",\"title\":\"伤情鉴定意见\"}");
	EXPECT(r, 201);
	EXPECT_RULE(srv, act(srv, sz, id, "approve", "{\"opinion\":\"同意\"}"), "ADM-NOTICE-EVIDENCE");
	EXPECT_STR(act(srv, sz, id, "reject", "{\"opinion\":\"补充告知\"}"), "case.status", "filed");
	clock_advance(srv, 60);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s, s:[I,I,I]}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text",
		   told, "evidence_ids", (json_int_t)e1, (json_int_t)(e1 + 1), (json_int_t)last_id(r, "case.evidence")));
	EXPECT(r, 201);
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");
	EXPECT_STR(act(srv, sz, id, "approve", "{\"opinion\":\"同意\"}"), "case.status", "decided");
}

/* A 笔录 taken after the 处罚前告知 (a witness heard the next hour) is new
 * evidence too: 呈请审批 is refused until the party is told again (the
 * evidence list alone was counted). */
STORY(adm_notice_evidence_after_a_statement)
{
	struct crew c = crew_of(srv);
	const char *told = "拟给予警告，事实：扰乱公共场所秩序；依据：治安管理处罚法第二十六条";
	long long id, sus, wit, e1;
	struct resp *r;

	id = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 225, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 1, 0, 0), 201);
	signed_statement(srv, &c, id, sus);
	r = evidence_add(srv, c.mj1, id, "{\"kind\":\"audiovisual\",\"title\":\"现场执法记录仪视频\"}");
	e1 = last_id(r, "case.evidence");
	clock_advance(srv, 60);
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		    J(srv, "{s:I, s:s, s:s, s:[I]}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text", told,
		      "evidence_ids", (json_int_t)e1)),
	       201);
	clock_advance(srv, 3600);
	wit = party_add(srv, c.mj1, id, "witness", "孙七", id_aged(srv, -9, 40, 227));
	signed_statement(srv, &c, id, wit);
	EXPECT_RULE(srv, act(srv, c.mj1, id, "submit", NULL), "ADM-NOTICE-EVIDENCE");
	clock_advance(srv, 60);
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		    J(srv, "{s:I, s:s, s:s, s:[I]}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text", told,
		      "evidence_ids", (json_int_t)e1)),
	       201);
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");
}

/* 当场处罚 is told and decided on the spot: the rule does not apply there
 * (the catalog row says so), and the on-the-spot decision goes through. */
STORY(adm_notice_evidence_onspot)
{
	struct crew c = crew_of(srv);
	long long id, sus;
	struct resp *r;

	id = onspot_case(srv, &c, 0);
	sus = party_add(srv, c.mj1, id, "suspect", "当场某", id_aged(srv, 0, 29, 241));
	EXPECT(propose(srv, c.mj1, id, sus, "OF-044", "基本", 0, 200, 0), 201);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "rights", "penalty_text",
		   "拟当场处罚款二百元"));
	EXPECT(r, 201);
	EXPECT_STR(act(srv, c.mj1, id, "onspot_decide", NULL), "case.status", "decided");
}

STORY(audit_holds_no_id_number)
{
	assert_int_equal(audit_id_numbers(srv), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(evidence_items), T(evidence_attachments), T(adm_notice_evidence), T(adm_notice_evidence_after_a_statement),
		T(adm_notice_evidence_onspot), T(audit_holds_no_id_number),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
