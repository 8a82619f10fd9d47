/* key_person_removals.c — 撤管 request and approval (COM-ZD-REMOVE). */
#include "domain/community/key_person_removals.h"
#include "domain/community/beats.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/enums.h"
#include "domain/rows.h"

#include <string.h>

#define REMOVAL_SELECT                                                                                   \
	"SELECT r.id, r.key_person_id, k.person_id, p.name, k.category, k.level, k.station_id,"          \
	" s.name AS station_name, b.name AS beat_name, r.reason, r.status, r.requested_by,"               \
	" q.name AS requested_by_name, r.requested_at, r.decided_by, d.name AS decided_by_name,"          \
	" r.decided_at, r.decision_note"                                                                   \
	" FROM key_person_removal r JOIN key_person k ON k.id = r.key_person_id"                           \
	" JOIN person p ON p.id = k.person_id JOIN org_unit s ON s.id = r.station_id"                      \
	" LEFT JOIN beat b ON b.id = k.beat_id JOIN users q ON q.id = r.requested_by"                      \
	" LEFT JOIN users d ON d.id = r.decided_by"

static const char *idstr(struct ctx *c, int64_t id)
{
	return arena_printf(c->arena, "%lld", (long long)id);
}

static int removal_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, REMOVAL_SELECT " WHERE r.id = ?", &r);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "撤管申请不存在");
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "removal", r);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* A pending request for key person kp of station, in the actor's name,
 * audited (detail "removal=ID" and note). */
static int removal_insert(struct ctx *c, int64_t kp, int64_t station, const char *reason, const char *note,
			  int64_t *id)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, kp);
	rows_bind_int(&q, station);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO key_person_removal(key_person_id, station_id, reason, status, requested_by,"
			 " requested_at) VALUES (?,?,?,'pending',?,?) RETURNING id",
			 id);
	if (!rc)
		rc = audit_write(c, "key_person.remove_request", "key_person", idstr(c, kp), "success",
				 arena_printf(c->arena, "removal=%lld%s", (long long)*id, note));
	return rc;
}

int key_person_removals_request(struct ctx *c, int64_t kp_id, const char *reason, json_t **out)
{
	struct rows_query q;
	json_t *k;
	int64_t beat, station, id, n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_KEY_PERSON_REMOVE,
			     "SELECT o.path FROM key_person k JOIN org_unit o ON o.id = k.station_id WHERE k.id = ?", kp_id,
			     "重点人员不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, kp_id);
	rc = rows_one(&q, "SELECT beat_id, station_id, status FROM key_person WHERE id = ?", &k);
	if (rc)
		return rc;
	beat = row_int(k, "beat_id");
	station = row_int(k, "station_id");
	/* COM-WARD: his beat's officer, sergeant, auxiliaries or the chief */
	rc = beats_may_edit(c, 0, beat, "key_person.remove", "key_person", kp_id);
	if (!rc && strcmp(row_str(k, "status"), "active"))
		rc = ps_fail(c->err, PS_ECONFLICT, "KEY_PERSON_NOT_ACTIVE", "COM-ZD-REMOVE", "该人员正在移交或已撤管");
	json_decref(k);
	if (rc)
		return rc;
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "撤管须写明原因（COM-ZD-REMOVE）");
	rows_binds(&q, c);
	rows_bind_int(&q, kp_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM key_person_removal WHERE key_person_id = ? AND status = 'pending'", 0,
		      &n);
	if (!rc && n)
		rc = ps_fail(c->err, PS_ECONFLICT, "REMOVAL_PENDING", "COM-ZD-REMOVE", "该人员已有待审批的撤管申请");
	if (rc)
		return rc;
	rc = removal_insert(c, kp_id, station, reason, "", &id);
	return rc ? rc : removal_get(c, id, out);
}

int key_person_removals_tenant_left(struct ctx *c, int64_t person_id)
{
	struct rows_query q;
	int64_t kp = 0, open = 0, station = 0, id;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rc = rows_int(&q,
		      "SELECT k.id FROM key_person k WHERE k.person_id = ? AND k.source = 'tenant' AND k.status = 'active'"
		      " AND NOT EXISTS (SELECT 1 FROM key_person_removal x WHERE x.key_person_id = k.id"
		      " AND x.status = 'pending')",
		      0, &kp);
	if (rc || !kp)
		return rc;
	/* still a key-layer tenant somewhere: the listing holds */
	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM tenancy WHERE person_id = ? AND to_date IS NULL AND layer = 'key'", 0,
		      &open);
	if (rc || open)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, kp);
	rc = rows_int(&q, "SELECT station_id FROM key_person WHERE id = ?", 0, &station);
	if (rc)
		return rc;
	return removal_insert(c, kp, station, "重点租户已退租或离开，申请撤管（退租时自动提出）", " tenancy ended",
			      &id);
}

