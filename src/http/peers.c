/* peers.c — who sent a request: the client address of the connection, or
 * with --trust-proxy the one the proxy in front wrote (peers.h). */
#include "http/peers.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

/* With --trust-proxy: the last address of X-Forwarded-For — the one the
 * proxy in front wrote (nginx: proxy_set_header X-Forwarded-For
 * $remote_addr) — when it is an IP address; else NULL. Only sound when
 * nothing but that proxy can reach the server (README "TLS"). */
static const char *forwarded_ip(struct MHD_Connection *c, struct arena *a)
{
	const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	const char *last;
	unsigned char bin[16];
	char ip[INET6_ADDRSTRLEN];
	size_t n;

	if (!xff)
		return NULL;
	last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	n = strcspn(last, " \t");
	if (n == 0 || n >= sizeof(ip) || last[n + strspn(last + n, " \t")] != '\0')
		return NULL;
	memcpy(ip, last, n);
	ip[n] = '\0';
	if (inet_pton(AF_INET, ip, bin) != 1 && inet_pton(AF_INET6, ip, bin) != 1)
		return NULL;
	return arena_strdup(a, ip);
}

const char *peers_client_ip(struct MHD_Connection *c, struct arena *a, int trust_proxy)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char ip[INET6_ADDRSTRLEN];
	const struct sockaddr *sa;

	if (trust_proxy) {
		const char *fwd = forwarded_ip(c, a);

		if (fwd)
			return fwd;
	}
	if (!ci || !ci->client_addr)
		return "?";
	sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
			  ip, sizeof(ip));
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			  ip, sizeof(ip));
	else
		return "?";
	return arena_strdup(a, ip);
}
