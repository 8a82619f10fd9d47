#include "core/csv.h"

#include <string.h>

int csv_split(char *line, char **f, int max)
{
	int n = 0;
	char *s = line;

	while (n < max) {
		char *w;

		if (*s == '"') {
			s++;
			f[n++] = w = s;
			while (*s && !(s[0] == '"' && s[1] != '"')) {
				if (s[0] == '"')
					s++;
				*w++ = *s++;
			}
			if (*s == '"')
				s++;
			*w = '\0';
			while (*s && *s != ',')
				s++;
		} else {
			f[n++] = s;
			while (*s && *s != ',')
				s++;
		}
		if (*s != ',')
			break;
		*s++ = '\0';
	}
	for (int i = 0; i < n; i++) {
		char *e;

		while (*f[i] == ' ' || *f[i] == '\t')
			f[i]++;
		e = f[i] + strlen(f[i]);
		while (e > f[i] && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			*--e = '\0';
	}
	return n;
}
