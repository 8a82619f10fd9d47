/* interview_sign.c — reading, signing and correcting 笔录. */
#include "domain/cases/interviews.h"
#include "domain/admin/audit.h"
#include "domain/cases/cases.h"
#include "domain/rows.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "rules/interview_rules.h"
#include "rules/offence.h"
#include "core/crypto.h"
#include "core/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char iv_cols[] =
	"SELECT i.id, i.case_id, i.party_id, i.kind, i.version, i.supersedes_id, i.status,"
	" i.start_at, i.end_at, i.place_kind, i.place, i.recording_id, i.oral_summons, i.summoned,"
	" i.interpreter, i.sign_language, i.needs_interpreter, i.needs_sign_language,"
	" i.guardian_name, i.guardian_relation, i.guardian_absent_reason, i.female_staff,"
	" i.family_notified_at,"
	" i.family_notice_exception, i.qa, i.read_back, i.subject_signed_at, i.subject_refusal,"
	" i.officer_signed_at, i.content_hash, i.created_at, cp.role AS subject_role, cp.confidential,"
	" " PARTY_NAME_SQL " AS subject_name, p.sex AS subject_sex, p.birth_date AS subject_birth_date"
	" FROM interview i JOIN case_party cp ON cp.id = i.party_id"
	" JOIN person p ON p.id = cp.person_id WHERE i.id = ?";

/* The interview as JSON (qa parsed) with officers; no permission check. */
static int iv_json(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *iv, *qa, *officers;
	const char *qa_text;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, iv_cols, &iv);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "笔录不存在");
	if (rc)
		return rc;
	qa_text = json_string_value(json_object_get(iv, "qa"));
	qa = NULL;
	rc = qa_text ? json_parse_stored(qa_text, &qa, c->err) : PS_OK;
	if (rc) {
		json_decref(iv);
		return rc;
	}
	/* the content hash covers the Q&A: never sign a record whose Q&A
	 * was lost on the way */
	if (json_object_set_new(iv, "qa", qa ? qa : json_array())) {
		json_decref(iv);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT io.user_id, u.name, u.role, u.badge_no FROM interview_officer io"
		      " JOIN users u ON u.id = io.user_id WHERE io.interview_id = ? ORDER BY u.id",
		      &officers);
	if (rc) {
		json_decref(iv);
		return rc;
	}
	json_object_set_new(iv, "officers", officers);
	*out = iv;
	return PS_OK;
}

