/* seed_key_person_listings.c — the demo's 列管 requests at 城关 (COM-ZD-ENLIST,
 * approver: the station's chief): the officers of 东街一区 and 东街二区 asked to
 * list four residents of their beats; the chief approved one, declined one
 * with his reason, and two wait for him on 列管审批. The persons are the only
 * ones of their names when this step runs (later steps add people at the
 * other stations only), so a search by name at 城关 finds just them. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/community/key_person_listings.h"
#include "domain/rows.h"

#include <string.h>

static const struct {
	const char *officer, *beat, *category, *reason, *level, *decision, *note;
} asks[] = {
	{ "minjing3", "东街一区", "刑释解教", "因盗窃罪服刑期满释放，回原籍居住，尚无固定工作", "normal", NULL, NULL },
	{ "minjing3", "东街一区", "吸毒人员", "社区戒毒期间，近期多次未按时报到", "strict", NULL, NULL },
	{ "minjing1", "东街二区", "社区矫正", "判处缓刑，在社区矫正期间", "normal", "approve", "同意列管，按一般管控见面" },
	{ "minjing1", "东街二区", "其他", "邻里反映其常深夜聚众饮酒", "watch", "reject",
	  "不符合列管条件：未见违法犯罪嫌疑，由社区民警日常走访掌握" },
};

int seed_demo_key_person_listings(struct ctx *c)
{
	struct rows_query q;
	int64_t done[4] = { 0 };
	int rc = 0;

	for (size_t i = 0; i < sizeof(asks) / sizeof(asks[0]) && !rc; i++) {
		struct key_person_input in = { 0 };
		json_t *out = NULL;

		rows_binds(&q, c);
		rows_bind_text(&q, asks[i].beat);
		rows_bind_int(&q, done[0]);
		rows_bind_int(&q, done[1]);
		rows_bind_int(&q, done[2]);
		rc = rows_int(&q,
			      "SELECT MIN(p.id) FROM person p JOIN address a ON a.id = p.address_id"
			      " JOIN grid g ON g.id = a.grid_id JOIN beat b ON b.id = g.beat_id"
			      " WHERE b.name = ? AND p.key_person = 0 AND p.id NOT IN (?,?,?)"
			      " AND NOT EXISTS (SELECT 1 FROM key_person k WHERE k.person_id = p.id)"
			      " AND (SELECT COUNT(*) FROM person x WHERE x.name = p.name) = 1",
			      0, &in.person_id);
		if (rc || !in.person_id)
			break;
		done[i] = in.person_id;
		in.category = asks[i].category;
		in.reason = asks[i].reason;
		in.level = asks[i].level;
		in.control_plan = "列管后每周期见面一次，掌握其工作、居住和交往情况。";
		rc = auth_actor_load(c, asks[i].officer);
		if (!rc)
			rc = key_person_listings_create(c, &in, &out);
		if (!rc && asks[i].decision) {
			int64_t id = json_integer_value(json_object_get(json_object_get(out, "listing"), "id"));

			json_decref(out);
			out = NULL;
			rc = auth_actor_load(c, "suozhang");
			if (!rc)
				rc = key_person_listings_decide(c, id, !strcmp(asks[i].decision, "approve"), asks[i].note,
								&out);
		}
		json_decref(out);
	}
	return rc;
}

SEED_STEP(172, seed_demo_key_person_listings);
