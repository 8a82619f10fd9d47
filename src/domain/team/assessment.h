/* assessment.h — 考核 (issue 18, part 3): officer and station figures read
 * from the records, never typed twice, as a TABLE of sources (assess_sources):
 * each row a key, a label, a unit, a direction (more is better or worse)
 * and the function that computes its figure for one officer or one station
 * over [from, to). A new source is one row (training, exams, patrol: the
 * lead adds them with those modules). The settings assess.weight.<key> give
 * each source's share of the score; a figure is scaled against the best of
 * the compared set (the station's officers, or the bureau's stations), so
 * the score is comparable within one ranking; ties share a rank. */
#ifndef PS_DOMAIN_ASSESSMENT_H
#define PS_DOMAIN_ASSESSMENT_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Whose figure: an officer (user_id, of station_id) or a whole station
 * (user_id 0). */
struct assess_subject {
	int64_t user_id;
	int64_t station_id;
};

/* The period: [from, to) as instants and as local dates. */
struct assess_window {
	int64_t from, to;
	const char *from_on, *to_on;
};

/* Computes *value (×100: two decimals kept as an integer) and *has (0 when
 * the subject has nothing to average, e.g. no reviewed case). */
typedef int (*assess_figure_fn)(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
				int64_t *value, int *has);

struct assess_source {
	const char *key;   /* also the setting assess.weight.<key> */
	const char *label; /* Chinese */
	const char *unit;  /* Chinese unit: 件, 人, 次, 分 */
	int direction;     /* +1 more is better, -1 less is better */
	assess_figure_fn figure;
};
extern const struct assess_source assess_sources[]; /* NULL-key terminated */

/* The figure of source key for s over w (as the table computes it). */
int assessment_figure(struct ctx *c, const char *key, const struct assess_subject *s, const struct assess_window *w,
		      int64_t *value, int *has);

/* The period of kind (month|quarter|year) holding day on (NULL = today). */
int assessment_window(struct ctx *c, const char *period, const char *on, struct assess_window *w);

/* The assessment of level (officer|station) for the period holding `on`:
 * {"period","from_on","to_on","level","sources":[{key,label,unit,direction,weight}],
 *  "items":[{user_id|station_id,name,unit_name,figures:{key:value|null},score,rank}],
 *  "compared": N}. An officer gets only his own row (his place among
 * the station's N); a station chief his station's officers, or his station
 * among the county's; the bureau every station or every officer of its
 * stations (station_id narrows). Audited with the row ids. */
int assessment_get(struct ctx *c, const char *period, const char *on, const char *level, int64_t station_id,
		   json_t **out);

#endif
