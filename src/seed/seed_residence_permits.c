/* seed_residence_permits.c — the demo's 居住证 (issue 16 gaps, COM-RESCARD*):
 * ten floating persons of 城关 in every state — one application waiting
 * with a notice of missing documents, two accepted in time, one accepted 20
 * days ago and still not issued (past the 15 days: a BREACH on the 预警
 * board), a card issued last week, one whose 签注 window is open, one whose
 * 签注 is overdue (the card's functions stop), one endorsed in time last
 * summer, one application withdrawn and one card cancelled. Made through the
 * domain operations as 城关's officer and clerk would have, each at its day
 * (the request's clock set back); the persons' 居住登记 dates are
 * re-registered first, as the station corrects a record. Runs after
 * seed_demo_population. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/population/floating.h"
#include "domain/population/residence_permits.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define DAY 86400

static int64_t id_of(json_t *out)
{
	return json_integer_value(json_object_get(json_object_get(out, "residence_permit"), "id"));
}

/* re-register the person's 居住登记 dated `back` days ago (mode, layer and
 * employer as they are) */
static int reregister(struct ctx *c, json_t *f, int64_t back)
{
	struct floating_input in = { 0 };
	json_t *out = NULL;
	int rc;

	in.person_id = row_int(f, "person_id");
	in.registered_on = seed_day(c, back);
	in.permit_no = NULL;
	in.mode = row_str(f, "mode");
	in.layer = row_str(f, "layer");
	in.employer_id = row_int(f, "employer_id");
	rc = floating_register(c, &in, &out);
	json_decref(out);
	return rc;
}

/* one life: applied `applied` days ago, accepted `accepted` days ago (-1:
 * not), issued `issued` days ago (-1: not), endorsed `endorsed` days ago
 * (-1: not); closed how (NULL: open) `closed` days ago */
struct life {
	int64_t registered, applied, accepted, issued, endorsed, closed;
	const char *basis, *detail, *missing, *close_how, *close_reason, *user;
};

static int live(struct ctx *c, json_t *f, const struct life *l, int n)
{
	const int64_t real = c->now;
	struct residence_permit_input in = { 0 };
	json_t *out = NULL;
	int64_t id = 0;
	int rc = auth_actor_load(c, l->user);

	if (!rc)
		rc = reregister(c, f, l->registered);
	in.person_id = row_int(f, "person_id");
	in.basis = l->basis;
	in.basis_detail = l->detail;
	in.missing_docs = l->missing;
	c->now = real - l->applied * DAY;
	if (!rc)
		rc = residence_permits_apply(c, &in, &out);
	if (!rc)
		id = id_of(out);
	json_decref(out);
	out = NULL;
	if (!rc && l->accepted >= 0) {
		c->now = real - l->accepted * DAY;
		rc = residence_permits_accept(c, id, &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && l->issued >= 0) {
		c->now = real - l->issued * DAY;
		rc = residence_permits_issue(c, id, arena_printf(c->arena, "140105JZ%04d%05d", 2026, n + 1), NULL, &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && l->endorsed >= 0) {
		c->now = real - l->endorsed * DAY;
		rc = residence_permits_endorse(c, id, NULL, &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && l->close_how) {
		c->now = real - l->closed * DAY;
		rc = residence_permits_close(c, id, l->close_how, l->close_reason, &out);
		json_decref(out);
	}
	c->now = real;
	return rc;
}

int seed_demo_residence_permits(struct ctx *c)
{
	static const struct life lives[] = {
		/* waiting: the notice of missing documents given */
		{ 300, 2, -1, -1, -1, 0, "work", "顺达快递城关站", "缺劳动合同原件、近期免冠照片", NULL, NULL, "minjing1" },
		/* accepted three days ago and yesterday: in time */
		{ 300, 3, 3, -1, -1, 0, "home", "城关镇东街12号租住（租赁合同）", NULL, NULL, NULL, "neiqin" },
		{ 280, 1, 1, -1, -1, 0, "study", "城关第一中学（在读证明）", NULL, NULL, NULL, "neiqin" },
		/* accepted 20 days ago, not issued: past its 15 days */
		{ 330, 21, 20, -1, -1, 0, "work", "城关建筑工地项目部", NULL, NULL, NULL, "minjing1" },
		/* issued last week */
		{ 320, 14, 13, 5, -1, 0, "work", "老街面馆", NULL, NULL, NULL, "minjing1" },
		/* issued 350 days ago: the 签注 window is open */
		{ 800, 362, 360, 350, -1, 0, "home", "西街一区3栋租住（租赁合同）", NULL, NULL, NULL, "neiqin" },
		/* issued 400 days ago, never endorsed: overdue, the card's functions stop */
		{ 800, 412, 410, 400, -1, 0, "work", "顺达快递城关站", NULL, NULL, NULL, "minjing1" },
		/* issued 500 days ago, endorsed in its window 145 days ago */
		{ 900, 512, 510, 500, 145, 0, "work", "城关建筑工地项目部", NULL, NULL, NULL, "neiqin" },
		/* withdrawn by the applicant */
		{ 300, 30, -1, -1, -1, 25, "home", "城关镇南街5号自购房", NULL, "withdraw", "申请人已离开本地务工，撤回申请",
		  "neiqin" },
		/* issued and cancelled: the holder moved away */
		{ 700, 130, 128, 120, -1, 10, "work", "老街面馆", NULL, "cancel", "持证人迁往外地，证件注销", "minjing1" },
	};
	struct rows_query q;
	json_t *rows;
	int rc = 0;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT f.person_id, f.mode, f.layer, f.employer_id FROM floating_person f"
		      " JOIN org_unit o ON o.id = f.station_id WHERE o.name = '城关派出所' AND f.departed_on IS NULL"
		      " ORDER BY f.person_id LIMIT 10",
		      &rows);
	if (rc)
		return rc;
	for (size_t i = 0; i < json_array_size(rows) && i < sizeof(lives) / sizeof(lives[0]) && !rc; i++)
		rc = live(c, json_array_get(rows, i), &lives[i], (int)i);
	json_decref(rows);
	return rc;
}

SEED_STEP(163, seed_demo_residence_permits);
