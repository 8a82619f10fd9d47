/* static.h — the built web UI as static files. Unknown paths without a file
 * extension get index.html (the single-page app routes them); missing files
 * with an extension get 404. */
#ifndef PS_HTTP_STATIC_H
#define PS_HTTP_STATIC_H

#include <microhttpd.h>

/* Queue the response for path (already checked by http_path_safe) from
 * web_dir; add_headers adds the security headers. */
enum MHD_Result static_serve(struct MHD_Connection *c, const char *web_dir,
			     const char *path,
			     void (*add_headers)(struct MHD_Response *));

#endif
