/* todos.h — 待办事项 (issue 18, part 1): the signed-in user's work across the
 * modules, for the home card of every business role: approvals waiting,
 * own clocks at warning level or worse (a chief's: the unit's), and every
 * row of today_sources (inspections due, leave approvals and overdue
 * returns, …) — a new module joins by adding its row there. */
#ifndef PS_DOMAIN_TODOS_H
#define PS_DOMAIN_TODOS_H

#include <jansson.h>

#include "domain/ctx.h"

/* {"items":[{"kind","label","detail","due_on","route","count"}],"total":N}
 * where total sums the counts (an item without one counts 1). Audited. */
int todos_get(struct ctx *c, json_t **out);

#endif
