/* todos.c — GET /todos (issue 18, part 1): the user's 待办事项 across the
 * modules (the home card). */
#include "api/api.h"
#include "api/handlers.h"
#include "domain/team/todos.h"

int api_todos(struct req *r)
{
	json_t *out;
	int rc = todos_get(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}
