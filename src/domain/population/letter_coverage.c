/* letter_coverage.c — who has not signed (or let expire) the 治安责任保证书:
 * rentals (ZL Art 5-7, COM-RENT) and employer units. */
#include "domain/population/letter_coverage.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/rows.h"

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

int letter_coverage_get(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *missing = NULL, *emissing = NULL;
	int64_t rentals = 0, employers = 0;
	const char *today = ctx_today_str(c);
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_RENTAL_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_int(&q, "SELECT COUNT(*) FROM rental r JOIN org_unit o ON o.id = r.station_id WHERE o.path LIKE ?", 0,
		      &rentals);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, today);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_text(&q, today);
		rc = rows_all(&q,
			      "SELECT r.id, a.community || a.building || a.unit_no || a.room AS address, p.name AS landlord_name,"
			      " r.letter_signed_on, r.letter_expires_on,"
			      " CASE WHEN r.letter_signed_on IS NULL THEN 'none' WHEN r.letter_expires_on < ? THEN 'expired'"
			      " END AS reason"
			      " FROM rental r JOIN org_unit o ON o.id = r.station_id JOIN address a ON a.id = r.address_id"
			      " JOIN person p ON p.id = r.landlord_id WHERE o.path LIKE ?"
			      " AND (r.letter_signed_on IS NULL OR r.letter_expires_on < ?) ORDER BY r.id",
			      &missing);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM employer_unit e JOIN org_unit o ON o.id = e.station_id WHERE o.path LIKE ?",
			      0, &employers);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q,
			      "SELECT e.id, e.name, e.contact, e.letter_signed_on FROM employer_unit e"
			      " JOIN org_unit o ON o.id = e.station_id WHERE o.path LIKE ? AND e.letter_signed_on IS NULL"
			      " ORDER BY e.id",
			      &emissing);
	}
	if (rc) {
		json_decref(missing);
		return rc;
	}
	{
		int64_t valid = rentals - (int64_t)json_array_size(missing);

		*out = json_pack("{s:I, s:I, s:I, s:I, s:I, s:o, s:o}", "rentals", (json_int_t)rentals, "rentals_valid",
				 (json_int_t)valid, "rental_pct", (json_int_t)(rentals ? valid * 100 / rentals : 100),
				 "employers", (json_int_t)employers, "employers_valid",
				 (json_int_t)(employers - (int64_t)json_array_size(emissing)), "missing", missing,
				 "employers_missing", emissing);
	}
	if (!*out)
		return NOMEM(c);
	/* AUD-1: the list names the landlords */
	rc = audit_read_items(c, "rental.letter_coverage", "rental", json_object_get(*out, "missing"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
