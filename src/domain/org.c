#include "domain/org.h"

#include <stdio.h>
#include <string.h>

int org_parse(const char *path, struct org_chain *out)
{
	const char *p = path;

	memset(out, 0, sizeof(*out));
	if (!p || *p != '/')
		return -1;
	p++;
	while (*p) {
		int64_t v = 0;
		int digits = 0;

		while (*p >= '0' && *p <= '9') {
			if (v > (INT64_MAX - 9) / 10)
				return -1;
			v = v * 10 + (*p - '0');
			p++;
			digits++;
		}
		if (!digits || *p != '/' || v <= 0 || out->n >= ORG_MAX_DEPTH)
			return -1;
		out->id[out->n++] = v;
		p++;
	}
	return out->n ? 0 : -1;
}

int org_is_within(const char *path, const char *ancestor)
{
	struct org_chain a, b;

	if (org_parse(path, &a) || org_parse(ancestor, &b) || b.n > a.n)
		return 0;
	for (int i = 0; i < b.n; i++)
		if (a.id[i] != b.id[i])
			return 0;
	return 1;
}

int64_t org_parent_of(const char *path)
{
	struct org_chain ch;

	if (org_parse(path, &ch) || ch.n < 2)
		return 0;
	return ch.id[ch.n - 2];
}

int64_t org_kind_of(const struct org_chain *ch, const char *kind)
{
	for (int i = ch->n - 1; i >= 0; i--)
		if (ch->kind[i] && strcmp(ch->kind[i], kind) == 0)
			return ch->id[i];
	return 0;
}

int64_t org_station_of(const struct org_chain *ch)
{
	return org_kind_of(ch, "station");
}

int64_t org_bureau_of(const struct org_chain *ch)
{
	return org_kind_of(ch, "bureau");
}

int64_t org_city_of(const struct org_chain *ch)
{
	return org_kind_of(ch, "city");
}

int org_path_to(const struct org_chain *ch, int64_t id, char *buf, unsigned n)
{
	unsigned used = 0;

	if (!n)
		return -1;
	buf[0] = '\0';
	for (int i = 0; i < ch->n; i++) {
		int w = snprintf(buf + used, n - used, "%s%lld/", i ? "" : "/", (long long)ch->id[i]);

		if (w < 0 || (unsigned)w >= n - used)
			return -1;
		used += (unsigned)w;
		if (ch->id[i] == id)
			return 0;
	}
	buf[0] = '\0';
	return -1;
}
