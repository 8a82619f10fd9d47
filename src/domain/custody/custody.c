#include "domain/enums.h"
#include "domain/custody/custody.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/cases/cases.h"
#include "domain/clocks/clocks.h"
#include "domain/clocks/measures.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/idcard.h"
#include "rules/measures.h"

#include <stdio.h>
#include <string.h>

int custody_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *e, *items, *log;
	int rc;

	*out = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT e.id, e.unit_id, e.case_id, k.case_no, e.party_id, " PARTY_NAME_SQL " AS person, p.sex,"
		      " e.measure_id, e.reason, e.officer_id, u.name AS officer_name, e.arrived_at,"
		      " e.safety_check_at, e.safety_notes, e.locker_no, e.room_kind, e.room_no, e.out_at,"
		      " e.exited_at, e.exit_reason, e.belongings_returned"
		      " FROM custody_entry e JOIN police_case k ON k.id = e.case_id"
		      " JOIN case_party cp ON cp.id = e.party_id JOIN person p ON p.id = cp.person_id"
		      " JOIN users u ON u.id = e.officer_id WHERE e.id = ?",
		      &e);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "办案区登记不存在");
	if (rc)
		return rc;
	rc = rows_all(&q, "SELECT id, name, quantity, returned_at FROM custody_item WHERE entry_id = ? ORDER BY id",
		      &items);
	if (!rc)
		rc = rows_all(&q,
			      "SELECT l.kind, l.at, l.note, u.name AS user_name FROM custody_log l"
			      " JOIN users u ON u.id = l.user_id WHERE l.entry_id = ? ORDER BY l.id",
			      &log);
	if (rc) {
		json_decref(e);
		return rc;
	}
	json_object_set_new(e, "items", items);
	json_object_set_new(e, "log", log);
	*out = json_pack("{s:o}", "entry", e);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int custody_load(struct ctx *c, int64_t id, struct custody_row *e)
{
	struct db_stmt *st;
	int rc;

	memset(e, 0, sizeof(*e));
	rc = db_prepare(c->db,
			"SELECT e.id, e.unit_id, e.case_id, e.party_id, e.measure_id, e.arrived_at,"
			" e.safety_check_at, e.out_at, e.exited_at, p.sex"
			" FROM custody_entry e JOIN case_party cp ON cp.id = e.party_id"
			" JOIN person p ON p.id = cp.person_id WHERE e.id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		e->id = db_column_int(st, 0);
		e->unit_id = db_column_int(st, 1);
		e->case_id = db_column_int(st, 2);
		e->party_id = db_column_int(st, 3);
		e->measure_id = db_column_int(st, 4);
		e->arrived_at = db_column_int(st, 5);
		e->safety_check_at = db_column_int(st, 6);
		e->out_at = db_column_int(st, 7);
		e->exited_at = db_column_int(st, 8);
		e->sex = db_column_text(st, 9) ? arena_strdup(c->arena, db_column_text(st, 9)) : NULL;
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "办案区登记不存在");
	}
	db_finalize(st);
	return rc;
}

int custody_read(struct ctx *c, int64_t id, json_t **out)
{
	struct custody_row e;
	struct case_row k;
	int rc;

	*out = NULL;
	rc = custody_load(c, id, &e);
	if (!rc)
		rc = case_load(c, e.case_id, &k);
	if (!rc)
		rc = custody_get(c, id, out);
	if (!rc)
		rc = audit_read(c, "custody", arena_printf(c->arena, "%lld", (long long)id));
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* Load an entry of the actor's station that is still inside. */
static int load_inside(struct ctx *c, int64_t id, struct custody_row *e, struct case_row *k)
{
	int rc = custody_load(c, id, e);

	if (!rc)
		rc = case_load(c, e->case_id, k);
	if (!rc && e->exited_at)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_EXITED", NULL, "该人员已离开办案区");
	if (!rc)
		rc = authz_check(c, ACT_CUSTODY_UPDATE, k->unit_path, 0, k->case_no);
	return rc;
}

static int log_row(struct ctx *c, int64_t id, const char *kind, const char *note)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, kind);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, note);
	rows_bind_int(&q, c->who.user_id);
	return rows_exec(&q, "INSERT INTO custody_log(entry_id, kind, at, note, user_id) VALUES (?,?,?,?,?)",
			 NULL);
}

