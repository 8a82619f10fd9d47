/* seed.h — a new database: the schema, the holiday calendar, the first
 * administrator, and (with demo) the demo county of the README. */
#ifndef PS_DOMAIN_SEED_H
#define PS_DOMAIN_SEED_H

#include "domain/ctx.h"

#define DEMO_PASSWORD "Precinct-Demo-2026"

/* Initialise an empty, migrated database in one transaction (the caller
 * opens and commits it). Without demo: the county bureau unit named
 * bureau_name and the account "admin" with a generated one-time password
 * written to otp (must be changed at first login). With demo: the demo
 * county; otp is left empty. PS_ECONFLICT when the database already holds
 * accounts. */
int seed_init(struct ctx *c, int demo, const char *bureau_name,
	      char otp[32]);

/* The demo cases in every state, taken step by step by the demo accounts
 * through the case operations (seed_cases.c). */
int seed_demo_cases(struct ctx *c);

/* Four weeks of 110 history and today's incidents (seed_incidents.c). */
int seed_demo_incidents(struct ctx *c);

/* The demo community of 城关 (seed_population.c). */
int seed_demo_population(struct ctx *c);
/* 社区警务: beats, grids, visits, key persons, a sweep (issue 16). */
int seed_demo_community(struct ctx *c);

/* The demo county's 执法监督: settings of the public page and the card,
 * cards, return visits, complaints, appeals, findings, interference
 * records (seed_supervision.c). */
int seed_demo_supervision(struct ctx *c);
/* The demo county's settings for documents, station areas and a 补录 case
 * (seed_law.c). */
int seed_demo_law(struct ctx *c);

/* The demo's 特种行业 and 内部单位 with their inspections (seed_trades.c). */
int seed_demo_trades(struct ctx *c);

/* The demo's 出警人员, 城郊 station and 有警无案 (seed_dispatch.c, issue 17). */
int seed_demo_dispatch(struct ctx *c);
/* The demo's 巡逻防控: teams, plans, six weeks of logs, 城关's hot spot
 * (seed_patrol.c): after seed_demo_community. */
int seed_demo_patrol(struct ctx *c);
/* 领导交办, 逐级上报, 阅示 and frozen rankings (issue 17, seed_leadership.c). */
int seed_demo_leadership(struct ctx *c);

/* Load (or refresh) the holiday calendar from the CSV text (date,kind,name
 * lines; '#' comments and the header skipped). */
int seed_holidays(struct ctx *c, const char *csv, size_t len);

/* The demo's evidence attachments, archive room and loans (issue 15
 * part B): after seed_demo_cases. */
int seed_demo_archives(struct ctx *c);

/* 队伍管理: the 三考题库, past exams and a practice (issue 18, part 2). */
int seed_demo_learn(struct ctx *c);
/* The demo's 考核与奖惩 and 警风警纪监督员 (issue 18, part 3): after the
 * cases and supervision (seed_team_assess.c). */
int seed_demo_team_assess(struct ctx *c);
/* 队伍管理: staff records, rosters with sign-ins, leave (seed_team.c, issue 18).
 * Runs right after the accounts: the cases need qualified main handlers. */
int seed_demo_team(struct ctx *c);
/* 社区警务 gaps (issue 16): 撤管 requests, hotel guests, scrap purchases
 * (seed_community_gaps.c); after seed_demo_trades. */
int seed_demo_community_gaps(struct ctx *c);
/* issue 17 remaining gaps (pat5, seed_patrol_history.c): a plan's earlier
 * version and ended slot, an arrest linked to its case: after seed_demo_patrol. */
int seed_demo_patrol_history(struct ctx *c);

/* The demo's meetings, study and training (issue 18; seed_team_meetings.c):
 * after seed_demo_team (its leave shapes the attendees). */
int seed_demo_team_meetings(struct ctx *c);

#endif
