/* replies.h — sending an API request's answer (http/server.c calls these;
 * headers adds the server's common headers: security, test hooks, and
 * "Connection: close" while stopping). */
#ifndef PS_HTTP_REPLIES_H
#define PS_HTTP_REPLIES_H

#include <microhttpd.h>

#include "api/api.h"
#include "core/arena.h"

typedef void (*replies_headers_fn)(struct MHD_Response *resp);

/* r's answer: its raw file (r->raw, a download named r->raw_name) or its
 * JSON. Takes r->raw, r->out and r->out_text. */
enum MHD_Result replies_api(struct MHD_Connection *c, struct arena *a, struct req *r, replies_headers_fn headers);

/* r's JSON answer with its request id, cookie and Retry-After. A 2xx whose
 * body could not be rendered keeps its status with an ANSWER_INCOMPLETE
 * notice (the write is committed); any other is a 503 OUT_OF_MEMORY. */
enum MHD_Result replies_json(struct MHD_Connection *c, struct req *r, replies_headers_fn headers);

/* An error answered before a handler ran: the status of rc, code and msg. */
enum MHD_Result replies_error(struct MHD_Connection *c, int rc, const char *code, const char *msg,
			      replies_headers_fn headers);

#endif
