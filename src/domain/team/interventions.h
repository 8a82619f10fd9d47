/* interventions.h — early intervention (issue 18, part 3): 对有违反案件查处
 * 程序倾向的民警及时教育. An officer is flagged when, within the last
 * intervention.window_months, the BREACHes he answers for reach
 * intervention.breaches, or the complaints found true against him
 * intervention.complaints, or the 执法过错 findings intervention.faults
 * (settings: no national figure). The flag is shown to the chief only (the
 * read audited), and it is a prompt to educate or support, never a
 * sanction by itself; the education or support given and its review are
 * recorded. */
#ifndef PS_DOMAIN_INTERVENTIONS_H
#define PS_DOMAIN_INTERVENTIONS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* {"items":[{user_id,name,unit_name,breaches,complaints,faults,reasons,
 *  interventions:[…]}], "thresholds":{…}, "from_on"} — the flagged officers
 * of the chief's unit and every officer with a recorded measure. */
int intervention_list(struct ctx *c, json_t **out);

struct intervention_input {
	int64_t user_id;
	const char *measure, *note, *given_on, *review_on;
};
int intervention_create(struct ctx *c, const struct intervention_input *in, json_t **out);

/* The review of a measure on reviewed_on with its note. */
int intervention_review(struct ctx *c, int64_t id, const char *reviewed_on, const char *note, json_t **out);

/* today_sources row: a chief's reviews due today or overdue. */
int interventions_today(struct ctx *c, json_t *items);

#endif
