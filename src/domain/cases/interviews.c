#include "domain/authz.h"
#include "domain/cases/interviews.h"
#include "domain/admin/audit.h"
#include "domain/cases/cases.h"
#include "domain/population/persons.h"
#include "domain/clocks/clocks.h"
#include "domain/rows.h"
#include "domain/team/equipment.h"
#include "rules/case_flow.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "rules/interview_rules.h"
#include "rules/offence.h"
#include "core/crypto.h"
#include "core/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAR_FUTURE ((int64_t)1 << 40)

static const char *const place_kinds[] = { "station_room", "certified_room", "scene", "home",
					   "hospital", "remote", "other", NULL };

static int one_of(const char *v, const char *const *set)
{
	for (; v && *set; set++)
		if (strcmp(v, *set) == 0)
			return 1;
	return 0;
}

/* The interview's case id, status and the subject's person id. */
struct iv_row {
	int64_t id, case_id, party_id, person_id, start_at, end_at, supersedes_id;
	const char *status, *kind;
};

static int iv_load(struct ctx *c, int64_t id, struct iv_row *r)
{
	struct rows_query q;
	json_t *row;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT i.id, i.case_id, i.party_id, cp.person_id, i.start_at, i.end_at,"
		      " i.supersedes_id, i.status, i.kind FROM interview i"
		      " JOIN case_party cp ON cp.id = i.party_id WHERE i.id = ?",
		      &row);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "笔录不存在");
	if (rc)
		return rc;
	r->id = id;
	r->case_id = json_integer_value(json_object_get(row, "case_id"));
	r->party_id = json_integer_value(json_object_get(row, "party_id"));
	r->person_id = json_integer_value(json_object_get(row, "person_id"));
	r->start_at = json_integer_value(json_object_get(row, "start_at"));
	r->end_at = json_integer_value(json_object_get(row, "end_at"));
	r->supersedes_id = json_integer_value(json_object_get(row, "supersedes_id"));
	r->status = arena_strdup(c->arena, json_string_value(json_object_get(row, "status")));
	r->kind = arena_strdup(c->arena, json_string_value(json_object_get(row, "kind")));
	json_decref(row);
	return PS_OK;
}

/* Count sworn officers and auxiliaries among ids; all must be active users
 * of the case's station. */
static int count_officers(struct ctx *c, const struct case_row *k, const int64_t *ids, int n,
			  int *sworn, int *aux)
{
	*sworn = 0;
	*aux = 0;
	for (int i = 0; i < n; i++) {
		struct rows_query q;
		json_t *u;
		int rc;

		for (int j = 0; j < i; j++)
			if (ids[j] == ids[i])
				return ps_fail_field(c->err, PS_EINVAL, "officer_ids", "询问人重复");
		rows_binds(&q, c);
		rows_bind_int(&q, ids[i]);
		rc = rows_one(&q,
			      "SELECT u.role, o.path FROM users u JOIN org_unit o ON o.id = u.unit_id"
			      " WHERE u.id = ? AND u.disabled = 0",
			      &u);
		if (rc == PS_ENOTFOUND)
			return ps_fail_field(c->err, PS_EINVAL, "officer_ids", "询问人不存在或已停用");
		if (rc)
			return rc;
		if (strncmp(json_string_value(json_object_get(u, "path")), k->unit_path,
			    strlen(k->unit_path)) != 0) {
			json_decref(u);
			return ps_fail_field(c->err, PS_EINVAL, "officer_ids", "询问人必须是办案单位的人员");
		}
		if (authz_role_sworn(json_string_value(json_object_get(u, "role"))))
			(*sworn)++;
		else if (strcmp(json_string_value(json_object_get(u, "role")), "auxiliary") == 0)
			(*aux)++;
		json_decref(u);
	}
	return PS_OK;
}

/* No officer and no subject in two overlapping records: a record occupies
 * [start, end), an unfinished draft is open-ended. */
