/* staff_changes.c — training records and staff changes; a change needs a
 * passed training of its course first (TEAM-TRAIN-GATE). */
#include "domain/team/staff_changes.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define USER_SQL "SELECT o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"

#define TRAINING_COLS                                                                                         \
	"SELECT t.id, t.user_id, u.name, t.course, t.body, t.from_on, t.to_on, t.passed, t.certificate_no,"    \
	" t.recorded_at, r.name AS recorded_by_name FROM staff_training t JOIN users u ON u.id = t.user_id"    \
	" JOIN users r ON r.id = t.recorded_by JOIN org_unit o ON o.id = t.unit_id"
#define CHANGE_COLS                                                                                            \
	"SELECT x.id, x.user_id, u.name, x.kind, x.effective_on, x.title, x.approving_body, x.document_no,"    \
	" x.training_id, t.course AS training_course, t.body AS training_body, t.to_on AS training_to_on,"      \
	" x.recorded_at, r.name AS recorded_by_name FROM staff_change x JOIN users u ON u.id = x.user_id"       \
	" JOIN staff_training t ON t.id = x.training_id JOIN users r ON r.id = x.recorded_by"                 \
	" JOIN org_unit o ON o.id = x.unit_id"

static int need_text(struct ctx *c, const char *v, const char *field, const char *msg)
{
	return v && *v ? PS_OK : ps_fail_field(c->err, PS_EINVAL, field, "%s", msg);
}

static int need_date(struct ctx *c, const char *v, const char *field)
{
	return v && date_valid_str(v) ? PS_OK : ps_fail_field(c->err, PS_EINVAL, field, "日期应为 YYYY-MM-DD");
}

/* the officer's unit (he must be the actor's to record) */
static int officer_unit(struct ctx *c, int64_t user_id, int64_t *unit)
{
	struct rows_query q;
	int rc = rows_check_unit(c, ACT_STAFF_UPDATE, USER_SQL, user_id, "人员不存在");

	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	return rows_int(&q, "SELECT unit_id FROM users WHERE id = ?", 0, unit);
}

int staff_changes_training(struct ctx *c, const struct staff_training_input *in, json_t **out)
{
	struct rows_query q;
	int64_t unit = 0, id;
	json_t *row;
	int rc;

	*out = NULL;
	rc = officer_unit(c, in->user_id, &unit);
	if (!rc && (!in->course || !enums_valid(ES_TRAINING_COURSE, in->course)))
		rc = ps_fail_field(c->err, PS_EINVAL, "course", "培训类别不正确");
	if (!rc)
		rc = need_text(c, in->body, "body", "请填写培训机构");
	if (!rc)
		rc = need_date(c, in->from_on, "from_on");
	if (!rc)
		rc = need_date(c, in->to_on, "to_on");
	if (rc)
		return rc;
	if (strcmp(in->to_on, in->from_on) < 0)
		return ps_fail_field(c->err, PS_EINVAL, "to_on", "培训结束日期不能早于开始日期");
	if (in->passed && strcmp(in->to_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "passed", "培训尚未结束，不能登记为考核合格");
	rows_binds(&q, c);
	rows_bind_int(&q, in->user_id);
	rows_bind_int(&q, unit);
	rows_bind_text(&q, in->course);
	rows_bind_text(&q, in->body);
	rows_bind_text(&q, in->from_on);
	rows_bind_text(&q, in->to_on);
	rows_bind_int(&q, in->passed ? 1 : 0);
	rows_bind_text(&q, in->certificate_no);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO staff_training(user_id, unit_id, course, body, from_on, to_on, passed, certificate_no,"
			 " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "staff.training", "staff", arena_printf(c->arena, "%lld", (long long)in->user_id),
				 "success", enums_label(ES_TRAINING_COURSE, in->course));
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_one(&q, TRAINING_COLS " WHERE t.id = ?", &row);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "training", row);
	return *out ? PS_OK : NOMEM(c);
}

/* the courses a kind of change accepts (TEAM-TRAIN-GATE) */
static const char *courses_of(const char *kind, const char **second)
{
	*second = NULL;
	if (!strcmp(kind, "appointment")) {
		*second = "appointment";
		return "initial";
	}
	return !strcmp(kind, "promotion") ? "promotion" : "rank";
}

