/* peers.h — the address a request came from (audit rows, login limits). */
#ifndef PS_HTTP_PEERS_H
#define PS_HTTP_PEERS_H

#include <microhttpd.h>

#include "core/arena.h"

/* The client's IP address as text in a: with trust_proxy the last entry of
 * X-Forwarded-For when it is an IP address, else the connection's peer;
 * "?" when unknown. */
const char *peers_client_ip(struct MHD_Connection *c, struct arena *a, int trust_proxy);

#endif
