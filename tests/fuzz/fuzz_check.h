/* fuzz_check.h — the one helper the fuzz targets share: FUZZ_CHECK states a
 * property of a parser's contract (its header comment) and aborts with the
 * file and line when the input breaks it, so libFuzzer saves the input as a
 * crash. assert() is not used: a fuzz build must check even under NDEBUG. */
#ifndef PS_FUZZ_CHECK_H
#define PS_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond)                                                   \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: contract broken: %s\n",    \
				__FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

#endif