int staff_changes_create(struct ctx *c, const struct staff_change_input *in, json_t **out)
{
	const char *code = rule_get(RULE_TEAM_TRAIN_GATE)->code, *course, *second;
	struct rows_query q;
	int64_t unit = 0, training = 0, id;
	json_t *row;
	int rc;

	*out = NULL;
	rc = officer_unit(c, in->user_id, &unit);
	if (!rc && (!in->kind || !enums_valid(ES_STAFF_CHANGE_KIND, in->kind)))
		rc = ps_fail_field(c->err, PS_EINVAL, "kind", "变动类别应为任职、职务晋升或授予、晋升警衔");
	if (!rc)
		rc = need_date(c, in->effective_on, "effective_on");
	if (!rc)
		rc = need_text(c, in->title, "title", "请填写所任职务或警衔");
	if (!rc)
		rc = need_text(c, in->approving_body, "approving_body", "请填写批准机关");
	if (!rc)
		rc = need_text(c, in->document_no, "document_no", "请填写批准文号");
	if (rc)
		return rc;
	course = courses_of(in->kind, &second);
	/* TEAM-TRAIN-GATE: the newest passed training of the course, finished
	 * on or before the change */
	rows_binds(&q, c);
	rows_bind_int(&q, in->user_id);
	rows_bind_text(&q, course);
	rows_bind_text(&q, second ? second : course);
	rows_bind_text(&q, in->effective_on);
	rc = rows_int(&q,
		      "SELECT id FROM staff_training WHERE user_id = ? AND passed = 1 AND course IN (?, ?) AND to_on <= ?"
		      " ORDER BY to_on DESC, id DESC LIMIT 1",
		      0, &training);
	if (rc)
		return rc;
	if (!training)
		return ps_fail(c->err, PS_ERULE, "TRAINING_REQUIRED", code,
			       "%s须先经培训并考核合格：没有%s前结束且合格的%s%s%s记录", enums_label(ES_STAFF_CHANGE_KIND, in->kind),
			       in->effective_on, enums_label(ES_TRAINING_COURSE, course), second ? "或" : "",
			       second ? enums_label(ES_TRAINING_COURSE, second) : "");
	rows_binds(&q, c);
	rows_bind_int(&q, in->user_id);
	rows_bind_int(&q, unit);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->effective_on);
	rows_bind_text(&q, in->title);
	rows_bind_text(&q, in->approving_body);
	rows_bind_text(&q, in->document_no);
	rows_bind_int(&q, training);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO staff_change(user_id, unit_id, kind, effective_on, title, approving_body, document_no,"
			 " training_id, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "staff.change", "staff", arena_printf(c->arena, "%lld", (long long)in->user_id),
				 "success", enums_label(ES_STAFF_CHANGE_KIND, in->kind));
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_one(&q, CHANGE_COLS " WHERE x.id = ?", &row);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "change", row);
	return *out ? PS_OK : NOMEM(c);
}

int staff_changes_list(struct ctx *c, int64_t user_id, json_t **out)
{
	struct rows_query q;
	json_t *changes = NULL, *trainings = NULL;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_STAFF_LIST);
	if (!rc && user_id)
		rc = rows_check_unit(c, ACT_STAFF_LIST, USER_SQL, user_id, "人员不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, user_id);
	rc = rows_all(&q, CHANGE_COLS " WHERE o.path LIKE ? AND (? = 0 OR x.user_id = ?) ORDER BY x.effective_on DESC, x.id DESC",
		      &changes);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_int(&q, user_id);
		rows_bind_int(&q, user_id);
		rc = rows_all(&q, TRAINING_COLS " WHERE o.path LIKE ? AND (? = 0 OR t.user_id = ?) ORDER BY t.to_on DESC, t.id DESC",
			      &trainings);
	}
	if (!rc)
		rc = audit_read_items(c, "staff.changes", "staff", changes, "user_id");
	if (!rc)
		rc = audit_read_items(c, "staff.trainings", "staff", trainings, "user_id");
	if (rc) {
		json_decref(changes);
		json_decref(trainings);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "changes", changes, "trainings", trainings);
	return *out ? PS_OK : NOMEM(c);
}
