/* seed_law.c — the demo county's settings for the law on every path
 * (issue 15): the bodies its 决定书 name for 复议 and 诉讼, and the areas of
 * two stations (the communities and villages they answer for). */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/admin/users.h"
#include "domain/cases/case_actions.h"
#include "domain/cases/cases.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

static int county_setting(struct ctx *c, const char *key, const char *value)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, key);
	rows_bind_text(&q, value);
	rows_bind_int(&q, c->now);
	return rows_exec(&q,
			 "INSERT INTO setting(skey, unit_id, value, updated_by, updated_at)"
			 " VALUES (?, NULL, ?, NULL, ?)",
			 NULL);
}

static int station_setting(struct ctx *c, const char *station, const char *key, const char *value)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, key);
	rows_bind_text(&q, value);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, station);
	return rows_exec(&q,
			 "INSERT INTO setting(skey, unit_id, value, updated_by, updated_at)"
			 " SELECT ?, id, ?, NULL, ? FROM org_unit WHERE name = ? AND kind = 'station'",
			 NULL);
}

/* A 补录 case: a theft handled on paper 40 days ago while the system was
 * down, entered now by 李明 and approved by the chief, filed at its real
 * time; its 30-day limit is shown as run out on the board. */
static int late_case(struct ctx *c)
{
	struct case_input in = { 0 };
	struct action_input a = { 0 };
	json_t *out = NULL;
	int64_t co = 0, id, accepted = c->now - 40 * 86400;
	char act[11];
	int y, m, d, rc;

	date_civil_from_days(date_local_days(accepted - 86400), &y, &m, &d);
	snprintf(act, sizeof(act), "%04d-%02d-%02d", y, m, d);
	rc = users_find_id(c, "minjing2", &co);
	if (!rc)
		rc = auth_actor_load(c, "minjing1");
	if (rc)
		return rc;
	in.kind = "admin";
	in.title = "盗窃（补录）";
	in.offence_code = "OF-065";
	in.summary = "报案人称电动车电瓶被盗。系统停用期间纸质受案。";
	in.source = "walk_in";
	in.act_date = act;
	in.act_place = "城关镇东街12号";
	in.act_area = "东街社区";
	in.co_officer_id = co;
	/* like every demo reporter (the progress query of the demo) */
	in.reporter_name = "孙桂兰";
	in.reporter_phone = "13800001111";
	in.late_entry = 1;
	in.late_reason = "系统升级停用期间纸质受案，恢复后补录";
	in.accepted_at = accepted;
	rc = cases_create(c, &in, &out);
	id = rc ? 0 : json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	out = NULL;
	if (!rc)
		rc = auth_actor_load(c, "suozhang");
	a.opinion = "情况属实，同意补录";
	if (!rc)
		rc = case_actions_run(c, id, "approve_late", &a, &out);
	json_decref(out);
	out = NULL;
	if (!rc)
		rc = auth_actor_load(c, "minjing1");
	memset(&a, 0, sizeof(a));
	a.acted_at = accepted + 3600;
	a.has_acted_at = 1;
	if (!rc)
		rc = case_actions_run(c, id, "file", &a, &out);
	json_decref(out);
	return rc;
}

/* The demo county's settings for documents, station areas and a 补录 case
 * (seed_law.c). */
SEED_STEP(90, seed_demo_law);
int seed_demo_law(struct ctx *c)
{
	int rc = county_setting(c, "documents.review_organ", "示范县人民政府");

	if (!rc)
		rc = county_setting(c, "documents.litigation_court", "示范县人民法院");
	/* SUP-JURIS-ADM: besides the communities of its registered addresses */
	if (!rc)
		rc = station_setting(c, "城关派出所", "station.area",
				     "东街社区,西街社区,北关村,南关小区,幸福小区,人民路社区,解放路社区");
	if (!rc)
		rc = station_setting(c, "北社派出所", "station.area", "北社村,北社乡");
	if (!rc)
		rc = late_case(c);
	return rc;
}