static int check_overlap(struct ctx *c, int64_t self_id, int64_t except_id, int64_t person_id,
			 int64_t start, int64_t end, const int64_t *ids, int n)
{
	struct rows_query q;
	int64_t hit = 0;
	int rc;

	for (int i = 0; i < n; i++) {
		rows_binds(&q, c);
		rows_bind_int(&q, ids[i]);
		rows_bind_int(&q, self_id);
		rows_bind_int(&q, except_id);
		rows_bind_int(&q, end);
		rows_bind_int(&q, start);
		rc = rows_int(&q,
			      /* from the interviews still running at start (an index on
			       * end_at) to their officers, not from the officer's history */
			      "SELECT i.id FROM interview i CROSS JOIN interview_officer io"
			      " WHERE io.interview_id = i.id AND io.user_id = ? AND i.id <> ? AND i.id <> ?"
			      " AND i.status <> 'superseded' AND i.start_at < ?"
			      " AND (i.end_at > ? OR i.end_at IS NULL) LIMIT 1",
			      0, &hit);
		if (rc)
			return rc;
		if (hit)
			return ps_fail(c->err, PS_ERULE, "INTERVIEW_OVERLAP", "ADM-OFFICERS-2",
				       "询问人在同一时间段已参加另一份笔录（笔录编号 %lld），不能同时在场",
				       (long long)hit);
	}
	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_int(&q, self_id);
	rows_bind_int(&q, except_id);
	rows_bind_int(&q, end);
	rows_bind_int(&q, start);
	rc = rows_int(&q,
		      "SELECT i.id FROM interview i JOIN case_party cp ON cp.id = i.party_id"
		      " WHERE cp.person_id = ? AND i.id <> ? AND i.id <> ? AND i.status <> 'superseded'"
		      " AND i.start_at < ? AND COALESCE(i.end_at, 1099511627776) > ? LIMIT 1",
		      0, &hit);
	if (rc)
		return rc;
	if (hit)
		return ps_fail(c->err, PS_ECONFLICT, "SUBJECT_OVERLAP", NULL,
			       "被询问人在同一时间段已有另一份笔录（笔录编号 %lld），时间相互重叠",
			       (long long)hit);
	return PS_OK;
}

/* ADM-SUMMON-FAMILY: the family's notice is a time of this case, as a
 * measure's start is (from a week before its 受案 on), and not one still
 * to come: 0 (1970) or the year 146 billion satisfied the rule. */
static int family_time_check(struct ctx *c, const struct case_row *k, const struct interview_input *in)
{
	if (in->has_family_notified &&
	    (in->family_notified_at < k->accepted_at - 7 * 86400 || in->family_notified_at > c->now + 300))
		return ps_fail_field(c->err, PS_EINVAL, "family_notified_at",
				     "通知家属的时间不合理：应在本案受案前后、不晚于当前时间");
	return PS_OK;
}

static int qa_valid(struct ctx *c, json_t *qa)
{
	json_t *e;
	size_t i;

	if (!qa)
		return PS_OK;
	if (!json_is_array(qa) || json_array_size(qa) > 2000)
		return ps_fail_field(c->err, PS_EINVAL, "qa", "问答内容应为 [{\"q\":…,\"a\":…}] 列表");
	json_array_foreach(qa, i, e) {
		json_t *q = json_object_get(e, "q"), *a = json_object_get(e, "a");

		if (!json_is_object(e) || json_object_size(e) != 2 || !json_is_string(q) ||
		    !json_is_string(a) || json_string_length(q) > 20000 || json_string_length(a) > 20000)
			return ps_fail_field(c->err, PS_EINVAL, "qa",
					     "第 %zu 条问答格式不正确（须含 q 与 a 两个文本）", i + 1);
	}
	return PS_OK;
}

/* The Q&A as JSON text in c's arena (def when there is none); PS_ENOMEM
 * rather than a record saved without its Q&A. */
