/* leader_tasks.h — 领导交办 (issue 17): a bureau or station leader assigns a
 * task to a station (one of its officers or a team) with content, deadline
 * and the leader's name; the station signs it (签收), notes progress and
 * closes it with a result (办结). Overdue tasks are clocks (预警 board) and
 * today items; done and overdue counts are part of the day's report. A task
 * also comes from a 阅示 (daily_instructions) or a 调度会. */
#ifndef PS_DOMAIN_LEADER_TASKS_H
#define PS_DOMAIN_LEADER_TASKS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct clock_sink;
enum clock_scope;

struct leader_task_input {
	int64_t station_id;
	int64_t assignee_id;   /* 0: the station */
	const char *team;      /* NULL: none */
	const char *content;
	const char *leader_name;
	int64_t deadline;      /* epoch seconds */
	const char *source;    /* "leader" | "instruction" | "meeting" */
	int64_t source_id;
};

/* Assign: {"task":{…}}. A station chief only to the own station; a bureau
 * chief to any station of the bureau. */
int leader_tasks_create(struct ctx *c, const struct leader_task_input *in, json_t **out);

/* Insert one task without the role check (the caller checked: 阅示, 调度会);
 * *id the new task. */
int leader_tasks_insert(struct ctx *c, const struct leader_task_input *in, int64_t *id);

/* {"items":[…]} of the actor's scope; open = 1 only the not done. */
int leader_tasks_list(struct ctx *c, int open, json_t **out);

/* {"task":{…, "notes":[…]}} */
int leader_tasks_get(struct ctx *c, int64_t id, json_t **out);

/* action "sign" | "progress" (text = the note) | "complete" (text = the result) */
int leader_tasks_act(struct ctx *c, int64_t id, const char *action, const char *text, json_t **out);

int leader_tasks_clocks(struct clock_sink *k, enum clock_scope s);
int leader_tasks_today(struct ctx *c, json_t *items);

#endif
