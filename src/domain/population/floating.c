/* floating.c — 流动人口: registration, mode and layer of management. */
#include "domain/population/floating.h"
#include "domain/enums.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

int floating_register(struct ctx *c, const struct floating_input *in, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_FLOATING_REGISTER);
	if (rc)
		return rc;
	if (!enums_valid(ES_FLOATING_MODE, in->mode))
		return ps_fail_field(c->err, PS_EINVAL, "mode", "管理模式应为 employer（委托）/joint（双重）/direct（直接）");
	if (!enums_valid(ES_FLOATING_LAYER, in->layer))
		return ps_fail_field(c->err, PS_EINVAL, "layer", "管理层级应为 control（控制层）或 known（知晓层）");
	if (!date_valid_str(in->registered_on))
		return ps_fail_field(c->err, PS_EINVAL, "registered_on", "登记日期应为 YYYY-MM-DD");
	if ((in->permit_issued_on && !date_valid_str(in->permit_issued_on)) ||
	    (in->permit_expires_on && !date_valid_str(in->permit_expires_on)))
		return ps_fail_field(c->err, PS_EINVAL, "permit_expires_on", "居住证日期应为 YYYY-MM-DD");
	if (!strcmp(in->mode, "employer") && !in->employer_id)
		return ps_fail_field(c->err, PS_EINVAL, "employer_id", "委托管理须指定用工单位");
	rc = persons_visible(c, in->person_id, "person_id");
	if (!rc && in->employer_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->employer_id);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM employer_unit WHERE id = ? AND station_id = ?", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "employer_id", "用工单位不存在或不属于本所");
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	rows_bind_text(&q, in->registered_on);
	rows_bind_text(&q, in->permit_no);
	rows_bind_text(&q, in->permit_issued_on);
	rows_bind_text(&q, in->permit_expires_on);
	rows_bind_text(&q, in->mode);
	rows_bind_text(&q, in->layer);
	if (in->employer_id)
		rows_bind_int(&q, in->employer_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_exec(&q,
		       "INSERT INTO floating_person(person_id, registered_on, permit_no, permit_issued_on,"
		       " permit_expires_on, mode, layer, employer_id, station_id) VALUES (?,?,?,?,?,?,?,?,?)"
		       " ON CONFLICT (person_id) DO UPDATE SET registered_on = excluded.registered_on,"
		       " permit_no = excluded.permit_no, permit_issued_on = excluded.permit_issued_on,"
		       " permit_expires_on = excluded.permit_expires_on, mode = excluded.mode,"
		       " layer = excluded.layer, employer_id = excluded.employer_id",
		       NULL);
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	if (!rc)
		rc = rows_exec(&q, "UPDATE person SET kind = 'floating' WHERE id = ? AND kind IN ('resident','temporary')",
			       NULL);
	if (!rc)
		rc = audit_write(c, "floating.register", "person",
				 arena_printf(c->arena, "%lld", (long long)in->person_id), "success", in->layer);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->person_id);
	{
		json_t *f;

		rc = rows_one(&q, "SELECT person_id, registered_on, permit_no, permit_expires_on, mode, layer,"
				  " employer_id FROM floating_person WHERE person_id = ?", &f);
		if (rc)
			return rc;
		*out = json_pack("{s:o}", "floating", f);
	}
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