int custody_enter(struct ctx *c, const struct custody_input *in, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t n = 0, id, at = in->has_arrived ? in->arrived_at : c->now;
	int rc;

	*out = NULL;
	rc = case_load(c, in->case_id, &k);
	if (rc)
		return rc;
	rc = authz_check(c, ACT_CUSTODY_ENTER, k.unit_path, 0, k.case_no);
	if (!rc)
		rc = cases_may_proceed(c, &k, 0);
	if (rc)
		return rc;
	/* rule: the case's officers, or the chief of the case's station */
	if (!cases_may_edit(c, &k))
		return ctx_deny(c, "custody.enter", "case", k.case_no, "只有本案办案民警可以登记进入办案区");
	if (!in->reason || !*in->reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写进入办案区的事由");
	if (at > c->now + 300 || at < c->now - 2 * 86400)
		return ps_fail_field(c->err, PS_EINVAL, "arrived_at", "到案时间不合理");
	rows_binds(&q, c);
	rows_bind_int(&q, in->party_id);
	rows_bind_int(&q, in->case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_party WHERE id = ? AND case_id = ?", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "party_id", "该当事人不属于本案");
	if (!rc && in->measure_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->measure_id);
		rows_bind_int(&q, in->party_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM measure WHERE id = ? AND party_id = ?", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "measure_id", "强制措施与该人员不符");
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->party_id);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM custody_entry e JOIN case_party a ON a.id = e.party_id"
			      " WHERE e.exited_at IS NULL AND a.person_id = (SELECT person_id FROM case_party WHERE id = ?)",
			      0, &n);
		if (!rc && n)
			rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_INSIDE", NULL, "该人员已在办案区内");
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, k.unit_id);
	rows_bind_int(&q, in->case_id);
	rows_bind_int(&q, in->party_id);
	if (in->measure_id)
		rows_bind_int(&q, in->measure_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->reason);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, at);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO custody_entry(unit_id, case_id, party_id, measure_id, reason, officer_id,"
			 " arrived_at, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = case_event(c, in->case_id, "custody_enter", NULL, NULL,
				arena_printf(c->arena, "办案区登记 %lld：%s", (long long)id, in->reason));
	if (!rc)
		rc = audit_write(c, "custody.enter", "case", k.case_no, "success", in->reason);
	return rc ? rc : custody_get(c, id, out);
}

int custody_check(struct ctx *c, int64_t id, const char *notes, const char *locker_no,
		  const struct custody_item_input *items, int nitems, json_t **out)
{
	struct custody_row e;
	struct case_row k;
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = load_inside(c, id, &e, &k);
	if (rc)
		return rc;
	if (e.safety_check_at)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_CHECKED", NULL, "已进行人身安全检查");
	if (!notes || !*notes)
		return ps_fail_field(c->err, PS_EINVAL, "notes", "请填写安全检查情况");
	if (nitems > 0 && (!locker_no || !*locker_no))
		return ps_fail_field(c->err, PS_EINVAL, "locker_no", "随身物品须存入编号储物柜");
	for (int i = 0; i < nitems; i++) {
		if (!items[i].name || !*items[i].name || !items[i].quantity || !*items[i].quantity)
			return ps_fail_field(c->err, PS_EINVAL, "items", "第 %d 件物品的名称或数量为空", i + 1);
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_text(&q, items[i].name);
		rows_bind_text(&q, items[i].quantity);
		rc = rows_exec(&q, "INSERT INTO custody_item(entry_id, name, quantity) VALUES (?,?,?)", NULL);
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, notes);
	rows_bind_text(&q, locker_no);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE custody_entry SET safety_check_at = ?, safety_check_by = ?, safety_notes = ?,"
		       " locker_no = ? WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "custody.check", "case", k.case_no, "success", locker_no);
	return rc ? rc : custody_get(c, id, out);
}

/* CQ-SPECIAL: pregnant/nursing, under 16, 70 or over (age today). */
static int special_person(struct ctx *c, const struct custody_row *e, int *special)
{
	struct rows_query q;
	int rc, y, m, d;

	ctx_today(c, &y, &m, &d);
	rc = measures_party_special(c, e->party_id, y, m, d, special);
	if (rc)
		return rc;
	if (!*special && e->measure_id) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, e->measure_id);
		rc = rows_int(&q, "SELECT special_person FROM measure WHERE id = ?", 0, &n);
		*special = n != 0;
	}
	return rc;
}