static int qa_text(struct ctx *c, json_t *qa, const char *def, const char **out)
{
	char *s;

	*out = def;
	if (!qa)
		return PS_OK;
	s = json_render(qa, JSON_COMPACT);
	*out = s ? arena_strdup(c->arena, s) : NULL;
	json_mem_free(s);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int set_officers(struct ctx *c, int64_t id, const int64_t *ids, int n)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "DELETE FROM interview_officer WHERE interview_id = ?", NULL);
	for (int i = 0; i < n && !rc; i++) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, ids[i]);
		rc = rows_exec(&q, "INSERT INTO interview_officer(interview_id, user_id) VALUES (?,?)", NULL);
	}
	return rc;
}

static int law2025_at(int64_t t)
{
	int y, m, d;

	date_civil_from_days(date_local_days(t), &y, &m, &d);
	return law_in_force(y, m, d) == LAW_ZA2025;
}

static int check_officer_rule(struct ctx *c, const struct case_row *k, const char *kind,
			      const char *place_kind, const char *recording, int64_t start,
			      const int64_t *ids, int n)
{
	struct interview_facts f;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = count_officers(c, k, ids, n, &f.sworn_officers, &f.auxiliaries);
	if (rc)
		return rc;
	f.za2025 = law2025_at(start);
	f.criminal = strcmp(k->kind, "criminal") == 0;
	f.interrogation = strcmp(kind, "interrogation") == 0;
	f.certified_room = strcmp(place_kind, "certified_room") == 0;
	f.has_recording = recording && *recording;
	return interview_check_officers(&f, c->err);
}

