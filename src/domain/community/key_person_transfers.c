/* key_person_transfers.c — a key person moving to another station: sent as a
 * 函查 letter, pending for both stations until the receiving station
 * acknowledges; then the person, his tenancies and his 居住登记 leave the old
 * station. */
#include "domain/community/key_person_transfers.h"
#include "domain/community/key_persons.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"

#include <string.h>

int key_person_transfers_create(struct ctx *c, int64_t id, int64_t to_station_id, const char *reason, json_t **out)
{
	struct rows_query q;
	json_t *k;
	const char *to_name = NULL;
	int64_t letter, n = 0;
	int rc;

	*out = NULL;
	rc = key_persons_may_write(c, ACT_KEY_PERSON_TRANSFER, id, "key_person.transfer");
	if (rc)
		return rc;
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写移交原因（迁往何处）");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT k.person_id, k.station_id, k.status FROM key_person k WHERE k.id = ?", &k);
	if (rc)
		return rc;
	if (strcmp(row_str(k, "status"), "active")) {
		json_decref(k);
		return ps_fail(c->err, PS_ECONFLICT, "KEY_PERSON_NOT_ACTIVE", NULL, "该人员正在移交或已撤管");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, to_station_id);
	rows_bind_int(&q, row_int(k, "station_id"));
	{
		json_t *s = NULL;

		rc = rows_one(&q, "SELECT name FROM org_unit WHERE id = ? AND kind = 'station' AND id <> ? AND active = 1",
			      &s);
		if (rc == PS_ENOTFOUND)
			rc = ps_fail_field(c->err, PS_EINVAL, "to_station_id", "接收单位应为其他派出所");
		if (!rc)
			to_name = arena_strdup(c->arena, row_str(s, "name"));
		json_decref(s);
	}
	if (rc) {
		json_decref(k);
		return rc;
	}
	/* the letter: 函查 machinery, answered by the receiving station */
	rows_binds(&q, c);
	rows_bind_int(&q, row_int(k, "person_id"));
	rows_bind_int(&q, row_int(k, "station_id"));
	rows_bind_text(&q, to_name);
	rows_bind_text(&q, ctx_today_str(c));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, arena_printf(c->arena, "人员迁移移交：%s", reason));
	rc = rows_insert(&q,
			 "INSERT INTO inquiry_letter(person_id, station_id, to_unit, sent_on, sent_by, notes)"
			 " VALUES (?,?,?,?,?,?) RETURNING id",
			 &letter);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, row_int(k, "station_id"));
		rows_bind_int(&q, to_station_id);
		rows_bind_int(&q, letter);
		rows_bind_text(&q, reason);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rc = rows_exec(&q,
			       "INSERT INTO key_person_transfer(key_person_id, from_station_id, to_station_id, letter_id,"
			       " reason, status, sent_by, sent_at) VALUES (?,?,?,?,?,'pending',?,?)",
			       &n);
	}
	json_decref(k);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	if (!rc)
		rc = rows_exec(&q, "UPDATE key_person SET status = 'transferring' WHERE id = ?", NULL);
	if (!rc)
		rc = audit_write(c, "key_person.transfer", "key_person", arena_printf(c->arena, "%lld", (long long)id),
				 "success", arena_printf(c->arena, "to=%lld", (long long)to_station_id));
	return rc ? rc : key_persons_get(c, id, out);
}