int interviews_get(struct ctx *c, int64_t id, json_t **out)
{
	struct case_row k;
	json_t *iv;
	int rc;

	*out = NULL;
	rc = iv_json(c, id, &iv);
	if (rc)
		return rc;
	rc = case_load(c, json_integer_value(json_object_get(iv, "case_id")), &k);
	if (!rc)
		rc = audit_read(c, "interview", arena_printf(c->arena, "%lld", (long long)id));
	/* PROC-ACCEPT-ANON (a rule): a confidential reporter's name only for the case's people */
	if (!rc && json_integer_value(json_object_get(iv, "confidential")) && !k.i_am_officer &&
	    !(c->who.station_id == k.unit_id && (ctx_has_role(c, "chief") || ctx_has_role(c, "legal"))))
		json_object_set_new(iv, "subject_name", json_string("（保密）"));
	if (rc) {
		json_decref(iv);
		return rc;
	}
	*out = json_pack("{s:o}", "interview", iv);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int age_on(const char *birth, int64_t t)
{
	int by, bm, bd, y, m, d;

	if (!birth || date_parse(birth, strlen(birth), &by, &bm, &bd))
		return -1;
	date_civil_from_days(date_local_days(t), &y, &m, &d);
	return idcard_age_on(by, bm, bd, y, m, d);
}

static int str_set(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s && *s;
}

int interviews_sign(struct ctx *c, int64_t id, json_t **out)
{
	struct interview_facts f;
	struct case_row k;
	struct rows_query q;
	char hash[CRYPTO_HASH_HEX];
	json_t *iv, *canon;
	char *text;
	int64_t sworn = 0, aux = 0, end;
	int rc;

	*out = NULL;
	rc = iv_json(c, id, &iv);
	if (rc)
		return rc;
	rc = case_load(c, row_int(iv, "case_id"), &k);
	if (!rc && !k.i_am_officer)
		rc = ctx_deny(c, "interview.sign", "case", k.case_no, "只有本案办案民警可以确认笔录");
	if (!rc && strcmp(json_string_value(json_object_get(iv, "status")), "draft") != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "INTERVIEW_SIGNED", "ADM-INTERVIEW-SIGN",
			     "笔录已签名确认，不能重复确认");
	if (rc)
		goto out;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM interview_officer io JOIN users u ON u.id = io.user_id"
		      " WHERE io.interview_id = ? AND u.role IN ('officer','chief','legal')",
		      0, &sworn);
	if (!rc)
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM interview_officer io JOIN users u ON u.id = io.user_id"
			      " WHERE io.interview_id = ? AND u.role = 'auxiliary'",
			      0, &aux);
	if (rc)
		goto out;
	memset(&f, 0, sizeof(f));
	{
		int y, m, d;

		date_civil_from_days(date_local_days(row_int(iv, "start_at")), &y, &m, &d);
		f.za2025 = law_in_force(y, m, d) == LAW_ZA2025;
	}
	f.criminal = strcmp(k.kind, "criminal") == 0;
	f.interrogation = strcmp(json_string_value(json_object_get(iv, "kind")), "interrogation") == 0;
	f.sworn_officers = (int)sworn;
	f.auxiliaries = (int)aux;
	f.certified_room = strcmp(json_string_value(json_object_get(iv, "place_kind")), "certified_room") == 0;
	f.in_station = f.certified_room ||
		       strcmp(json_string_value(json_object_get(iv, "place_kind")), "station_room") == 0;
	f.remote = strcmp(json_string_value(json_object_get(iv, "place_kind")), "remote") == 0;
	f.has_recording = str_set(iv, "recording_id");
	f.subject_is_suspect = strcmp(json_string_value(json_object_get(iv, "subject_role")), "suspect") == 0;
	f.subject_age = age_on(json_string_value(json_object_get(iv, "subject_birth_date")),
			       row_int(iv, "start_at"));
	f.subject_female = json_string_value(json_object_get(iv, "subject_sex")) &&
			   strcmp(json_string_value(json_object_get(iv, "subject_sex")), "F") == 0;
	f.guardian_present = str_set(iv, "guardian_name") && str_set(iv, "guardian_relation");
	f.guardian_absent = str_set(iv, "guardian_absent_reason");
	f.guardian_female_staff = str_set(iv, "female_staff");
	f.needs_interpreter = (int)row_int(iv, "needs_interpreter");
	f.has_interpreter = str_set(iv, "interpreter");
	f.needs_sign_language = (int)row_int(iv, "needs_sign_language");
	f.has_sign_language = str_set(iv, "sign_language");
	f.summoned = (int)row_int(iv, "summoned") || (int)row_int(iv, "oral_summons");
	f.family_notice = json_is_integer(json_object_get(iv, "family_notified_at")) ||
			  str_set(iv, "family_notice_exception");
	f.read_back = (int)row_int(iv, "read_back");
	f.subject_signed = json_is_integer(json_object_get(iv, "subject_signed_at")) ||
			   str_set(iv, "subject_refusal");
	f.officer_signed = json_is_integer(json_object_get(iv, "officer_signed_at"));
	rc = interview_check_officers(&f, c->err);
	if (!rc)
		rc = interview_check_sign(&f, c->err);
	if (rc)
		goto out;
	end = json_is_integer(json_object_get(iv, "end_at")) ? row_int(iv, "end_at") : c->now;
	/* the content hash covers what the record says and who said it */
	if (json_object_set_new(iv, "end_at", json_integer(end))) {
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		goto out;
	}
	canon = json_pack("{s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O}",
			  "case_id", json_object_get(iv, "case_id"),
			  "party_id", json_object_get(iv, "party_id"),
			  "kind", json_object_get(iv, "kind"),
			  "version", json_object_get(iv, "version"),
			  "start_at", json_object_get(iv, "start_at"),
			  "end_at", json_object_get(iv, "end_at"),
			  "place", json_object_get(iv, "place"),
			  "recording_id", json_object_get(iv, "recording_id"),
			  "guardian_name", json_object_get(iv, "guardian_name"),
			  "subject_name", json_object_get(iv, "subject_name"),
			  "officers", json_object_get(iv, "officers"),
			  "qa", json_object_get(iv, "qa"));
	text = canon ? json_render(canon, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(canon);
	if (!text) {
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		goto out;
	}
	crypto_hash_hex(text, strlen(text), hash);
	json_mem_free(text);
	rows_binds(&q, c);
	rows_bind_int(&q, end);
	rows_bind_text(&q, hash);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE interview SET status = 'signed', end_at = ?, content_hash = ?"
		       " WHERE id = ? AND status = 'draft'",
		       NULL);
	if (!rc)
		rc = case_event(c, k.id, "interview_sign", NULL, NULL,
				arena_printf(c->arena, "interview=%lld hash=%.16s", (long long)id, hash));
	if (!rc)
		rc = audit_write(c, "interview.sign", "interview", arena_printf(c->arena, "%lld", (long long)id),
				 "success", hash);
