/* tenancies.c — who lives in a rental, from when to when (承租人). */
#include "domain/population/tenancies.h"
#include "domain/population/rentals.h"
#include "domain/community/key_person_removals.h"
#include "domain/community/key_persons.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

int tenancies_create(struct ctx *c, int64_t rental_id, int64_t person_id, const char *from,
		     const char *to, const char *layer, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int64_t n = 0, id;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TENANCY_CREATE, RENTAL_PATH_SQL, rental_id, "出租房屋不存在");
	if (!rc)
		rc = rentals_get(c, rental_id, &r);
	if (rc)
		return rc;
	json_decref(r);
	if (!date_valid_str(from))
		return ps_fail_field(c->err, PS_EINVAL, "from_date", "入住日期应为 YYYY-MM-DD");
	if (to && (!date_valid_str(to) || strcmp(to, from) < 0))
		return ps_fail_field(c->err, PS_EINVAL, "to_date", "退租日期不正确");
	if (layer && strcmp(layer, "general") && strcmp(layer, "key"))
		return ps_fail_field(c->err, PS_EINVAL, "layer", "层级应为 general（一般）或 key（重点）");
	rc = persons_visible(c, person_id, "person_id");
	if (rc)
		return rc;
	/* one person, one home at a time: [from, to] must not meet another */
	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_text(&q, to ? to : "9999-12-31");
	rows_bind_text(&q, from);
	/* moving out on a day and in elsewhere the same day is one move */
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM tenancy WHERE person_id = ? AND from_date < ?"
		      " AND COALESCE(to_date, '9999-12-31') > ?",
		      0, &n);
	if (!rc && n)
		rc = ps_fail(c->err, PS_ECONFLICT, "TENANCY_OVERLAP", NULL,
			     "该人员在这段时间已登记居住在其他出租房屋，请先办理退租");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, rental_id);
	rows_bind_int(&q, person_id);
	rows_bind_text(&q, from);
	rows_bind_text(&q, to);
	rows_bind_text(&q, layer ? layer : "general");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO tenancy(rental_id, person_id, from_date, to_date, layer, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "tenancy.create", "person", arena_printf(c->arena, "%lld", (long long)person_id),
				 "success", arena_printf(c->arena, "rental=%lld", (long long)rental_id));
	/* a current tenant in the key layer gets the key-person contact cycle */
	if (!rc && !to && layer && !strcmp(layer, "key"))
		rc = key_persons_from_tenancy(c, person_id, rental_id, from);
	return rc ? rc : rentals_get(c, rental_id, out);
}

/* What ending a tenancy decides on. */
struct tenancy_row {
	int64_t rental_id, person_id;
	const char *from_date, *to_date;
};
static const struct rows_col tenancy_cols[] = {
	ROWS_INT(struct tenancy_row, rental_id),
	ROWS_INT(struct tenancy_row, person_id),
	ROWS_TEXT(struct tenancy_row, from_date),
	ROWS_TEXT(struct tenancy_row, to_date),
};

int tenancies_end(struct ctx *c, int64_t id, const char *to, json_t **out)
{
	struct rows_query q;
	struct tenancy_row t;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TENANCY_END,
			     "SELECT o.path FROM tenancy t JOIN rental r ON r.id = t.rental_id"
			     " JOIN org_unit o ON o.id = r.station_id WHERE t.id = ?",
			     id, "租住记录不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_struct(&q, "SELECT rental_id, person_id, from_date, to_date FROM tenancy WHERE id = ?",
			 tenancy_cols, 4, &t);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "租住记录不存在");
	if (rc)
		return rc;
	if (!to)
		to = ctx_today_str(c);
	if (!date_valid_str(to) || !t.from_date || strcmp(to, t.from_date) < 0)
		rc = ps_fail_field(c->err, PS_EINVAL, "to_date", "退租日期不正确");
	else if (t.to_date)
		rc = ps_fail(c->err, PS_ECONFLICT, "TENANCY_ENDED", NULL, "已办理退租");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, to);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE tenancy SET to_date = ? WHERE id = ?", NULL);
	}
	if (!rc)
		rc = key_person_removals_tenant_left(c, t.person_id);
	if (!rc)
		rc = audit_write(c, "tenancy.end", "tenancy", arena_printf(c->arena, "%lld", (long long)id),
				 "success", to);
	if (!rc)
		rc = rentals_get(c, t.rental_id, out);
	return rc;
}
