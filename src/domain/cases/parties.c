/* parties.c — 当事人 of a case: a suspect, victim, witness or reporter, linked
 * to the person register by a checked ID number (never changing or showing
 * another unit's record). */
#include "domain/cases/cases.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/population/persons.h"
#include "rules/case_flow.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "core/buf.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

/* Find or create the person; *age is the age on the act date or -1.
 * *elsewhere is set when the ID number belongs to a person registered by
 * a unit outside the actor's scope: that record is linked, never changed
 * and never read (the party keeps its own data, see parties_add). */
static int person_upsert(struct ctx *c, const struct party_input *in, const char *act_date,
			 int64_t *person_id, int *age, int *elsewhere)
{
	struct idcard id;
	struct rows_query q;
	const char *birth = in->birth_date, *sex = in->sex, *number = NULL;
	int by = 0, bm = 0, bd = 0, ay, am, ad, rc;
	enum idcard_result r;

	*age = -1;
	*elsewhere = 0;
	/* the register's limits, as persons_check holds them, and the
	 * guardian's the same */
	rc = persons_check_text(c, in->name, in->phone);
	if (!rc)
		rc = persons_check_guardian(c, in->guardian_name, in->guardian_phone);
	if (rc)
		return rc;
	if (!text_is_line(in->address, PARTY_ADDRESS_MAX))
		return ps_fail_field(c->err, PS_EINVAL, "address", "住址应为一行、不超过 %d 个字",
				     PARTY_ADDRESS_MAX);
	if (!text_is_line(in->occupation, PARTY_OCCUPATION_MAX))
		return ps_fail_field(c->err, PS_EINVAL, "occupation", "职业应为一行、不超过 %d 个字",
				     PARTY_OCCUPATION_MAX);
	if (in->id_number && *in->id_number) {
		r = idcard_parse(in->id_number, strlen(in->id_number), ctx_today_ymd(c), &id);
		if (r != IDCARD_OK)
			return ps_fail_field(c->err, PS_EINVAL, "id_number", "%s",
					     idcard_result_message(r));
		number = arena_strdup(c->arena, id.number);
		by = id.birth_year;
		bm = id.birth_month;
		bd = id.birth_day;
		birth = arena_printf(c->arena, "%04d-%02d-%02d", by, bm, bd);
		sex = id.male ? "M" : "F";
	} else if (birth && date_parse(birth, strlen(birth), &by, &bm, &bd)) {
		return ps_fail_field(c->err, PS_EINVAL, "birth_date", "出生日期应为 YYYY-MM-DD");
	} else if (birth && (by < 1900 || strcmp(birth, act_date) > 0)) {
		/* the age at the act decides exemptions (ADM-DET-EXEMPT, CQ-SPECIAL):
		 * a birth after the act, or in year 1, gave none or 2025 */
		return ps_fail_field(c->err, PS_EINVAL, "birth_date", "出生日期应在1900年以后、违法行为发生之前");
	}
	if (sex && strcmp(sex, "M") && strcmp(sex, "F"))
		return ps_fail_field(c->err, PS_EINVAL, "sex", "性别应为 M 或 F");
	if (by && !date_parse(act_date, strlen(act_date), &ay, &am, &ad))
		*age = idcard_age_on(by, bm, bd, ay, am, ad);
	*person_id = 0;
	if (number) {
		rows_binds(&q, c);
		rows_bind_text(&q, number);
		rc = rows_int(&q, "SELECT id FROM person WHERE id_number = ?", 0, person_id);
		if (rc)
			return rc;
	}
	if (*person_id) {
		int64_t mine = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, *person_id);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM person p JOIN org_unit o ON o.id = p.unit_id"
			      " WHERE p.id = ? AND o.path LIKE ?",
			      0, &mine);
		if (rc)
			return rc;
		if (!mine) {
			/* another unit's register: linked as it is, left untouched */
			*elsewhere = 1;
			return PS_OK;
		}
		/* keep the register current with what was just verified */
		rows_binds(&q, c);
		rows_bind_text(&q, in->phone);
		rows_bind_text(&q, in->address);
		rows_bind_text(&q, in->occupation);
		rows_bind_int(&q, *person_id);
		return rows_exec(&q,
				 "UPDATE person SET phone = COALESCE(?, phone), address = COALESCE(?, address),"
				 " occupation = COALESCE(?, occupation) WHERE id = ?",
				 NULL);
	}
	rows_binds(&q, c);
	rows_bind_text(&q, number);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, sex);
	rows_bind_text(&q, birth);
	rows_bind_text(&q, in->phone);
	rows_bind_text(&q, in->address);
	rows_bind_text(&q, in->occupation);
	rows_bind_int(&q, in->public_official);
	rows_bind_int(&q, c->who.station_id ? c->who.station_id : c->who.unit_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	return rows_insert(&q,
			   "INSERT INTO person(id_number, name, sex, birth_date, phone, address, occupation,"
			   " public_official, unit_id, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
			   " RETURNING id",
			   person_id);
}