int interviews_create(struct ctx *c, int64_t case_id, const struct interview_input *in,
		      json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t id, person_id = 0;
	char detail[96];
	const char *qa;
	int rc;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	if (!k.i_am_officer)
		return ctx_deny(c, "interview.create", "case", k.case_no, "只有本案办案民警可以制作笔录");
	rc = cases_may_proceed(c, &k, 0);
	if (rc)
		return rc;
	if (!flow_state_investigating(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_NOT_OPEN", NULL,
			       "案件当前状态为“%s”，不能再制作笔录", flow_state_label(k.status));
	if (!one_of(in->kind, (const char *const[]){ "inquiry", "interrogation", NULL }))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "笔录类型应为 inquiry（询问）或 interrogation（讯问）");
	if (!one_of(in->place_kind, place_kinds))
		return ps_fail_field(c->err, PS_EINVAL, "place_kind", "询问地点类型不正确");
	if (!in->place || !*in->place)
		return ps_fail_field(c->err, PS_EINVAL, "place", "请填写询问地点");
	rc = persons_check_guardian(c, in->guardian_name, NULL);
	if (rc)
		return rc;
	if (!in->has_start)
		return ps_fail_field(c->err, PS_EINVAL, "start_at", "请填写开始时间");
	if (in->start_at > c->now + 300)
		return ps_fail_field(c->err, PS_EINVAL, "start_at", "开始时间不能晚于当前时间");
	if (in->has_end && in->end_at < in->start_at)
		return ps_fail_field(c->err, PS_EINVAL, "end_at", "结束时间不能早于开始时间");
	/* as on edit: a record does not say it ended at a time still to come */
	if (in->has_end && in->end_at > c->now + 300)
		return ps_fail_field(c->err, PS_EINVAL, "end_at", "结束时间不能晚于当前时间");
	rc = qa_valid(c, in->qa);
	if (rc)
		return rc;
	rc = family_time_check(c, &k, in);
	if (rc)
		return rc;
	/* 先立案后调查: nothing is recorded before the case was registered; 讯问 of a
	 * criminal suspect only after 立案 (CRIM-FILE-DECISION) */
	if (in->start_at < k.accepted_at)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-ACCEPT-01",
			       "笔录开始时间早于受案登记时间：应当先受案登记，再调查取证");
	if (strcmp(in->kind, "interrogation") == 0) {
		if (strcmp(k.kind, "criminal") != 0)
			return ps_fail_field(c->err, PS_EINVAL, "kind", "讯问笔录只用于刑事案件，治安案件请用询问笔录");
		if (!k.filed_at || in->start_at < k.filed_at)
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "CRIM-FILE-DECISION",
				       "刑事案件立案前不得讯问犯罪嫌疑人（先立案后侦查）");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, in->party_id);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT person_id FROM case_party WHERE id = ? AND case_id = ?", 0, &person_id);
	if (rc)
		return rc;
	if (!person_id)
		return ps_fail_field(c->err, PS_EINVAL, "party_id", "被询问人不是本案当事人");
	if (in->nofficers <= 0)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-OFFICERS-2", "请选择在场的询问人");
	/* a period that ran out blocks further questioning until the breach is
	 * answered (issue 4: BREACH blocks what needs the clock still open) */
	{
		const char *rule, *label;
		int blocked = clocks_party_blocked(c, case_id, in->party_id, &rule, &label);

		if (blocked < 0)
			return -blocked;
		if (blocked)
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", rule,
				       "“%s”期限已届满，须先释放或依法变更措施并答复执法监督记录，不得继续询问",
				       label);
	}
	rc = check_officer_rule(c, &k, in->kind, in->place_kind, in->recording_id, in->start_at,
				in->officer_ids, in->nofficers);
	if (!rc)
		rc = check_overlap(c, 0, 0, person_id, in->start_at,
				   in->has_end ? in->end_at : FAR_FUTURE, in->officer_ids, in->nofficers);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->party_id);
	rows_bind_text(&q, in->kind);
	rows_bind_int(&q, in->start_at);
	if (in->has_end)
		rows_bind_int(&q, in->end_at);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->place_kind);
	rows_bind_text(&q, in->place);
	rows_bind_text(&q, in->recording_id);
	rows_bind_int(&q, in->oral_summons);
	rows_bind_int(&q, in->summoned);
	rows_bind_text(&q, in->interpreter);
	rows_bind_text(&q, in->sign_language);
	rows_bind_int(&q, in->needs_interpreter);
	rows_bind_int(&q, in->needs_sign_language);
	rows_bind_text(&q, in->guardian_name);
	rows_bind_text(&q, in->guardian_relation);
	rows_bind_text(&q, in->guardian_absent_reason);
	rows_bind_text(&q, in->female_staff);
	if (in->has_family_notified)
		rows_bind_int(&q, in->family_notified_at);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->family_notice_exception);
	rc = qa_text(c, in->qa, "[]", &qa);
	if (rc)
		return rc;
	rows_bind_text(&q, qa);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO interview(case_id, party_id, kind, status, start_at, end_at, place_kind,"
			 " place, recording_id, oral_summons, summoned, interpreter, sign_language,"
			 " needs_interpreter, needs_sign_language, guardian_name, guardian_relation,"
			 " guardian_absent_reason, female_staff, family_notified_at, family_notice_exception,"
			 " qa, created_by, created_at)"
			 " VALUES (?,?,?,'draft',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = set_officers(c, id, in->officer_ids, in->nofficers);
	/* TEAM-EQUIP-RECORDER: the recording from a recorder held by one of
	 * the officers present (a warning, never a refusal) */
	if (!rc)
		rc = equipment_recording_check(c, k.unit_path, in->recording_id, in->start_at, in->officer_ids,
					       (size_t)in->nofficers, "interview", id, case_id);
	if (!rc && (in->has_read_back || in->has_subject_signed || in->has_officer_signed ||
		    in->subject_refusal)) {
		/* signature events given with the record itself */
		rows_binds(&q, c);
		rows_bind_int(&q, in->has_read_back && in->read_back);
		rows_bind_int(&q, in->has_subject_signed && in->subject_signed);
		rows_bind_int(&q, c->now);
		rows_bind_text(&q, in->subject_refusal);
		rows_bind_int(&q, in->has_officer_signed && in->officer_signed);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, id);
		rc = rows_exec(&q,
			       "UPDATE interview SET read_back = ?,"
			       " subject_signed_at = CASE WHEN ? = 1 THEN ? ELSE NULL END, subject_refusal = ?,"
			       " officer_signed_at = CASE WHEN ? = 1 THEN ? ELSE NULL END WHERE id = ?",
			       NULL);
	}
	snprintf(detail, sizeof(detail), "interview=%lld", (long long)id);
	if (!rc)
		rc = case_event(c, case_id, "interview_create", NULL, NULL, detail);
	if (!rc)
		rc = audit_write(c, "interview.create", "case", k.case_no, "success", detail);
	if (!rc)
		rc = interviews_get(c, id, out);
	return rc;
}

