/* fuzz_sqlite_sql.c — libFuzzer target for the SQLite store's rewrite of
 * CHECK lists (store/sqlite_sql.h), whose input is a table's text as
 * sqlite_schema keeps it. On each input:
 *  - the count and the new text agree (a text only when something was
 *    rewritten), and the new text is the old one up to the first list
 *    rewritten, which opens with '(';
 *  - the rewrite is done once: the new text has no list left to rewrite;
 *  - the table's head lies within the text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/sqlite_sql.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *sql = malloc(size + 1), *out = NULL, *again = NULL;
	int n;

	if (!sql)
		return 0;
	memcpy(sql, data, size);
	sql[size] = '\0';
	n = sqlite_sql_check_lists(sql, &out);
	FUZZ_CHECK(n >= -1);
	FUZZ_CHECK((n > 0) == (out != NULL));
	if (out) {
		size_t same = 0;

		while (sql[same] && sql[same] == out[same])
			same++;
		FUZZ_CHECK(out[same] == '(');
		FUZZ_CHECK(sqlite_sql_check_lists(out, &again) == 0 && !again);
	}
	FUZZ_CHECK(sqlite_sql_table_head(sql) <= strlen(sql));
	ps_free(out);
	free(sql);
	return 0;
}
