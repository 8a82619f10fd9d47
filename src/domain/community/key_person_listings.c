/* key_person_listings.c — 列管 request and approval (COM-ZD-ENLIST). */
#include "domain/community/key_person_listings.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define LISTING_SELECT                                                                                   \
	"SELECT l.id, l.person_id, p.name, p.sex, l.station_id, s.name AS station_name, l.beat_id,"      \
	" b.name AS beat_name, l.category, l.reason, l.level, l.control_plan, l.listed_on, l.status,"     \
	" l.requested_by,"                                                                                 \
	" q.name AS requested_by_name, l.requested_at, l.decided_by, d.name AS decided_by_name,"        \
	" l.decided_at, l.decision_note, l.key_person_id"                                                \
	" FROM key_person_listing l JOIN person p ON p.id = l.person_id"                                   \
	" JOIN org_unit s ON s.id = l.station_id LEFT JOIN beat b ON b.id = l.beat_id"                     \
	" JOIN users q ON q.id = l.requested_by LEFT JOIN users d ON d.id = l.decided_by"

static const char *idstr(struct ctx *c, int64_t id)
{
	return arena_printf(c->arena, "%lld", (long long)id);
}

static int bureau_decides(struct ctx *c)
{
	const char *who = setting_text(c, "community.listing_approver", 0);

	return who && !strcmp(who, "bureau");
}

int key_person_listings_actor_approves(struct ctx *c, int64_t station)
{
	if (!ctx_has_role(c, "chief"))
		return 0;
	return bureau_decides(c) ? c->who.station_id == 0 : c->who.station_id == station;
}