out:
	json_decref(iv);
	return rc ? rc : interviews_get(c, id, out);
}

int interviews_correct(struct ctx *c, int64_t id, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	json_t *iv;
	int64_t nid;
	int rc;

	*out = NULL;
	rc = iv_json(c, id, &iv);
	if (rc)
		return rc;
	rc = case_load(c, row_int(iv, "case_id"), &k);
	if (!rc && !k.i_am_officer)
		rc = ctx_deny(c, "interview.correct", "case", k.case_no, "只有本案办案民警可以更正笔录");
	if (!rc && strcmp(json_string_value(json_object_get(iv, "status")), "signed") != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "INTERVIEW_NOT_SIGNED", NULL,
			     "只有已签名确认的笔录需要以新版本更正；草稿可直接修改");
	json_decref(iv);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_insert(&q,
			 "INSERT INTO interview(case_id, party_id, kind, version, supersedes_id, status,"
			 " start_at, end_at, place_kind, place, recording_id, oral_summons, summoned,"
			 " interpreter, sign_language, needs_interpreter, needs_sign_language, guardian_name,"
			 " guardian_relation, guardian_absent_reason, female_staff, family_notified_at,"
			 " family_notice_exception, qa, created_by, created_at)"
			 " SELECT case_id, party_id, kind, version + 1, id, 'draft', start_at, end_at,"
			 " place_kind, place, recording_id, oral_summons, summoned, interpreter,"
			 " sign_language, needs_interpreter, needs_sign_language, guardian_name,"
			 " guardian_relation, guardian_absent_reason, female_staff, family_notified_at,"
			 " family_notice_exception, qa, ?, ? FROM interview WHERE id = ? RETURNING id",
			 &nid);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, nid);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "INSERT INTO interview_officer(interview_id, user_id)"
		       " SELECT ?, user_id FROM interview_officer WHERE interview_id = ?",
		       NULL);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	if (!rc)
		rc = rows_exec(&q, "UPDATE interview SET status = 'superseded' WHERE id = ?", NULL);
	if (!rc)
		rc = case_event(c, k.id, "interview_correct", NULL, NULL,
				arena_printf(c->arena, "interview=%lld supersedes=%lld", (long long)nid,
					     (long long)id));
	if (!rc)
		rc = audit_write(c, "interview.correct", "interview",
				 arena_printf(c->arena, "%lld", (long long)id), "success", NULL);
	return rc ? rc : interviews_get(c, nid, out);
}