int parties_add(struct ctx *c, int64_t case_id, const struct party_input *in,
		    json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t person_id, party_id;
	char detail[160];
	int age, elsewhere, rc;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	/* rule: the case's officers, or the chief of the case's station */
	if (!cases_may_edit(c, &k))
		return ctx_deny(c, "case.party_add", "case", k.case_no, "只有本案办案民警可以登记当事人");
	if (!flow_state_investigating(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_NOT_OPEN", NULL,
			       "案件当前状态为“%s”，不能再登记当事人", flow_state_label(k.status));
	if (!enums_valid(ES_PARTY_ROLE, in->role))
		return ps_fail_field(c->err, PS_EINVAL, "role", "当事人类型应为 suspect/victim/witness/reporter");
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "姓名不能为空");
	rc = person_upsert(c, in, k.act_date, &person_id, &age, &elsewhere);
	if (rc)
		return rc;
	rows_binds(&q, c);
	/* a party linked to another unit's person keeps the data given here */
	rows_bind_text(&q, elsewhere ? in->name : NULL);
	rows_bind_text(&q, elsewhere ? in->phone : NULL);
	rows_bind_text(&q, elsewhere ? in->address : NULL);
	rows_bind_text(&q, elsewhere ? in->occupation : NULL);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, person_id);
	rows_bind_text(&q, in->role);
	rows_bind_int(&q, in->confidential);
	if (age >= 0)
		rows_bind_int(&q, age);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, in->first_given ? in->first_offence : 1);
	rows_bind_int(&q, in->pregnant_or_nursing);
	rows_bind_text(&q, in->guardian_name);
	rows_bind_text(&q, in->guardian_phone);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO case_party(own_name, own_phone, own_address, own_occupation, case_id,"
			 " person_id, role, confidential, age_at_act, first_offence, pregnant_or_nursing,"
			 " guardian_name, guardian_phone, added_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &party_id);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_PARTY", NULL, "该人员已以同一身份登记为本案当事人");
	if (rc)
		return rc;
	snprintf(detail, sizeof(detail), "party=%lld role=%s", (long long)party_id, in->role);
	rc = case_event(c, case_id, "party_add", NULL, NULL, detail);
	if (!rc)
		rc = audit_write(c, "case.party_add", "case", k.case_no, "success", detail);
	/* the match across units is audited on the person's record id */
	if (!rc && elsewhere)
		rc = audit_write(c, "case.party_match", "person",
				 arena_printf(c->arena, "%lld", (long long)person_id), "success",
				 arena_printf(c->arena, "case=%lld party=%lld registered_elsewhere", (long long)case_id,
					      (long long)party_id));
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, party_id);
	{
		json_t *p;

		rc = rows_one(&q,
			      "SELECT cp.id, cp.role, cp.age_at_act, " PARTY_NAME_SQL " AS name, p.sex, p.birth_date"
			      " FROM case_party cp JOIN person p ON p.id = cp.person_id WHERE cp.id = ?",
			      &p);
		if (rc)
			return rc;
		*out = json_pack("{s:o}", "party", p);
	}
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int parties_check(struct ctx *c, int64_t case_id, int64_t party_id, const char *field)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, party_id);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_party WHERE id = ? AND case_id = ?", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, field, "该当事人不属于本案");
	return rc;
}