static int listing_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, LISTING_SELECT " WHERE l.id = ?", &r);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "列管申请不存在");
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "listing", r);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int key_person_listings_create(struct ctx *c, const struct key_person_input *in_, json_t **out)
{
	struct key_person_input in = *in_;
	struct rows_query q;
	int64_t n = 0, id;
	int rc;

	*out = NULL;
	rc = key_persons_check_input(c, &in);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in.person_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM key_person_listing WHERE person_id = ? AND status = 'pending'", 0, &n);
	if (!rc && n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LISTING_PENDING", "COM-ZD-ENLIST", "该人员已有待审批的列管申请");
	if (rc)
		return rc;
	if (key_person_listings_actor_approves(c, c->who.station_id)) {
		rc = key_persons_enlist(c, &in, c->who.station_id, &id);
		return rc ? rc : key_persons_get(c, id, out);
	}
	rows_binds(&q, c);
	rows_bind_int(&q, in.person_id);
	rows_bind_int(&q, c->who.station_id);
	if (in.beat_id)
		rows_bind_int(&q, in.beat_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in.category);
	rows_bind_text(&q, in.reason);
	rows_bind_text(&q, in.level);
	rows_bind_text(&q, in.control_plan);
	rows_bind_text(&q, in.listed_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO key_person_listing(person_id, station_id, beat_id, category, reason, level,"
			 " control_plan, listed_on, status, requested_by, requested_at)"
			 " VALUES (?,?,?,?,?,?,?,?,'pending',?,?)"
			 " RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "key_person.enlist_request", "key_person_listing", idstr(c, id), "success",
				 arena_printf(c->arena, "person=%lld", (long long)in.person_id));
	return rc ? rc : listing_get(c, id, out);
}

int key_person_listings_list(struct ctx *c, const char *status, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_KEY_PERSON_LIST);
	if (rc)
		return rc;
	if (status && *status && strcmp(status, "pending") && strcmp(status, "approved") && strcmp(status, "rejected"))
		return ps_fail_field(c->err, PS_EINVAL, "status", "状态应为 pending / approved / rejected");
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	if (status && *status) {
		rows_bind_text(&q, status);
		rc = rows_all(&q, LISTING_SELECT " WHERE s.path LIKE ? AND l.status = ? ORDER BY l.id DESC", &items);
	} else {
		rc = rows_all(&q, LISTING_SELECT " WHERE s.path LIKE ? ORDER BY l.id DESC", &items);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:o, s:s}", "items", items, "approver", bureau_decides(c) ? "bureau" : "station");
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* COM-ZD-INTERNAL: every view is logged, with the persons named */
	rc = audit_read_items(c, "key_person_listing.list", "person", items, "person_id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int key_person_listings_decide(struct ctx *c, int64_t id, int approve, const char *note, json_t **out)
{
	struct rows_query q;
	json_t *r;
	struct key_person_input in = { 0 };
	int64_t station, kp = 0, n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_KEY_PERSON_ENLIST_APPROVE,
			     "SELECT o.path FROM key_person_listing l JOIN org_unit o ON o.id = l.station_id WHERE l.id = ?",
			     id, "列管申请不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT person_id, station_id, beat_id, category, reason, level, control_plan, listed_on, status,"
		      " requested_by FROM key_person_listing WHERE id = ?",
		      &r);
	if (rc)
		return rc;
	station = row_int(r, "station_id");
	if (strcmp(row_str(r, "status"), "pending")) {
		json_decref(r);
		return ps_fail(c->err, PS_ECONFLICT, "LISTING_DECIDED", "COM-ZD-ENLIST", "该列管申请已审批");
	}
	if (row_int(r, "requested_by") == c->who.user_id) {
		json_decref(r);
		ctx_audit_after(c, "key_person.enlist_approve", "key_person_listing", idstr(c, id), "denied", "本人申请");
		return ps_fail(c->err, PS_EFORBIDDEN, "OWN_REQUEST", "COM-ZD-ENLIST", "不能审批本人提出的列管申请");
	}
	if (!key_person_listings_actor_approves(c, station)) {
		json_decref(r);
		ctx_audit_after(c, "key_person.enlist_approve", "key_person_listing", idstr(c, id), "denied", "审批人不符");
		return ps_fail(c->err, PS_EFORBIDDEN, "LISTING_APPROVER", "COM-ZD-ENLIST",
			       bureau_decides(c) ? "列管须由县局领导审批" : "列管须由本所所长审批");
	}
	if (!approve && (!note || !*note)) {
		json_decref(r);
		return ps_fail_field(c->err, PS_EINVAL, "note", "不批准须写明理由");
	}
	if (approve) {
		/* under control from the day asked (a late entry keeps its day) */
		in.person_id = row_int(r, "person_id");
		in.beat_id = row_int(r, "beat_id");
		in.category = row_str(r, "category");
		in.reason = row_str(r, "reason");
		in.level = row_str(r, "level");
		in.control_plan = row_str(r, "control_plan");
		in.listed_on = row_str(r, "listed_on");
		rows_binds(&q, c);
		rows_bind_int(&q, in.person_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM key_person WHERE person_id = ? AND status <> 'removed'", 0, &n);
		if (!rc && n)
			rc = ps_fail(c->err, PS_ECONFLICT, "KEY_PERSON_EXISTS", NULL, "该人员已列管");
		if (!rc)
			rc = key_persons_enlist(c, &in, station, &kp);
	}
	json_decref(r); /* in's strings are not used past here */
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, approve ? "approved" : "rejected");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, note);
	if (kp)
		rows_bind_int(&q, kp);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE key_person_listing SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
		       " key_person_id = ? WHERE id = ? AND status = 'pending'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LISTING_DECIDED", "COM-ZD-ENLIST", "该列管申请已审批");
	if (!rc)
		rc = audit_write(c, approve ? "key_person.enlist_approve" : "key_person.enlist_reject",
				 "key_person_listing", idstr(c, id), "success",
				 kp ? arena_printf(c->arena, "key_person=%lld", (long long)kp) : "");
	return rc ? rc : listing_get(c, id, out);
}

int key_person_listings_today(struct ctx *c, json_t *items)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_KEY_PERSON_ENLIST_APPROVE) || bureau_decides(c) != (c->who.station_id == 0))
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, c->who.user_id);
	rc = rows_all(&q, LISTING_SELECT " WHERE s.path LIKE ? AND l.status = 'pending' AND l.requested_by <> ?"
				       " ORDER BY l.id",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int y, m, d;
		json_t *row;

		date_civil_from_days(date_local_days(row_int(r, "requested_at")), &y, &m, &d);
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "key_person_listing", "label",
				arena_printf(c->arena, "列管申请待审批：%s（%s）", row_str(r, "name"), row_str(r, "category")),
				"detail",
				arena_printf(c->arena, "%s%s申请人 %s", row_str(r, "beat_name") ? row_str(r, "beat_name") : "",
					     row_str(r, "beat_name") ? " · " : "", row_str(r, "requested_by_name")),
				"due_on", arena_printf(c->arena, "%04d-%02d-%02d", y, m, d), "route",
				"/community/key-person-listings");
		if (!row || json_array_append_new(items, row)) {
			json_decref(rows);
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		}
	}
	json_decref(rows);
	return PS_OK;
}
