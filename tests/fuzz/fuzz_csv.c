/* fuzz_csv.c — libFuzzer target for the CSV line splitter of the imports
 * (TRUST FUZ-1): csv_split on a NUL-terminated copy of the input, as
 * import_run hands it one line. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "fuzz_check.h"

#define MAX_FIELDS 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line, *copy, *f[MAX_FIELDS];
	size_t len, commas = 0;
	int n, quoted;

	line = malloc(size + 1);
	copy = malloc(size + 1);
	if (!line || !copy) {
		free(line);
		free(copy);
		return 0;
	}
	memcpy(line, data, size);
	line[size] = '\0';
	len = strlen(line);
	memcpy(copy, line, len + 1);
	quoted = strchr(copy, '"') != NULL;
	for (size_t i = 0; i < len; i++)
		commas += copy[i] == ',';

	n = csv_split(line, f, MAX_FIELDS);
	FUZZ_CHECK(n >= 1 && n <= MAX_FIELDS);
	for (int i = 0; i < n; i++) {
		size_t fl;

		/* every field lies inside the line, trimmed */
		FUZZ_CHECK(f[i] >= line && f[i] <= line + len);
		fl = strlen(f[i]);
		FUZZ_CHECK(f[i] + fl <= line + len);
		FUZZ_CHECK(f[i][0] != ' ' && f[i][0] != '\t');
		FUZZ_CHECK(fl == 0 || (f[i][fl - 1] != ' ' && f[i][fl - 1] != '\t' &&
				       f[i][fl - 1] != '\r'));
		for (int j = 0; j < i; j++)
			FUZZ_CHECK(f[j] < f[i]);
	}
	/* without quotes a field is what lies between two commas */
	if (!quoted) {
		FUZZ_CHECK((size_t)n == (commas + 1 < MAX_FIELDS ? commas + 1 : MAX_FIELDS));
		for (int i = 0; i < n; i++)
			FUZZ_CHECK(strchr(f[i], ',') == NULL);
	}
	free(line);
	free(copy);
	return 0;
}
