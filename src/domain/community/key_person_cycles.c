/* key_person_cycles.c — the contact cycle of a control level (COM-ZD-LIST). */
#include "domain/community/key_person_cycles.h"
#include "domain/admin/settings.h"

#include <string.h>

int64_t key_person_cycles_days(struct ctx *c, const char *level, int64_t station_id)
{
	return setting_int(c, !strcmp(level, "strict")  ? "community.contact_days_strict"
			      : !strcmp(level, "watch") ? "community.contact_days_watch"
							: "community.contact_days_normal",
			   station_id);
}

int key_person_cycles_check(struct ctx *c, const char *level, int64_t station_id)
{
	if (key_person_cycles_days(c, level, station_id) > 0)
		return PS_OK;
	return ps_fail(c->err, PS_ECONFLICT, "CONTACT_CYCLE_UNSET", "COM-ZD-LIST",
		       "县局尚未设定“%s”的见面周期（系统设置 community.contact_days_%s），设定前不能按该级别列管",
		       !strcmp(level, "strict") ? "重点管控" : !strcmp(level, "watch") ? "关注" : "一般管控", level);
}