/* Load the interview's case and check that the actor may change it. */
static int iv_for_change(struct ctx *c, int64_t id, struct iv_row *r, struct case_row *k,
			 const char *action)
{
	int rc = iv_load(c, id, r);

	if (!rc)
		rc = case_load(c, r->case_id, k);
	if (rc)
		return rc;
	if (!k->i_am_officer)
		return ctx_deny(c, action, "case", k->case_no, "只有本案办案民警可以修改笔录");
	return PS_OK;
}

int interviews_update(struct ctx *c, int64_t id, const struct interview_input *in,
		      json_t **out)
{
	struct iv_row r = { 0 };
	struct case_row k;
	struct rows_query q;
	json_t *cur;
	int64_t start, end;
	const char *qa;
	int rc;

	*out = NULL;
	rc = iv_for_change(c, id, &r, &k, "interview.update");
	if (rc)
		return rc;
	if (strcmp(r.status, "draft") != 0)
		return ps_fail(c->err, PS_ECONFLICT, "INTERVIEW_SIGNED", "ADM-INTERVIEW-SIGN",
			       "笔录已签名确认，不能修改；如需更正请制作新版本");
	rc = persons_check_guardian(c, in->guardian_name, NULL);
	if (rc)
		return rc;
	if (in->place_kind && !one_of(in->place_kind, place_kinds))
		return ps_fail_field(c->err, PS_EINVAL, "place_kind", "询问地点类型不正确");
	rc = qa_valid(c, in->qa);
	if (rc)
		return rc;
	rc = family_time_check(c, &k, in);
	if (rc)
		return rc;
	start = in->has_start ? in->start_at : r.start_at;
	end = in->has_end ? in->end_at : r.end_at;
	if (in->has_start && start < k.accepted_at)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-ACCEPT-01",
			       "笔录开始时间早于受案登记时间：应当先受案登记，再调查取证");
	if (end && end < start)
		return ps_fail_field(c->err, PS_EINVAL, "end_at", "结束时间不能早于开始时间");
	if (end && end > c->now + 300)
		return ps_fail_field(c->err, PS_EINVAL, "end_at", "结束时间不能晚于当前时间");
	rc = interviews_get(c, id, &cur);
	if (rc)
		return rc;
	{
		json_t *iv = json_object_get(cur, "interview");
		int64_t ids[INTERVIEW_MAX_OFFICERS];
		int n = 0;
		json_t *o;
		size_t i;
		const char *kind = json_string_value(json_object_get(iv, "kind"));
		const char *pk = in->place_kind ? in->place_kind
						: json_string_value(json_object_get(iv, "place_kind"));
		const char *rec = in->recording_id ? in->recording_id
						   : json_string_value(json_object_get(iv, "recording_id"));

		if (in->nofficers >= 0) {
			n = in->nofficers;
			memcpy(ids, in->officer_ids, sizeof(int64_t) * (size_t)n);
		} else {
			json_array_foreach(json_object_get(iv, "officers"), i, o)
				if (n < INTERVIEW_MAX_OFFICERS)
					ids[n++] = json_integer_value(json_object_get(o, "user_id"));
		}
		/* CRIM-FILE-DECISION on edit as on create: a 讯问 never starts
		 * before the criminal case was filed */
		if (kind && strcmp(kind, "interrogation") == 0 && (!k.filed_at || start < k.filed_at))
			rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "CRIM-FILE-DECISION",
				     "刑事案件立案前不得讯问犯罪嫌疑人（先立案后侦查）");
		if (!rc)
			rc = check_officer_rule(c, &k, kind, pk, rec, start, ids, n);
		if (!rc)
			rc = check_overlap(c, id, r.supersedes_id, r.person_id, start, end ? end : FAR_FUTURE,
					   ids, n);
		if (!rc && in->nofficers >= 0)
			rc = set_officers(c, id, ids, n);
		if (!rc && in->recording_id)
			rc = equipment_recording_check(c, k.unit_path, in->recording_id, start, ids, (size_t)n, "interview",
						       id, k.id);
	}
	json_decref(cur);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, start);
	if (end)
		rows_bind_int(&q, end);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->place_kind);
	rows_bind_text(&q, in->place);
	rows_bind_text(&q, in->recording_id);
