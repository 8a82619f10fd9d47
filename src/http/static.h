/* static.h — the built web UI (web/dist) as static files, and nothing else:
 * only regular files with an extension the build produces (.html .js .css
 * .svg .png .ico fonts …; never .map or a backup), no path with a segment
 * starting with '.', no directory listing. A path without an extension that
 * is not under /assets/ is a route of the single-page app and gets
 * index.html; everything else that is missing is 404. */
#ifndef PS_HTTP_STATIC_H
#define PS_HTTP_STATIC_H

#include <microhttpd.h>

/* Queue the response for path (already checked by http_path_safe) from
 * web_dir; add_headers adds the security headers. */
enum MHD_Result static_serve(struct MHD_Connection *c, const char *web_dir,
			     const char *path,
			     void (*add_headers)(struct MHD_Response *));

#endif
