/* interview_sign.c — signing a 笔录 (its content hash; immutable after) and
 * correcting a signed one by a new version. */
#include "domain/cases/interviews.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/cases/cases.h"
#include "domain/clocks/clocks.h"
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

static int age_on(const char *birth, int64_t t)
{
	int by, bm, bd, y, m, d;

	if (!birth || date_parse(birth, strlen(birth), &by, &bm, &bd))
		return -1;
	date_civil_from_days(date_local_days(t), &y, &m, &d);
	return idcard_age_on(by, bm, bd, y, m, d);
}

/* What signing decides on, as typed columns (no business rule reads the
 * record by key): the case, the state, and the facts of interview_rules. */
struct sign_row {
	int64_t case_id, party_id, start_at, end_at;
	const char *status;
	struct interview_facts f;
};

static int sign_row_load(struct ctx *c, int64_t id, struct sign_row *r)
{
	struct db_stmt *st;
	const char *kind, *place;
	int rc;

#define SET(col) "CASE WHEN COALESCE(" col ", '') <> '' THEN 1 ELSE 0 END"
	memset(r, 0, sizeof(*r));
	rc = db_prepare(c->db,
			"SELECT i.case_id, i.status, i.kind, i.place_kind, i.start_at, COALESCE(i.end_at, 0),"
			" " SET("i.recording_id") ", cp.role, p.birth_date, p.sex,"
			" " SET("i.guardian_name") " * " SET("i.guardian_relation") ","
			" " SET("i.guardian_absent_reason") ", " SET("i.female_staff") ","
			" i.needs_interpreter, " SET("i.interpreter") ", i.needs_sign_language,"
			" " SET("i.sign_language") ", CASE WHEN i.summoned = 1 OR i.oral_summons = 1 THEN 1 ELSE 0 END,"
			" CASE WHEN i.family_notified_at IS NOT NULL THEN 1 ELSE " SET("i.family_notice_exception") " END,"
			" i.read_back,"
			" CASE WHEN i.subject_signed_at IS NOT NULL THEN 1 ELSE " SET("i.subject_refusal") " END,"
			" CASE WHEN i.officer_signed_at IS NOT NULL THEN 1 ELSE 0 END, i.party_id"
			" FROM interview i JOIN case_party cp ON cp.id = i.party_id"
			" JOIN person p ON p.id = cp.person_id WHERE i.id = ?",
			&st, c->err);
#undef SET
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, c->err);
	if (rc != PS_ROW) {
		db_finalize(st);
		return rc == PS_DONE ? ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "笔录不存在") : rc;
	}
	r->case_id = db_column_int(st, 0);
	r->party_id = db_column_int(st, db_column_count(st) - 1);
	r->status = arena_strdup(c->arena, db_column_text(st, 1));
	kind = db_column_text(st, 2);
	place = db_column_text(st, 3);
	r->start_at = db_column_int(st, 4);
	r->end_at = db_column_int(st, 5);
	r->f.interrogation = kind && strcmp(kind, "interrogation") == 0;
	r->f.certified_room = place && strcmp(place, "certified_room") == 0;
	r->f.in_station = r->f.certified_room || (place && strcmp(place, "station_room") == 0);
	r->f.remote = place && strcmp(place, "remote") == 0;
	r->f.has_recording = (int)db_column_int(st, 6);
	r->f.subject_is_suspect = db_column_text(st, 7) && strcmp(db_column_text(st, 7), "suspect") == 0;
	r->f.subject_age = age_on(db_column_text(st, 8), r->start_at);
	r->f.subject_female = db_column_text(st, 9) && strcmp(db_column_text(st, 9), "F") == 0;
	r->f.guardian_present = (int)db_column_int(st, 10);
	r->f.guardian_absent = (int)db_column_int(st, 11);
	r->f.guardian_female_staff = (int)db_column_int(st, 12);
	r->f.needs_interpreter = (int)db_column_int(st, 13);
	r->f.has_interpreter = (int)db_column_int(st, 14);
	r->f.needs_sign_language = (int)db_column_int(st, 15);
	r->f.has_sign_language = (int)db_column_int(st, 16);
	r->f.summoned = (int)db_column_int(st, 17);
	r->f.family_notice = (int)db_column_int(st, 18);
	r->f.read_back = (int)db_column_int(st, 19);
	r->f.subject_signed = (int)db_column_int(st, 20);
	r->f.officer_signed = (int)db_column_int(st, 21);
	db_finalize(st);
	return r->status ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* The officers of a record: sworn (人民警察, the role table's) and auxiliaries. */
static int officers_count(struct ctx *c, int64_t id, int *sworn, int *aux)
{
	struct rows_query q;
	json_t *roles, *it;
	size_t i;
	int rc;

	*sworn = *aux = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT u.role FROM interview_officer io JOIN users u ON u.id = io.user_id"
		      " WHERE io.interview_id = ?",
		      &roles);
	if (rc)
		return rc;
	json_array_foreach(roles, i, it) {
		const char *role = json_string_value(json_object_get(it, "role"));

		*sworn += authz_role_sworn(role);
		*aux += authz_role_bit(role) == R_AUXILIARY;
	}
	json_decref(roles);
	return PS_OK;
}