int custody_room(struct ctx *c, int64_t id, const char *room_kind, const char *room_no,
		 json_t **out)
{
	struct custody_row e;
	struct case_row k;
	struct rows_query q;
	int rc, special = 0;
	int64_t other = 0;

	*out = NULL;
	if (!enums_valid(ES_ROOM_KIND, room_kind))
		return ps_fail_field(c->err, PS_EINVAL, "room_kind", "房间类型应为候问室、询问室或讯问室");
	if (!room_no || !*room_no)
		return ps_fail_field(c->err, PS_EINVAL, "room_no", "请填写房间号");
	rc = load_inside(c, id, &e, &k);
	if (rc)
		return rc;
	/* PROC-SEC-CHECK: checked before the 候问室 or questioning */
	if (!e.safety_check_at)
		rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "PROC-SEC-CHECK",
			     "进入候问室或接受询问前，应当先进行人身安全检查");
	if (!rc && strcmp(room_kind, "holding_room") == 0) {
		rc = special_person(c, &e, &special);
		if (!rc && special)
			rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "CQ-SPECIAL",
				     "怀孕或哺乳未满一周岁婴儿的妇女、不满十六周岁或七十周岁以上的人不得进入候问室");
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_int(&q, k.unit_id);
			rows_bind_text(&q, room_no);
			rows_bind_int(&q, id);
			rows_bind_text(&q, e.sex ? e.sex : "?");
			rc = rows_int(&q,
				      "SELECT COUNT(*) FROM custody_entry e JOIN case_party cp ON cp.id = e.party_id"
				      " JOIN person p ON p.id = cp.person_id WHERE e.unit_id = ? AND e.exited_at IS NULL"
				      " AND e.room_kind = 'holding_room' AND e.room_no = ? AND e.id <> ?"
				      " AND COALESCE(p.sex, '?') <> ?",
				      0, &other);
			if (!rc && other)
				rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "PROC-HOLDROOM-SEX",
					     "不同性别的人员不得同处一个候问室");
		}
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, room_kind);
	rows_bind_text(&q, room_no);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE custody_entry SET room_kind = ?, room_no = ? WHERE id = ?", NULL);
	if (!rc)
		rc = log_row(c, id, "room", arena_printf(c->arena, "%s %s", room_kind, room_no));
	if (!rc)
		rc = audit_write(c, "custody.room", "case", k.case_no, "success", room_no);
	return rc ? rc : custody_get(c, id, out);
}

int custody_log(struct ctx *c, int64_t id, const char *kind, const char *note, json_t **out)
{
	struct custody_row e;
	struct case_row k;
	struct rows_query q;
	int rc;

	*out = NULL;
	/* room is the 分配房间 entry: written by custody_room only */
	if (!enums_valid(ES_CUSTODY_LOG, kind) || !strcmp(kind, "room"))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "记录类型应为 meal/rest/note/out/back");
	rc = load_inside(c, id, &e, &k);
	if (!rc && !strcmp(kind, "out") && e.out_at)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_OUT", NULL, "该人员已临时离开");
	if (!rc && !strcmp(kind, "back") && !e.out_at)
		rc = ps_fail(c->err, PS_ECONFLICT, "NOT_OUT", NULL, "该人员未临时离开");
	if (rc)
		return rc;
	if (!strcmp(kind, "out") || !strcmp(kind, "back")) {
		rows_binds(&q, c);
		if (!strcmp(kind, "out"))
			rows_bind_int(&q, c->now);
		else
			rows_bind_text(&q, NULL);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE custody_entry SET out_at = ? WHERE id = ?", NULL);
	}
	if (!rc)
		rc = log_row(c, id, kind, note);
	if (!rc)
		rc = audit_write(c, "custody.log", "case", k.case_no, "success", kind);
	return rc ? rc : custody_get(c, id, out);
}

int custody_exit(struct ctx *c, int64_t id, const char *reason, int belongings_returned,
		 json_t **out)
{
	struct custody_row e;
	struct case_row k;
	struct rows_query q;
	int64_t items = 0;
	int rc;

	*out = NULL;
	rc = load_inside(c, id, &e, &k);
	if (rc)
		return rc;
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写离开事由（释放、送拘留所、移交等）");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM custody_item WHERE entry_id = ? AND returned_at IS NULL", 0,
		      &items);
	if (rc)
		return rc;
	/* PROC-SEC-CHECK: unrelated belongings are kept and returned */
	if (items && !belongings_returned)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "PROC-SEC-CHECK",
			       "离开办案区前应当返还登记保管的随身物品（共 %lld 件）", (long long)items);
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE custody_item SET returned_at = ? WHERE entry_id = ? AND returned_at IS NULL",
		       NULL);
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, items ? 1 : belongings_returned);
	rows_bind_int(&q, id);
	if (!rc)
		rc = rows_exec(&q,
			       "UPDATE custody_entry SET exited_at = ?, exit_reason = ?, belongings_returned = ?"
			       " WHERE id = ?",
			       NULL);
	if (!rc)
		rc = case_event(c, k.id, "custody_exit", NULL, NULL, reason);
	if (!rc)
		rc = audit_write(c, "custody.exit", "case", k.case_no, "success", reason);
	return rc ? rc : custody_get(c, id, out);
}

