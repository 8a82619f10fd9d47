#!/usr/bin/env bash
# catalog.sh SRC PRECINCT_BIN — the rule catalog (src/rules/catalog.def) is
# the one table of the law (issue 12):
#   1. every rule-id literal in src/ and web/src is a catalog row;
#   2. every enforced or warned row names a test file, and that file names
#      the rule id;
#   3. docs/rules.md is `precinct catalog --markdown`;
#   4. no legal period is written as a bare number outside the catalog: no
#      `N * 3600` / `N * 86400` and no `CLOCK_*, N` outside the reviewed
#      allow-list below (time-zone arithmetic and input sanity bounds).
set -u
src=$1 bin=$2
fail=0 checks=0
def="$src/src/rules/catalog.def"

codes=$(grep -oE '^RULE\([A-Z0-9_]+, "[^"]+"' "$def" | sed -E 's/.*"([^"]+)"/\1/' | sort -u)

# 1. literals that look like rule ids; offence codes (OF-nnn), date
#    formats and demo recording ids are not rules
#    (the areas' tables — settings.def, authz.def … — are read too)
lits=$( (grep -rhoE '"[A-Z]{2,8}(-[A-Z0-9]+)+"' "$src/src" --include='*.c' --include='*.h' --include='*.def' \
		--exclude='catalog.def';
	 grep -rhoE "['\"\`][A-Z]{2,8}(-[A-Z0-9]+)+['\"\`]" "$src/web/src") |
	tr -d "\"'\`" | grep -vE '^(OF-[0-9]{3}|YYYY-MM(-DD)?|UTF-8|AV-DEMO-.*)$' | sort -u)
for l in $lits; do
	checks=$((checks + 1))
	if ! grep -qxF -- "$l" <<<"$codes"; then
		echo "rule id \"$l\" is used in the code but is not a row of src/rules/catalog.def"
		fail=$((fail + 1))
	fi
done

# 2. enforced / warned rows and their tests
while IFS='|' read -r code status test; do
	checks=$((checks + 1))
	[ "$status" = RS_NOT ] && continue
	if [ "$test" = NULL ]; then
		echo "$code is $status but names no test"
		fail=$((fail + 1))
	elif [ ! -f "$src/$test" ] || ! grep -qF -- "$code" "$src/$test"; then
		echo "$code names $test, which does not mention it"
		fail=$((fail + 1))
	fi
done < <(python3 - "$def" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
for m in re.finditer(r'^RULE\(\s*\w+,\s*"([^"]+)".*?(RS_ENFORCED|RS_WARN|RS_NOT),\s*(NULL|"[^"]*")', text, re.S | re.M):
    print('%s|%s|%s' % (m.group(1), m.group(2), m.group(3).strip('"')))
PY
)

# 3. docs/rules.md is generated
checks=$((checks + 1))
if ! "$bin" catalog --markdown | diff -u "$src/docs/rules.md" - >/tmp/rules-md.$$.diff; then
	echo "docs/rules.md differs from 'precinct catalog --markdown' (regenerate it):"
	head -20 /tmp/rules-md.$$.diff
	fail=$((fail + 1))
fi
rm -f /tmp/rules-md.$$.diff

# 4. bare legal periods; each allowed line is matched by its text
allow='(day \* 86400 - 8 \* 3600|days \* 86400 - 8 \* 3600|c->now - 2 \* 86400|c->now - 30 \* 86400|ctx.now - 28 \* 86400|accepted_at - 7 \* 86400|from - 7 \* 86400|to - 7 \* 86400|400LL \* 86400|c->now \+ 366 \* 86400)'
hits=$(grep -rnE '[0-9]+ *\* *(3600|86400)|CLOCK_(HOURS|DAYS|MONTHS|WORKDAYS), *[1-9][0-9]*' \
	"$src/src/domain" "$src/src/api" "$src/src/rules" --include='*.c' |
	grep -v 'src/rules/catalog' | grep -vE "$allow")
checks=$((checks + 1))
if [ -n "$hits" ]; then
	echo "legal periods written as numbers outside the catalog:"
	echo "$hits"
	fail=$((fail + 1))
fi

# 5. docs/rule-paths.md (issue 15): every enforced row lists its paths, and
#    each path names a story that exists in its file; the paths without a
#    story are printed (not a failure) so the open ones stay visible
paths="$src/docs/rule-paths.md"
checks=$((checks + 1))
if [ ! -f "$paths" ]; then
	echo "docs/rule-paths.md is missing"
	fail=$((fail + 1))
else
	out=$(python3 - "$def" "$paths" "$src/tests" <<'PY'
import re, sys, os
text = open(sys.argv[1], encoding='utf-8').read()
enforced = sorted({m.group(1) for m in re.finditer(
    r'^RULE\(\s*\w+,\s*"([^"]+)".*?(RS_ENFORCED|RS_WARN|RS_NOT),', text, re.S | re.M)
    if m.group(2) == 'RS_ENFORCED'})
rows = {}
bad = []
lacking = []
section = False
for line in open(sys.argv[2], encoding='utf-8'):
    if line.startswith('## '):
        section = line.startswith('## Enforced rules')
    if not section:
        continue
    cells = [c.strip() for c in line.strip().strip('|').split('|')]
    if len(cells) != 3 or cells[0] not in enforced:
        continue
    code, path, test = cells
    rows.setdefault(code, 0)
    rows[code] += 1
    if test in ('—', '-', ''):
        lacking.append('%s: %s' % (code, path))
        continue
    f, _, story = test.partition('::')
    fp = os.path.join(sys.argv[3], f)
    if not os.path.isfile(fp) or not story or not re.search(
            r'(STORY\(%s\)|\b%s\s*\()' % (re.escape(story), re.escape(story)),
            open(fp, encoding='utf-8').read()):
        bad.append('%s: %s names %s, which does not exist' % (code, path, test))
for code in enforced:
    if code not in rows:
        bad.append('%s is enforced but docs/rule-paths.md lists no path for it' % code)
for b in bad:
    print('FAIL ' + b)
for l in lacking:
    print('lacks a path story: ' + l)
PY
)
	echo "$out" | grep -v '^FAIL ' | grep . || true
	if echo "$out" | grep -q '^FAIL '; then
		echo "$out" | grep '^FAIL '
		fail=$((fail + 1))
	fi
fi

echo "$((checks - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
