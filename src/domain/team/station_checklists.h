/* station_checklists.h — 九好 (issue 18): a station's monthly checklist of
 * nine items (enum station_checklist_item), each worth the setting
 * checklist.weight.<item> (0 leaves it out). Seven items are scored from
 * the records when read, never typed twice: 值班签到好 (duty sign-ins),
 * 请假销假好 (leave returns), 档案整理好 (filing in time, CASE-ARCHIVE),
 * 破案质量好 (the quality review, as 考核 reads it), 服务态度好 (回访
 * satisfaction, as 考核 reads it), 群众反映好 (complaints found true) and
 * 学习训练好 (meeting attendance, as 考核 reads it); 环境卫生好 and 警容风纪好
 * are scored by the inspector (action station_checklist.score), with who
 * and when. An item score is 0–100; the total is Σ weight × score ÷ 100;
 * an item with nothing to judge in the month scores full; an inspector's
 * item not yet scored scores nothing and is counted as pending. */
#ifndef PS_DOMAIN_STATION_CHECKLISTS_H
#define PS_DOMAIN_STATION_CHECKLISTS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* The stations in the actor's scope for month (YYYY-MM, NULL = this
 * month): {"month","items":[{station_id,name,scores:{item:score|null},
 * total,pending,rank}],"weights":[{item,label,weight,manual}]}. */
int station_checklists_list(struct ctx *c, const char *month, json_t **out);

/* One station's month: every item with its score, weight, points, the
 * figures behind it ("basis") and, for an inspector's item, the note, who
 * and when. */
int station_checklists_get(struct ctx *c, int64_t station_id, const char *month, json_t **out);

/* The inspector scores an item no record shows (score 0–100, note). An
 * item scored from the records is refused; a month not yet begun too. */
int station_checklists_score(struct ctx *c, int64_t station_id, const char *month, const char *item, int64_t score,
			     const char *note, json_t **out);

#endif
