#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

int cli_options(int argc, char **argv, const char *const *spec, const char **values,
		const char **pos, int maxpos, int *npos, const char *usage)
{
	*npos = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int k, found = -1;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage, stdout);
			return 1;
		}
		if (strncmp(a, "--", 2) != 0) {
			if (*npos >= maxpos) {
				fprintf(stderr, "precinct %s: unexpected argument '%s'\n", argv[0], a);
				return 2;
			}
			pos[(*npos)++] = a;
			continue;
		}
		for (k = 0; spec[k]; k++) {
			size_t n = strlen(spec[k]);
			int flag = spec[k][n - 1] == '!';

			if (flag)
				n--;
			if (strncmp(a + 2, spec[k], n) == 0 && a[2 + n] == '\0') {
				found = k;
				break;
			}
		}
		if (found < 0) {
			fprintf(stderr, "precinct %s: unknown option '%s' (see --help)\n", argv[0], a);
			return 2;
		}
		if (spec[found][strlen(spec[found]) - 1] == '!') {
			values[found] = "1";
		} else {
			if (i + 1 >= argc) {
				fprintf(stderr, "precinct %s: option '%s' needs a value\n", argv[0], a);
				return 2;
			}
			values[found] = argv[++i];
		}
	}
	return 0;
}