int custody_board(struct ctx *c, json_t **out)
{
	struct rows_query q;
	struct calendar cal;
	struct warn_policy pol;
	json_t *items, *it;
	size_t i;
	int64_t meal_h = setting_int(c, "warn.meal_hours", 0);
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_CUSTODY_BOARD);
	if (rc)
		return rc;
	rc = clocks_calendar(c, &cal);
	if (rc)
		return rc;
	clocks_policy(c, &pol);
	rows_binds(&q, c);
	rows_bind_text(&q, arena_printf(c->arena, "%s%%", scope ? scope : "/"));
	rc = rows_all(&q,
		      "SELECT e.id, e.case_id, k.case_no, " PARTY_NAME_SQL " AS person, p.sex, e.reason, e.arrived_at,"
		      " e.safety_check_at, e.locker_no, e.room_kind, e.room_no, e.out_at, u.name AS officer_name,"
		      " m.id AS measure_id, m.kind, m.tier, m.days, m.started_at, o.name AS unit_name, k.kind AS case_kind,"
		      " (SELECT MAX(at) FROM custody_log l WHERE l.entry_id = e.id AND l.kind = 'meal') AS last_meal"
		      " FROM custody_entry e JOIN police_case k ON k.id = e.case_id JOIN org_unit o ON o.id = e.unit_id"
		      " JOIN case_party cp ON cp.id = e.party_id JOIN person p ON p.id = cp.person_id"
		      " JOIN users u ON u.id = e.officer_id LEFT JOIN measure m ON m.id = e.measure_id"
		      " WHERE e.exited_at IS NULL AND o.path LIKE ? ORDER BY e.arrived_at",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		const struct measure_tier *t = measure_tier_find(row_str(it, "kind"), row_str(it, "tier"));
		int64_t since_meal = c->now - (json_is_integer(json_object_get(it, "last_meal"))
						       ? row_int(it, "last_meal") : row_int(it, "arrived_at"));

		int64_t arrived = row_int(it, "arrived_at"), start = row_int(it, "started_at");
		const char *label = t ? t->label : NULL;

		/* 到案 starts the clock (XZCX Art 68–70: a person brought in or
		 * giving themselves up is held within the 询问查证 periods too): a
		 * measure of hours recorded after the arrival runs from the arrival, and a
		 * person held with none recorded runs on the 询问查证's own period
		 * (there was no deadline at all) */
		if (!t) {
			int crim = !strcmp(row_str(it, "case_kind"), "criminal");

			t = measure_tier_find(crim ? "crim_summons" : "summons", crim ? "12h" : "8h");
			start = arrived;
			label = "到案未登记强制措施：按询问查证时限";
		} else if (arrived < start && measure_tier_unit(t) == CLOCK_HOURS) {
			start = arrived;
		}
		if (t) {
			int64_t end = measure_tier_deadline(&cal, t, start, (int)row_int(it, "days"));
			enum warn_level lv = clock_level(&pol, start, end, measure_tier_unit(t), c->now);

			json_object_set_new(it, "measure_label", json_string(label));
			json_object_set_new(it, "rule", json_string(measure_tier_rule(t)));
			json_object_set_new(it, "deadline", json_integer(end));
			json_object_set_new(it, "remaining", json_integer(end - c->now));
			json_object_set_new(it, "clock_start", json_integer(start));
			json_object_set_new(it, "level", json_string(clock_level_code(lv)));
			json_object_set_new(it, "level_label", json_string(clock_level_label(lv)));
		}
		/* ADM-SUMMON-CARE: food and rest, WARN after meal_hours without a meal [U] */
		json_object_set_new(it, "meal_due", json_boolean(since_meal >= meal_h * 3600));
		json_object_set_new(it, "minutes_since_meal", json_integer(since_meal / 60));
	}
	/* AUD-1: the board names the persons held */
	rc = audit_read_items(c, "custody.board", "custody", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:I, s:I}", "items", items, "total", (json_int_t)json_array_size(items), "now",
			 (json_int_t)c->now);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