int key_person_transfers_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_KEY_PERSON_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT t.id, t.key_person_id, p.name, k.category, t.from_station_id, f.name AS from_station_name,"
		      " t.to_station_id, s.name AS to_station_name, t.letter_id, t.reason, t.status, t.sent_at,"
		      " t.acknowledged_at, CASE WHEN s.path LIKE ? THEN 'in' ELSE 'out' END AS direction"
		      " FROM key_person_transfer t JOIN key_person k ON k.id = t.key_person_id"
		      " JOIN person p ON p.id = k.person_id JOIN org_unit f ON f.id = t.from_station_id"
		      " JOIN org_unit s ON s.id = t.to_station_id WHERE f.path LIKE ? OR s.path LIKE ?"
		      " ORDER BY t.status DESC, t.id DESC",
		      &items);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "items", items);
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = audit_read_items(c, "key_person_transfer.list", "key_person", items, "key_person_id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int key_person_transfers_acknowledge(struct ctx *c, int64_t transfer_id, json_t **out)
{
	struct rows_query q;
	json_t *t;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_KEY_PERSON_ACCEPT,
			     "SELECT o.path FROM key_person_transfer t JOIN org_unit o ON o.id = t.to_station_id"
			     " WHERE t.id = ?",
			     transfer_id, "移交记录不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, transfer_id);
	rc = rows_one(&q,
		      "SELECT t.key_person_id, t.from_station_id, t.to_station_id, t.letter_id, t.status, k.person_id"
		      " FROM key_person_transfer t"
		      " JOIN key_person k ON k.id = t.key_person_id WHERE t.id = ?",
		      &t);
	if (rc)
		return rc;
	if (strcmp(row_str(t, "status"), "pending")) {
		json_decref(t);
		return ps_fail(c->err, PS_ECONFLICT, "TRANSFER_DONE", NULL, "该移交已接收");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, transfer_id);
	rc = rows_exec(&q,
		       "UPDATE key_person_transfer SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?"
		       " WHERE id = ?",
		       NULL);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_today_str(c));
		rows_bind_int(&q, row_int(t, "letter_id"));
		rc = rows_exec(&q, "UPDATE inquiry_letter SET answered_on = ?, result = 'none', notes ="
				   " COALESCE(notes, '') || '；接收单位已接收' WHERE id = ?", NULL);
	}
	/* the person moves: the receiving station holds him, in no beat yet */
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, row_int(t, "to_station_id"));
		rows_bind_int(&q, row_int(t, "key_person_id"));
		rc = rows_exec(&q, "UPDATE key_person SET station_id = ?, beat_id = NULL, status = 'active' WHERE id = ?",
			       NULL);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, row_int(t, "to_station_id"));
		rows_bind_int(&q, row_int(t, "person_id"));
		rc = rows_exec(&q, "UPDATE person SET unit_id = ?, address_id = NULL WHERE id = ?", NULL);
	}
	/* he lives at the old station no more: his open tenancies there end
	 * and his 居住登记 there is closed as departed, today */
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_today_str(c));
		rows_bind_int(&q, row_int(t, "person_id"));
		rows_bind_text(&q, ctx_today_str(c));
		rows_bind_int(&q, row_int(t, "from_station_id"));
		rc = rows_exec(&q,
			       "UPDATE tenancy SET to_date = ? WHERE person_id = ? AND to_date IS NULL AND from_date <= ?"
			       " AND rental_id IN (SELECT id FROM rental WHERE station_id = ?)",
			       NULL);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_today_str(c));
		rows_bind_text(&q, ctx_today_str(c));
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, row_int(t, "person_id"));
		rows_bind_int(&q, row_int(t, "from_station_id"));
		rc = rows_exec(&q,
			       "UPDATE floating_person SET departed_on = ?, departure_reporter_kind = 'officer',"
			       " departure_reporter = '重点人员移交接收', departure_reported_on = ?,"
			       " departure_recorded_by = ? WHERE person_id = ? AND station_id = ? AND departed_on IS NULL",
			       NULL);
	}
	if (!rc)
		rc = audit_write(c, "key_person.acknowledge", "key_person",
				 arena_printf(c->arena, "%lld", (long long)row_int(t, "key_person_id")), "success",
				 arena_printf(c->arena, "transfer=%lld", (long long)transfer_id));
	{
		int64_t kp = row_int(t, "key_person_id");

		json_decref(t);
		return rc ? rc : key_persons_get(c, kp, out);
	}
}
