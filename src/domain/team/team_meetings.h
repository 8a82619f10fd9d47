/* team_meetings.h — a station's meetings, study and training (issue 18):
 * 例会 (Monday), 案件通报研讨 (Friday), 业务培训, 电视电话会议, 集体法律学习
 * (the 5th of the month), 思想教育/党建 — date, kind, topic, speaker, who
 * attended and who was absent (proposed from the station's staff, the
 * approved leave and the duty roster of the day), materials and minutes.
 * Attendance per officer and training days per officer and year
 * (TEAM-TRAIN-DAYS: a warning when an officer is behind the year's pace);
 * an expected meeting not recorded (TEAM-MEETING-PLAN) is a clock and an
 * item of the chief's today list. */
#ifndef PS_DOMAIN_TEAM_MEETINGS_H
#define PS_DOMAIN_TEAM_MEETINGS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

struct team_meeting_input {
	const char *held_on, *kind, *topic, *speaker, *materials, *minutes;
	int64_t training_days; /* training only; 0 = one day */
	json_t *attendees;     /* [{user_id, present, absence_reason}] */
};

/* Record a meeting of the actor's station (its chief or 内勤). */
int team_meetings_create(struct ctx *c, const struct team_meeting_input *in, json_t **out);

/* The unit's meetings held in [from, to] (NULL = the last 60 days), kind
 * filter (NULL = all), each with its attendees and counts. */
int team_meetings_list(struct ctx *c, const char *from, const char *to, const char *kind, json_t **out);

/* The attendees proposed for a meeting of the actor's station on held_on:
 * every active member of the station and its posts, absent when on
 * approved leave that day, with his duty post of the day. */
int team_meetings_proposal(struct ctx *c, const char *held_on, json_t **out);

/* Per officer of the unit in year (0 = this year): meetings listed, present,
 * absent, attendance in per cent, training days, the yearly minimum and the
 * pace expected by today, behind or not. The unit's chief and 内勤 see every
 * officer; others their own row. */
int team_meetings_figures(struct ctx *c, int64_t year, json_t **out);

/* Training days of user in [from, to] (attended training meetings). */
int team_meetings_training_days(struct ctx *c, int64_t user_id, const char *from, const char *to,
				int64_t *days);

/* clock source: expected meetings not recorded; officers behind on training */
int team_meetings_clocks(struct clock_sink *k, enum clock_scope s);

/* today_sources: the same as items (the chief and 内勤: the station's
 * missing meetings; everyone: his own training shortfall) */
int team_meetings_today(struct ctx *c, json_t *items);

#endif
