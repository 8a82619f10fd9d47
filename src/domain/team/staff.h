/* staff.h — 队伍管理 (issue 18, part 1): the staff record of each officer
 * and auxiliary (post, rank, police number, beat, politics, education,
 * birth date shown as an age band, 以工代警, the 执法资格 level with exam
 * date and optional expiry), the structure figures of station and county,
 * and the 执法资格 check of a case's main handler (TEAM-QUAL-USE). The
 * records are personal data: the unit's chief and the personnel role
 * (内勤, clerk) only (staff.list / staff.update); the figures carry no
 * person and every business role reads them. */
#ifndef PS_DOMAIN_STAFF_H
#define PS_DOMAIN_STAFF_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct staff_input {
	const char *staff_kind, *post, *rank_title, *police_no, *beat, *politics, *education, *birth_date,
		*qual_level, *qual_date, *qual_expiry, *qual_cert_no;
};

/* The users of the actor's scope (not admin, auditor) with their record;
 * ages as bands. Audited with the user ids. */
int staff_list(struct ctx *c, json_t **out);

/* One user's record (birth date included). Audited. */
int staff_get(struct ctx *c, int64_t user_id, json_t **out);

/* Create or replace one user's record. */
int staff_put(struct ctx *c, int64_t user_id, const struct staff_input *in, json_t **out);

/* Structure figures (党员/团员, 学历, 年龄段, 民警/辅警/以工代警, 执法资格)
 * of the actor's station (or unit) and of the county: counts only. */
int staff_figures(struct ctx *c, json_t **out);

/* TEAM-QUAL-USE: PS_OK when user_id may be a case's main handler — a valid
 * (not expired on today) 基本级 or higher — or when the setting
 * team.qual_required is off; otherwise PS_ERULE with the rule id. */
int staff_check_main_handler(struct ctx *c, int64_t user_id);

/* A passed 执法资格 exam (TEAM-QUAL-LEVELS) of exam level basic /
 * intermediate / advanced on day (YYYY-MM-DD): the staff record takes the
 * level (never lowered: a lower pass only renews nothing), the day, and an
 * expiry team.qual_valid_years later (0: none; TEAM-QUAL-VALID [U]); the
 * certificate number is cleared when the level rises (a new certificate is
 * issued). *updated is 1 when the record changed; a user without a staff
 * record is left alone (0). Audited as staff.qualification. */
int staff_qualify(struct ctx *c, int64_t user_id, const char *exam_level, const char *day, int *updated);

/* The age band key of a birth date on today's date (ymd = y*10000+m*100+d). */
const char *staff_age_band(const char *birth_date, int today_ymd);

#endif
