#!/usr/bin/env bash
# Fails when src/ uses a banned function: the unbounded string functions
# (STYLE.md 3) and the raw allocator (STYLE.md 4: every allocation goes
# through core/mem.c, whose failure hook the tests use).
set -u
src="$1/src"
fail=0
hits=$(grep -rnE '\b(sprintf|strcpy|strcat|gets|vsprintf|strncpy)\s*\(' "$src" --include='*.c' --include='*.h' | grep -v 'snprintf\|vsnprintf')
if [ -n "$hits" ]; then echo "banned string functions:"; echo "$hits"; fail=1; fi

# Raw allocation: only core/mem.c wraps libc. Memory a library hands back
# with its own free function (sqlite3_free, json_mem_free, MHD_free …) is
# not matched: the pattern needs the bare name. Reviewed exceptions go in
# ALLOW as "path:function" with the reason beside it.
ALLOW=(
	# (none today: MHD frees response bodies through the ps_free /
	# json_mem_free callbacks of http/replies.c)
)
hits=$(grep -rnE '(^|[^A-Za-z0-9_.>])(malloc|calloc|realloc|free|strdup|strndup|aligned_alloc|posix_memalign|reallocarray)\s*\(' \
	"$src" --include='*.c' --include='*.h' | grep -v "^$src/core/mem\.c:" |
	grep -vE '^[^:]+:[0-9]+:\s*(/?\*|//)')
for a in "${ALLOW[@]}"; do
	hits=$(printf '%s\n' "$hits" | grep -v "^$src/${a%%:*}:.*\b${a##*:}\s*(")
done
hits=$(printf '%s\n' "$hits" | sed '/^$/d')
if [ -n "$hits" ]; then
	echo "raw allocation outside core/mem.c (use ps_malloc/ps_free, arena or buf):"
	echo "$hits"
	fail=1
fi
# jansson's own parse and dump: under allocation failure they may return
# text or values with a character missing; core/json.c wraps them
# (json_parse_body, json_parse_stored, json_render).
hits=$(grep -rnE '\bjson_(dumps|dumpb|dumpf|dumpfd|dump_file|dump_callback|loads|loadb|loadf|loadfd|load_file|load_callback)\s*\(' \
	"$src" --include='*.c' --include='*.h' | grep -v "^$src/core/json\.c:" |
	grep -vE '^[^:]+:[0-9]+:\s*(/?\*|//)')
if [ -n "$hits" ]; then
	echo "jansson parse/dump outside core/json.c (use json_parse_body, json_parse_stored, json_render):"
	echo "$hits"
	fail=1
fi
if [ "$fail" -ne 0 ]; then exit 1; fi
echo "3 passed, 0 failed"