int interview_sign(struct ctx *c, int64_t id, json_t **out)
{
	struct sign_row sr;
	struct case_row k;
	struct rows_query q;
	char hash[CRYPTO_HASH_HEX];
	json_t *iv = NULL, *canon;
	char *text;
	int64_t end;
	int rc;

	*out = NULL;
	rc = sign_row_load(c, id, &sr);
	if (rc)
		return rc;
	rc = case_load(c, sr.case_id, &k);
	if (!rc && !k.i_am_officer)
		rc = ctx_deny(c, "interview.sign", "case", k.case_no, "只有本案办案民警可以确认笔录");
	if (!rc)
		rc = cases_may_proceed(c, &k, 0);
	if (!rc && strcmp(sr.status, "draft") != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "INTERVIEW_SIGNED", "ADM-INTERVIEW-SIGN",
			     "笔录已签名确认，不能重复确认");
	/* ADM-INTERVIEW-SIGN: the record is signed after the questioning it
	 * records has ended, never before */
	if (!rc && sr.end_at > c->now)
		rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-INTERVIEW-SIGN",
			     "询问（讯问）尚未结束，笔录不能在结束前签名确认");
	/* a record without its end ends when it is signed: not while the
	 * person's period has run out (the questioning went on past it), as
	 * a new record is refused then (ADM-SUMMON-8H and the rest) */
	if (!rc && !sr.end_at) {
		const char *rule, *label;
		int blocked = clocks_party_blocked(c, sr.case_id, sr.party_id, &rule, &label);

		if (blocked < 0)
			rc = -blocked;
		else if (blocked)
			rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", rule,
				     "“%s”期限已届满，询问不能持续到现在：请填写询问实际结束的时间后再签名确认", label);
	}
	if (!rc)
		rc = officers_count(c, id, &sr.f.sworn_officers, &sr.f.auxiliaries);
	if (rc)
		return rc;
	{
		int y, m, d;

		date_civil_from_days(date_local_days(sr.start_at), &y, &m, &d);
		sr.f.za2025 = law_in_force(y, m, d) == LAW_ZA2025;
	}
	sr.f.criminal = strcmp(k.kind, "criminal") == 0;
	rc = interview_check_officers(&sr.f, c->err);
	if (!rc)
		rc = interview_check_sign(&sr.f, c->err);
	if (!rc)
		rc = interviews_json(c, id, &iv); /* what the content hash covers */
	if (rc)
		goto out;
	end = sr.end_at ? sr.end_at : c->now;
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

int interview_sign_correct(struct ctx *c, int64_t id, json_t **out)
{
	struct sign_row sr;
	struct case_row k;
	struct rows_query q;
	int64_t nid;
	int rc;

	*out = NULL;
	rc = sign_row_load(c, id, &sr);
	if (!rc)
		rc = case_load(c, sr.case_id, &k);
	if (!rc && !k.i_am_officer)
		rc = ctx_deny(c, "interview.correct", "case", k.case_no, "只有本案办案民警可以更正笔录");
	if (!rc && strcmp(sr.status, "signed") != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "INTERVIEW_NOT_SIGNED", NULL,
			     "只有已签名确认的笔录需要以新版本更正；草稿可直接修改");
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
