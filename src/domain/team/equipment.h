/* equipment.h — 装备管理责任到人 (issue 18, part 2): a station's recorders
 * (执法记录仪, 摄录机), vehicles, radios and other kit, issued to and
 * returned by named officers with times; and the recorder check
 * (TEAM-EQUIP-RECORDER): a recording id given where a rule requires a
 * recording must come from a recorder held then by an officer present, else
 * a warning is kept (never a refusal). */
#ifndef PS_DOMAIN_TEAM_EQUIPMENT_H
#define PS_DOMAIN_TEAM_EQUIPMENT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Register kit of the actor's station (code unique in the station). */
int equipment_create(struct ctx *c, const char *kind, const char *code, const char *model, json_t **out);

/* The station's kit with its holder now; kind filters when not empty. */
int equipment_list(struct ctx *c, const char *kind, json_t **out);

/* One item with its issue history. */
int equipment_get(struct ctx *c, int64_t id, json_t **out);

/* Issue id to officer_id (staff of the item's station) at issued_at (0 =
 * now; not in the future); refused while it is held. */
int equipment_issue(struct ctx *c, int64_t id, int64_t officer_id, int64_t issued_at, const char *purpose,
		    json_t **out);

/* Take id back (the chief, the 内勤 or the holder himself) at returned_at
 * (0 = now; not before it was issued nor in the future). */
int equipment_return(struct ctx *c, int64_t id, int64_t returned_at, const char *note, json_t **out);

/* The recorder check of a recording id recorded at `at` by officers of the
 * case of unit_path: when it names no recorder of the station, or the
 * recorder was not held then by one of the officers, a recording_warning
 * row is written (object_type/object_id/case_id name the record). PS_OK
 * unless storage fails. recording NULL or empty: nothing to check. */
int equipment_recording_check(struct ctx *c, const char *unit_path, const char *recording, int64_t at,
			      const int64_t *officers, size_t n, const char *object_type, int64_t object_id,
			      int64_t case_id);

/* The station's recorder warnings, newest first (audited). */
int equipment_recording_warnings(struct ctx *c, json_t **out);

#endif
