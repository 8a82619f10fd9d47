/* duty.h — 值班/勤务 (issue 18, part 1; PAT-DUTY-24H): a station's roster
 * per day (值班所领导, 值班民警, 案件组 on call 24 h, 110 处警组), built from
 * a weekly pattern and edited by day; sign-in and sign-out of the 24 h
 * shift that starts at the setting duty.shift_start, with late and missed
 * marks (duty.signin_grace_minutes); and the board of who is on duty now
 * and who is away (on approved leave). */
#ifndef PS_DOMAIN_DUTY_H
#define PS_DOMAIN_DUTY_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

/* The roster entries of a station (0 = the actor's) from..to (YYYY-MM-DD,
 * at most 62 days), each with its mark. */
int duty_rosters_list(struct ctx *c, int64_t station_id, const char *from, const char *to, json_t **out);

/* Add one entry (duty_post of enum duty_post, a colleague of the station). */
int duty_rosters_add(struct ctx *c, const char *duty_on, const char *duty_post, int64_t user_id, json_t **out);

/* Remove an entry not yet signed in. */
int duty_rosters_remove(struct ctx *c, int64_t id, json_t **out);

/* The station's weekly pattern; replace it (items: [{weekday 1..7,
 * duty_post, user_id}]). */
int duty_patterns_get(struct ctx *c, json_t **out);
int duty_patterns_put(struct ctx *c, json_t *items, json_t **out);

/* Build the rosters of from..to from the pattern (entries already there are
 * kept); answers the count added. */
int duty_rosters_build(struct ctx *c, const char *from, const char *to, json_t **out);

/* Sign in / out of one's own entry. Sign-in opens an hour before the shift
 * and closes at its end. */
int duty_sign(struct ctx *c, int64_t id, int sign_out, json_t **out);

/* Who is on duty now (the shift covering now) and who is away today, for a
 * station (0 = the actor's; county-level staff without one: every station
 * of the county). response_ids: the on-duty 110 处警组. */
int duty_board(struct ctx *c, int64_t station_id, json_t **out);

/* The mark of an entry: "on_time", "late", "missed" or "pending". */
const char *duty_mark(int64_t shift_start, int64_t grace_s, int64_t signed_in_at, int64_t now);

/* PAT-DUTY-24H: the days of the next week without a 值班所领导 (warning to
 * the station) — a clock source. */
int duty_clocks(struct clock_sink *k, enum clock_scope s);

/* 九好 值班签到好: of the station's roster entries on from_on..to_on
 * (exclusive) whose shift has started past its grace, *judged (on time,
 * late or missed); of them signed in on time, *on_time. */
int duty_signin_figures(struct ctx *c, int64_t station_id, const char *from_on, const char *to_on, int64_t *on_time,
			int64_t *judged);

#endif
