/* station_checklists.c — 九好: the nine items of a station's month, seven
 * read from the records of their modules, two scored by the inspector. */
#include "domain/team/station_checklists.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/archives/archives.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/team/assessment.h"
#include "domain/team/duty.h"
#include "domain/team/leave.h"

#include <stdio.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define FULL 10000 /* a score of 100, ×100 */

/* One item's score (×100, 0..FULL), whether the month had anything to
 * judge, and the figures behind it in words. */
struct item_score {
	int64_t score;
	int has;
	const char *basis;
};

typedef int (*item_fn)(struct ctx *c, int64_t station, const struct assess_window *w, struct item_score *out);

/* part of whole as a score; nothing to judge scores full */
static void ratio(struct ctx *c, int64_t part, int64_t whole, const char *what_part, const char *what_whole,
		  struct item_score *out)
{
	out->has = whole > 0;
	out->score = whole > 0 ? (FULL * part + whole / 2) / whole : FULL;
	out->basis = whole > 0 ? arena_printf(c->arena, "%s %lld / %s %lld", what_part, (long long)part, what_whole,
					      (long long)whole)
			       : arena_printf(c->arena, "本月无%s，按满分计", what_whole);
}

static int duty_signin(struct ctx *c, int64_t station, const struct assess_window *w, struct item_score *out)
{
	int64_t on_time, judged;
	int rc = duty_signin_figures(c, station, w->from_on, w->to_on, &on_time, &judged);

	ratio(c, on_time, judged, "按时签到", "应签到班次", out);
	return rc;
}

static int leave(struct ctx *c, int64_t station, const struct assess_window *w, struct item_score *out)
{
	int64_t on_time, due;
	int rc = leave_return_figures(c, station, w->from_on, w->to_on, &on_time, &due);

	ratio(c, on_time, due, "按时销假", "假满的请假", out);
	return rc;
}

static int archives(struct ctx *c, int64_t station, const struct assess_window *w, struct item_score *out)
{
	int64_t timely, due;
	int rc = archives_timely_figures(c, station, w->from, w->to, &timely, &due);

	ratio(c, timely, due, "按期归档", "应归档案件", out);
	return rc;
}

/* a 考核 figure of the station (assessment.c reads it from its module) */
static int assessed(struct ctx *c, const char *key, int64_t station, const struct assess_window *w, int64_t *value,
		    int *has)
{
	struct assess_subject s = { 0, station };

	return assessment_figure(c, key, &s, w, value, has);
}

/* an item read from a 考核 figure: its value × scale is the score; the
 * basis is what, the value (÷100) and its unit; none the month without one */
static int assessed_item(struct ctx *c, const char *key, int64_t scale, const char *what, const char *unit,
			 const char *none, int64_t station, const struct assess_window *w, struct item_score *out)
{
	int64_t v;
	int has, rc = assessed(c, key, station, w, &v, &has);

	out->has = has;
	out->score = has ? v * scale : FULL;
	out->basis = has ? arena_printf(c->arena, "%s %.2f%s", what, (double)v / 100.0, unit) : none;
	return rc;
}

static int case_quality(struct ctx *c, int64_t station, const struct assess_window *w, struct item_score *out)
{
	return assessed_item(c, "quality", 1, "案件质量评查得分率", "%", "本月无案件质量评查，按满分计", station, w,
			     out);
}

static int service(struct ctx *c, int64_t station, const struct assess_window *w, struct item_score *out)
{
	/* 5 points = 100 */
	return assessed_item(c, "satisfaction", 20, "回访满意度", " 分（5分制）", "本月无回访，按满分计", station, w, out);
}

static int study(struct ctx *c, int64_t station, const struct assess_window *w, struct item_score *out)
{
	return assessed_item(c, "training_attendance", 1, "会议学习出席率", "%", "本月无会议学习记录，按满分计", station, w,
			     out);
}

/* complaints finished in the month and found true (or partly) */
static int public_opinion(struct ctx *c, int64_t station, const struct assess_window *w, struct item_score *out)
{
	struct rows_query q;
	int64_t n = 0, points = setting_int(c, "checklist.complaint_points", station);
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, w->from);
	rows_bind_int(&q, w->to);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM complaint WHERE station_id = ? AND finding IN ('founded','partly')"
		      " AND finished_at >= ? AND finished_at < ?",
		      0, &n);
	out->has = 1;
	out->score = n * points >= 100 ? 0 : FULL - n * points * 100;
	out->basis = arena_printf(c->arena, "查实（含部分属实）投诉 %lld 件，每件扣 %lld 分", (long long)n,
				  (long long)points);
	return rc;
}

/* the items in the order of the enum; manual = scored by the inspector */
static const struct {
	const char *key;
	item_fn fn; /* NULL: the inspector's */
} items[] = {
	{ "duty_signin", duty_signin }, { "hygiene", NULL },	       { "leave", leave },
	{ "archives", archives },	{ "case_quality", case_quality }, { "service", service },
	{ "public_opinion", public_opinion }, { "study", study },	       { "discipline", NULL },
};
#define NITEMS (sizeof(items) / sizeof(items[0]))