int key_person_removals_list(struct ctx *c, const char *status, json_t **out)
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
		rc = rows_all(&q, REMOVAL_SELECT " WHERE s.path LIKE ? AND r.status = ? ORDER BY r.id DESC", &items);
	} else {
		rc = rows_all(&q, REMOVAL_SELECT " WHERE s.path LIKE ? ORDER BY r.id DESC", &items);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:o, s:s}", "items", items, "approver",
			 strcmp(setting_text(c, "community.removal_approver", 0), "bureau") ? "station" : "bureau");
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* COM-ZD-INTERNAL: every view is logged */
	rc = audit_read_items(c, "key_person_removal.list", "key_person", items, "key_person_id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* The approver the county set (COM-ZD-REMOVE): "station" — a chief of the
 * person's station; "bureau" — a chief of the county level (no station). */
static int approver_ok(struct ctx *c, int64_t station)
{
	const char *who = setting_text(c, "community.removal_approver", 0);

	if (who && !strcmp(who, "bureau"))
		return c->who.station_id == 0;
	return c->who.station_id == station;
}

int key_person_removals_decide(struct ctx *c, int64_t id, int approve, const char *note, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int64_t kp, station, person, n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_KEY_PERSON_REMOVE_APPROVE,
			     "SELECT o.path FROM key_person_removal r JOIN org_unit o ON o.id = r.station_id WHERE r.id = ?",
			     id, "撤管申请不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT r.key_person_id, r.station_id, r.status, r.requested_by, k.person_id"
		      " FROM key_person_removal r JOIN key_person k ON k.id = r.key_person_id WHERE r.id = ?",
		      &r);
	if (rc)
		return rc;
	kp = row_int(r, "key_person_id");
	station = row_int(r, "station_id");
	person = row_int(r, "person_id");
	if (strcmp(row_str(r, "status"), "pending")) {
		json_decref(r);
		return ps_fail(c->err, PS_ECONFLICT, "REMOVAL_DECIDED", "COM-ZD-REMOVE", "该撤管申请已审批");
	}
	if (row_int(r, "requested_by") == c->who.user_id) {
		json_decref(r);
		ctx_audit_after(c, "key_person.remove_approve", "key_person", idstr(c, kp), "denied", "本人申请");
		return ps_fail(c->err, PS_EFORBIDDEN, "OWN_REQUEST", "COM-ZD-REMOVE", "不能审批本人提出的撤管申请");
	}
	json_decref(r);
	if (!approver_ok(c, station)) {
		ctx_audit_after(c, "key_person.remove_approve", "key_person", idstr(c, kp), "denied", "审批人不符");
		return ps_fail(c->err, PS_EFORBIDDEN, "REMOVAL_APPROVER", "COM-ZD-REMOVE",
			       strcmp(setting_text(c, "community.removal_approver", 0), "bureau")
				       ? "撤管须由本所所长审批"
				       : "撤管须由县局领导审批");
	}
	if (!approve && (!note || !*note))
		return ps_fail_field(c->err, PS_EINVAL, "note", "不批准须写明理由");
	rows_binds(&q, c);
	rows_bind_text(&q, approve ? "approved" : "rejected");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE key_person_removal SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?"
		       " WHERE id = ? AND status = 'pending'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "REMOVAL_DECIDED", "COM-ZD-REMOVE", "该撤管申请已审批");
	if (!rc && approve) {
		rows_binds(&q, c);
		rows_bind_int(&q, kp);
		rc = rows_exec(&q, "UPDATE key_person SET status = 'removed' WHERE id = ? AND status = 'active'", &n);
		if (!rc && !n)
			rc = ps_fail(c->err, PS_ECONFLICT, "KEY_PERSON_NOT_ACTIVE", "COM-ZD-REMOVE",
				     "该人员正在移交或已撤管");
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_int(&q, person);
			rc = rows_exec(&q, "UPDATE person SET key_person = 0 WHERE id = ?", NULL);
		}
	}
	if (!rc)
		rc = audit_write(c, approve ? "key_person.remove" : "key_person.remove_reject", "key_person",
				 idstr(c, kp), "success", arena_printf(c->arena, "removal=%lld", (long long)id));
	return rc ? rc : removal_get(c, id, out);
}

int key_person_removals_of(struct ctx *c, int64_t kp_id, json_t **out)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, kp_id);
	return rows_all(&q, REMOVAL_SELECT " WHERE r.key_person_id = ? ORDER BY r.id DESC", out);
}
