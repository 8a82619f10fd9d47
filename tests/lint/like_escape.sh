#!/usr/bin/env bash
# Fails when a LIKE in src/ may take user text without escaping (issue 12,
# item 10): every LIKE whose pattern holds user text is written
# `x LIKE ?" ROWS_ESCAPE` and binds rows_like() (domain/rows.h), so that
# '%' and '_' typed by a user match themselves. Allowed without it:
#   - `path LIKE ?`: org-unit path prefixes the server builds of digits and '/'
#   - `day LIKE ?`: the holiday list's year prefix, built from an integer
#   - a literal pattern written in the SQL ('01%')
set -u
#   - src/store/pg_sql.c: the PostgreSQL store's translator (LIKE → ILIKE), no SQL of its own
hits=$(grep -rnE "\bLIKE\b" "$1/src" --include='*.c' | grep -v '/src/store/pg_sql\.c:' |
	grep -vE '^[^:]+:[0-9]+:\s*(/?\*|//)' |
	grep -vE "LIKE \?\"? ROWS_ESCAPE|path LIKE \?|day LIKE \?|LIKE '[^%'][^']*'")
if [ -n "$hits" ]; then
	echo "LIKE with a bound pattern and no ROWS_ESCAPE (use rows_like / rows_and_like):"
	echo "$hits"
	exit 1
fi
echo "1 passed, 0 failed"