static int item_index(const char *key)
{
	for (size_t i = 0; key && i < NITEMS; i++)
		if (!strcmp(items[i].key, key))
			return (int)i;
	return -1;
}

/* the month (YYYY-MM; NULL or empty = this month) and its window */
static int month_window(struct ctx *c, const char **month, struct assess_window *w)
{
	int y, m;
	char tail;

	if (!*month || !**month)
		*month = arena_printf(c->arena, "%.7s", ctx_today_str(c));
	if (!*month)
		return NOMEM(c);
	if (strlen(*month) != 7 || sscanf(*month, "%4d-%2d%c", &y, &m, &tail) != 2 || y < 2000 || m < 1 || m > 12)
		return ps_fail_field(c->err, PS_EINVAL, "month", "月份应为 YYYY-MM");
	return assessment_window(c, "month", arena_printf(c->arena, "%s-01", *month), w);
}

/* the station's nine scores of the month into `scores` (object item →
 * real|null) and, when detail is given, an array of the items in full */
static int score_station(struct ctx *c, int64_t station, const char *month, const struct assess_window *w,
			 json_t *scores, json_t *detail, int64_t *total_tenths, int64_t *pending)
{
	struct rows_query q;
	json_t *manual = NULL, *row;
	int64_t sum = 0;
	size_t i, j;
	int rc;

	*pending = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, month);
	rc = rows_all(&q,
		      "SELECT s.item, s.score, s.note, s.entered_at, u.name AS entered_by_name FROM station_checklist_score s"
		      " JOIN users u ON u.id = s.entered_by WHERE s.station_id = ? AND s.month = ?",
		      &manual);
	if (rc)
		return rc;
	for (i = 0; i < NITEMS; i++) {
		const char *key = items[i].key;
		int64_t weight = setting_int(c, arena_printf(c->arena, "checklist.weight.%s", key), station);
		struct item_score s = { 0, 0, NULL };
		json_t *entry = NULL, *score;

		if (items[i].fn) {
			rc = items[i].fn(c, station, w, &s);
			if (rc)
				break;
		} else {
			json_array_foreach(manual, j, row)
				if (!strcmp(row_str(row, "item"), key))
					entry = row;
			s.has = entry != NULL;
			s.score = entry ? row_int(entry, "score") * 100 : 0;
			s.basis = entry ? "督察检查评分" : "督察尚未检查评分";
			if (!entry && weight > 0)
				(*pending)++;
		}
		if (weight > 0)
			sum += weight * s.score;
		score = items[i].fn || entry ? json_real((double)((s.score + 5) / 10) / 10.0) : json_null();
		json_object_set(scores, key, score);
		if (detail) {
			json_t *it = json_pack("{s:s, s:s, s:I, s:b, s:O, s:f, s:s, s:b}", "item", key, "label",
					       enums_label(ES_STATION_CHECKLIST_ITEM, key), "weight", (json_int_t)weight,
					       "manual", items[i].fn == NULL, "score", score, "points",
					       weight > 0 ? (double)((weight * s.score + 500) / 1000) / 10.0 : 0.0,
					       "basis", s.basis, "has_data", s.has);

			if (!it) {
				json_decref(score);
				rc = NOMEM(c);
				break;
			}
			if (entry) {
				json_object_set(it, "note", json_object_get(entry, "note"));
				json_object_set(it, "entered_by_name", json_object_get(entry, "entered_by_name"));
				json_object_set(it, "entered_at", json_object_get(entry, "entered_at"));
			}
			json_array_append_new(detail, it);
		}
		json_decref(score);
	}
	json_decref(manual);
	*total_tenths = (sum + 500) / 1000;
	return rc;
}

static json_t *weights_of(struct ctx *c, int64_t unit)
{
	json_t *out = json_array();

	for (size_t i = 0; out && i < NITEMS; i++)
		json_array_append_new(
			out, json_pack("{s:s, s:s, s:I, s:b}", "item", items[i].key, "label",
				       enums_label(ES_STATION_CHECKLIST_ITEM, items[i].key), "weight",
				       (json_int_t)setting_int(c, arena_printf(c->arena, "checklist.weight.%s", items[i].key),
							       unit),
				       "manual", items[i].fn == NULL));
	return out;
}