#define BIND2(v) do { rows_bind_int(&q, (v)); rows_bind_int(&q, (v)); } while (0)
	BIND2(in->has_summoned ? in->summoned : -1);
	BIND2(in->has_oral ? in->oral_summons : -1);
	BIND2(in->has_needs_interp ? in->needs_interpreter : -1);
	BIND2(in->has_needs_sign ? in->needs_sign_language : -1);
	rows_bind_text(&q, in->interpreter);
	rows_bind_text(&q, in->sign_language);
	rows_bind_text(&q, in->guardian_name);
	rows_bind_text(&q, in->guardian_relation);
	rows_bind_text(&q, in->guardian_absent_reason);
	rows_bind_text(&q, in->female_staff);
	BIND2(in->has_family_notified ? in->family_notified_at : -1);
	rows_bind_text(&q, in->family_notice_exception);
	rc = qa_text(c, in->qa, NULL, &qa);
	if (rc)
		return rc;
	rows_bind_text(&q, qa);
	BIND2(in->has_read_back ? in->read_back : -1);
	BIND2(in->has_subject_signed ? in->subject_signed : -1);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, in->subject_refusal);
	BIND2(in->has_officer_signed ? in->officer_signed : -1);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
#undef BIND2
	rc = rows_exec(&q,
		       "UPDATE interview SET start_at = ?, end_at = ?,"
		       " place_kind = COALESCE(?, place_kind), place = COALESCE(?, place),"
		       " recording_id = COALESCE(?, recording_id),"
		       " summoned = CASE WHEN ? < 0 THEN summoned ELSE ? END,"
		       " oral_summons = CASE WHEN ? < 0 THEN oral_summons ELSE ? END,"
		       " needs_interpreter = CASE WHEN ? < 0 THEN needs_interpreter ELSE ? END,"
		       " needs_sign_language = CASE WHEN ? < 0 THEN needs_sign_language ELSE ? END,"
		       " interpreter = COALESCE(?, interpreter), sign_language = COALESCE(?, sign_language),"
		       " guardian_name = COALESCE(?, guardian_name),"
		       " guardian_relation = COALESCE(?, guardian_relation),"
		       " guardian_absent_reason = COALESCE(?, guardian_absent_reason),"
		       " female_staff = COALESCE(?, female_staff),"
		       " family_notified_at = CASE WHEN ? < 0 THEN family_notified_at ELSE ? END,"
		       " family_notice_exception = COALESCE(?, family_notice_exception),"
		       " qa = COALESCE(?, qa),"
		       " read_back = CASE WHEN ? < 0 THEN read_back ELSE ? END,"
		       " subject_signed_at = CASE WHEN ? < 0 THEN subject_signed_at WHEN ? = 1 THEN ? ELSE NULL END,"
		       " subject_refusal = COALESCE(?, subject_refusal),"
		       " officer_signed_at = CASE WHEN ? < 0 THEN officer_signed_at WHEN ? = 1 THEN ? ELSE NULL END"
		       " WHERE id = ? AND status = 'draft'",
		       NULL);
	if (rc)
		return rc;
	rc = audit_write(c, "interview.update", "interview", arena_printf(c->arena, "%lld", (long long)id),
			 "success", NULL);
	return rc ? rc : interviews_get(c, id, out);
}

/* ---- the record as the wire shows it ---- */

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

int interviews_json(struct ctx *c, int64_t id, json_t **out)
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
	rc = interviews_json(c, id, &iv);
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