int station_checklists_list(struct ctx *c, const char *month, json_t **out)
{
	struct assess_window w;
	struct rows_query q;
	json_t *list = NULL, *row;
	size_t i, j;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_STATION_CHECKLIST_LIST);
	if (!rc)
		rc = month_window(c, &month, &w);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT s.id, s.id AS station_id, s.name FROM org_unit s WHERE s.kind = 'station' AND s.active = 1"
		      " AND s.path LIKE ? ORDER BY s.id",
		      &list);
	if (rc)
		return rc;
	json_array_foreach(list, i, row) {
		json_t *scores = json_object();
		int64_t total, pending;

		if (!scores) {
			rc = NOMEM(c);
			break;
		}
		json_object_set_new(row, "scores", scores);
		rc = score_station(c, row_int(row, "station_id"), month, &w, scores, NULL, &total, &pending);
		if (rc)
			break;
		json_object_set_new(row, "total_tenths", json_integer(total));
		json_object_set_new(row, "total", json_real((double)total / 10.0));
		json_object_set_new(row, "pending", json_integer(pending));
	}
	if (!rc) {
		json_array_foreach(list, i, row) {
			int64_t rank = 1;
			json_t *other;

			json_array_foreach(list, j, other)
				rank += row_int(other, "total_tenths") > row_int(row, "total_tenths");
			json_object_set_new(row, "rank", json_integer(rank));
		}
		json_array_foreach(list, i, row)
			json_object_del(row, "total_tenths");
		rc = audit_read_items(c, "station_checklist.list", "org_unit", list, "station_id");
	}
	if (rc) {
		json_decref(list);
		return rc;
	}
	*out = json_pack("{s:s, s:o, s:o}", "month", month, "items", list, "weights",
			 weights_of(c, c->who.station_id ? c->who.station_id : c->who.unit_id));
	return *out ? PS_OK : NOMEM(c);
}

static int station_visible(struct ctx *c, enum authz_act act, int64_t station_id, json_t **station)
{
	struct rows_query q;
	int rc = rows_check_unit(c, act, "SELECT path FROM org_unit WHERE id = ? AND kind = 'station'", station_id,
				 "派出所不存在");

	if (rc || !station)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	return rows_one(&q, "SELECT id AS station_id, name FROM org_unit WHERE id = ?", station);
}

int station_checklists_get(struct ctx *c, int64_t station_id, const char *month, json_t **out)
{
	struct assess_window w;
	json_t *station = NULL, *scores = NULL, *detail = NULL;
	int64_t total = 0, pending = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_STATION_CHECKLIST_LIST);
	if (!rc)
		rc = month_window(c, &month, &w);
	if (!rc)
		rc = station_visible(c, ACT_STATION_CHECKLIST_LIST, station_id, &station);
	if (rc)
		return rc;
	scores = json_object();
	detail = json_array();
	rc = scores && detail ? score_station(c, station_id, month, &w, scores, detail, &total, &pending) : NOMEM(c);
	json_decref(scores);
	if (!rc)
		rc = audit_read(c, "org_unit", arena_printf(c->arena, "%lld", (long long)station_id));
	if (rc) {
		json_decref(station);
		json_decref(detail);
		return rc;
	}
	json_object_set_new(station, "month", json_string(month));
	json_object_set_new(station, "items", detail);
	json_object_set_new(station, "total", json_real((double)total / 10.0));
	json_object_set_new(station, "pending", json_integer(pending));
	json_object_set_new(station, "can_score", json_boolean(authz_allowed(c, ACT_STATION_CHECKLIST_SCORE)));
	*out = station;
	return PS_OK;
}

int station_checklists_score(struct ctx *c, int64_t station_id, const char *month, const char *item, int64_t score,
			     const char *note, json_t **out)
{
	struct assess_window w;
	struct rows_query q;
	int64_t id = 0;
	int k, rc;

	*out = NULL;
	rc = authz_require(c, ACT_STATION_CHECKLIST_SCORE);
	if (!rc)
		rc = month_window(c, &month, &w);
	if (!rc)
		rc = station_visible(c, ACT_STATION_CHECKLIST_SCORE, station_id, NULL);
	if (rc)
		return rc;
	k = item_index(item);
	if (k < 0)
		return ps_fail_field(c->err, PS_EINVAL, "item", "九好检查项目不存在");
	if (items[k].fn)
		return ps_fail_field(c->err, PS_EINVAL, "item", "该项由系统按业务记录计分，不能手工录入");
	if (score < 0 || score > 100)
		return ps_fail_field(c->err, PS_EINVAL, "score", "得分应在0到100之间");
	if (w.from > c->now)
		return ps_fail_field(c->err, PS_EINVAL, "month", "该月尚未开始，不能检查评分");
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_text(&q, month);
	rows_bind_text(&q, item);
	rc = rows_int(&q, "SELECT id FROM station_checklist_score WHERE station_id = ? AND month = ? AND item = ?", 0,
		      &id);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, score);
	rows_bind_text(&q, note);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	if (id) {
		rows_bind_int(&q, id);
		rc = rows_exec(&q,
			       "UPDATE station_checklist_score SET score = ?, note = ?, entered_by = ?, entered_at = ?"
			       " WHERE id = ?",
			       NULL);
	} else {
		rows_bind_int(&q, station_id);
		rows_bind_text(&q, month);
		rows_bind_text(&q, item);
		rc = rows_insert(&q,
				 "INSERT INTO station_checklist_score(score, note, entered_by, entered_at, station_id, month, item)"
				 " VALUES (?,?,?,?,?,?,?) RETURNING id",
				 &id);
	}
	if (!rc)
		rc = audit_write(c, "station_checklist.score", "org_unit",
				 arena_printf(c->arena, "%lld", (long long)station_id), "success",
				 arena_printf(c->arena, "%s %s %lld", month, item, (long long)score));
	if (!rc)
		rc = station_checklists_get(c, station_id, month, out);
	return rc;
}
